import { describe, expect, it } from 'vitest'
import { formatPolicyDate, parseWrittenDate, todayInParis } from '../src/model/dates'
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
  ])('reads "%s"', (text, iso) => {
    expect(parseWrittenDate(text)).toBe(iso)
  })

  it.each(['31 février 2025', '9 brumaire 2021', '2021-03-09', '9 mars'])(
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
  })
})

describe('the version in force (Europe/Paris)', () => {
  it('takes the calendar day in Paris, not in UTC', () => {
    // 23:30 UTC on 8 March is already 9 March in Paris (UTC+1 in winter).
    expect(todayInParis(new Date('2021-03-08T23:30:00Z'))).toBe('2021-03-09')
    expect(todayInParis(new Date('2021-03-08T22:59:59Z'))).toBe('2021-03-08')
    // Summer time: UTC+2.
    expect(todayInParis(new Date('2025-07-13T22:00:00Z'))).toBe('2025-07-14')
    expect(todayInParis(new Date('2025-07-13T21:59:59Z'))).toBe('2025-07-13')
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
    const day = (iso: string) => todayInParis(new Date(iso))
    expect(versionInForce(versions, day('2026-12-31T22:59:00Z'))?.version).toBe(2)
    expect(versionInForce(versions, day('2026-12-31T23:00:00Z'))?.version).toBe(3)
  })

  it('counts the consent revision from versions in force that ask again', () => {
    expect(consentRevision(versions, '2021-03-01')).toBe(0)
    expect(consentRevision(versions, '2026-11-29')).toBe(1)
    expect(consentRevision(versions, '2027-01-01')).toBe(3)
  })
})
