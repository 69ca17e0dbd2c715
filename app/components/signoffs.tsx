import { SEAT_LABELS, type Seat } from '~/domain/people/roles'

type SignoffView = { seat: Seat; userName: string; signedAt: string }

/** Who signed a version off, and when; the seats still to sign are named too. */
export function Signoffs({ signoffs, pending }: { signoffs: SignoffView[]; pending: Seat[] }) {
  return (
    <ul className="space-y-1 text-sm">
      {signoffs.map((s) => (
        <li key={s.seat}>
          <span className="font-medium">{SEAT_LABELS[s.seat]}</span>: signed off by {s.userName} on{' '}
          {s.signedAt}
        </li>
      ))}
      {pending.map((seat) => (
        <li key={seat} className="text-slate-600">
          <span className="font-medium">{SEAT_LABELS[seat]}</span>: not yet signed off
        </li>
      ))}
    </ul>
  )
}
