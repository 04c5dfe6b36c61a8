// Page metadata: title, description, canonical address and hreflang alternates in both languages.
import type { Metadata } from 'next'
import { LANGUAGES, type Lang } from '@cookie-policy/schemas/model'

/** `path` is the page's address without the language: "/cookies/versions". */
export function pageMetadata(
  lang: Lang,
  path: string,
  title: string,
  description: string,
): Metadata {
  const languages: Record<string, string> = Object.fromEntries(
    LANGUAGES.map((each) => [each, `/${each}${path}`]),
  )
  languages['x-default'] = `/fr${path}`
  return {
    title,
    description,
    alternates: { canonical: `/${lang}${path}`, languages },
    openGraph: { title, description, locale: lang === 'fr' ? 'fr_FR' : 'en_GB', type: 'article' },
  }
}
