// Whether any localised text of a value lacks its translation in a language (then French stands in).
import type { Lang } from '@cookie-policy/schemas/model'

function filled(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== ''
  if (Array.isArray(value)) return value.length > 0
  return value !== null && value !== undefined
}

export function hasFallback(value: unknown, lang: Lang): boolean {
  if (lang === 'fr') return false
  if (Array.isArray(value)) return value.some((item) => hasFallback(item, lang))
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  if (typeof record._type === 'string' && record._type.startsWith('locale'))
    return filled(record.fr) && !filled(record[lang])
  return Object.values(record).some((item) => hasFallback(item, lang))
}
