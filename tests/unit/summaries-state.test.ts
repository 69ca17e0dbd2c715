import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import {
  dateOfDay,
  dayOfDate,
  localDayOf,
  localDaySql,
  offsetsOf,
} from '~/domain/summaries/calendar'
import {
  prepareSummaries,
  rebuildProgress,
  rebuildStep,
  resetSummaries,
  runForRange,
  SUMMARY_COMPLETE,
  type SummaryFamily,
  summariesComplete,
} from '~/domain/summaries/state.server'
import { memoryDb } from '../support/memory-db'

describe('the calendar', () => {
  it('has one offset for UTC and two a year where the clocks change', () => {
    expect(offsetsOf('UTC')).toEqual([{ fromAt: -8_640_000_000_000_000, offsetMs: 0 }])
    const berlin = offsetsOf('Europe/Berlin')
    // 2026: summer time from 29 March 01:00 UTC, winter time from 25 October 01:00 UTC.
    expect(berlin).toContainEqual({ fromAt: Date.UTC(2026, 2, 29, 1), offsetMs: 7_200_000 })
    expect(berlin).toContainEqual({ fromAt: Date.UTC(2026, 9, 25, 1), offsetMs: 3_600_000 })
  })

  it('places an instant on its local day, on either side of midnight and of a clock change', () => {
    const ny = offsetsOf('America/New_York')
    expect(dayOfDate('1970-01-01')).toBe(0)
    expect(dateOfDay(dayOfDate('2026-11-28'))).toBe('2026-11-28')
    // 04:59 UTC on 28 November is 23:59 on the 27th in New York (UTC−5), 05:00 is midnight.
    expect(localDayOf(Date.UTC(2026, 10, 28, 4, 59), ny)).toBe(dayOfDate('2026-11-27'))
    expect(localDayOf(Date.UTC(2026, 10, 28, 5, 0), ny)).toBe(dayOfDate('2026-11-28'))
    // In summer (UTC−4) midnight is 04:00 UTC.
    expect(localDayOf(Date.UTC(2026, 6, 1, 3, 59), ny)).toBe(dayOfDate('2026-06-30'))
    expect(localDayOf(Date.UTC(2026, 6, 1, 4, 0), ny)).toBe(dayOfDate('2026-07-01'))
    // Before 1970 the day is negative, and floored.
    expect(localDayOf(Date.UTC(1969, 11, 31, 23), offsetsOf('UTC'))).toBe(-1)
  })

  it('gives the same days in SQL as in TypeScript', () => {
    const db = memoryDb()
    resetSummaries(db, [], 'Asia/Kolkata')
    const offsets = offsetsOf('Asia/Kolkata')
    for (const at of [Date.UTC(2026, 10, 27, 18, 29), Date.UTC(2026, 10, 27, 18, 30), -3_600_000]) {
      const row = db.get<{ day: number }>(sql`SELECT ${localDaySql(sql`${at}`)} AS day`)
      expect(row?.day).toBe(localDayOf(at, offsets))
    }
  })
})

/** A family counting outcomes per local day, kept by a trigger as a real family's are. */
function outcomesPerDay(db: ReturnType<typeof memoryDb>): SummaryFamily {
  db.$client.exec(`
    CREATE TABLE test_days (day INTEGER PRIMARY KEY, n INTEGER NOT NULL);
    CREATE TRIGGER test_days_count AFTER INSERT ON outcomes
    WHEN NEW.id <= (SELECT upto FROM summary_progress WHERE family = 'test' AND source = 'outcomes')
    BEGIN
      INSERT INTO test_days (day, n) VALUES ((NEW.recorded_at + (SELECT o.offset_ms FROM local_offsets o
        WHERE o.from_at <= NEW.recorded_at ORDER BY o.from_at DESC LIMIT 1)) / 86400000, 1)
      ON CONFLICT (day) DO UPDATE SET n = n + 1;
    END;`)
  return {
    name: 'test',
    tables: ['test_days'],
    sources: ['outcomes'],
    addRange(tx, _source, after, upto) {
      tx.run(sql`INSERT INTO test_days (day, n)
        SELECT ${localDaySql(sql`recorded_at`)} AS d, count(*) FROM outcomes
        WHERE id > ${after} AND id <= ${upto} GROUP BY d
        ON CONFLICT (day) DO UPDATE SET n = n + excluded.n`)
    },
  }
}

describe('a range statement', () => {
  it('binds the range as parameters, so one text serves every range', () => {
    const db = memoryDb()
    db.$client.exec(`CREATE TABLE test_from (id INTEGER PRIMARY KEY);
      CREATE TABLE test_to (id INTEGER PRIMARY KEY, note TEXT);
      INSERT INTO test_from (id) VALUES (1), (2), (3), (4), (5), (6), (7), (8);`)
    const texts: string[] = []
    const prepare = db.$client.prepare.bind(db.$client)
    db.$client.prepare = ((text: string) => {
      texts.push(text)
      return prepare(text)
    }) as typeof db.$client.prepare
    // A longer name that begins like a token is not the token.
    const statement = `INSERT INTO test_to (id, note) SELECT id, ':range_afterwards' FROM test_from
      WHERE id > :range_after AND id <= :range_upto`
    runForRange(db, statement, 2, 5)
    runForRange(db, statement, 5, 7)
    expect(db.$client.prepare('SELECT id, note FROM test_to ORDER BY id').all()).toEqual(
      [3, 4, 5, 6, 7].map((id) => ({ id, note: ':range_afterwards' })),
    )
    const ranges = texts.filter((t) => t.startsWith('INSERT INTO test_to'))
    expect(new Set(ranges).size).toBe(1)
    expect(ranges[0]).not.toMatch(/:range_(after|upto)\b|> 2|<= 5/)
  })
})

