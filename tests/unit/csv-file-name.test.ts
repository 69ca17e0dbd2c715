import { describe, expect, it } from 'vitest'
import { reportFileParts } from '~/domain/reports/file-name.server'
import { ReportQuerySchema } from '~/domain/reports/query'
import { csvFileName } from '~/platform/csv'

const RANGE = { from: '2026-01-01', to: '2026-12-31' }
const query = (q: Record<string, string>) => ReportQuerySchema.parse(q)

describe('CSV file names say what the file holds', () => {
  it('joins the parts in lower-case words, accents and punctuation dropped, empty parts left out', () => {
    expect(csvFileName('scorecard', '2026-01-01', 'to', '2026-12-31', 'Dana Reyes')).toBe(
      'scorecard-2026-01-01-to-2026-12-31-dana-reyes.csv',
    )
    expect(csvFileName('Inês Duarte', null, undefined, false, '', 'Q4 — “badge scans”!')).toBe(
      'ines-duarte-q4-badge-scans.csv',
    )
    expect(csvFileName('Salesforce leads', 'failed rows')).toBe('salesforce-leads-failed-rows.csv')
    expect(csvFileName('../../etc/passwd')).toBe('etc-passwd.csv')
    expect(csvFileName()).toBe('export.csv')
  })

  it('names a report by its filters’ names, and its periods unless monthly', () => {
    const name = (report: string, q: Record<string, string>, names = {}) =>
      csvFileName(...reportFileParts(report, query(q), RANGE, names))
    expect(name('scorecard', { repId: '1' }, { rep: 'Dana Reyes' })).toBe(
      'scorecard-2026-01-01-to-2026-12-31-dana-reyes.csv',
    )
    expect(
      name(
        'accuracy',
        { period: 'week', reasonId: '4', source: 'Paid search', history: 'hidden' },
        { reason: 'No budget' },
      ),
    ).toBe(
      'rejection-accuracy-weekly-2026-01-01-to-2026-12-31-no-budget-paid-search-without-imported-history.csv',
    )
    expect(name('sla', { stage: 'ignored', handOver: 're_engaged', campaign: 'Expo 2026' })).toBe(
      'service-levels-2026-01-01-to-2026-12-31-expo-2026-ignored-re-engaged-hand-overs.csv',
    )
    // A filter whose name is unknown (a rep since deleted) is named by its id.
    expect(name('verdicts', { period: 'quarter', repId: '7' })).toBe(
      'verdicts-quarterly-2026-01-01-to-2026-12-31-rep-7.csv',
    )
  })
})
