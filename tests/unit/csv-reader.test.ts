import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { CsvReader, type CsvRecord, CsvSyntaxError } from '~/domain/import/csv-reader'

/** Feeds the text in chunks of the given sizes (cycled), then ends it. */
function read(text: string, sizes: number[] = [text.length || 1], delimiter = ',') {
  const reader = new CsvReader(delimiter)
  const records: CsvRecord[] = []
  for (let at = 0, i = 0; at < text.length; i++) {
    const size = sizes[i % sizes.length] as number
    records.push(...reader.read(text.slice(at, at + size)))
    at += size
  }
  records.push(...reader.read('', true))
  return records
}

const lines = (text: string, sizes?: number[]) =>
  read(text, sizes).map((r) => [r.line, r.values] as const)

describe('reading CSV text chunk by chunk', () => {
  it('reads quoted values with delimiters, line breaks and doubled quotes', () => {
    expect(lines('a,b\r\n"x, y","two\r\nlines","say ""hi"""\r\n')).toEqual([
      [1, ['a', 'b']],
      [2, ['x, y', 'two\r\nlines', 'say "hi"']],
    ])
  })

  it('keeps a quote inside a value, and the quotes of a value that goes on after them', () => {
    expect(lines('5" disk,"a"b,c\n')).toEqual([[1, ['5" disk', '"a"b', 'c']]])
  })

  it('numbers records by the line they start on: CRLF, LF or CR, and skipped empty lines', () => {
    expect(lines('h\n\n"a\nb"\n\nc\n')).toEqual([
      [1, ['h']],
      [3, ['a\nb']],
      [6, ['c']],
    ])
    expect(lines('h\r\r"a\r\nb"\rc')).toEqual([
      [1, ['h']],
      [3, ['a\r\nb']],
      [5, ['c']],
    ])
  })

  it('gives the same records whatever the chunks, a CRLF or a doubled quote cut in two included', () => {
    const text = '\uFEFFEmail,Notes\r\n"a@x.co","say ""hi""\r\nthen, bye"\r\n\r\nb@x.co,Zoë\r\n'
    const whole = read(text)
    expect(whole.map((r) => r.values)).toEqual([
      ['Email', 'Notes'],
      ['a@x.co', 'say "hi"\r\nthen, bye'],
      ['b@x.co', 'Zoë'],
    ])
    for (const sizes of [[1], [2], [3], [5, 1], [7, 2, 1]]) expect(read(text, sizes)).toEqual(whole)
  })

  it('counts the bytes read, as UTF-8, up to the end of each record', () => {
    const text = '\uFEFFa\nZoë\n'
    expect(read(text).map((r) => r.bytes)).toEqual([5, Buffer.byteLength(text)])
  })

  it('a quote never closed, or a row over 1 MB, is an error naming the line the row starts on', () => {
    const notClosed = () => read('a\nb\n\n"c\nd\n')
    expect(notClosed).toThrow(CsvSyntaxError)
    expect(notClosed).toThrow(expect.objectContaining({ code: 'QUOTE_NOT_CLOSED', line: 4 }))
    expect(() => read(`a\n"${'x'.repeat(1024 * 1024)}`, [64 * 1024])).toThrow(
      expect.objectContaining({ code: 'RECORD_TOO_LONG', line: 2 }),
    )
  })
})

// csv-parse with the options the import used before this reader replaced it: the reader must
// split every text as it did (line numbers: the line each record starts on).
const CSV_PARSE = {
  bom: true,
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
  info: true,
} as const

function reference(text: string, delimiter: string) {
  const records = parse(text, { ...CSV_PARSE, delimiter }) as unknown as {
    record: string[]
    info: { lines: number; bytes: number }
  }[]
  // csv-parse counts the line a record ends on, a CRLF inside quotes as two lines.
  let overCount = 0
  return records.map(({ record, info }) => {
    let breaks = 0
    for (const value of record) {
      overCount += value.match(/\r\n/g)?.length ?? 0
      breaks += value.match(/\r\n|\r|\n/g)?.length ?? 0
    }
    return { line: info.lines - overCount - breaks, values: record, bytes: info.bytes }
  })
}

describe('the reader against csv-parse', () => {
  it('splits thousands of random texts, cut in random chunks, exactly as csv-parse does', () => {
    let seed = 7
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed % n
    }
    const mismatches: string[] = []
    for (let n = 0; n < 5000; n++) {
      const delimiter = n % 3 === 0 ? ';' : ','
      const lineBreak = ['\n', '\r\n', '\r'][n % 3] as string
      const tokens = ['a', 'bc', '"', '""', delimiter, ' ', 'é', lineBreak, lineBreak]
      let text = random(10) === 0 ? '\uFEFF' : ''
      for (let length = random(24); length > 0; length--) text += tokens[random(tokens.length)]
      const sizes = [1 + random(6), 1 + random(6)]
      const outcome = (split: () => unknown) => {
        try {
          return JSON.stringify(split())
        } catch (error) {
          return error instanceof CsvSyntaxError ? error.code : (error as { code: string }).code
        }
      }
      const expected = outcome(() => reference(text, delimiter)).replace('CSV_', '')
      const actual = outcome(() => read(text, sizes, delimiter))
      if (actual !== expected) mismatches.push(`${JSON.stringify(text)}: ${actual} ≠ ${expected}`)
    }
    expect(mismatches.slice(0, 5)).toEqual([])
  })
})
