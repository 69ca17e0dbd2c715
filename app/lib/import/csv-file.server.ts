// Reading uploaded CSV files: check what the file is before anything else, then stream its
// records with their line numbers. Nothing here holds the whole file in memory.
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { parse } from 'csv-parse'

export type CsvFormat = { encoding: 'utf8' | 'utf16le'; delimiter: string }
export type Inspection =
  | ({ ok: true; headers: string[] } & CsvFormat)
  | { ok: false; message: string }

const SAMPLE_BYTES = 64 * 1024

async function readSample(path: string): Promise<Buffer> {
  const file = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES)
    const { bytesRead } = await file.read(buffer, 0, SAMPLE_BYTES, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await file.close()
  }
}

/** What kind of file this is, in words a person can act on, or its encoding when it is text. */
function sniff(sample: Buffer): { encoding: 'utf8' | 'utf16le' } | { message: string } {
  if (sample.length === 0) return { message: 'The file is empty.' }
  if (sample.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    return {
      message:
        'This is an Excel workbook (or another zip file), not CSV. In Excel choose File › Save As › “CSV UTF-8”, then upload that file.',
    }
  }
  if (sample.subarray(0, 5).toString('latin1') === '%PDF-')
    return { message: 'This is a PDF, not a CSV file.' }
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf16le' }
  if (sample[0] === 0xfe && sample[1] === 0xff) {
    return {
      message:
        'The file is UTF-16 big-endian text, which Leadcourt does not read. Save it as “CSV UTF-8” and upload again.',
    }
  }
  if (sample.includes(0)) return { message: 'This is not a text file, so it cannot be CSV.' }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true })
  } catch {
    return {
      message:
        'The file is not UTF-8 text (it may have been saved by an older Excel as “CSV” in Windows-1252). Save it as “CSV UTF-8” and upload again.',
    }
  }
  return { encoding: 'utf8' }
}

/** The delimiter the header line uses most: comma, semicolon (European Excel) or tab. */
function detectDelimiter(firstLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const)
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0]
}

/** Header names made usable: trimmed, blanks named by position, repeats numbered. */
export function cleanHeaders(raw: string[]): string[] {
  const seen = new Map<string, number>()
  return raw.map((h, i) => {
    const name = h.replace(/^\uFEFF/, '').trim() || `Column ${i + 1}`
    const n = (seen.get(name.toLowerCase()) ?? 0) + 1
    seen.set(name.toLowerCase(), n)
    return n === 1 ? name : `${name} (${n})`
  })
}

function parser(format: CsvFormat) {
  return parse({
    delimiter: format.delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: 1024 * 1024,
    info: true,
  })
}

/** Checks the file and reads its header row. */
export async function inspectCsv(path: string): Promise<Inspection> {
  const kind = sniff(await readSample(path))
  if ('message' in kind) return { ok: false, message: kind.message }
  const sample = (await readSample(path)).toString(kind.encoding)
  const delimiter = detectDelimiter(sample.split(/\r?\n/, 1)[0] ?? '')
  const format: CsvFormat = { encoding: kind.encoding, delimiter }
  try {
    for await (const row of readRecords(path, format)) {
      if (row.values.every((v) => v.trim() === '')) continue
      if (row.values.length === 1 && (row.values[0] ?? '').length > 100) {
        return {
          ok: false,
          message:
            'The first line does not look like a row of column names, so this may not be a CSV file.',
        }
      }
      return { ok: true, headers: cleanHeaders(row.values), ...format }
    }
  } catch (error) {
    return { ok: false, message: `The file could not be read as CSV: ${(error as Error).message}` }
  }
  return { ok: false, message: 'The file has no lines with content.' }
}

export type CsvRecord = { line: number; values: string[]; bytes: number }

/** Every record of the file, header included, with the line it starts on and bytes read so far. */
export async function* readRecords(path: string, format: CsvFormat): AsyncGenerator<CsvRecord> {
  const stream = createReadStream(path, { encoding: format.encoding, highWaterMark: 256 * 1024 })
  const records = stream.pipe(parser(format))
  // csv-parse reports the line a record ends on, but counts a CRLF inside a quoted value as
  // two lines; we undo that and step back over the record's own line breaks to its first line.
  let overCount = 0
  try {
    for await (const { record, info } of records as AsyncIterable<{
      record: string[]
      info: { lines: number; bytes: number }
    }>) {
      let breaks = 0
      for (const value of record) {
        overCount += value.match(/\r\n/g)?.length ?? 0
        breaks += value.match(/\r\n|\r|\n/g)?.length ?? 0
      }
      yield { line: info.lines - overCount - breaks, values: record, bytes: info.bytes }
    }
  } finally {
    stream.destroy()
  }
}

/** A file that stops being readable CSV part-way: the line and what is wrong, in words. */
export class UnreadableCsvError extends Error {}

function explain(error: unknown, fromLine: number): UnreadableCsvError {
  const e = error as { code?: string; message?: string }
  const where = `from line ${fromLine}`
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new UnreadableCsvError(
      `The file cannot be read ${where}: a quote (") is opened but never closed.`,
    )
  }
  if (e.code === 'CSV_MAX_RECORD_SIZE') {
    return new UnreadableCsvError(
      `The file cannot be read ${where}: one row is longer than 1 MB, which usually means a quote is never closed.`,
    )
  }
  return new UnreadableCsvError(
    `The file cannot be read ${where}: ${e.message ?? 'it is not valid CSV'}.`,
  )
}

/**
 * The data records after the header row (blank rows before the header are skipped, as when
 * the header was read). A parse error becomes an UnreadableCsvError naming the line.
 */
export async function* dataRecords(path: string, format: CsvFormat): AsyncGenerator<CsvRecord> {
  let headerSeen = false
  let lastLine = 0
  try {
    for await (const record of readRecords(path, format)) {
      lastLine = record.line + (record.values.join('').match(/\r\n|\r|\n/g)?.length ?? 0)
      if (!headerSeen) {
        headerSeen = record.values.some((v) => v.trim() !== '')
        continue
      }
      yield record
    }
  } catch (error) {
    // The record that cannot be read starts on the line after the last good one.
    throw explain(error, lastLine + 1)
  }
}
