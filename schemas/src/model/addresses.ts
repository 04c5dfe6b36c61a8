// The addresses of the policy pages, in one place: how each is written (links, the catalog's policy URL, the
// Studio's preview) and how a request's path is read back. Whatever spelling a request uses, the page it
// means has one key: the site keeps its pages under that key, never under the raw text.
import { isLang, type Lang } from '../languages'

/** Which page of a policy: the version in force, the history, one version, or two versions compared. */
export type PageView =
  | { kind: 'policy' }
  | { kind: 'versions' }
  | { kind: 'version'; version: number; compareWith: number | null }
  | { kind: 'compare'; from: number; to: number }

export interface PageAddress {
  lang: Lang
  slug: string
  view: PageView
}

/** What a request's path names: a policy page, a language's home (/{lang}), or the site's root. */
export type SiteAddress =
  { kind: 'root' } | { kind: 'language'; lang: Lang } | ({ kind: 'page' } & PageAddress)

/** A version number from the address: digits only, small enough to be real; null otherwise. */
export function parseVersionNumber(value: string): number | null {
  return /^[1-9]\d{0,5}$/.test(value) ? Number(value) : null
}

/** A policy's slug as Sanity makes them: lower-case letters, digits and dashes. */
const SLUG = /^[a-z0-9][a-z0-9-]{0,95}$/

/** Whether a text is a policy's slug as Sanity makes them. */
export const isPolicySlug = (value: string) => SLUG.test(value)
const RANGE = /^(\d+)\.\.\.(\d+)$/
const SEGMENT = /^[\w.-]+$/
const DOTS = /^\.+$/

/** The version numbers a page shows. */
export function versionsOf(view: PageView): number[] {
  if (view.kind === 'compare') return [view.from, view.to]
  if (view.kind === 'version')
    return [view.version, ...(view.compareWith ? [view.compareWith] : [])]
  return []
}

/** The path of a page, without the language: "/cookies/versions/3?compare=1". */
export function pageSuffix(slug: string, view: PageView = { kind: 'policy' }): string {
  switch (view.kind) {
    case 'policy':
      return `/${slug}`
    case 'versions':
      return `/${slug}/versions`
    case 'compare':
      return compareSuffix(slug, view.from, view.to)
    case 'version': {
      const usual = view.compareWith === (view.version > 1 ? view.version - 1 : null)
      return `/${slug}/versions/${view.version}${usual ? '' : `?compare=${view.compareWith}`}`
    }
  }
}

function compareSuffix(slug: string, from: number | string, to: number): string {
  return `/${slug}/versions/${from}...${to}`
}

/**
 * The comparison of any earlier version with version `to`, "{from}" left for the banner to fill in with the
 * version a visitor chose at: "/fr/cookies/versions/{from}...3".
 */
export function compareTemplate(lang: Lang, slug: string, to: number): string {
  return `/${lang}${compareSuffix(slug, '{from}', to)}`
}

/** The address of a page in a language: "/fr/cookies/versions/2". */
export function pagePath(lang: Lang, slug: string, view?: PageView): string {
  return `/${lang}${pageSuffix(slug, view)}`
}

/** The address of one version (with its usual comparison, to the version before it). */
export function versionPath(lang: Lang, slug: string, version: number): string {
  return pagePath(lang, slug, {
    kind: 'version',
    version,
    compareWith: version > 1 ? version - 1 : null,
  })
}

/**
 * What a request's path and query name, or null when they name no page: an unknown language, a slug Sanity
 * would not make, a version number that is not one, a compare parameter given twice. Only a version page
 * reads the query (its compare); any other parameter is ignored, so the same page has one key.
 */
export function parseSiteAddress(path: string, search: string): SiteAddress | null {
  if (path === '/') return { kind: 'root' }
  const segments = path.split('/')
  // A leading slash, then no empty, dot or encoded segment: each page has one spelling.
  if (segments[0] !== '') return null
  for (let i = 1; i < segments.length; i++)
    if (!SEGMENT.test(segments[i]!) || DOTS.test(segments[i]!)) return null
  const [, lang, slug, versions, version, ...rest] = segments
  if (!lang || !isLang(lang)) return null
  if (slug === undefined) return { kind: 'language', lang }
  if (!SLUG.test(slug) || rest.length > 0) return null
  const page = (view: PageView): SiteAddress => ({ kind: 'page', lang, slug, view })
  if (versions === undefined) return page({ kind: 'policy' })
  if (versions !== 'versions') return null
  if (version === undefined) return page({ kind: 'versions' })
  const range = RANGE.exec(version)
  if (range) {
    const [a, b] = [parseVersionNumber(range[1]!), parseVersionNumber(range[2]!)]
    return a === null || b === null
      ? null
      : page({ kind: 'compare', from: Math.min(a, b), to: Math.max(a, b) })
  }
  const number = parseVersionNumber(version)
  if (number === null) return null
  const compare = search.length > 1 ? new URLSearchParams(search).getAll('compare') : []
  if (compare.length > 1) return null
  if (compare.length === 0)
    return page({ kind: 'version', version: number, compareWith: number > 1 ? number - 1 : null })
  const other = parseVersionNumber(compare[0]!)
  return other === null ? null : page({ kind: 'version', version: number, compareWith: other })
}

/** The key a page is kept under: the same for every spelling of the same page. */
export function pageKey(address: PageAddress): string {
  return pagePath(address.lang, address.slug, address.view)
}
