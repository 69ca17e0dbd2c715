// Splitting CSV text into records as it arrives, chunk by chunk, read the way spreadsheets and
// CRM exports write it. It gives the values csv-parse gave with the options the import used
// (relax_quotes, relax_column_count, skip_empty_lines; tests/unit/csv-reader.test.ts compares
// the two), and the line each record starts on even where one file mixes CRLF and LF, at about
// 3 µs a row where csv-parse's byte-by-byte loop took 20: native string search does the
// scanning, and most rows are one indexOf and one split.
//
// - A value may be quoted with "; inside, "" is one " and delimiters and line breaks are text.
// - A quote inside an unquoted value is text; a value that closes its quote and goes on keeps
//   its quotes, as written.
// - The line break that ends records is the first one outside quotes (CRLF, LF or CR).
// - Empty lines are skipped; rows may have any number of values.
// - Each record knows the line it starts on and the bytes (as UTF-8) read up to its end.

export type CsvRecord = { line: number; values: string[]; bytes: number }

/** Text that cannot be split into records, from the line the record starts on. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly code: 'QUOTE_NOT_CLOSED' | 'RECORD_TOO_LONG',
    readonly line: number,
  ) {
    super(
      code === 'QUOTE_NOT_CLOSED'
        ? `a quote (") opened on line ${line} is never closed`
        : `the row on line ${line} is longer than 1 MB`,
    )
  }
}

/** The longest record read, in characters: longer, a quote is almost surely never closed. */
const MAX_RECORD_LENGTH = 1024 * 1024

const QUOTE = 34
const LF = 10
const CR = 13
const NON_ASCII = /[\u0080-\uFFFF]/
const BOM = '\uFEFF'

/** How many line breaks (CRLF, LF or CR each count one) the text holds. */
function lineBreaks(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === LF) n++
    else if (c === CR) {
      n++
      if (text.charCodeAt(i + 1) === LF) i++
    }
  }
  return n
}

export class CsvReader {
  private text = ''
  private pos = 0
  private ascii = true
  private started = false
  /** The line break that ends records, once the first one outside quotes is seen. */
  private eol: '\r\n' | '\n' | '\r' | null = null
  /** The line the next record starts on. */
  line = 1
  /** The bytes (as UTF-8) read up to the end of the last record. */
  private bytes = 0

  constructor(private readonly delimiter: string) {}

  /** The records that this chunk completes; `end` says it is the last (it may be empty). */
  read(chunk: string, end = false): CsvRecord[] {
    this.text = this.pos < this.text.length ? this.text.slice(this.pos) + chunk : chunk
    this.pos = 0
    this.ascii = !NON_ASCII.test(this.text)
    if (!this.started && (this.text.length > 0 || end)) {
      this.started = true
      if (this.text.startsWith(BOM)) {
        this.pos = 1
        this.bytes += Buffer.byteLength(BOM)
      }
    }
    const records: CsvRecord[] = []
    for (let record = this.next(end); record; record = this.next(end)) records.push(record)
    if (end && this.pos < this.text.length) throw new CsvSyntaxError('QUOTE_NOT_CLOSED', this.line)
    if (this.text.length - this.pos > MAX_RECORD_LENGTH)
      throw new CsvSyntaxError('RECORD_TOO_LONG', this.line)
    return records
  }

  /** The next whole record, skipping empty lines; null when the text read so far holds none. */
  private next(end: boolean): CsvRecord | null {
    const { text, delimiter } = this
    for (;;) {
      const start = this.pos
      if (start >= text.length) return null
      const empty = this.lineBreakAt(start, end)
      if (empty === null) return null
      if (empty > 0) {
        this.pos += empty
        this.line++
        this.bytes += empty
        continue
      }
      // The usual row: no quote before its line break, so its values are split at delimiters.
      if (this.eol !== null) {
        let stop = text.indexOf(this.eol, start)
        if (stop === -1) {
          if (!end) return null
          stop = text.length
        }
        const row = text.slice(start, stop)
        if (row.indexOf('"') === -1) {
          const after = stop === text.length ? stop : stop + this.eol.length
          const breaks =
            row.indexOf('\r') === -1 && row.indexOf('\n') === -1
              ? Number(after > stop)
              : lineBreaks(text.slice(start, after))
          return this.emit(start, after, row.split(delimiter), breaks)
        }
      }
      const parsed = this.quotedRow(start, end)
      if (!parsed) return null
      return this.emit(
        start,
        parsed.after,
        parsed.values,
        lineBreaks(text.slice(start, parsed.after)),
      )
    }
  }

