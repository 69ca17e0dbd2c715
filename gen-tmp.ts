import { openDatabase } from '~db/connection'
import { summarisedClocks } from '~/domain/reports/clock-summaries.server'
import { periodTable } from '~/domain/reports/periods'
const db = openDatabase('/work/bigdata/sumclocks-1m.db')
const c = db.$client
let sqlMs = 0
const prep = c.prepare.bind(c)
c.prepare = ((s: string) => {
  const t0 = performance.now()
  const st = prep(s) as any
  sqlMs += performance.now() - t0
  for (const m of ['all', 'get'] as const) {
    const f = st[m].bind(st)
    st[m] = (...a: any[]) => { const t = performance.now(); const r = f(...a); sqlMs += performance.now() - t; return r }
  }
  return st
}) as any
const range = { from: '2025-12-01', to: '2026-11-28' }
const now = new Date('2026-11-28T12:00:00Z')
for (const q of [{ period: 'week', repId: 1 }, { period: 'month' }, { period: 'week', source: 'Community' }] as any[]) {
  for (let i = 0; i < 4; i++) {
    const t = performance.now()
    sqlMs = 0
    const { spans, periods } = periodTable(q.period, range, 'Europe/London')
    const tp = performance.now() - t
    for (const kind of ['hand_over', 'return'] as const)
      summarisedClocks(db, kind, { by: 'reason', history: 'shown', ...q }, { by: 'period', spans, periods }, 'Europe/London', now)
    console.log(JSON.stringify(q), 'total', (performance.now() - t).toFixed(1), 'sql', sqlMs.toFixed(1), 'periodTable', tp.toFixed(1))
  }
}
