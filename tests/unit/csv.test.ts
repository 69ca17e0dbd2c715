import { text } from 'node:stream/consumers'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { csvStream, csvText, neutraliseCell } from '~/platform/csv'

describe('the one CSV writer', () => {
  it.each([
    ['=HYPERLINK("http://evil.test","x")', `'=HYPERLINK("http://evil.test","x")`],
    ['+1', `'+1`],
    ['-1+1', `'-1+1`],
    ['@SUM(1)', `'@SUM(1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
    ['-3', `'-3`],
    ['Webinar', 'Webinar'],
    ['a=1', 'a=1'],
    [' =1', ' =1'],
    ['', ''],
  ])('writes the text %j as %j', (cell, written) => {
    expect(neutraliseCell(cell)).toBe(written)
    expect(parse(csvText([[cell, 'end']]))).toEqual([[written, 'end']])
  })

  it('leaves numbers alone: -3 in a report is a number, not a formula', () => {
    expect(csvText([[-3, -0.5, 0, 12.5, '-3']])).toBe("-3,-0.5,0,12.5,'-3\n")
  })

  it('writes nothing for null and undefined, and quotes what needs quoting', () => {
    expect(csvText([['a', null, undefined, 'b']])).toBe('a,,,b\n')
    expect(csvText([['Contoso, Ltd', 'say "hi"', 'two\nlines']])).toBe(
      '"Contoso, Ltd","say ""hi""","two\nlines"\n',
    )
  })

  it('quotes a cell holding a semicolon, so no spreadsheet splits a formula out of it', () => {
    expect(csvText([['a;=1+2', 'b']])).toBe('"a;=1+2",b\n')
    // A spreadsheet whose list separator is ";" keeps the quoted cell whole.
    expect(parse(csvText([['a;=1+2']]), { delimiter: ';' })).toEqual([['a;=1+2']])
  })

  it('streams exactly the text it would write in one piece', async () => {
    const rows = [
      ['line', 'lead', 'reason'],
      [2, '=1', 'bad; very'],
      [3, null, '@x'],
    ]
    function* generate() {
      yield* rows
    }
    expect(await text(csvStream(generate()))).toBe(csvText(rows))
    expect(csvText(rows)).toBe(`line,lead,reason\n2,'=1,"bad; very"\n3,,'@x\n`)
  })
})
