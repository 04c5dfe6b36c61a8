// Page metadata: title, description, canonical address and hreflang alternates in every language.
import type { Metadata } from 'next'
import { LANGUAGES, LOCALES, type Lang } from '@cookie-policy/schemas/model'

/** `path` is the page's address without the language: "/cookies/versions". */
export function pageMetadata(
  lang: Lang,
  binding: Lang,
  path: string,
  title: string,
  description: string,
): Metadata {
  const languages: Record<string, string> = Object.fromEntries(
    LANGUAGES.map((each) => [each, `/${each}${path}`]),
  )
  // Visitors whose language has no version get the binding text.
  languages['x-default'] = `/${binding}${path}`
  return {
    title,
    description,
    alternates: { canonical: `/${lang}${path}`, languages },
    openGraph: { title, description, locale: LOCALES[lang].ogLocale, type: 'article' },
  }
}
