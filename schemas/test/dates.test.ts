import { describe, expect, it } from 'vitest'
import {
  DEFAULT_TIME_ZONE,
  formatPolicyDate,
  isTimeZone,
  nextMidnight,
  parseWrittenDate,
  todayIn,
} from '../src/model/dates'
import { consentRevision, versionInForce, versionState } from '../src/model/versions'

describe('written dates', () => {
  it.each([
    ['9 mars 2021', '2021-03-09'],
    ['1er janvier 2025', '2025-01-01'],
    ['14 février 2024', '2024-02-14'],
    ['14 fevrier 2024', '2024-02-14'],
    ['3 août 2023', '2023-08-03'],
    ['14 January 2025', '2025-01-14'],
    ['January 14, 2025', '2025-01-14'],
    ['1. März 2021', '2021-03-01'],
    ['9. März 2021', '2021-03-09'],
    ['14. Februar 2024', '2024-02-14'],
    ['3. Dezember 2023', '2023-12-03'],
  ])('reads "%s"', (text, iso) => {
    expect(parseWrittenDate(text)).toBe(iso)
  })

  it.each(['31 février 2025', '9 brumaire 2021', '2021-03-09', '9 mars', '30. Februar 2024'])(
    'refuses "%s"',
    (text) => {
      expect(parseWrittenDate(text)).toBeNull()
    },
  )

  it('writes dates in the reader language', () => {
    expect(formatPolicyDate('2021-03-09', 'fr')).toBe('9 mars 2021')
    expect(formatPolicyDate('2021-03-09', 'en')).toBe('9 March 2021')
    expect(formatPolicyDate('2025-01-01', 'fr')).toBe('1er janvier 2025')
    expect(formatPolicyDate('2025-01-01', 'en')).toBe('1 January 2025')
    expect(formatPolicyDate('2021-03-09', 'de')).toBe('9. März 2021')
    expect(formatPolicyDate('2021-03-01', 'de')).toBe('1. März 2021')
    expect(formatPolicyDate('2025-01-01', 'de')).toBe('1. Januar 2025')
  })
})

describe('the version in force (Europe/Paris unless the policy names its time zone)', () => {
  it('takes the calendar day in Paris, not in UTC', () => {
    expect(DEFAULT_TIME_ZONE).toBe('Europe/Paris')
    const todayInParis = (now: Date) => todayIn(DEFAULT_TIME_ZONE, now)
    // 23:30 UTC on 8 March is already 9 March in Paris (UTC+1 in winter).
    expect(todayInParis(new Date('2021-03-08T23:30:00Z'))).toBe('2021-03-09')
    expect(todayInParis(new Date('2021-03-08T22:59:59Z'))).toBe('2021-03-08')
    // Summer time: UTC+2.
    expect(todayInParis(new Date('2025-07-13T22:00:00Z'))).toBe('2025-07-14')
    expect(todayInParis(new Date('2025-07-13T21:59:59Z'))).toBe('2025-07-13')
  })

  it('takes the calendar day in any time zone', () => {
    // London is on UTC in winter, UTC+1 in summer.
    expect(todayIn('Europe/London', new Date('2025-02-28T23:30:00Z'))).toBe('2025-02-28')
    expect(todayIn('Europe/London', new Date('2025-03-01T00:00:00Z'))).toBe('2025-03-01')
    expect(todayIn('Europe/London', new Date('2025-07-13T23:00:00Z'))).toBe('2025-07-14')
    expect(todayIn('Europe/London', new Date('2025-07-13T22:59:59Z'))).toBe('2025-07-13')
    expect(todayIn('America/New_York', new Date('2025-03-01T04:59:59Z'))).toBe('2025-02-28')
    expect(todayIn('America/New_York', new Date('2025-03-01T05:00:00Z'))).toBe('2025-03-01')
    expect(isTimeZone('Europe/London')).toBe(true)
    expect(isTimeZone('Mars/Olympus')).toBe(false)
  })

  it('gives the next midnight in a time zone, summer time included', () => {
    const next = (timeZone: string, iso: string) =>
      new Date(nextMidnight(timeZone, Date.parse(iso))).toISOString()
    expect(next('Europe/Paris', '2026-12-31T12:00:00Z')).toBe('2026-12-31T23:00:00.000Z')
    expect(next('Europe/Paris', '2026-12-31T22:59:00Z')).toBe('2026-12-31T23:00:00.000Z')
    expect(next('Europe/Paris', '2026-12-31T23:00:00Z')).toBe('2027-01-01T23:00:00.000Z')
    expect(next('Europe/Paris', '2025-07-13T10:00:00Z')).toBe('2025-07-13T22:00:00.000Z')
    // The night Paris moves to summer time (30 March 2025): midnight is still 23:00 UTC the day before.
    expect(next('Europe/Paris', '2025-03-29T12:00:00Z')).toBe('2025-03-29T23:00:00.000Z')
    expect(next('Europe/Paris', '2025-03-30T12:00:00Z')).toBe('2025-03-30T22:00:00.000Z')
    expect(next('Europe/London', '2025-02-28T23:30:00Z')).toBe('2025-03-01T00:00:00.000Z')
  })

  const versions = [
    { version: 1, effectiveFrom: '2021-03-09', requiresNewConsent: true },
    { version: 2, effectiveFrom: '2024-06-01', requiresNewConsent: false },
    { version: 3, effectiveFrom: '2027-01-01', requiresNewConsent: true },
  ]

  it('is the latest version whose date is not after today; a later one is upcoming', () => {
    expect(versionInForce(versions, '2021-03-08')).toBeNull()
    expect(versionInForce(versions, '2021-03-09')?.version).toBe(1)
    expect(versionInForce(versions, '2024-05-31')?.version).toBe(1)
    expect(versionInForce(versions, '2024-06-01')?.version).toBe(2)
    expect(versionInForce(versions, '2026-12-31')?.version).toBe(2)
    expect(versionInForce(versions, '2027-01-01')?.version).toBe(3)
    const inForce = versionInForce(versions, '2026-11-29')
    expect(versions.map((version) => versionState(version, inForce, '2026-11-29'))).toEqual([
      'past',
      'inForce',
      'upcoming',
    ])
  })

  it('switches at midnight Paris time', () => {
    const day = (iso: string) => todayIn('Europe/Paris', new Date(iso))
    expect(versionInForce(versions, day('2026-12-31T22:59:00Z'))?.version).toBe(2)
    expect(versionInForce(versions, day('2026-12-31T23:00:00Z'))?.version).toBe(3)
  })

  it('counts the consent revision from versions in force that ask again', () => {
    expect(consentRevision(versions, '2021-03-01')).toBe(0)
    expect(consentRevision(versions, '2026-11-29')).toBe(1)
    expect(consentRevision(versions, '2027-01-01')).toBe(3)
  })
})
