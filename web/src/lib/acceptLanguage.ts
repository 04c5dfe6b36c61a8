// Picks French or English from an Accept-Language header; French when the visitor prefers neither.
import type { Lang } from '@cookie-policy/schemas/model'

export function preferredLang(header: string | null): Lang {
  let best: { lang: Lang; q: number } | null = null
  for (const entry of (header ?? '').split(',')) {
    const [tag, ...options] = entry.trim().toLowerCase().split(';')
    const primary = tag?.split('-')[0]
    if (primary !== 'fr' && primary !== 'en') continue
    const q = Number(
      options
        .find((option) => option.trim().startsWith('q='))
        ?.trim()
        .slice(2) ?? 1,
    )
    if (!Number.isFinite(q) || q <= 0) continue
    if (!best || q > best.q) best = { lang: primary, q }
  }
  return best?.lang ?? 'fr'
}