describe('the rebuild', () => {
  const addOutcomes = (db: ReturnType<typeof memoryDb>, ats: number[]) => {
    db.$client.pragma('foreign_keys = OFF')
    const insert = db.$client.prepare(
      "INSERT INTO outcomes (lead_id, outcome, occurred_on, recorded_at) VALUES (1, 'won', '2026-01-01', ?)",
    )
    for (const at of ats) insert.run(at)
  }
  const days = (db: ReturnType<typeof memoryDb>) =>
    db.$client.prepare('SELECT day, n FROM test_days ORDER BY day').all()
  const day1 = Date.UTC(2026, 10, 1, 12)
  const day2 = Date.UTC(2026, 10, 2, 12)

  it('is complete at once on an empty database, and the triggers count each new row', () => {
    const db = memoryDb()
    const family = outcomesPerDay(db)
    prepareSummaries(db, [family], 'UTC')
    expect(summariesComplete(db, family, 'UTC')).toBe(true)
    expect(summariesComplete(db, family, 'Europe/Paris')).toBe(false)
    addOutcomes(db, [day1, day1, day2])
    expect(days(db)).toEqual([
      { day: dayOfDate('2026-11-01'), n: 2 },
      { day: dayOfDate('2026-11-02'), n: 1 },
    ])
  })

  it('counts the rows of before a new time zone in chunks, and the rows written meanwhile once', () => {
    const db = memoryDb()
    const family = outcomesPerDay(db)
    prepareSummaries(db, [family], 'UTC')
    // 23:30 UTC on 1 November is 2 November in Berlin (UTC+1).
    const late = Date.UTC(2026, 10, 1, 23, 30)
    addOutcomes(db, [day1, late, late, day2, day2])
    resetSummaries(db, [family], 'Europe/Berlin')
    expect(days(db)).toEqual([])
    expect(summariesComplete(db, family, 'Europe/Berlin')).toBe(false)
    expect(rebuildProgress(db, [family])).toEqual({ done: 0, total: 5 })

    expect(rebuildStep(db, [family], 2)).toEqual({ done: 2, more: true })
    expect(rebuildProgress(db, [family])).toEqual({ done: 2, total: 5 })
    // A row written during the rebuild (id 6) waits for the rebuild, not the trigger.
    addOutcomes(db, [day2])
    expect(rebuildStep(db, [family], 2)).toEqual({ done: 2, more: true })
    expect(rebuildStep(db, [family], 2)).toEqual({ done: 2, more: false })
    expect(rebuildStep(db, [family], 2)).toEqual({ done: 0, more: false })
    expect(summariesComplete(db, family, 'Europe/Berlin')).toBe(true)
    expect(rebuildProgress(db, [family])).toBeNull()
    addOutcomes(db, [day1])
    expect(days(db)).toEqual([
      { day: dayOfDate('2026-11-01'), n: 2 },
      { day: dayOfDate('2026-11-02'), n: 5 },
    ])
    expect(
      db.$client.prepare("SELECT upto FROM summary_progress WHERE family = 'test'").get(),
    ).toEqual({ upto: SUMMARY_COMPLETE })
  })
})

describe('the calendar at start-up', () => {
  it('is written again, and the families recounted, when the zone’s rules changed under it', () => {
    const db = memoryDb()
    const family = outcomesPerDay(db)
    prepareSummaries(db, [family], 'Europe/Berlin')
    db.$client.pragma('foreign_keys = OFF')
    db.$client
      .prepare(
        "INSERT INTO outcomes (lead_id, outcome, occurred_on, recorded_at) VALUES (1, 'won', '2026-01-01', ?)",
      )
      .run(Date.UTC(2026, 10, 1, 12))
    expect(summariesComplete(db, family, 'Europe/Berlin')).toBe(true)
    // As if older time-zone data had written the calendar: one transition fewer.
    db.$client.exec(
      'DELETE FROM local_offsets WHERE from_at = (SELECT max(from_at) FROM local_offsets)',
    )
    prepareSummaries(db, [family], 'Europe/Berlin')
    expect(db.$client.prepare('SELECT count(*) AS n FROM local_offsets').get()).toEqual({
      n: offsetsOf('Europe/Berlin').length,
    })
    expect(summariesComplete(db, family, 'Europe/Berlin')).toBe(false)
    expect(rebuildProgress(db, [family])).toEqual({ done: 0, total: 1 })
    // Prepared again with the calendar right: nothing to do.
    while (rebuildStep(db, [family], 10).more) {}
    prepareSummaries(db, [family], 'Europe/Berlin')
    expect(summariesComplete(db, family, 'Europe/Berlin')).toBe(true)
  })
})
