import { eq, sql } from 'drizzle-orm'
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import { openDatabase, preparedQuery, type Queryable } from '~db/connection'

const notes = sqliteTable('notes', {
  id: integer('id').primaryKey(),
  body: text('body').notNull(),
  at: integer('at', { mode: 'timestamp_ms' }).notNull(),
})

function database() {
  const db = openDatabase(':memory:')
  db.$client.exec(
    'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, at INTEGER NOT NULL)',
  )
  db.$client.exec("INSERT INTO notes VALUES (1, 'first', 1000), (2, 'second', 2000)")
  return db
}

let builds = 0
const noteById = (db: Queryable) => {
  builds += 1
  return db
    .select({ body: notes.body, at: notes.at })
    .from(notes)
    .where(eq(notes.id, sql.placeholder('id')))
    .prepare()
}

describe('preparedQuery', () => {
  it('builds a query once per connection and runs it with the values given', () => {
    const db = database()
    builds = 0
    const first = preparedQuery(db, noteById)
    expect(first.get({ id: 1 })).toEqual({ body: 'first', at: new Date(1000) })
    const again = preparedQuery(db, noteById)
    expect(again).toBe(first)
    expect(again.get({ id: 2 })).toEqual({ body: 'second', at: new Date(2000) })
    expect(again.get({ id: 3 })).toBeUndefined()
    expect(builds).toBe(1)

    const other = database()
    expect(preparedQuery(other, noteById)).not.toBe(first)
    expect(builds).toBe(2)
  })

  it('runs inside a transaction of the connection: it sees that transaction’s writes, and not after a rollback', () => {
    const db = database()
    let inside: unknown
    expect(() =>
      db.transaction(
        (tx) => {
          tx.insert(notes)
            .values({ id: 3, body: 'third', at: new Date(3000) })
            .run()
          inside = preparedQuery(tx, noteById).get({ id: 3 })
          throw new Error('undo')
        },
        { behavior: 'immediate' },
      ),
    ).toThrow('undo')
    expect(inside).toEqual({ body: 'third', at: new Date(3000) })
    expect(preparedQuery(db, noteById).get({ id: 3 })).toBeUndefined()
  })
})
