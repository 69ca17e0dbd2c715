import Database from 'better-sqlite3'
import { expect, it } from 'vitest'
import { cacheStatements } from '~db/connection'

function connection(size?: number) {
  const sqlite = new Database(':memory:')
  sqlite.exec(
    "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t VALUES (1, 'a'), (2, 'b')",
  )
  cacheStatements(sqlite, size)
  return sqlite
}

it('hands the same statement back for the same SQL, its result modes reset', () => {
  const sqlite = connection()
  const first = sqlite.prepare('SELECT id, name FROM t ORDER BY id')
  expect(first.raw().all()).toEqual([
    [1, 'a'],
    [2, 'b'],
  ])
  const again = sqlite.prepare('SELECT id, name FROM t ORDER BY id')
  expect(again).toBe(first)
  expect(again.all()).toEqual([
    { id: 1, name: 'a' },
    { id: 2, name: 'b' },
  ])
  const plucked = sqlite.prepare('SELECT name FROM t WHERE id = ?')
  expect(plucked.pluck().get(2)).toBe('b')
  expect(sqlite.prepare('SELECT name FROM t WHERE id = ?').get(2)).toEqual({ name: 'b' })
  // A statement that returns nothing is kept too.
  const insert = sqlite.prepare("INSERT INTO t (name) VALUES ('c')")
  expect(sqlite.prepare("INSERT INTO t (name) VALUES ('c')")).toBe(insert)
})

it('prepares a fresh statement beside one still being iterated', () => {
  const sqlite = connection()
  const outer = sqlite.prepare('SELECT id FROM t ORDER BY id')
  const ids: number[][] = []
  for (const row of outer.iterate() as Iterable<{ id: number }>) {
    const inner = sqlite.prepare('SELECT id FROM t ORDER BY id')
    expect(inner).not.toBe(outer)
    ids.push((inner.all() as { id: number }[]).map((r) => r.id).concat(row.id))
  }
  expect(ids).toEqual([
    [1, 2, 1],
    [1, 2, 2],
  ])
  expect(sqlite.prepare('SELECT id FROM t ORDER BY id')).toBe(outer)
})

it('keeps at most its size, dropping the least recently used', () => {
  const sqlite = connection(2)
  const a = sqlite.prepare('SELECT 1')
  const b = sqlite.prepare('SELECT 2')
  expect(sqlite.prepare('SELECT 1')).toBe(a)
  sqlite.prepare('SELECT 3')
  // SELECT 2 was the least recently used: dropped; SELECT 1 kept.
  expect(sqlite.prepare('SELECT 1')).toBe(a)
  expect(sqlite.prepare('SELECT 2')).not.toBe(b)
})
