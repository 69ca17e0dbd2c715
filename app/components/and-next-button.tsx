// "… and next" (decision 43): a second submit beside an action's own, which sends `then=next` so
// that the action, once done, opens the next item in the person's queue (the route's intent
// names where: `next` in app/http/intents.server.ts).
import type { ReactNode } from 'react'
import { Button } from './ui'

export function AndNextButton({
  children,
  variant = 'secondary',
}: {
  children: ReactNode
  variant?: 'primary' | 'secondary' | 'danger'
}) {
  return (
    <Button type="submit" name="then" value="next" variant={variant} data-and-next="">
      {children}
    </Button>
  )
}
