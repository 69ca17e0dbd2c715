// Numbers as people read them (decision 38): counts with the locale's grouping ("1,757"),
// percentages with one decimal ("48.2%"), working hours ("19.5 h"). Pages, notifications and
// e-mails format through here; CSV cells keep plain numbers for spreadsheets.
import { LOCALE } from './locale'

const COUNT = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 })
const PERCENT = new Intl.NumberFormat(LOCALE, {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
})
const ONE_DECIMAL = new Intl.NumberFormat(LOCALE, {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
})

/** A count or an amount in whole units: "1,757". */
export const formatCount = (n: number) => COUNT.format(n)

/** A share from 0 to 1 as a percentage with one decimal: 0.482 → "48.2%". */
export const formatPercent = (share: number) => PERCENT.format(share)

/** A number with one decimal: 13.333 → "13.3", 1204 → "1,204.0". */
export const formatDecimal = (n: number) => ONE_DECIMAL.format(n)

/** A duration in hours with one decimal: "19.5 h", "1,204.0 h". */
export const formatHours = (ms: number) => `${formatDecimal(ms / 3_600_000)} h`

/** A count and its noun, singular for one: "1 entry", "2,396 entries". */
export const countOf = (n: number, one: string, many: string) =>
  `${formatCount(n)} ${n === 1 ? one : many}`
