// Brightline Systems' demo: the lead definition both teams signed a year ago, and a year of
// realistic leads across sources and campaigns. Deterministic, so every demo looks the same.
import type { CriterionInput } from '~/domain/definition/schema'
import type { LeadFields } from '~/domain/leads/schema'

const TARGET_INDUSTRIES = [
  'Software',
  'Financial Services',
  'Healthcare',
  'Manufacturing',
  'Logistics',
]
const TARGET_COUNTRIES = [
  'United Kingdom',
  'Ireland',
  'Germany',
  'France',
  'Netherlands',
  'United States',
  'Canada',
]

export const DEMO_DEFINITION: CriterionInput[] = [
  {
    key: 'company_size',
    label: 'Ideal customer size',
    description: 'We sell to companies of 50 people or more; smaller ones churn.',
    field: 'employeeCount',
    operator: 'at_least',
    value: 50,
    required: true,
  },
  {
    key: 'target_industry',
    label: 'Target industry',
    description: 'The industries our product and references serve.',
    field: 'industry',
    operator: 'one_of',
    value: TARGET_INDUSTRIES,
    required: true,
  },
  {
    key: 'target_country',
    label: 'Target country',
    description: 'Where we have sales coverage and a legal entity.',
    field: 'country',
    operator: 'one_of',
    value: TARGET_COUNTRIES,
    required: true,
  },
  {
    key: 'seniority',
    label: 'Senior title',
    description: 'Someone who can sign or sponsor a purchase.',
    field: 'title',
    operator: 'contains_any_word',
    value: [
      'VP',
      'Vice President',
      'Director',
      'Head of',
      'Chief',
      'CEO',
      'CFO',
      'COO',
      'CTO',
      'CMO',
      'CRO',
      'Founder',
    ],
    required: true,
  },
  {
    key: 'engagement',
    label: 'Engaged',
    description: 'An engagement score of 40 or more: they have read, attended or asked.',
    field: 'engagementScore',
    operator: 'at_least',
    value: 40,
    required: true,
  },
  {
    key: 'timeline',
    label: 'Buying within a year',
    description: 'A purchase timeline of 12 months or less.',
    field: 'purchaseTimelineMonths',
    operator: 'at_most',
    value: 12,
    required: true,
  },
  {
    key: 'email',
    label: 'Valid e-mail',
    description: 'A working business e-mail address to reach them.',
    field: 'email',
    operator: 'present',
    value: null,
    required: true,
  },
]

/** A small seeded pseudo-random generator (mulberry32). */
export function random(seed: number) {
  let a = seed
  const next = () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  }
}

const FIRST = [
  'Ana',
  'Ben',
  'Chloe',
  'David',
  'Elena',
  'Farid',
  'Grace',
  'Hugo',
  'Isla',
  'Jonas',
  'Keiko',
  'Liam',
  'Mara',
  'Nikhil',
  'Olivia',
  'Pablo',
  'Quinn',
  'Rosa',
  'Sven',
  'Tara',
  'Umar',
  'Vera',
  'Wes',
  'Xena',
  'Yusuf',
  'Zara',
]
const LAST = [
  'Silva',
  'Okafor',
  'Brennan',
  'Schmidt',
  'Dubois',
  'Khan',
  'Murphy',
  'Jansen',
  'Rossi',
  'Novak',
  'Tanaka',
  'Walsh',
  'Fischer',
  'Moreau',
  'Patel',
  'Garcia',
  'Larsen',
  'Kowalski',
  'Byrne',
  'Costa',
]
const SENIOR = [
  'VP Sales Operations',
  'Director of Finance',
  'Head of Revenue Operations',
  'Chief Operating Officer',
  'CFO',
  'VP Marketing',
  'Director, IT',
  'Head of Procurement',
  'Founder & CEO',
]
const JUNIOR = [
  'Sales Analyst',
  'Marketing Intern',
  'Student',
  'Operations Coordinator',
  'Account Executive',
  'Office Manager',
  'Consultant',
  'Software Engineer',
]
const INDUSTRIES = [...TARGET_INDUSTRIES, 'Retail', 'Education', 'Hospitality']
const COUNTRIES = [...TARGET_COUNTRIES, 'India', 'Brazil', 'Australia']
const COMPANY_WORDS = [
  'Northwind',
  'Contoso',
  'Globex',
  'Initech',
  'Umbrella',
  'Stark',
  'Wayne',
  'Acme',
  'Hooli',
  'Vandelay',
  'Soylent',
  'Tyrell',
  'Cyberdyne',
  'Wonka',
  'Gringotts',
  'Oscorp',
  'Pied Piper',
  'Dunder',
  'Prestige',
  'Massive',
]
const COMPANY_KINDS = [
  'Logistics',
  'Health',
  'Systems',
  'Capital',
  'Labs',
  'Manufacturing',
  'Group',
  'Software',
]