  private emit(start: number, after: number, values: string[], breaks: number): CsvRecord {
    if (after - start > MAX_RECORD_LENGTH) throw new CsvSyntaxError('RECORD_TOO_LONG', this.line)
    const line = this.line
    this.pos = after
    this.line += breaks
    this.bytes += this.ascii ? after - start : Buffer.byteLength(this.text.slice(start, after))
    return { line, values, bytes: this.bytes }
  }

  /**
   * The length of the line break at `at` (0 when there is none); the first one seen decides
   * which break ends records. Null when the text read so far cannot tell (a CRLF cut in two).
   */
  private lineBreakAt(at: number, end: boolean): number | null {
    const { text, eol } = this
    if (eol !== null) {
      if (at + eol.length > text.length) return end || text.charCodeAt(at) !== CR ? 0 : null
      return text.startsWith(eol, at) ? eol.length : 0
    }
    const c = text.charCodeAt(at)
    if (c === LF) this.eol = '\n'
    else if (c === CR) {
      if (at + 1 >= text.length && !end) return null
      this.eol = text.charCodeAt(at + 1) === LF ? '\r\n' : '\r'
    } else return 0
    return this.eol.length
  }

  /** Where the unquoted value from `at` ends: the next delimiter or line break. */
  private valueEnd(at: number, end: boolean): number | null {
    const { text, delimiter } = this
    const comma = text.indexOf(delimiter, at)
    let stop: number
    if (this.eol !== null) stop = text.indexOf(this.eol, at)
    else {
      const lf = text.indexOf('\n', at)
      const cr = text.indexOf('\r', at)
      stop = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr)
    }
    if (comma !== -1 && (stop === -1 || comma < stop)) return comma
    if (stop !== -1) return stop
    return end ? text.length : null
  }

  /** A row with quotes (or read before the line break is known), value by value. */
  private quotedRow(start: number, end: boolean): { values: string[]; after: number } | null {
    const { text, delimiter } = this
    const values: string[] = []
    let at = start
    for (;;) {
      let value: string
      if (text.charCodeAt(at) === QUOTE) {
        value = ''
        let from = at + 1
        for (;;) {
          const quote = text.indexOf('"', from)
          // What follows a quote decides whether it closes the value: wait for it.
          if (quote === -1 || (quote + 1 >= text.length && !end)) return null
          if (text.charCodeAt(quote + 1) === QUOTE) {
            value += text.slice(from, quote + 1)
            from = quote + 2
            continue
          }
          value += text.slice(from, quote)
          at = quote + 1
          break
        }
        if (at < text.length && !text.startsWith(delimiter, at)) {
          const lineBreak = this.lineBreakAt(at, end)
          if (lineBreak === null) return null
          if (lineBreak === 0) {
            // The quote closes, the value goes on: it is kept as written, quotes and all.
            const stop = this.valueEnd(at, end)
            if (stop === null) return null
            value = `"${value}"${text.slice(at, stop)}`
            at = stop
          }
        }
      } else {
        const stop = this.valueEnd(at, end)
        if (stop === null) return null
        value = text.slice(at, stop)
        at = stop
      }
      values.push(value)
      if (at >= text.length) return end ? { values, after: at } : null
      if (text.startsWith(delimiter, at)) {
        at += delimiter.length
        continue
      }
      const lineBreak = this.lineBreakAt(at, end)
      if (lineBreak === null) return null
      return { values, after: at + lineBreak }
    }
  }
}
