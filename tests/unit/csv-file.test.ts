import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cleanHeaders, inspectCsv, readRecords } from '~/domain/import/csv-file.server'

const dir = mkdtempSync(join(tmpdir(), 'leadcourt-csv-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0
function file(content: string | Buffer) {
  const path = join(dir, `f${n++}.csv`)
  writeFileSync(path, content)
  return path
}

async function records(content: string | Buffer) {
  const path = file(content)
  const inspection = await inspectCsv(path)
  if (!inspection.ok) throw new Error(inspection.message)
  const out: [number, string[]][] = []
  for await (const r of readRecords(path, inspection)) out.push([r.line, r.values])
  return out
}

describe('reading CSV', () => {
  it('numbers records by the line they start on, with CRLF, quoted newlines and blank lines', async () => {
    expect(
      await records(
        'Email,Notes\r\na@x.co,"two\r\nlines"\r\n\r\nb@x.co,"quoted, comma"\r\nc@x.co,x\r\n',
      ),
    ).toEqual([
      [1, ['Email', 'Notes']],
      [2, ['a@x.co', 'two\r\nlines']],
      [5, ['b@x.co', 'quoted, comma']],
      [6, ['c@x.co', 'x']],
    ])
    expect(await records('Email,Notes\nx@y.co,"a\nb\nc"\n\n\nz@y.co,w')).toEqual([
      [1, ['Email', 'Notes']],
      [2, ['x@y.co', 'a\nb\nc']],
      [7, ['z@y.co', 'w']],
    ])
  })

  it('drops a UTF-8 byte-order mark and reads UTF-16 exports', async () => {
    expect((await records('\uFEFFEmail\na@x.co\n'))[0]).toEqual([1, ['Email']])
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Email,Name\r\na@x.co,Zoë\r\n', 'utf16le'),
    ])
    expect(await records(utf16)).toEqual([
      [1, ['Email', 'Name']],
      [2, ['a@x.co', 'Zoë']],
    ])
  })

  it('finds semicolon- and tab-separated files', async () => {
    expect((await records('Email;Company\na@x.co;Acme, Inc\n'))[1]).toEqual([
      2,
      ['a@x.co', 'Acme, Inc'],
    ])
    expect((await records('Email\tCompany\na@x.co\tAcme\n'))[1]).toEqual([2, ['a@x.co', 'Acme']])
  })

  it('keeps ragged rows as they are, for the importer to report', async () => {
    expect(await records('A,B,C\n1,2\n1,2,3,4\n')).toEqual([
      [1, ['A', 'B', 'C']],
      [2, ['1', '2']],
      [3, ['1', '2', '3', '4']],
    ])
  })
})

describe('refusing what is not CSV, in plain words', () => {
  it.each([
    ['an empty file', '', 'The file is empty.'],
    ['only blank lines', '\n\n\r\n', 'The file has no lines with content.'],
    ['an Excel workbook', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), /Excel workbook/],
    ['a PDF', '%PDF-1.7\n...', 'This is a PDF, not a CSV file.'],
    [
      'binary data',
      Buffer.from([0x00, 0x01, 0x02, 0x41]),
      'This is not a text file, so it cannot be CSV.',
    ],
    [
      'Windows-1252 text',
      Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0x5a, 0x6f, 0xeb, 0x0a]),
      /not UTF-8 text/,
    ],
    [
      'a paragraph of prose',
      `${'Lorem ipsum dolor sit amet '.repeat(10)}\n`,
      /does not look like a row of column names/,
    ],
  ])('%s', async (_, content, message) => {
    const inspection = await inspectCsv(file(content))
    expect(inspection.ok).toBe(false)
    if (!inspection.ok) expect(inspection.message).toMatch(message)
  })
})

describe('headers', () => {
  it('names blank headers by position and numbers repeats', () => {
    expect(cleanHeaders([' Email ', '', 'email', 'Email'])).toEqual([
      'Email',
      'Column 2',
      'email (2)',
      'Email (3)',
    ])
  })
})
