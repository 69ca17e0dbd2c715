import Database from 'better-sqlite3'
const db = new Database('/work/bigdata/score-1m.db', { readonly: true })
const reps = (db.prepare('SELECT id FROM users').pluck().all() as number[])
const months = Array.from({ length: 12 }, (_, i) => 24311 + i)
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
function time(name: string, f: () => unknown, runs = 21) {
  f()
  const cs: number[] = []
  let out: unknown
  for (let i = 0; i < runs; i++) { const c = cpu(); out = f(); cs.push(cpu() - c) }
  cs.sort((a, b) => a - b)
  console.log(name.padEnd(50), 'cpu p50', cs[Math.floor(runs / 2)]!.toFixed(1), 'min', cs[0]!.toFixed(1), Array.isArray(out) ? `rows ${out.length}` : '')
}
const targets = reps.flatMap((r) => months.map((m) => [r, r, 1, m, 840, 900]))
const Mvals = targets.map((t) => `(${t.join(', ')})`).join(', ')
const M = `WITH t(g, rep, level, at, lo, hi) AS (VALUES ${Mvals}) SELECT t.g AS g, m.minute AS minute, sum(m.n) AS n FROM t CROSS JOIN summary_clock_minutes m ON m.kind = 'hand_over' AND m.rep_id = t.rep AND m.level = t.level AND m.at = t.at AND m.minute >= t.lo AND m.minute < t.hi GROUP BY t.g, m.minute`
time('M minutes current', () => db.prepare(M).all())
const json = JSON.stringify(targets)
const N = `WITH t(g, rep, level, at, lo, hi) AS (SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5 FROM json_each(?)) SELECT t.g AS g, (SELECT json_group_array(m.minute * 4294967296 + m.n) FROM summary_clock_minutes m WHERE m.kind = 'hand_over' AND m.rep_id = t.rep AND m.level = t.level AND m.at = t.at AND m.minute >= t.lo AND m.minute < t.hi) AS ms FROM t`
time('N json targets, json per target', () => db.prepare(N).all(json))
console.log(db.prepare(`EXPLAIN QUERY PLAN ${N}`).all(json).map((r: any) => r.detail))
const O = `WITH t(g, rep, level, at, lo, hi) AS (SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5 FROM json_each(?)) SELECT t.g AS g, m.minute AS minute, sum(m.n) AS n FROM t CROSS JOIN summary_clock_minutes m ON m.kind = 'hand_over' AND m.rep_id = t.rep AND m.level = t.level AND m.at = t.at AND m.minute >= t.lo AND m.minute < t.hi GROUP BY t.g, m.minute`
time('O json targets, group by', () => db.prepare(O).all(json))
const P = `WITH t(g, rep, level, at, lo, hi) AS (SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5 FROM json_each(?)) SELECT count(*), sum(m.n) FROM t CROSS JOIN summary_clock_minutes m ON m.kind = 'hand_over' AND m.rep_id = t.rep AND m.level = t.level AND m.at = t.at AND m.minute >= t.lo AND m.minute < t.hi`
time('P json targets, count', () => db.prepare(P).all(json))
console.log(db.prepare(P).all(json))
