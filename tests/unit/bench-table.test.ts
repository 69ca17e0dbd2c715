// The one table of `npm run bench` (bench/table.ts): each rule of issue 18 with exact values,
// and the cells it builds from the benchmarks' results.
import { describe, expect, it } from 'vitest'
import {
  buildRows,
  detailRows,
  figuresOf,
  importMet,
  leadsOf,
  type Measured,
  markdownTable,
  memoryMet,
  type PageFigures,
  pageRpsMet,
  reportP95Met,
  type SizeFigures,
  withinGrowth,
  writesMet,
} from '../../bench/table'

const page = (figures: Partial<PageFigures> & Pick<PageFigures, 'page'>): PageFigures => ({
  kind: 'page',
  p95: 20,
  rps: 250,
  ceilingRps: 9000,
  failed: {},
  ...figures,
})

const size = (figures: Partial<SizeFigures> & Pick<SizeFigures, 'label' | 'leads'>) => ({
  pages: null,
  commitsPerSecond: null,
  import: null,
  serverPeaksMb: null,
  leadPageBesideReports: null,
  ...figures,
})

const at10k: SizeFigures = size({
  label: '10k',
  leads: 10_000,
  pages: [
    page({ page: 'Lead page', rps: 210, ceilingRps: 12_000 }),
    page({ page: 'Report: Verdicts', kind: 'report', p95: 24, rps: 59 }),
    page({ page: 'Report: Verdicts (CSV)', kind: 'csv', p95: 14, rps: 112 }),
    page({ page: 'File a rejection (POST)', kind: 'post', p95: 31, rps: 320, ceilingRps: null }),
  ],
  commitsPerSecond: 905,
  import: { rows: 2000, rowsPerSecond: 4000, rawRowsPerSecond: 9000, ratio: 2 },
  serverPeaksMb: [310, 500],
  leadPageBesideReports: { aloneP95: 21, besideP95: 38, loops: 5 },
})
const at1M: SizeFigures = size({
  label: '1M',
  leads: 1_000_000,
  pages: [
    page({ page: 'Lead page', rps: 199.9, ceilingRps: 11_500 }),
    page({ page: 'Report: Verdicts', kind: 'report', p95: 49, rps: 30 }),
    page({ page: 'Report: Verdicts (CSV)', kind: 'csv', p95: 28, rps: 90 }),
    page({ page: 'File a rejection (POST)', kind: 'post', p95: 31, rps: 299, ceilingRps: null }),
  ],
  commitsPerSecond: 880,
  import: { rows: 200_000, rowsPerSecond: 2813, rawRowsPerSecond: 13_066, ratio: 5.16 },
  serverPeaksMb: [501],
  leadPageBesideReports: { aloneP95: 29.4, besideP95: 38, loops: 5 },
})

describe('the rules', () => {
  it('a report p95 of 99 or 100 ms is met, 101 ms is missed', () => {
    expect([99, 100, 101].map(reportP95Met)).toEqual([true, true, false])
  })

  it('a report within 2× of its 10k time is met, past it missed', () => {
    expect(withinGrowth(48, 24)).toBe(true)
    expect(withinGrowth(49, 24)).toBe(false)
  })

  it('pages need 200 req/s, writes 300/s', () => {
    expect([199.9, 200].map(pageRpsMet)).toEqual([false, true])
    expect([299, 300].map(writesMet)).toEqual([false, true])
  })

  it('an import at twice the raw time is met, 2.01× or 5.16× missed', () => {
    expect([2, 2.01, 5.16].map(importMet)).toEqual([true, false, false])
  })

  it('memory counts per process: every process at most 500 MB', () => {
    expect(memoryMet([480, 500])).toBe(true)
    expect(memoryMet([480, 501])).toBe(false)
  })
})

