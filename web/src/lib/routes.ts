// Whether an address names a page that exists, checked before rendering so that a missing page gets a real,
// server-rendered 404 (Next.js renders notFound() in dynamic routes as an empty shell filled in by JavaScript).
import { isLang } from '@cookie-policy/schemas/model'
import { readDefaultPolicy, readPolicyState } from '@cookie-policy/schemas/state'
import { runQuery } from './contentSource'
import { readVersionRequest, versionsOf } from './versionRequest'

/**
 * Sent by the production server's page cache with its render token (PAGE_RENDER_TOKEN), answered by the proxy
 * on a page with the time of its next change (midnight in its policy's time zone, ms since the epoch). The
 * server keeps it out of every answer; without the token the proxy says nothing.
 */
export const VALID_UNTIL_HEADER = 'x-valid-until'

export interface PageCheck {
  exists: boolean
  /** The page's policy's time zone: the page may change at midnight there. */
  timeZone: string | null
}

const missing: PageCheck = { exists: false, timeZone: null }

export async function checkPage(pathname: string, search: URLSearchParams): Promise<PageCheck> {
  const segments = pathname.split('/').filter(Boolean)
  const [lang, slug, versions, version, ...rest] = segments
  if (!lang || !isLang(lang)) return missing
  // /{lang} leads to the default policy: it exists when there is one (and the source answers).
  if (!slug) return { exists: (await readDefaultPolicy(runQuery)) !== null, timeZone: null }
  if (rest.length || (versions !== undefined && versions !== 'versions')) return missing
  const state = await readPolicyState(runQuery, slug)
  if (!state || state.versions.length === 0) return missing
  const found = (exists: boolean): PageCheck => ({ exists, timeZone: state.timeZone })
  if (versions === undefined) return found(state.inForce !== null)
  if (version === undefined) return found(true)
  const compare = search.getAll('compare')
  const request = readVersionRequest(version, compare.length > 1 ? [] : (compare[0] ?? null))
  if (!request) return missing
  const known = new Set(state.versions.map((entry) => entry.version))
  return found(versionsOf(request).every((number) => known.has(number)))
}
