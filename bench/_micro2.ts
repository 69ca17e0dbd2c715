import Database from 'better-sqlite3'
const db = new Database('/work/bigdata/score-1m.db', { readonly: true })
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
function time(name: string, f: () => unknown, runs = 15) {
  f()
  const cs: number[] = []
  let out: unknown
  for (let i = 0; i < runs; i++) { const c = cpu(); out = f(); cs.push(cpu() - c) }
  cs.sort((a, b) => a - b)
  console.log(name.padEnd(40), 'cpu p50', cs[Math.floor(runs / 2)]!.toFixed(1), 'min', cs[0]!.toFixed(1), Array.isArray(out) ? `rows ${out.length}` : '')
}
const keys = `WITH RECURSIVE keys(k) AS ( SELECT min(s.k) FROM "summary_case_counts" s WHERE s.dim = 'rep' AND s.g = 'm' UNION ALL SELECT (SELECT min(s.k) FROM "summary_case_counts" s WHERE s.dim = 'rep' AND s.g = 'm' AND s.k > keys.k) FROM keys WHERE keys.k IS NOT NULL)`
time('keys only', () => db.prepare(`${keys} SELECT * FROM keys`).all())
const R = `${keys} SELECT s.k AS k, s.t AS t, s.kind AS kind, s.after_contact AS afterContact, s.imported AS imported, sum(s.n) AS n, sum(s.ruled) AS ruled, sum(s.upheld) AS upheld, sum(s.overturned), sum(s.open), sum(s.decided), sum(s.conceded), sum(s.meets), sum(s.disqualified), sum(s.nurture), sum(s.agree), sum(s.unanimous), sum(s.split), sum(s.by_chair), sum(s.review_decided), sum(s.review_in_time) FROM keys CROSS JOIN summary_case_counts s WHERE s.dim = 'rep' AND s.g = 'm' AND s.k = keys.k AND s.t >= 24311 AND s.t <= 24322 AND s.kind = 'rejected' GROUP BY s.k, s.t, s.kind, s.after_contact, s.imported`
time('rulings current', () => db.prepare(R).all())
const R2 = `SELECT s.k AS k, sum(s.ruled), sum(s.upheld), sum(s.n) FILTER (WHERE s.after_contact = 1) FROM summary_case_counts s WHERE s.dim = 'rep' AND s.g = 'm' AND s.t >= 24311 AND s.t <= 24322 AND s.kind = 'rejected' GROUP BY s.k`
time('rulings lean, scan dim', () => db.prepare(R2).all())
time('count dim rep m', () => db.prepare(`SELECT count(*) FROM summary_case_counts s WHERE s.dim = 'rep' AND s.g = 'm'`).all())
time('count dim rep', () => db.prepare(`SELECT count(*) FROM summary_case_counts s WHERE s.dim = 'rep'`).all())
console.log(db.prepare(`EXPLAIN QUERY PLAN ${R}`).all())
