// The one table `npm run bench` prints: each target of issue 18 at each size, with the measured
// value, the ceiling or raw figure of the same run, and met / missed. Pure: it reads the results
// the benchmarks wrote (bench/pages.ts, bench/import.ts, bench/commit-rate.ts,
// bench/report-load.ts) and judges them; tests/unit/bench-table.test.ts pins the rules.
import type { CommitRate } from './commit-rate'
import type { ReportLoad } from './report-load'

/** One page's figures, as bench/pages.ts records them. */
export type PageFigures = {
  page: string
  kind: 'page' | 'report' | 'csv' | 'post'
  p95: number
  rps: number
  ceilingRps: number | null
  failed: Record<string, number>
}

/** What one size's run measured; a part that was not run is null. */
export type SizeFigures = {
  /** `10k`, `100k`, `1M`: the column's name. */
  label: string
  leads: number
  pages: PageFigures[] | null
  /** The raw `synchronous=FULL` commit rate of the same run (bench/commit-rate.ts). */
  commitsPerSecond: number | null
  import: { rows: number; rowsPerSecond: number; rawRowsPerSecond: number; ratio: number } | null
  /** Peak resident memory (VmHWM) of each of the server's processes over the page benchmark. */
  serverPeaksMb: number[] | null
  leadPageBesideReports: { aloneP95: number; besideP95: number; loops: number } | null
}

export type Verdict = 'met' | 'missed' | '—'
export type Cell = { measured: string; reference: string; verdict: Verdict }
export type Row = { target: string; cells: Cell[] }

export const TARGETS = {
  reportP95Ms: 100,
  growthOver10k: 2,
  pageRps: 200,
  writesPerSecond: 300,
  importToRaw: 2,
  peakMb: 500,
} as const

// ——— The rules, one function each ———

/** A report or CSV's p95 at one connection: at most 100 ms. */
export const reportP95Met = (p95: number) => p95 <= TARGETS.reportP95Ms
/** A report's p95 within 2× of its p95 at 10k leads. */
export const withinGrowth = (p95: number, p95At10k: number) =>
  p95 <= TARGETS.growthOver10k * p95At10k
/** Every page: at least 200 requests a second at ten connections. */
export const pageRpsMet = (rps: number) => rps >= TARGETS.pageRps
/** Rejections and votes: at least 300 a second. */
export const writesMet = (perSecond: number) => perSecond >= TARGETS.writesPerSecond
/** The import's time at most twice the raw insert's (bench/import.ts's `importToRawTimeRatio`). */
export const importMet = (ratio: number) => ratio <= TARGETS.importToRaw
/** Peak resident memory at most 500 MB in every process. */
export const memoryMet = (peaksMb: number[]) => peaksMb.every((mb) => mb <= TARGETS.peakMb)

// ——— Formatting ———

const number = (n: number) =>
  n >= 100 || Number.isInteger(n)
    ? Math.round(n).toLocaleString('en-US')
    : String(Math.round(n * 10) / 10)
const ms = (n: number) => `${number(n)} ms`
const times = (ratio: number) => `${Number(ratio.toFixed(2))}×`
const failedOf = (page: PageFigures) => Object.keys(page.failed).length > 0
const notMeasured: Cell = { measured: 'not measured', reference: '', verdict: '—' }
const verdict = (met: boolean): Verdict => (met ? 'met' : 'missed')
const short = (page: string) => page.replace(/^Report: /, '')

/**
 * A target over many items (every report, every page): how many met, the worst item, and met
 * only if every item did. `worst` sorts the failing side first.
 */
function overItems<T>(
  items: T[],
  met: (item: T) => boolean,
  worst: (a: T, b: T) => number,
  describe: (item: T) => { measured: string; reference: string },
): Cell {
  if (items.length === 0) return notMeasured
  const passed = items.filter(met).length
  const [first] = [...items].sort(worst)
  const { measured, reference } = describe(first as T)
  return {
    measured: `${passed}/${items.length} met; worst: ${measured}`,
    reference,
    verdict: verdict(passed === items.length),
  }
}

const reportsOf = (size: SizeFigures) =>
  (size.pages ?? []).filter((p) => p.kind === 'report' || p.kind === 'csv')

