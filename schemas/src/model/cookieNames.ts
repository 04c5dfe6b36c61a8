// Cookie names as printed in a policy: several names in one row, patterns with *, and whole domains.
export type CookieKind = 'name' | 'pattern' | 'domain'

/** "_utma / _utmz / _utmz" lists three names; every one is kept, duplicates included, as written. */
export function splitCookieNames(printed: string): string[] {
  return printed
    .split(/\s+\/\s+/)
    .map((name) => name.trim())
    .filter((name) => name !== '')
}

export function cookieKind(name: string): CookieKind {
  if (name.startsWith('.')) return 'domain'
  if (name.includes('*')) return 'pattern'
  return 'name'
}

/** A pattern's RegExp source, anchored: "_ga_*" becomes "^_ga_.*$". */
export function patternSource(name: string): string {
  return `^${name.split('*').map(escapeRegExp).join('.*')}$`
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Whether a cookie set by a browser matches a catalog name, pattern or domain. */
export function cookieMatches(entry: string, cookie: { name: string; domain?: string }): boolean {
  const kind = cookieKind(entry)
  if (kind === 'name') return entry === cookie.name
  if (kind === 'pattern') return new RegExp(patternSource(entry)).test(cookie.name)
  const host = (cookie.domain ?? '').replace(/^\./, '').toLowerCase()
  const domain = entry.slice(1).toLowerCase()
  return host === domain || host.endsWith(`.${domain}`)
}
