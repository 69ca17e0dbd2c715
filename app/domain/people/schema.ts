import { z } from 'zod'
import { ROLES, SEATS } from './roles'

const EmailSchema = z
  .string({ error: 'Enter an e-mail address' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter an e-mail address')
  .max(254, 'Use 254 characters or fewer')
  .pipe(z.email({ error: 'Enter a valid e-mail address, like name@company.com' }))

const NewPasswordSchema = z
  .string({ error: 'Enter a password' })
  .min(12, 'Use at least 12 characters')
  .max(200, 'Use 200 characters or fewer')

/** The admin's user form: who someone is and what they may do. */
export const UserSchema = z
  .object({
    name: z
      .string({ error: 'Enter a name' })
      .trim()
      .min(1, 'Enter a name')
      .max(120, 'Use 120 characters or fewer'),
    email: EmailSchema,
    roles: z
      .array(z.enum(ROLES, { error: 'Choose roles from the list' }), {
        error: 'Choose at least one role',
      })
      .min(1, 'Choose at least one role'),
    seat: z.enum(SEATS, { error: 'Choose a seat from the list' }).optional(),
    isChair: z.boolean().default(false),
  })
  .superRefine((user, ctx) => {
    const onCommittee = user.roles.includes('committee')
    if (onCommittee && !user.seat) {
      ctx.addIssue({ code: 'custom', path: ['seat'], message: 'A committee member needs a seat' })
    }
    if (!onCommittee && user.seat) {
      ctx.addIssue({
        code: 'custom',
        path: ['seat'],
        message: 'Only committee members have a seat',
      })
    }
    if (user.isChair && !onCommittee) {
      ctx.addIssue({
        code: 'custom',
        path: ['isChair'],
        message: 'The chair must be a committee member',
      })
    }
  })
export type UserInput = z.infer<typeof UserSchema>

export const SignInSchema = z.object({
  email: EmailSchema,
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(200),
  redirectTo: z.string().optional(),
})

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string({ error: 'Enter your current password' }).max(200),
    newPassword: NewPasswordSchema,
    confirmPassword: z.string({ error: 'Repeat the new password' }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two new passwords do not match',
  })

export const SetupSchema = z.object({
  token: z.string({ error: 'The setup link is incomplete' }).min(1),
  name: z.string({ error: 'Enter your name' }).trim().min(1, 'Enter your name').max(120),
  email: EmailSchema,
  password: NewPasswordSchema,
})
