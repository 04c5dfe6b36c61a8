// Whether an address names a page that exists, checked before rendering so that a missing page gets a real,
// server-rendered 404 (Next.js renders notFound() in dynamic routes as an empty shell filled in by JavaScript).
import { isLang } from '@cookie-policy/schemas/model'
import { readDefaultPolicy, readPolicyState } from '@cookie-policy/schemas/state'
import { runQuery } from './contentSource'
import { readVersionRequest, versionsOf } from './versionRequest'

export async function pageExists(pathname: string, search: URLSearchParams): Promise<boolean> {
  const segments = pathname.split('/').filter(Boolean)
  const [lang, slug, versions, version, ...rest] = segments
  if (!lang || !isLang(lang)) return false
  // /{lang} leads to the default policy: it exists when there is one (and the source answers).
  if (!slug) return (await readDefaultPolicy(runQuery)) !== null
  if (rest.length || (versions !== undefined && versions !== 'versions')) return false
  const state = await readPolicyState(runQuery, slug)
  if (!state || state.versions.length === 0) return false
  if (versions === undefined) return state.inForce !== null
  if (version === undefined) return true
  const compare = search.getAll('compare')
  const request = readVersionRequest(version, compare.length > 1 ? [] : (compare[0] ?? null))
  if (!request) return false
  const known = new Set(state.versions.map((entry) => entry.version))
  return versionsOf(request).every((number) => known.has(number))
}
