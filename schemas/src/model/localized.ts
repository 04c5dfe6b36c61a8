// Reading localised values: the page's language, else French with a flag so the page can say so.
import type { Lang } from '../languages'

export interface Localized<T> {
  _type?: string
  fr?: T | null
  en?: T | null
}

export interface Picked<T> {
  value: T
  /** True when the value is French standing in for a missing translation. */
  fallback: boolean
}

function present(value: unknown): boolean {
  if (value === undefined || value === null) return false
  if (typeof value === 'string') return value.trim() !== ''
  if (Array.isArray(value)) return value.length > 0
  return true
}

export function pick<T>(value: Localized<T> | null | undefined, lang: Lang): Picked<T | null> {
  if (value && present(value[lang])) return { value: value[lang] as T, fallback: false }
  return { value: value?.fr ?? null, fallback: lang !== 'fr' && present(value?.fr) }
}

export function text(value: Localized<string> | null | undefined, lang: Lang): string {
  return pick(value, lang).value ?? ''
}
