// Retention periods: parsing the words a policy uses, and saying them back in any known language.
import type { Lang } from '../languages'
import { allLocales, LOCALES, type Locale } from '../locales'
import { escapeRegExp } from './cookieNames'
import { fold } from './text'

export const RETENTION_UNITS = ['minute', 'hour', 'day', 'week', 'month', 'year'] as const
export type RetentionUnit = (typeof RETENTION_UNITS)[number]

export type Retention =
  | { kind: 'session' }
  | { kind: 'duration'; amount: number; unit: RetentionUnit }
  | { kind: 'unknown' }

/** Loose shape as stored in a document; anything incomplete reads as unknown. */
export interface StoredRetention {
  kind?: string | null
  amount?: number | null
  unit?: string | null
}

/** Every spelling of every unit in every known language, folded: "jours", "months", "tagen". */
const UNIT_PATTERNS: [Set<string>, RetentionUnit][] = RETENTION_UNITS.map((unit) => [
  new Set(
    allLocales().flatMap((locale) => [
      ...locale.units[unit].map(fold),
      ...(locale.unitVariants?.[unit] ?? []),
    ]),
  ),
  unit,
])
const SESSION_WORDS = new Set(allLocales().flatMap((locale) => locale.sessionWords))
const UP_TO = new RegExp(
  `^(${allLocales()
    .flatMap((locale) => locale.upTo)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})\\s*`,
)
const AMOUNT_UNIT = /(\d+)\s*([a-z]+)/

/** Reads "30 jours", "13 months", "Session"; null when the text says no retention. */
export function parseRetention(text: string): Retention | null {
  const folded = fold(text).replace(/[.;]$/, '')
  if (SESSION_WORDS.has(folded)) return { kind: 'session' }
  const match = AMOUNT_UNIT.exec(folded)
  if (!match) return null
  const amount = Number(match[1])
  const unit = UNIT_PATTERNS.find(([words]) => words.has(match[2]!))?.[1]
  if (!unit || amount < 1) return null
  // Anything but the amount and unit (and a leading "up to"/"jusqu'a") makes the text ambiguous.
  const rest = folded.replace(match[0], '').replace(UP_TO, '').trim()
  return rest === '' ? { kind: 'duration', amount, unit } : null
}

const RETENTION_PREFIX = new RegExp(
  `^(${allLocales()
    .flatMap((locale) => locale.retentionPrefixes)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})\\s*:\\s*`,
)

/** The "Durée de conservation : 13 mois" / "Retention period: 13 months" form of the more-info column. */
export function parsePrefixedRetention(text: string): Retention | null {
  const folded = fold(text)
  const prefix = RETENTION_PREFIX.exec(folded)
  if (!prefix) return null
  return parseRetention(folded.slice(prefix[0].length))
}

export function normalizeRetention(stored: StoredRetention | null | undefined): Retention {
  if (stored?.kind === 'session') return { kind: 'session' }
  if (
    stored?.kind === 'duration' &&
    typeof stored.amount === 'number' &&
    (RETENTION_UNITS as readonly string[]).includes(stored.unit ?? '')
  ) {
    return { kind: 'duration', amount: stored.amount, unit: stored.unit as RetentionUnit }
  }
  return { kind: 'unknown' }
}

/** "30 jours", "13 months", "Session", "13 Monate"; null when unknown. */
export function retentionLabel(
  stored: StoredRetention | null | undefined,
  lang: Lang,
): string | null {
  const retention = normalizeRetention(stored)
  const locale: Locale = LOCALES[lang]
  if (retention.kind === 'session') return locale.session
  if (retention.kind === 'unknown') return null
  const [one, many] = locale.units[retention.unit]
  return `${retention.amount} ${retention.amount === 1 ? one : many}`
}

/** ISO 8601 duration ("P30D", "P13M", "PT1H"); null for a session or unknown retention. */
export function retentionIsoDuration(stored: StoredRetention | null | undefined): string | null {
  const retention = normalizeRetention(stored)
  if (retention.kind !== 'duration') return null
  const { amount, unit } = retention
  switch (unit) {
    case 'minute':
      return `PT${amount}M`
    case 'hour':
      return `PT${amount}H`
    case 'day':
      return `P${amount}D`
    case 'week':
      return `P${amount}W`
    case 'month':
      return `P${amount}M`
    case 'year':
      return `P${amount}Y`
  }
}

const DAYS_PER_UNIT: Record<RetentionUnit, number> = {
  minute: 1 / 1440,
  hour: 1 / 24,
  day: 1,
  week: 7,
  month: 365.25 / 12,
  year: 365.25,
}

/** The retention in days (a month is a twelfth of a year); null for a session or unknown retention. */
export function retentionDays(stored: StoredRetention | null | undefined): number | null {
  const retention = normalizeRetention(stored)
  return retention.kind === 'duration' ? retention.amount * DAYS_PER_UNIT[retention.unit] : null
}

/** Whether a retention is longer than a number of months (CNIL: 13 months for trackers, 6 for the choice). */
export function retentionExceedsMonths(
  stored: StoredRetention | null | undefined,
  months: number,
): boolean {
  const days = retentionDays(stored)
  return days !== null && days > months * DAYS_PER_UNIT.month + 1e-9
}
