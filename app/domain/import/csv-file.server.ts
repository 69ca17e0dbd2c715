// Reading uploaded CSV files: check what the file is before anything else, then stream its
// records with their line numbers. Nothing here holds the whole file in memory.
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { CsvReader, type CsvRecord, CsvSyntaxError } from './csv-reader'

export type { CsvRecord } from './csv-reader'

export type CsvFormat = { encoding: 'utf8' | 'utf16le'; delimiter: string }
type Inspection = ({ ok: true; headers: string[] } & CsvFormat) | { ok: false; message: string }

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

const CHUNK_BYTES = 256 * 1024

/** Every record of the file, header included, a chunk at a time: what each read completes. */
async function* readChunks(path: string, format: CsvFormat, reader: CsvReader) {
  const stream = createReadStream(path, { encoding: format.encoding, highWaterMark: CHUNK_BYTES })
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      const records = reader.read(chunk)
      if (records.length > 0) yield records
    }
    const last = reader.read('', true)
    if (last.length > 0) yield last
  } finally {
    stream.destroy()
  }
}

/** Every record of the file, header included, with the line it starts on and bytes read so far. */
export async function* readRecords(path: string, format: CsvFormat): AsyncGenerator<CsvRecord> {
  for await (const records of readChunks(path, format, new CsvReader(format.delimiter)))
    yield* records
}

/** A file that stops being readable CSV part-way: the line and what is wrong, in words. */
export class UnreadableCsvError extends Error {}

function explain(error: unknown, line: number): UnreadableCsvError {
  if (error instanceof CsvSyntaxError) {
    const where = `The file cannot be read from line ${error.line}`
    return new UnreadableCsvError(
      error.code === 'QUOTE_NOT_CLOSED'
        ? `${where}: a quote (") is opened but never closed.`
        : `${where}: one row is longer than 1 MB, which usually means a quote is never closed.`,
    )
  }
  return new UnreadableCsvError(
    `The file cannot be read from line ${line}: ${(error as Error).message ?? 'it is not valid CSV'}.`,
  )
}

/**
 * The data records after the header row (blank rows before the header are skipped, as when
 * the header was read), a chunk of the file at a time, so that a reader of a large file awaits
 * once per chunk rather than once per row. A file that stops being readable CSV raises an
 * UnreadableCsvError naming the line.
 */
export async function* dataChunks(path: string, format: CsvFormat): AsyncGenerator<CsvRecord[]> {
  const reader = new CsvReader(format.delimiter)
  let headerSeen = false
  try {
    for await (let records of readChunks(path, format, reader)) {
      if (!headerSeen) {
        const header = records.findIndex((r) => r.values.some((v) => v.trim() !== ''))
        if (header === -1) continue
        headerSeen = true
        records = records.slice(header + 1)
        if (records.length === 0) continue
      }
      yield records
    }
  } catch (error) {
    throw explain(error, reader.line)
  }
}

/** The data records after the header row, one at a time (see dataChunks). */
export async function* dataRecords(path: string, format: CsvFormat): AsyncGenerator<CsvRecord> {
  for await (const records of dataChunks(path, format)) yield* records
}