/** Each row of the table: one target, a cell per size. */
export function buildRows(sizes: SizeFigures[], baseline10k: SizeFigures | null): Row[] {
  // The size whose leads are the baseline's is the reference itself (the 10k of this run).
  const rows: Row[] = []
  const baseP95 = new Map((baseline10k ? reportsOf(baseline10k) : []).map((p) => [p.page, p.p95]))

  rows.push({
    target: `Reports and CSVs: p95 ≤ ${TARGETS.reportP95Ms} ms at 1 connection`,
    cells: sizes.map((size) =>
      overItems(
        reportsOf(size),
        (p) => reportP95Met(p.p95) && !failedOf(p),
        (a, b) => b.p95 - a.p95,
        (p) => ({
          measured: `${short(p.page)} ${ms(p.p95)}${failedOf(p) ? ' (failed responses)' : ''}`,
          reference: `≤ ${ms(TARGETS.reportP95Ms)}`,
        }),
      ),
    ),
  })

  rows.push({
    target: `Reports and CSVs: p95 within ${TARGETS.growthOver10k}× of 10k`,
    cells: sizes.map((size): Cell => {
      if (size.pages === null) return notMeasured
      if (size.leads === baseline10k?.leads)
        return { measured: 'the reference', reference: '', verdict: '—' }
      if (baseline10k === null) return { measured: 'no 10k run', reference: '', verdict: '—' }
      const compared = reportsOf(size).filter((p) => baseP95.has(p.page))
      const ratio = (p: PageFigures) => p.p95 / (baseP95.get(p.page) as number)
      return overItems(
        compared,
        (p) => withinGrowth(p.p95, baseP95.get(p.page) as number),
        (a, b) => ratio(b) - ratio(a),
        (p) => ({
          measured: `${short(p.page)} ${ms(p.p95)} = ${times(ratio(p))}`,
          reference: `10k: ${ms(baseP95.get(p.page) as number)}`,
        }),
      )
    }),
  })

  rows.push({
    target: `Every page ≥ ${TARGETS.pageRps} req/s at 10 connections`,
    cells: sizes.map((size) =>
      overItems(
        (size.pages ?? []).filter((p) => p.kind !== 'post'),
        (p) => pageRpsMet(p.rps) && !failedOf(p),
        (a, b) => a.rps - b.rps,
        (p) => ({
          measured: `${short(p.page)} ${number(p.rps)} req/s${failedOf(p) ? ' (failed responses)' : ''}`,
          reference: p.ceilingRps === null ? '' : `ceiling ${number(p.ceilingRps)} req/s`,
        }),
      ),
    ),
  })

  const posts = [
    ...new Set(
      sizes.flatMap((s) => (s.pages ?? []).filter((p) => p.kind === 'post')).map((p) => p.page),
    ),
  ]
  for (const post of posts)
    rows.push({
      target: `${post}: ≥ ${TARGETS.writesPerSecond}/s at 10 connections`,
      cells: sizes.map((size): Cell => {
        const page = size.pages?.find((p) => p.page === post)
        if (!page) return notMeasured
        return {
          measured: `${number(page.rps)}/s${failedOf(page) ? ' (failed responses)' : ''}`,
          reference:
            size.commitsPerSecond === null ? '' : `raw commits ${number(size.commitsPerSecond)}/s`,
          verdict: verdict(writesMet(page.rps) && !failedOf(page)),
        }
      }),
    })

  rows.push({
    target: `Import within ${TARGETS.importToRaw}× of raw inserts`,
    cells: sizes.map((size): Cell => {
      if (!size.import) return notMeasured
      return {
        measured: `${times(size.import.ratio)} (${number(size.import.rows)} rows, ${number(size.import.rowsPerSecond)} rows/s)`,
        reference: `raw ${number(size.import.rawRowsPerSecond)} rows/s`,
        verdict: verdict(importMet(size.import.ratio)),
      }
    }),
  })

  rows.push({
    target: `Server peak RSS ≤ ${TARGETS.peakMb} MB per process (page benchmark)`,
    cells: sizes.map((size): Cell => {
      const peaks = size.serverPeaksMb
      if (!peaks || peaks.length === 0) return notMeasured
      return {
        measured: `${number(Math.max(...peaks))} MB (${peaks.length} process${peaks.length === 1 ? '' : 'es'}: ${peaks.map(number).join(', ')})`,
        reference: `≤ ${TARGETS.peakMb} MB`,
        verdict: verdict(memoryMet(peaks)),
      }
    }),
  })

  rows.push({
    target: "A rep's lead page p95 beside five report loops (no target)",
    cells: sizes.map((size): Cell => {
      const load = size.leadPageBesideReports
      if (!load) return notMeasured
      return {
        measured: `${ms(load.besideP95)} beside ${load.loops} loops`,
        reference: `alone ${ms(load.aloneP95)}`,
        verdict: '—',
      }
    }),
  })

  rows.push({
    target: 'Raw `synchronous=FULL` commits (one small INSERT each)',
    cells: sizes.map(
      (size): Cell =>
        size.commitsPerSecond === null
          ? notMeasured
          : { measured: `${number(size.commitsPerSecond)}/s`, reference: '', verdict: '—' },
    ),
  })
  return rows
}

/**
 * Every report's and page's own row (for `--detail`): p95 for reports and CSVs, requests a second
 * for every page, beside the same limits as the summary rows.
 */
