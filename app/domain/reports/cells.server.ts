// Counting without sorting. A GROUP BY over a million rows makes SQLite sort every row before
// it aggregates (most of a second); instead, each report counts a grid of cells (a period, or a
// period and a rep, reason, source or campaign), each cell one range of a covering index summed
// by a correlated subquery, and folds the cells into its rows in TypeScript.
import { type SQL, sql } from 'drizzle-orm'

/** Integers for a VALUES list, written into the SQL (they are ours, never the user's). */
export const integerValues = (rows: readonly (readonly number[])[]) =>
  sql.raw(rows.map((row) => `(${row.map((v) => Math.trunc(v)).join(', ')})`).join(', '))

/**
 * A table of integer rows for a WITH clause, `name(columns) AS (…)`, from one JSON parameter:
 * the statement's text stays short and the same whatever the rows (a VALUES list of hundreds of
 * rows written into the SQL took longer to prepare than to run).
 */
export function integerTable(
  name: string,
  columns: readonly string[],
  rows: readonly (readonly number[])[],
): SQL {
  const values = JSON.stringify(rows.map((row) => row.map((v) => Math.trunc(v))))
  return sql`${sql.raw(name)}(${sql.raw(columns.join(', '))}) AS (SELECT ${sql.raw(
    columns.map((_, i) => `value ->> ${i}`).join(', '),
  )} FROM json_each(${values}))`
}

/**
 * A histogram as one value of a correlated subquery, `[[key…], [n…]]`, read with
 * `addHistogram`: the subquery reads one range of a summary's key and needs no GROUP BY (a
 * GROUP BY sorts every row it reads), the keys are summed in TypeScript.
 */
export const histogramOf = (key: SQL, n: SQL) =>
  sql`json_array(json_group_array(${key}), json_group_array(${n}))`

/** Adds a `histogramOf` value into `into` (key → count); `into`, for chaining. */
export function addHistogram(into: Map<number, number>, json: string): Map<number, number> {
  const [keys, counts] = JSON.parse(json) as [number[], number[]]
  keys.forEach((key, i) => {
    into.set(key, (into.get(key) ?? 0) + (counts[i] ?? 0))
  })
  return into
}

/**
 * Aggregates returned as one JSON array, so that a single correlated subquery yields them all:
 * `sql` goes in the SELECT of the cell, `unpack` reads its value back.
 */
export function packed<T extends Record<string, number | number[]>>(
  aggregates: {
    [K in keyof T]: SQL
  },
) {
  const keys = Object.keys(aggregates) as (keyof T & string)[]
  return {
    sql: sql`json_array(${sql.join(
      keys.map((key) => aggregates[key]),
      sql`, `,
    )})`,
    unpack(json: string): T {
      const values = JSON.parse(json) as unknown[]
      return Object.fromEntries(keys.map((key, i) => [key, values[i]])) as T
    },
  }
}

/**
 * A `keys(k)` table (or `name(k)`) for a WITH RECURSIVE: the distinct values of `column` among
 * the rows of `table` that `where` selects, ascending, then NULL (the row that ends the
 * recursion). A loose index scan: one seek per value in an index on (the `where` columns,
 * `column`), where a SELECT DISTINCT would read every row. Or, when the report is filtered on
 * that very column, just that value.
 */
export function distinctKeys(
  table: SQL,
  column: SQL,
  where: SQL,
  only?: string | number | undefined,
  name = 'keys',
): SQL {
  const keys = sql.raw(name)
  if (only !== undefined) return sql`${keys}(k) AS (VALUES (${only}))`
  return sql`${keys}(k) AS (
    SELECT min(${column}) FROM ${table} WHERE ${where}
    UNION ALL
    SELECT (SELECT min(${column}) FROM ${table} WHERE ${where} AND ${column} > ${keys}.k)
    FROM ${keys} WHERE ${keys}.k IS NOT NULL)`
}

/**
 * The `keys(k)` table of the values of `column` among the cases of one kind, or of two: one
 * loose scan per kind (a `kind IN (…)` has no loose scan), the second kind's values added where
 * the first has not got them. NULL, the end of each scan, is among the keys once.
 */
export function distinctKeysOfKinds(
  column: SQL,
  kinds: readonly [string] | readonly [string, string],
  only?: string | number | undefined,
): SQL {
  const [first, second] = kinds
  if (only !== undefined || second === undefined)
    return distinctKeys(sql`cases c`, column, sql`c.kind = ${first}`, only)
  return sql`${distinctKeys(sql`cases c`, column, sql`c.kind = ${first}`, undefined, 'keys_0')},
    ${distinctKeys(sql`cases c`, column, sql`c.kind = ${second}`, undefined, 'keys_1')},
    keys(k) AS (SELECT k FROM keys_0 UNION ALL SELECT k FROM keys_1 k1
      WHERE NOT EXISTS (SELECT 1 FROM keys_0 k0 WHERE k0.k IS k1.k))`
}

/** The order of SQLite's BINARY collation (UTF-8 bytes), for sorting names as ORDER BY would. */
export const binaryOrder = (a: string, b: string) =>
  Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))

/** Adds the counts of `cell` into `into`, field by field. */
export function addCounts<T extends Record<string, number>>(into: T, cell: T): T {
  for (const key of Object.keys(cell) as (keyof T)[])
    into[key] = ((into[key] as number) + (cell[key] as number)) as T[keyof T]
  return into
}

/** The field-by-field sum of `rows`, from `zero`. */
export const sumCounts = <T extends Record<string, number>>(rows: readonly T[], zero: T): T =>
  rows.reduce((sum, row) => addCounts(sum, row), { ...zero })

/** The k-th smallest (from 0) of `values[lo..hi]`, moving values about (Hoare's quickselect). */
function select(values: Float64Array, k: number, lo: number, hi: number): number {
  const at = (i: number) => values[i] as number
  while (lo < hi) {
    const pivot = at((lo + hi) >> 1)
    let i = lo
    let j = hi
    while (i <= j) {
      while (at(i) < pivot) i++
      while (at(j) > pivot) j--
      if (i <= j) {
        const swap = at(i)
        values[i] = at(j)
        values[j] = swap
        i++
        j--
      }
    }
    if (k <= j) hi = j
    else if (k >= i) lo = i
    else return at(k)
  }
  return at(k)
}

/**
 * Nearest-rank percentiles (docs/metrics.md): the median is the value at rank ceil(n/2) (the
 * lower middle value of an even count), the 90th percentile the one at rank ceil(0.9 n).
 * Exact, in linear time: two selections, no sort.
 */
export function percentiles(parts: number[][]): { median: number | null; p90: number | null } {
  const n = parts.reduce((sum, part) => sum + part.length, 0)
  if (n === 0) return { median: null, p90: null }
  const values = new Float64Array(n)
  let offset = 0
  for (const part of parts) {
    values.set(part, offset)
    offset += part.length
  }
  const p90Rank = Math.floor((9 * n + 9) / 10)
  const medianRank = Math.floor((n + 1) / 2)
  const p90 = select(values, p90Rank - 1, 0, n - 1)
  // The selection left every value below rank p90 before it: the median is among them.
  return { median: select(values, medianRank - 1, 0, p90Rank - 1), p90 }
}
