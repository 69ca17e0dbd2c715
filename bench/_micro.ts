import Database from 'better-sqlite3'
const db = new Database('/work/bigdata/score-1m.db', { readonly: true })
const reps = (db.prepare('SELECT id FROM users').pluck().all() as number[])
const months = Array.from({ length: 12 }, (_, i) => 24311 + i)
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
function time(name: string, f: () => unknown, runs = 15) {
  f()
  const cs: number[] = []
  let out: unknown
  for (let i = 0; i < runs; i++) { const c = cpu(); out = f(); cs.push(cpu() - c) }
  cs.sort((a, b) => a - b)
  console.log(name.padEnd(40), 'cpu p50', cs[Math.floor(runs / 2)]!.toFixed(1), 'min', cs[0]!.toFixed(1), Array.isArray(out) ? `rows ${out.length}` : '')
}
const vals = reps.flatMap((r) => months.map((m) => `(${r}, ${r}, 1, ${m})`)).join(', ')
const A = `WITH t(g, rep, level, at) AS (VALUES ${vals}) SELECT t.g AS g, h.hour AS hour, sum(h.n) AS n FROM t CROSS JOIN summary_clock_hours h ON h.kind = 'hand_over' AND h.rep_id = t.rep AND h.level = t.level AND h.at = t.at GROUP BY t.g, h.hour`
time('A hours current: prepare+run', () => db.prepare(A).all())
const a = db.prepare(A)
time('A hours current: run only', () => a.all())
time('A hours current: prepare only', () => db.prepare(A))
const rvals = reps.map((r) => `(${r}, ${r}, 1, 24311, 24323)`).join(', ')
const B = `WITH t(g, rep, level, lo, hi) AS (VALUES ${rvals}) SELECT t.g AS g, h.hour AS hour, sum(h.n) AS n FROM t CROSS JOIN summary_clock_hours h ON h.kind = 'hand_over' AND h.rep_id = t.rep AND h.level = t.level AND h.at >= t.lo AND h.at < t.hi GROUP BY t.g, h.hour`
time('B hours ranges', () => db.prepare(B).all())
const C = `WITH t(g, rep, level, lo, hi) AS (VALUES ${rvals}) SELECT t.g AS g, h.hour AS hour, h.n AS n FROM t CROSS JOIN summary_clock_hours h ON h.kind = 'hand_over' AND h.rep_id = t.rep AND h.level = t.level AND h.at >= t.lo AND h.at < t.hi`
time('C hours ranges raw rows (objects)', () => db.prepare(C).all())
time('C hours ranges raw rows (arrays)', () => db.prepare(C).raw(true).all())
const D = `SELECT count(*), sum(n) FROM summary_clock_hours h WHERE h.kind = 'hand_over' AND h.rep_id > 0 AND h.level = 1 AND h.at >= 24311 AND h.at < 24323`
time('D count only', () => db.prepare(D).all())
const Dl = `SELECT count(*), sum(n) FROM summary_clock_hours h WHERE h.kind = 'hand_over' AND h.rep_id > 0 AND h.level = 1 `
time('D count only (level scan, no at range)', () => db.prepare(Dl).all())
const E = `WITH t(g, rep, level, lo, hi) AS (VALUES ${rvals}) SELECT count(*), sum(n) FROM t CROSS JOIN summary_clock_hours h ON h.kind = 'hand_over' AND h.rep_id = t.rep AND h.level = t.level AND h.at >= t.lo AND h.at < t.hi`
time('E count over ranges', () => db.prepare(E).all())
const F = `WITH t(g, rep, level, lo, hi) AS (VALUES ${rvals}), s AS (SELECT t.g AS g, h.hour AS hour, sum(h.n) AS n FROM t CROSS JOIN summary_clock_hours h ON h.kind = 'hand_over' AND h.rep_id = t.rep AND h.level = t.level AND h.at >= t.lo AND h.at < t.hi GROUP BY t.g, h.hour),
 c AS (SELECT g, hour, n, sum(n) OVER (PARTITION BY g ORDER BY hour) AS upto, sum(n) OVER (PARTITION BY g) AS total FROM s)
 SELECT g, hour, upto - n AS before, total FROM c WHERE upto >= (total + 1) / 2 AND upto - n < (total + 1) / 2`
time('F median hour in SQL (window)', () => db.prepare(F).all())
const Mvals = reps.flatMap((r) => months.map((m) => `(${r}, ${r}, 1, ${m}, 840, 900)`)).join(', ')
const M = `WITH t(g, rep, level, at, lo, hi) AS (VALUES ${Mvals}) SELECT t.g AS g, m.minute AS minute, sum(m.n) AS n FROM t CROSS JOIN summary_clock_minutes m ON m.kind = 'hand_over' AND m.rep_id = t.rep AND m.level = t.level AND m.at = t.at AND m.minute >= t.lo AND m.minute < t.hi GROUP BY t.g, m.minute`
time('M minutes current', () => db.prepare(M).all())
const m = db.prepare(M)
time('M minutes run only', () => m.all())
