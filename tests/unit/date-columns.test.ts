// What a file's date columns say about the order of their numeric dates, read from the whole
// file (the lead import's preview and the outcome import both ask it).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { inspectCsv } from '~/domain/import/csv-file.server'
import { scanDateColumns } from '~/domain/import/date-columns.server'

const dir = mkdtempSync(join(tmpdir(), 'leadcourt-date-columns-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('settles each column by its first value only one order reads, and keeps examples', async () => {
  const path = join(dir, 'dates.csv')
  const rows = [
    'a,b,c,d,e',
    '05/05/2026,12/01/2026,2026-01-13,12/01/2026,15 Apr 2021',
    '06/06/2026,13/01/2026,,01/13/2026,',
    ',01/13/2026 10:00 AM,,13/01/2026,',
  ]
  writeFileSync(path, `${rows.join('\n')}\n`)
  const format = await inspectCsv(path)
  if (!format.ok) throw new Error(format.message)
  const scans = await scanDateColumns(path, format, [0, 1, 2, 3, 4], 2)
  expect(scans.map((s) => s.order)).toEqual([
    'none', // 05/05 and 06/06 read the same either way: nothing to ask
    'conflict',
    'none',
    'conflict',
    'none',
  ])
  expect(scans[1]).toEqual({
    order: 'conflict',
    dayFirst: { line: 3, text: '13/01/2026' },
    monthFirst: { line: 4, text: '01/13/2026 10:00 AM' },
    ambiguous: { line: 2, text: '12/01/2026' },
    samples: [
      { line: 2, text: '12/01/2026' },
      { line: 3, text: '13/01/2026' },
    ],
  })
  const [ambiguous] = await scanDateColumns(path, format, [1], 1)
  expect(ambiguous?.samples).toEqual([{ line: 2, text: '12/01/2026' }])
})

it('a column whose numeric dates all read two ways needs the order', async () => {
  const path = join(dir, 'ambiguous.csv')
  writeFileSync(path, 'when\n03/04/2026\n\n11/12/2025\n')
  const format = await inspectCsv(path)
  if (!format.ok) throw new Error(format.message)
  expect(await scanDateColumns(path, format, [0])).toEqual([
    {
      order: 'ambiguous',
      dayFirst: null,
      monthFirst: null,
      ambiguous: { line: 2, text: '03/04/2026' },
      samples: [
        { line: 2, text: '03/04/2026' },
        { line: 4, text: '11/12/2025' },
      ],
    },
  ])
})