const DEMO_SOURCES = [
  {
    source: 'Trade show',
    campaigns: ['SaaStr Europa 2026', 'RevOps Summit London', 'Logistics Tech Expo'],
  },
  { source: 'Webinar', campaigns: ['Forecasting without spreadsheets', 'Pipeline hygiene 101'] },
  { source: 'Paid search', campaigns: ['Google Ads — CFO keywords', 'Google Ads — RevOps'] },
  {
    source: 'Content download',
    campaigns: ['Ebook: The lead definition playbook', 'Benchmark report 2026'],
  },
  { source: 'Referral', campaigns: ['Customer referral programme'] },
  { source: 'Partner', campaigns: ['Northbeam partner leads'] },
] as const

/** A year of leads: fields as a marketer would enter them, when each was handed over, and by whom. */
export function demoLeads(now: Date, howMany = 360) {
  const rng = random(20261122)
  const companies = Array.from({ length: 90 }, (_, i) => {
    const name = `${COMPANY_WORDS[i % COMPANY_WORDS.length]} ${COMPANY_KINDS[Math.floor(i / COMPANY_WORDS.length) % COMPANY_KINDS.length]}`
    return {
      name,
      domain: `${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
      industry: rng.pick(INDUSTRIES),
      country: rng.chance(0.8) ? rng.pick(TARGET_COUNTRIES) : rng.pick(COUNTRIES.slice(7)),
      employees: rng.chance(0.75) ? rng.int(50, 5000) : rng.int(2, 49),
    }
  })
  const yearMs = 365 * 24 * 3600 * 1000
  return Array.from({ length: howMany }, (_, i) => {
    const company = rng.pick(companies)
    const channel = rng.pick(DEMO_SOURCES)
    const first = rng.pick(FIRST)
    const last = rng.pick(LAST)
    // Trade-show badge scans are famously thin: blanks and students.
    const thin = channel.source === 'Trade show' && rng.chance(0.35)
    // About half the leads are squarely what the definition describes; the rest miss on
    // something, as real leads do.
    const good = !thin && rng.chance(channel.source === 'Referral' ? 0.7 : 0.5)
    const fit = good
      ? {
          industry: rng.pick(TARGET_INDUSTRIES),
          country: rng.pick(TARGET_COUNTRIES),
          employees: Math.max(company.employees, rng.int(50, 2000)),
        }
      : company
    const at = new Date(
      now.getTime() - yearMs + Math.floor(((i + rng.next()) / howMany) * (yearMs - 3600_000)),
    )
    at.setUTCHours(rng.int(8, 17), rng.int(0, 59), 0, 0)
    const fields: LeadFields = {
      externalId: `00Q${String(100000 + i)}`,
      email:
        thin && rng.chance(0.3)
          ? undefined
          : `${first}.${last}${i}@${company.domain}`.toLowerCase(),
      firstName: first,
      lastName: last,
      title: good
        ? rng.pick(SENIOR)
        : thin
          ? rng.pick(JUNIOR)
          : rng.chance(0.5)
            ? rng.pick(SENIOR)
            : rng.pick(JUNIOR),
      company: company.name,
      companyDomain: company.domain,
      industry: thin && rng.chance(0.5) ? undefined : fit.industry,
      employeeCount: thin && rng.chance(0.5) ? undefined : fit.employees,
      country: fit.country,
      source: channel.source,
      campaign: rng.pick(channel.campaigns),
      lifecycleStage: rng.pick(['lead', 'mql', 'mql', 'sql'] as const),
      engagementScore: good
        ? rng.int(40, 100)
        : rng.chance(0.9)
          ? rng.int(thin ? 0 : 20, thin ? 50 : 100)
          : undefined,
      purchaseTimelineMonths: good
        ? rng.pick([1, 3, 6, 9, 12])
        : rng.chance(0.7)
          ? rng.pick([1, 3, 6, 9, 12, 18, 24])
          : undefined,
      phone: rng.chance(0.6) ? `+44 20 7${rng.int(100, 999)} ${rng.int(1000, 9999)}` : undefined,
      notes: undefined,
      owner: undefined,
    }
    return { fields, at, marketer: i % 3 === 0 ? 'ben@brightline.test' : 'maya@brightline.test' }
  })
}
