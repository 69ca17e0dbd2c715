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
const vals = reps.flatMap((r) => months.map((m) => `(${r}, ${r}, 1, ${m})`)).join(', ')
const A = `WITH t(g, rep, level, at) AS (VALUES ${vals}) SELECT t.g AS g, h.hour AS hour, sum(h.n) AS n FROM t CROSS JOIN summary_clock_hours h ON h.kind = 'hand_over' AND h.rep_id = t.rep AND h.level = t.level AND h.at = t.at GROUP BY t.g, h.hour`
time('A hours current', () => db.prepare(A).all())
const rvals = reps.map((r) => `(${r}, ${r}, 1, 24311, 24323)`).join(', ')
const G = `WITH t(g, rep, level, lo, hi) AS (VALUES ${rvals}) SELECT t.g AS g, (SELECT json_group_array(h.hour * 4294967296 + h.n) FROM summary_clock_hours h WHERE h.kind = 'hand_over' AND h.rep_id = t.rep AND h.level = t.level AND h.at >= t.lo AND h.at < t.hi) AS hs FROM t`
time('G json per rep (sql)', () => db.prepare(G).all())
time('G json per rep + JSON.parse + sum to arrays', () => {
  const out = new Map<number, number[]>()
  for (const { g, hs } of db.prepare(G).all() as { g: number; hs: string }[]) {
    const arr = out.get(g) ?? []
    for (const v of JSON.parse(hs) as number[]) { const h = Math.floor(v / 4294967296); arr[h] = (arr[h] ?? 0) + (v % 4294967296) }
    out.set(g, arr)
  }
  return [...out]
})
const H = `WITH t(g, rep, level, lo, hi) AS (VALUES ${rvals}) SELECT t.g AS g, (SELECT group_concat(h.hour || ' ' || h.n, ' ') FROM summary_clock_hours h WHERE h.kind = 'hand_over' AND h.rep_id = t.rep AND h.level = t.level AND h.at >= t.lo AND h.at < t.hi) AS hs FROM t`
time('H group_concat per rep', () => db.prepare(H).all())
const I = `WITH t(g, rep, level, lo, hi) AS (VALUES ${rvals}) SELECT t.g AS g, (SELECT json_group_array(json_array(hour, n)) FROM (SELECT h.hour AS hour, sum(h.n) AS n FROM summary_clock_hours h WHERE h.kind = 'hand_over' AND h.rep_id = t.rep AND h.level = t.level AND h.at >= t.lo AND h.at < t.hi GROUP BY h.hour)) AS hs FROM t`
time('I grouped per rep, json', () => db.prepare(I).all())
const J = `WITH t(g, rep, level, lo, hi) AS (VALUES ${rvals}) SELECT t.g AS g, h.hour, sum(h.n) FROM t CROSS JOIN summary_clock_hours h ON h.kind = 'hand_over' AND h.rep_id = t.rep AND h.level = t.level AND h.at >= t.lo AND h.at < t.hi GROUP BY t.g, h.hour`
time('J ranges, group by', () => db.prepare(J).all())
const K = `WITH t(g, rep, level, lo, hi) AS (VALUES ${rvals}) SELECT t.g, h.hour, h.n FROM t CROSS JOIN summary_clock_hours h ON h.kind = 'hand_over' AND h.rep_id = t.rep AND h.level = t.level AND h.at >= t.lo AND h.at < t.hi`
time('K ranges, rows, iterate raw', () => { let s = 0; for (const r of db.prepare(K).raw(true).iterate() as Iterable<number[]>) s += r[2]!; return [s] })
const jsonT = JSON.stringify(reps.map((r) => [r, r, 1, 24311, 24323]))
const L = `WITH t(g, rep, level, lo, hi) AS (SELECT value->>0, value->>1, value->>2, value->>3, value->>4 FROM json_each(?)) SELECT t.g AS g, (SELECT json_group_array(h.hour * 4294967296 + h.n) FROM summary_clock_hours h WHERE h.kind = 'hand_over' AND h.rep_id = t.rep AND h.level = t.level AND h.at >= t.lo AND h.at < t.hi) AS hs FROM t`
time('L json param, json per rep', () => db.prepare(L).all(jsonT))
const Q = `WITH t(g, rep, level, lo, hi) AS (SELECT value->>0, value->>1, value->>2, value->>3, value->>4 FROM json_each(?)) SELECT t.g AS g, (SELECT json_array(json_group_array(h.hour), json_group_array(h.n)) FROM summary_clock_hours h WHERE h.kind = 'hand_over' AND h.rep_id = t.rep AND h.level = t.level AND h.at >= t.lo AND h.at < t.hi) AS hs FROM t`
time('Q json param, two json arrays per rep', () => db.prepare(Q).all(jsonT))
time('Q + parse + map', () => { const m = new Map<number, Map<number, number>>(); for (const { g, hs } of db.prepare(Q).all(jsonT) as { g: number; hs: string }[]) { const [ks, ns] = JSON.parse(hs) as number[][]; const x = m.get(g) ?? new Map(); ks!.forEach((k, i) => x.set(k, (x.get(k) ?? 0) + ns![i]!)); m.set(g, x) } return [...m] })
time('L again', () => db.prepare(L).all(jsonT))
time('G again', () => db.prepare(G).all())
