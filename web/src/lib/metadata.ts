// Page metadata: title and description; the canonical address and hreflang alternates in every language,
// relative unless SITE_URL gives the public address (never the address the server listens on).
import type { Metadata } from 'next'
import { LANGUAGES, LOCALES, type Lang } from '@cookie-policy/schemas/model'
import { siteUrl } from './env'

export function pageMetadata(lang: Lang, title: string, description: string): Metadata {
  return {
    title,
    description,
    openGraph: { title, description, locale: LOCALES[lang].ogLocale, type: 'article' },
  }
}

/** `path` is the page's address without the language: "/cookies/versions". */
export function alternateLinks(lang: Lang, binding: Lang, path: string) {
  const origin = siteUrl() ?? ''
  return {
    canonical: `${origin}/${lang}${path}`,
    languages: [
      ...LANGUAGES.map((each) => ({ hrefLang: each, href: `${origin}/${each}${path}` })),
      // Visitors whose language has no version get the binding text.
      { hrefLang: 'x-default', href: `${origin}/${binding}${path}` },
    ],
  }
}
