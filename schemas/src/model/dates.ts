// Dates of policy versions: calendar days in a policy's time zone, read from and written in any known language.
import type { Lang } from '../languages'
import { LOCALES } from '../locales'
import { fold } from './text'

/** The time zone of a policy that does not name one. */
export const DEFAULT_TIME_ZONE = 'Europe/Paris'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Whether a string is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value)
  if (!match) return false
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return date.toISOString().slice(0, 10) === value
}

/** Whether Intl knows a time zone name ("Europe/London"). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return true
  } catch {
    return false
  }
}

function isoDate(year: number, monthIndex: number, day: number): string | null {
  const value = `${String(year).padStart(4, '0')}-${String(monthIndex + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return isIsoDate(value) ? value : null
}

/** Month names of every known language, folded ("fevrier", "marz"), from Intl: month index by name. */
const MONTHS: Map<string, number> = new Map(
  Object.values(LOCALES).flatMap((locale) => {
    const format = new Intl.DateTimeFormat(locale.intl, { month: 'long', timeZone: 'UTC' })
    return Array.from({ length: 12 }, (_, month) => [
      fold(format.format(new Date(Date.UTC(2021, month, 15)))).replace(/\.$/, ''),
      month,
    ])
  }),
)

/** Reads "9 mars 2021", "1er janvier 2025", "14 January 2025", "January 14, 2025", "1. März 2021"; null otherwise. */
export function parseWrittenDate(text: string): string | null {
  const folded = fold(text)
    .replace(/,/g, ' ')
    .replace(/(\d)\./g, '$1')
    .replace(/\s+/g, ' ')
  let match = /^(\d{1,2})(?:er|st|nd|rd|th)? ([a-z]+) (\d{4})$/.exec(folded)
  if (match) {
    const month = MONTHS.get(match[2]!)
    return month === undefined ? null : isoDate(Number(match[3]), month, Number(match[1]))
  }
  match = /^([a-z]+) (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/.exec(folded)
  if (match) {
    const month = MONTHS.get(match[1]!)
    return month === undefined ? null : isoDate(Number(match[3]), month, Number(match[2]))
  }
  return null
}

/** "9 mars 2021" / "9 March 2021" / "9. März 2021" for a YYYY-MM-DD date. */
/** One formatter per language: making one costs more than formatting a hundred dates (a long history). */
const dateFormats = new Map<string, Intl.DateTimeFormat>()

export function formatPolicyDate(isoDay: string, lang: Lang): string {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number]
  const locale: { intl: string; firstOfMonth?: string } = LOCALES[lang]
  let format = dateFormats.get(locale.intl)
  if (!format) {
    format = new Intl.DateTimeFormat(locale.intl, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    })
    dateFormats.set(locale.intl, format)
  }
  const written = format.format(new Date(Date.UTC(year, month - 1, day)))
  return locale.firstOfMonth && day === 1
    ? written.replace(/^1 /, `${locale.firstOfMonth} `)
    : written
}

/** Today's calendar date in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}

/** Milliseconds since the epoch of the next midnight in a time zone, when the version in force may change. */
export function nextMidnight(timeZone: string, now: number): number {
  const today = todayIn(timeZone, new Date(now))
  // From the start of the next whole minute: midnight falls on one in every time zone in use.
  let probe = Math.floor(now / 60_000) * 60_000 + 60_000
  // Walk forward by hours then minutes: DST-proof without a time-zone library.
  while (todayIn(timeZone, new Date(probe)) === today) probe += 3_600_000
  probe -= 3_600_000
  while (todayIn(timeZone, new Date(probe)) === today) probe += 60_000
  return probe
}
