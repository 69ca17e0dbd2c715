import { describe, expect, it } from 'vitest'
import { multiRowInsert, pendingRows } from '~/domain/leads/pending-rows.server'
import { memoryDb } from '../support/memory-db'

describe('rows inserted together', () => {
  it('writes one statement with a row of placeholders per row', () => {
    expect(multiRowInsert('t', ['a', 'b'], 3)).toBe(
      'INSERT INTO t (a, b) VALUES (?, ?), (?, ?), (?, ?)',
    )
  })

  it('inserts 250 held rows in order, 100 to a statement, and holds nothing after', () => {
    const db = memoryDb()
    db.$client.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)')
    const traced: string[] = []
    const rows = pendingRows(db, 't', ['id', 'name'])
    for (let i = 1; i <= 250; i++) rows.add([i, `row ${i}`])
    expect(rows.size).toBe(250)
    expect(db.$client.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 })
    const original = db.$client.prepare.bind(db.$client)
    db.$client.prepare = ((source: string) => {
      traced.push(source)
      return original(source)
    }) as typeof db.$client.prepare
    rows.flush()
    expect(rows.size).toBe(0)
    // Statements for 100 rows (once, then reused) and for the 50 left.
    expect(traced.map((sql) => (sql.match(/\(\?, \?\)/g) ?? []).length)).toEqual([100, 50])
    const stored = db.$client.prepare('SELECT id, name FROM t ORDER BY id').all() as {
      id: number
      name: string
    }[]
    expect(stored).toHaveLength(250)
    expect(stored[249]).toEqual({ id: 250, name: 'row 250' })
  })

  it('refuses a row with the wrong number of values', () => {
    const rows = pendingRows(memoryDb(), 't', ['id', 'name'])
    expect(() => rows.add([1])).toThrow('A row of t has 1 values for 2 columns')
  })
})