describe('the rows', () => {
  const rows = buildRows([at10k, at1M], at10k)
  const row = (target: RegExp) => rows.find((r) => target.test(r.target))?.cells

  it('reports: p95 ≤ 100 ms at every size, within 2× of 10k beyond it', () => {
    expect(row(/p95 ≤ 100 ms/)).toEqual([
      { measured: '2/2 met; worst: Verdicts 24 ms', reference: '≤ 100 ms', verdict: 'met' },
      { measured: '2/2 met; worst: Verdicts 49 ms', reference: '≤ 100 ms', verdict: 'met' },
    ])
    expect(row(/within 2× of 10k/)).toEqual([
      { measured: 'the reference', reference: '', verdict: '—' },
      {
        // 49 ms against 24 ms is 2.04×; the CSV's 28 against 14 is exactly 2×.
        measured: '1/2 met; worst: Verdicts 49 ms = 2.04×',
        reference: '10k: 24 ms',
        verdict: 'missed',
      },
    ])
  })

  it('pages: the slowest page against its ceiling; reports count as pages', () => {
    expect(row(/Every page/)).toEqual([
      {
        measured: '1/3 met; worst: Verdicts 59 req/s',
        reference: 'ceiling 9,000 req/s',
        verdict: 'missed',
      },
      {
        measured: '0/3 met; worst: Verdicts 30 req/s',
        reference: 'ceiling 9,000 req/s',
        verdict: 'missed',
      },
    ])
  })

  it('writes beside the raw commit rate of the same run', () => {
    expect(row(/File a rejection/)).toEqual([
      { measured: '320/s', reference: 'raw commits 905/s', verdict: 'met' },
      { measured: '299/s', reference: 'raw commits 880/s', verdict: 'missed' },
    ])
  })

  it('the import by its ratio to raw, memory by the largest process', () => {
    expect(row(/Import/)).toEqual([
      {
        measured: '2× (2,000 rows, 4,000 rows/s)',
        reference: 'raw 9,000 rows/s',
        verdict: 'met',
      },
      {
        measured: '5.16× (200,000 rows, 2,813 rows/s)',
        reference: 'raw 13,066 rows/s',
        verdict: 'missed',
      },
    ])
    expect(row(/peak RSS/)).toEqual([
      { measured: '500 MB (2 processes: 310, 500)', reference: '≤ 500 MB', verdict: 'met' },
      { measured: '501 MB (1 process: 501)', reference: '≤ 500 MB', verdict: 'missed' },
    ])
  })

  it('a page with failed responses is missed however fast it was', () => {
    const failing = size({
      label: '100k',
      leads: 100_000,
      pages: [page({ page: 'Report: Verdicts', kind: 'report', p95: 10, failed: { 500: 1 } })],
    })
    expect(buildRows([failing], null)[0]?.cells[0]).toEqual({
      measured: '0/1 met; worst: Verdicts 10 ms (failed responses)',
      reference: '≤ 100 ms',
      verdict: 'missed',
    })
  })

  it('without a 10k run the growth is not judged; what was not run reads "not measured"', () => {
    const rows100k = buildRows([size({ label: '100k', leads: 100_000, pages: [] })], null)
    expect(rows100k[1]?.cells[0]).toEqual({ measured: 'no 10k run', reference: '', verdict: '—' })
    expect(rows100k.find((r) => /Import/.test(r.target))?.cells[0]).toEqual({
      measured: 'not measured',
      reference: '',
      verdict: '—',
    })
  })

  it('detail rows judge each report on both limits', () => {
    const detail = detailRows([at10k, at1M], at10k)
    expect(detail.find((r) => r.target.startsWith('Report: Verdicts:'))?.cells).toEqual([
      { measured: '24 ms', reference: '≤ 100 ms', verdict: 'met' },
      { measured: '49 ms', reference: '10k: 24 ms', verdict: 'missed' },
    ])
  })
})

describe('the table', () => {
  it('has three columns a size and escapes pipes', () => {
    const table = markdownTable(
      [at10k],
      [{ target: 'a | b', cells: [{ measured: '1', reference: '2', verdict: 'met' }] }],
    ).split('\n')
    expect(table).toEqual([
      '| Target | 10k measured | 10k ceiling / raw | 10k met? |',
      '| --- | --- | --- | --- |',
      '| a \\| b | 1 | 2 | met |',
    ])
  })
})

describe('reading the results', () => {
  it('sizes by name', () => {
    expect(['10k', '100k', '1M', '2.5k', '2500'].map(leadsOf)).toEqual([
      10_000, 100_000, 1_000_000, 2_500, 2_500,
    ])
    expect(() => leadsOf('ten')).toThrow('--sizes')
  })

  it("the server's peak per process when the page benchmark recorded them", () => {
    const measured = {
      label: '10k',
      leads: 10_000,
      commitRate: null,
      import: null,
      reportLoad: null,
      pages: {
        results: [],
        serverMemoryMb: { peak: 420 },
        serverProcessesPeakMb: [
          { pid: 10, peakMb: 120 },
          { pid: 11, peakMb: 420 },
        ],
      },
    } as unknown as Measured
    expect(figuresOf(measured).serverPeaksMb).toEqual([120, 420])
    expect(
      figuresOf({ ...measured, pages: { results: [], serverMemoryMb: { peak: 588 } } })
        .serverPeaksMb,
    ).toEqual([588])
  })
})
