// "… and next" (decision 43): what the page a person lands on after an action's "and next"
// button says (`?notice=<done>-next`), or the item's own page when nothing else waits
// (`<done>-last`). Shared by the routes' notices and the server's redirects (and-next.server.ts).
export type Done = 'accepted' | 'rejected' | 'conceded' | 'voted'

/** What the next item's page says (`?notice=<done>-next`), or the item's own when none is left. */
export const AND_NEXT_NOTICES: Record<`${Done}-${'next' | 'last'}`, string> = {
  'accepted-next': 'Lead accepted; it is yours to work. This is the next lead in your queue.',
  'rejected-next':
    'Lead rejected; a case is open for the committee and the marketer has been told. This is the next lead in your queue.',
  'accepted-last': 'Lead accepted. It is yours to work. No other lead is waiting in your queue.',
  'rejected-last':
    'Lead rejected. A case is open for the committee, and the marketer has been told. No other lead is waiting in your queue.',
  'conceded-next':
    'Case conceded and closed; the rep has been told. This is the next case waiting for your answer.',
  'conceded-last':
    'Conceded. The case is closed and the rep has been told. No other case is waiting for your answer.',
  'voted-next': 'Your vote is in. This is the next case that needs your vote.',
  'voted-last': 'Your vote is in. No other case needs your vote.',
}
