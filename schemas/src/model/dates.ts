// Dates of policy versions: calendar days in Europe/Paris, read from and written in French or English.
import type { Lang } from '../languages'
import { fold } from './text'

export const POLICY_TIME_ZONE = 'Europe/Paris'

const FR_MONTHS = [
  'janvier',
  'fevrier',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'aout',
  'septembre',
  'octobre',
  'novembre',
  'decembre',
]
const EN_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Whether a string is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value)
  if (!match) return false
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return date.toISOString().slice(0, 10) === value
}

function isoDate(year: number, monthIndex: number, day: number): string | null {
  const value = `${String(year).padStart(4, '0')}-${String(monthIndex + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return isIsoDate(value) ? value : null
}

/** Reads "9 mars 2021", "1er janvier 2025", "14 January 2025" or "January 14, 2025"; null otherwise. */
export function parseWrittenDate(text: string): string | null {
  const folded = fold(text).replace(/,/g, ' ').replace(/\s+/g, ' ')
  let match = /^(\d{1,2})(?:er|st|nd|rd|th)? ([a-z]+) (\d{4})$/.exec(folded)
  if (match) {
    const month = monthIndex(match[2]!)
    return month === -1 ? null : isoDate(Number(match[3]), month, Number(match[1]))
  }
  match = /^([a-z]+) (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/.exec(folded)
  if (match) {
    const month = monthIndex(match[1]!)
    return month === -1 ? null : isoDate(Number(match[3]), month, Number(match[2]))
  }
  return null
}

function monthIndex(word: string): number {
  const fr = FR_MONTHS.indexOf(word)
  return fr !== -1 ? fr : EN_MONTHS.indexOf(word)
}

/** "9 mars 2021" / "9 March 2021" for a YYYY-MM-DD date. */
export function formatPolicyDate(isoDay: string, lang: Lang): string {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number]
  const formatter = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
  const written = formatter.format(new Date(Date.UTC(year, month - 1, day)))
  // French writes the first of the month as an ordinal: "1er juin 2024".
  return lang === 'fr' && day === 1 ? written.replace(/^1 /, '1er ') : written
}

/** Today's calendar date in Europe/Paris, as YYYY-MM-DD. */
export function todayInParis(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: POLICY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}
