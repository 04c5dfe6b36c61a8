// Which addresses may leave in a public output (the catalog, the banner formats, the pages): web links only.
// The Studio asks for https, but the Content Lake's API (or an edited dataset file) can store anything, so
// every output checks again here, whatever wrote the data: a `javascript:` link must never reach a visitor.

/** The schemes a public link may use. */
const WEB_SCHEMES = new Set(['https:', 'http:'])
/** Besides web links, what a link in the policy's prose may be. */
const PROSE_SCHEMES = new Set([...WEB_SCHEMES, 'mailto:', 'tel:'])

function parsed(value: unknown): URL | null {
  if (typeof value !== 'string') return null
  try {
    return new URL(value)
  } catch {
    return null
  }
}

/** The link as given when it is an absolute https (or http) address; null otherwise. */
export function webLink(value: unknown): string | null {
  const url = parsed(value)
  return url && WEB_SCHEMES.has(url.protocol) ? (value as string) : null
}

/** A path of the site itself: "/fr/cookies", never "//host" or "/\host", which browsers take elsewhere. */
function isSitePath(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\/(?![/\\])/.test(value)) return false
  // A tab or a new line inside is dropped by URL parsers: "/\t/host" would become "//host".
  return ![...value].some((character) => character.charCodeAt(0) < 0x20)
}

/** A link in the policy's prose: a web link, mailto:, tel: or a path of the site; null otherwise. */
export function proseLink(value: unknown): string | null {
  if (isSitePath(value)) return value
  const url = parsed(value)
  return url && PROSE_SCHEMES.has(url.protocol) ? (value as string) : null
}

/** A link to a page: a path of the site or a web link; null otherwise. */
export function pageLink(value: unknown): string | null {
  return isSitePath(value) ? value : webLink(value)
}
