// Rows waiting to be inserted together: multi-row prepared inserts (INSERT … VALUES (…),(…)),
// prepared once per connection and number of rows.
import { preparedStatement, type Queryable } from '~db/connection'

/** Rows per statement: 100 leads of 34 values bind 3,400 parameters (SQLite allows 32,766). */
export const ROWS_PER_STATEMENT = 100

/** `INSERT INTO table (columns) VALUES (?, …), …` for `rows` rows. */
export function multiRowInsert(table: string, columns: readonly string[], rows: number): string {
  const row = `(${columns.map(() => '?').join(', ')})`
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(rows).fill(row).join(', ')}`
}

/**
 * Rows for one table, held until `flush` inserts them with as few statements as it can: full
 * statements of ROWS_PER_STATEMENT rows, then one for the rest (each statement text prepared
 * once per connection and kept).
 */
export function pendingRows(db: Queryable, table: string, columns: readonly string[]) {
  let values: unknown[] = []
  let rows = 0
  return {
    add(row: readonly unknown[]) {
      if (row.length !== columns.length)
        throw new Error(`A row of ${table} has ${row.length} values for ${columns.length} columns`)
      for (const value of row) values.push(value)
      rows++
    },
    get size() {
      return rows
    },
    flush() {
      const width = columns.length
      let done = 0
      while (done < rows) {
        const n = Math.min(ROWS_PER_STATEMENT, rows - done)
        const statement = preparedStatement(db, multiRowInsert(table, columns, n))
        statement.run(values.slice(done * width, (done + n) * width))
        done += n
      }
      values = []
      rows = 0
    },
  }
}
