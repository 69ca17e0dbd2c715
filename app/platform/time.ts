// Building an Intl.DateTimeFormat costs far more than formatting with one (tens of µs, and a
// list page formats hundreds of dates), so there is one formatter per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>()

/** A date and time as people in the organisation's time zone read it, e.g. "22 Nov 2026, 09:05 GMT". */
export function formatDateTime(at: Date | number, timeZone: string): string {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter.format(at)
}