export function detailRows(sizes: SizeFigures[], baseline10k: SizeFigures | null): Row[] {
  const names = [
    ...new Set(
      sizes
        .flatMap((s) => (s.pages ?? []).filter((p) => p.kind !== 'post'))
        .map((p) => `${p.kind}\u0000${p.page}`),
    ),
  ]
  const rows: Row[] = []
  const base = (page: string) => baseline10k?.pages?.find((p) => p.page === page)
  for (const key of names) {
    const [kind, page] = key.split('\u0000') as [PageFigures['kind'], string]
    const find = (size: SizeFigures) => size.pages?.find((p) => p.page === page)
    if (kind === 'report' || kind === 'csv')
      rows.push({
        target: `${page}: p95 ≤ ${TARGETS.reportP95Ms} ms, ≤ ${TARGETS.growthOver10k}× 10k`,
        cells: sizes.map((size): Cell => {
          const figures = find(size)
          if (!figures) return notMeasured
          const at10k = size.leads === baseline10k?.leads ? undefined : base(page)
          const grown = at10k === undefined || withinGrowth(figures.p95, at10k.p95)
          return {
            measured: ms(figures.p95),
            reference:
              at10k === undefined ? `≤ ${ms(TARGETS.reportP95Ms)}` : `10k: ${ms(at10k.p95)}`,
            verdict: verdict(reportP95Met(figures.p95) && grown && !failedOf(figures)),
          }
        }),
      })
    rows.push({
      target: `${page}: ≥ ${TARGETS.pageRps} req/s`,
      cells: sizes.map((size): Cell => {
        const figures = find(size)
        if (!figures) return notMeasured
        return {
          measured: `${number(figures.rps)} req/s`,
          reference: figures.ceilingRps === null ? '' : `ceiling ${number(figures.ceilingRps)}`,
          verdict: verdict(pageRpsMet(figures.rps) && !failedOf(figures)),
        }
      }),
    })
  }
  return rows
}

const escapePipes = (text: string) => text.replaceAll('|', '\\|')

/** The markdown table: a row per target; measured, ceiling or raw, met per size. */
export function markdownTable(sizes: SizeFigures[], rows: Row[]): string {
  const head = [
    'Target',
    ...sizes.flatMap((s) => [`${s.label} measured`, `${s.label} ceiling / raw`, `${s.label} met?`]),
  ]
  const lines = [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map(
      (row) =>
        `| ${[row.target, ...row.cells.flatMap((c) => [c.measured, c.reference, c.verdict])]
          .map(escapePipes)
          .join(' | ')} |`,
    ),
  ]
  return lines.join('\n')
}

// ——— From the benchmarks' results to the table's figures ———

/** `10k` → 10,000; `1M` → 1,000,000; `2500` → 2,500. */
export function leadsOf(size: string): number {
  const match = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(size.trim())
  if (!match) throw new Error(`--sizes: "${size}" is not a size like 10k, 100k or 1M`)
  const scale = { '': 1, k: 1_000, m: 1_000_000 }[(match[2] ?? '').toLowerCase()] ?? 1
  return Math.round(Number(match[1]) * scale)
}

/** One size's run in bench/results/bench-<time>.json: each benchmark's own result, whole. */
export type Measured = {
  label: string
  leads: number
  database: string
  seededSeconds: number | null
  secondsPerPageRun: number
  importRows: number
  loadAverage: Record<string, number>
  minutes: number
  commitRate: CommitRate | null
  pages: {
    results: PageFigures[]
    serverMemoryMb: { peak: number }
    serverProcessesPeakMb?: { pid: number; peakMb: number }[]
  } | null
  reportLoad: ReportLoad | null
  import: {
    rows: number
    importRowsPerSecond: number
    rawRowsPerSecond: number
    importToRawTimeRatio: number
  } | null
  /** The benchmarks that failed, with their error: their cells read "not measured". */
  errors: string[]
}

/** What the table reads from one size's results. */
export function figuresOf(measured: Measured): SizeFigures {
  const pages = measured.pages
  return {
    label: measured.label,
    leads: measured.leads,
    pages: pages?.results ?? null,
    commitsPerSecond: measured.commitRate?.commitsPerSecond ?? null,
    import: measured.import && {
      rows: measured.import.rows,
      rowsPerSecond: measured.import.importRowsPerSecond,
      rawRowsPerSecond: measured.import.rawRowsPerSecond,
      ratio: measured.import.importToRawTimeRatio,
    },
    serverPeaksMb: pages
      ? (pages.serverProcessesPeakMb?.map((p) => p.peakMb) ?? [pages.serverMemoryMb.peak])
      : null,
    leadPageBesideReports: measured.reportLoad && {
      aloneP95: measured.reportLoad.leadPage.alone.p95,
      besideP95: measured.reportLoad.leadPage.besideReports.p95,
      loops: measured.reportLoad.loops,
    },
  }
}
