// Reading localised values: the reader's language, else the policy's binding language with a flag, so
// that a page can say so and mark the text's own language.
import type { Lang } from '../languages'

/** A localised value as stored: one field per language code, beside Sanity's `_type`. */
export type Localized = { readonly [lang: string]: unknown }

export interface Picked<T> {
  value: T
  /** The language the value is written in. */
  lang: Lang
  /** True when the binding language stands in for a missing translation. */
  fallback: boolean
}

export function present(value: unknown): boolean {
  if (value === undefined || value === null) return false
  if (typeof value === 'string') return value.trim() !== ''
  if (Array.isArray(value)) return value.length > 0
  return true
}

/** The value in `lang`, else in `binding`; null where neither is written. */
export function pick<T>(
  value: Localized | null | undefined,
  lang: Lang,
  binding: Lang,
): Picked<T | null> {
  if (value && present(value[lang])) return { value: value[lang] as T, lang, fallback: false }
  const stand = value?.[binding]
  return {
    value: present(stand) ? (stand as T) : null,
    lang: binding,
    fallback: lang !== binding && present(stand),
  }
}

export function text(value: Localized | null | undefined, lang: Lang, binding: Lang): string {
  return pick<string>(value, lang, binding).value ?? ''
}

/** Whether any localised value inside `value` lacks its `lang` text where the binding text exists. */
export function hasFallback(value: unknown, lang: Lang, binding: Lang): boolean {
  if (lang === binding) return false
  if (Array.isArray(value)) return value.some((item) => hasFallback(item, lang, binding))
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  if (isLocalized(record)) return present(record[binding]) && !present(record[lang])
  return Object.values(record).some((item) => hasFallback(item, lang, binding))
}

/** Localised objects are the `locale…` types of the content model. */
export function isLocalized(record: Record<string, unknown>): boolean {
  return typeof record._type === 'string' && record._type.startsWith('locale')
}

/** Some text of a localised value, for previews and slugs where no language is chosen: the first filled in. */
export function anyText(value: unknown): string {
  if (typeof value !== 'object' || value === null) return typeof value === 'string' ? value : ''
  const record = value as Record<string, unknown>
  const found = Object.entries(record).find(
    ([key, item]) => !key.startsWith('_') && typeof item === 'string' && present(item),
  )
  return (found?.[1] as string | undefined) ?? ''
}

/** Whether any localised value inside `value` is written in `lang`: a version never translated into it is not. */
export function translatedInto(value: unknown, lang: Lang): boolean {
  if (Array.isArray(value)) return value.some((item) => translatedInto(item, lang))
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  if (isLocalized(record)) return present(record[lang])
  return Object.values(record).some((item) => translatedInto(item, lang))
}
