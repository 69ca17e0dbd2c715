/** A date and time as people in the organisation's time zone read it, e.g. "22 Nov 2026, 09:05 GMT". */
export function formatDateTime(at: Date | number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at)
}
