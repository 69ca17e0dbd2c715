import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { BoundedMemo } from '~/platform/memo'
import { databaseStamp, openDatabase } from '~db/connection'

describe('BoundedMemo', () => {
  it('forgets the least recently used value first once full', () => {
    const memo = new BoundedMemo<number>(2)
    memo.set('a', 1)
    memo.set('b', 2)
    expect(memo.get('a')).toBe(1) // a is now the newest
    memo.set('c', 3)
    expect([memo.get('a'), memo.get('b'), memo.get('c'), memo.count]).toEqual([1, undefined, 3, 2])
  })

  it('setting a key again replaces its value without growing', () => {
    const memo = new BoundedMemo<string>(2)
    memo.set('a', 'x')
    memo.set('a', 'y')
    expect([memo.get('a'), memo.count]).toEqual(['y', 1])
  })
})

describe('databaseStamp', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leadcourt-stamp-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('moves on a commit by this connection or another, not on a read', () => {
    const path = join(dir, 'stamp.db')
    const db = openDatabase(path)
    db.$client.exec('CREATE TABLE t (n INTEGER)')
    const other = openDatabase(path)
    const first = databaseStamp(db)
    db.$client.prepare('SELECT count(*) FROM t').get()
    other.$client.prepare('SELECT count(*) FROM t').get()
    expect(databaseStamp(db)).toBe(first)

    db.$client.exec('INSERT INTO t VALUES (1)')
    const afterOwn = databaseStamp(db)
    expect(afterOwn).not.toBe(first)

    other.$client.exec('INSERT INTO t VALUES (2)')
    const afterOther = databaseStamp(db)
    expect(afterOther).not.toBe(afterOwn)
    expect(databaseStamp(db)).toBe(afterOther)
    other.$client.close()
    db.$client.close()
  })
})
