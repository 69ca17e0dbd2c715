import { describe, expect, it } from 'vitest'
import { proposeMapping, recognise } from '~/domain/import/mapping'
import { prepareRow } from '~/domain/import/rows'

describe('recognising CRM export headers', () => {
  it('HubSpot contacts export', () => {
    expect(
      proposeMapping([
        'Record ID',
        'First Name',
        'Last Name',
        'Email',
        'Job Title',
        'Company Name',
        'Company Domain Name',
        'Number of Employees',
        'Country/Region',
        'Original Source',
        'Lifecycle Stage',
        'HubSpot Score',
        'Contact owner',
        'Lead Status',
      ]),
    ).toEqual({
      'Record ID': 'externalId',
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Email: 'email',
      'Job Title': 'title',
      'Company Name': 'company',
      'Company Domain Name': 'companyDomain',
      'Number of Employees': 'employeeCount',
      'Country/Region': 'country',
      'Original Source': 'source',
      'Lifecycle Stage': 'lifecycleStage',
      'HubSpot Score': 'engagementScore',
      'Contact owner': 'owner',
      'Lead Status': 'status',
    })
  })

  it('Zoho CRM leads export', () => {
    expect(
      proposeMapping([
        'Lead Id',
        'Lead Owner',
        'Company',
        'First Name',
        'Last Name',
        'Designation',
        'Email',
        'Mobile',
        'Website',
        'Lead Source',
        'Industry',
        'No. of Employees',
        'Campaign Source',
        'Description',
      ]),
    ).toEqual({
      'Lead Id': 'externalId',
      'Lead Owner': 'owner',
      Company: 'company',
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Designation: 'title',
      Email: 'email',
      Mobile: 'phone',
      Website: 'companyDomain',
      'Lead Source': 'source',
      Industry: 'industry',
      'No. of Employees': 'employeeCount',
      'Campaign Source': 'campaign',
      Description: 'notes',
    })
  })

  it('ignores case and punctuation; a second column for a field stays custom; a remembered mapping wins', () => {
    expect(recognise('  e-MAIL ')).toBe('email')
    expect(proposeMapping(['Phone', 'Mobile'])).toEqual({ Phone: 'phone', Mobile: 'custom' })
    expect(proposeMapping(['Email', 'Tags'], { Tags: 'ignore' })).toEqual({
      Email: 'email',
      Tags: 'ignore',
    })
  })
})

describe('preparing a row', () => {
  const headers = ['Email', 'Score', 'Tags', 'Owner']
  const mapping = {
    Email: 'email',
    Score: 'engagementScore',
    Tags: 'custom',
    Owner: 'owner',
  } as const

  it('turns placeholders into blanks and keeps custom attributes', () => {
    expect(prepareRow(['A@X.co', 'Select', 'Ringing', ''], headers, mapping)).toEqual({
      ok: true,
      fields: { email: 'a@x.co' },
      custom: { Tags: 'Ringing' },
      crm: { statuses: [] },
    })
  })

  it('keeps the CRM columns apart: dates, any number of statuses, the converted flag', () => {
    const crmHeaders = ['Email', 'Created Time', 'Lead Status', 'Tags', 'Converted']
    const crmMapping = proposeMapping(crmHeaders)
    expect(crmMapping).toEqual({
      Email: 'email',
      'Created Time': 'handedOverAt',
      'Lead Status': 'status',
      Tags: 'custom',
      Converted: 'converted',
    })
    expect(
      prepareRow(['a@x.co', ' 15 Apr, 2021 00:03:00 ', 'Junk Lead', 'Ringing', '1'], crmHeaders, {
        ...crmMapping,
        Tags: 'status',
      }),
    ).toEqual({
      ok: true,
      fields: { email: 'a@x.co' },
      custom: {},
      crm: {
        handedOverAt: '15 Apr, 2021 00:03:00',
        converted: '1',
        statuses: [
          ['Lead Status', 'Junk Lead'],
          ['Tags', 'Ringing'],
        ],
      },
    })
  })

  it('accepts trailing empty values, refuses extra ones', () => {
    expect(prepareRow(['a@x.co', '10', '', '', '', ''], headers, mapping).ok).toBe(true)
    expect(prepareRow(['a@x.co', '10', '', '', 'extra'], headers, mapping)).toMatchObject({
      ok: false,
      group: 'Wrong number of values',
    })
  })

  it('reports every problem of the row at once', () => {
    expect(prepareRow(['a@', '101', '', ''], headers, mapping)).toMatchObject({
      ok: false,
      reason: '“a@” is not a valid e-mail address; Engagement score must be between 0 and 100',
    })
  })

  it('flags text that was not UTF-8', () => {
    expect(prepareRow(['a@x.co', '1', 'Zo\uFFFD', ''], headers, mapping)).toMatchObject({
      ok: false,
      reason: 'Column “Tags” holds bytes that are not UTF-8 text',
    })
  })
})
