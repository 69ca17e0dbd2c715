// "… and next" (decision 43): a second submit beside an action's own, which sends `then=next` so
// that the action, once done, opens the next item in the person's queue (the route's intent
// names where: `next` in app/http/intents.server.ts).
import type { ReactNode } from 'react'
import { type Confirmation, ConfirmSubmit } from './confirm-submit'
import { Button } from './ui'

/**
 * With `confirm`, it asks in the same dialog as its form's own button (decision 44) and sends
 * `then=next` once confirmed.
 */
export function AndNextButton({
  children,
  variant = 'secondary',
  confirm,
  pendingLabel,
}: {
  children: ReactNode
  variant?: 'primary' | 'secondary' | 'danger'
  confirm?: Confirmation
  pendingLabel?: string
}) {
  const props = {
    name: 'then',
    value: 'next',
    variant,
    pendingLabel,
    'data-and-next': '',
  } as const
  if (confirm)
    return (
      <ConfirmSubmit confirm={confirm} {...props}>
        {children}
      </ConfirmSubmit>
    )
  return (
    <Button type="submit" {...props}>
      {children}
    </Button>
  )
}
