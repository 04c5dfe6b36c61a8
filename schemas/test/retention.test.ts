import { describe, expect, it } from 'vitest'
import {
  parsePrefixedRetention,
  parseRetention,
  retentionExceedsMonths,
  retentionIsoDuration,
  retentionLabel,
} from '../src/model/retention'

describe('parseRetention', () => {
  it.each([
    ['30 jours', { kind: 'duration', amount: 30, unit: 'day' }],
    ['1 jour', { kind: 'duration', amount: 1, unit: 'day' }],
    ['13 mois', { kind: 'duration', amount: 13, unit: 'month' }],
    ['2 ans', { kind: 'duration', amount: 2, unit: 'year' }],
    ['1 an', { kind: 'duration', amount: 1, unit: 'year' }],
    ['24 heures', { kind: 'duration', amount: 24, unit: 'hour' }],
    ['365 days', { kind: 'duration', amount: 365, unit: 'day' }],
    ['13 months', { kind: 'duration', amount: 13, unit: 'month' }],
    ['1 year', { kind: 'duration', amount: 1, unit: 'year' }],
    ['2 hours', { kind: 'duration', amount: 2, unit: 'hour' }],
    ['Session', { kind: 'session' }],
    ['session', { kind: 'session' }],
    ['30 Tage', { kind: 'duration', amount: 30, unit: 'day' }],
    ['30 Tagen', { kind: 'duration', amount: 30, unit: 'day' }],
    ['13 Monate', { kind: 'duration', amount: 13, unit: 'month' }],
    ['1 Jahr', { kind: 'duration', amount: 1, unit: 'year' }],
    ['2 Jahren', { kind: 'duration', amount: 2, unit: 'year' }],
    ['Sitzung', { kind: 'session' }],
  ])('reads "%s"', (text, expected) => {
    expect(parseRetention(text)).toEqual(expected)
  })

  it.each(['quelque temps', '13', 'mois', '13 mois ou plus', '0 jour'])('refuses "%s"', (text) => {
    expect(parseRetention(text)).toBeNull()
  })

  it('reads the retention written in the learn-more column, in every known language', () => {
    expect(parsePrefixedRetention('Durée de conservation : 13 mois')).toEqual({
      kind: 'duration',
      amount: 13,
      unit: 'month',
    })
    expect(parsePrefixedRetention('Retention period: 1 day')).toEqual({
      kind: 'duration',
      amount: 1,
      unit: 'day',
    })
    expect(parsePrefixedRetention('Speicherdauer: 13 Monate')).toEqual({
      kind: 'duration',
      amount: 13,
      unit: 'month',
    })
    expect(parsePrefixedRetention('amplitude.com/privacy')).toBeNull()
  })
})

describe('retention labels and durations', () => {
  it('says the retention in the page language', () => {
    expect(retentionLabel({ kind: 'duration', amount: 30, unit: 'day' }, 'fr')).toBe('30 jours')
    expect(retentionLabel({ kind: 'duration', amount: 30, unit: 'day' }, 'en')).toBe('30 days')
    expect(retentionLabel({ kind: 'duration', amount: 1, unit: 'day' }, 'fr')).toBe('1 jour')
    expect(retentionLabel({ kind: 'duration', amount: 13, unit: 'month' }, 'fr')).toBe('13 mois')
    expect(retentionLabel({ kind: 'duration', amount: 13, unit: 'month' }, 'en')).toBe('13 months')
    expect(retentionLabel({ kind: 'duration', amount: 1, unit: 'year' }, 'fr')).toBe('1 an')
    expect(retentionLabel({ kind: 'session' }, 'en')).toBe('Session')
    expect(retentionLabel({ kind: 'duration', amount: 30, unit: 'day' }, 'de')).toBe('30 Tage')
    expect(retentionLabel({ kind: 'duration', amount: 1, unit: 'day' }, 'de')).toBe('1 Tag')
    expect(retentionLabel({ kind: 'duration', amount: 13, unit: 'month' }, 'de')).toBe('13 Monate')
    expect(retentionLabel({ kind: 'duration', amount: 1, unit: 'year' }, 'de')).toBe('1 Jahr')
    expect(retentionLabel({ kind: 'session' }, 'de')).toBe('Sitzung')
    expect(retentionLabel({ kind: 'unknown' }, 'fr')).toBeNull()
    expect(retentionLabel({ kind: 'duration', unit: 'day' }, 'fr')).toBeNull()
  })

  it('gives ISO 8601 durations, none for a session', () => {
    expect(retentionIsoDuration({ kind: 'duration', amount: 30, unit: 'day' })).toBe('P30D')
    expect(retentionIsoDuration({ kind: 'duration', amount: 13, unit: 'month' })).toBe('P13M')
    expect(retentionIsoDuration({ kind: 'duration', amount: 2, unit: 'hour' })).toBe('PT2H')
    expect(retentionIsoDuration({ kind: 'duration', amount: 1, unit: 'year' })).toBe('P1Y')
    expect(retentionIsoDuration({ kind: 'session' })).toBeNull()
  })

  it('compares with the CNIL limits in months', () => {
    expect(retentionExceedsMonths({ kind: 'duration', amount: 13, unit: 'month' }, 13)).toBe(false)
    expect(retentionExceedsMonths({ kind: 'duration', amount: 14, unit: 'month' }, 13)).toBe(true)
    expect(retentionExceedsMonths({ kind: 'duration', amount: 365, unit: 'day' }, 13)).toBe(false)
    expect(retentionExceedsMonths({ kind: 'duration', amount: 2, unit: 'year' }, 13)).toBe(true)
    expect(retentionExceedsMonths({ kind: 'duration', amount: 365, unit: 'day' }, 6)).toBe(true)
    expect(retentionExceedsMonths({ kind: 'session' }, 6)).toBe(false)
  })
})
