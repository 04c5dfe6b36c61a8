// Picks the visitor's preferred language among the deployment's from an Accept-Language header.
import { isLang, type Lang } from '@cookie-policy/schemas/model'

/** The published language the visitor prefers most; null when they name none of them. */
export function preferredLang(header: string | null): Lang | null {
  let best: { lang: Lang; q: number } | null = null
  for (const entry of (header ?? '').split(',')) {
    const [tag, ...options] = entry.trim().toLowerCase().split(';')
    const primary = tag?.split('-')[0]
    if (!isLang(primary)) continue
    const q = Number(
      options
        .find((option) => option.trim().startsWith('q='))
        ?.trim()
        .slice(2) ?? 1,
    )
    if (!Number.isFinite(q) || q <= 0) continue
    if (!best || q > best.q) best = { lang: primary, q }
  }
  return best?.lang ?? null
}
