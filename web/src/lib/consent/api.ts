// The consent ledger's HTTP behaviour, independent of any framework: POST /api/consent records a visitor's
// choice once it is checked against the catalog of the version they were shown, and answers with a receipt
// once the record is durable; GET /api/consent/{consentId} gives that visitor's records, newest first;
// GET /api/consent/counts/{policy} counts the choices in force per category, for editors.
import {
  CONSENT_BODY_LIMIT,
  consentErrorSchema,
  consentCountsSchema,
  consentHistorySchema,
  consentReceiptSchema,
  consentRequestSchema,
  readCatalog,
  toVanillaCookieConsent,
  type Catalog,
  type ConsentRequest,
} from '@cookie-policy/schemas/contracts'
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { LedgerBusyError, type LedgerStore, type LedgerWriter } from '@cookie-policy/schemas/ledger'
import { canonicalContent, isPolicySlug, stableStringify } from '@cookie-policy/schemas/model'
import { policyVersionContentQuery, type RunQuery } from '@cookie-policy/schemas/queries'
import { readPolicyState } from '@cookie-policy/schemas/state'
import { jsonReply, type Reply } from '../readyBytes'
import { jsonSecurityHeaders } from '../security'

export const CONSENT_PATH = '/api/consent'
/** Below CONSENT_PATH: the choices in force of a policy, counted (for editors deciding on a change). */
const COUNTS_PATH = '/counts/'
const COUNTS_KEPT_MS = 5 * 60_000
/** How long a choice stays in the browser (the consent cookie's 182 days). */
const CONSENT_KEPT_MS = 182 * 86_400_000
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i

/** Any of the company's sites may send choices (the loader runs there); nothing is sent with credentials. */
const SHARED_HEADERS = { ...jsonSecurityHeaders(), 'Access-Control-Allow-Origin': '*' }
const PREFLIGHT_HEADERS = {
  ...SHARED_HEADERS,
  'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
  // Chromium keeps a preflight 2 hours at most, Firefox 24.
  'Access-Control-Max-Age': '7200',
  'Cache-Control': 'public, max-age=7200',
}

class ConsentRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
}

const json = (status: number, value: unknown, more: Record<string, string> = {}): Reply =>
  jsonReply(status, value, { 'Access-Control-Allow-Origin': '*', ...more })

function consentErrorReply(error: ConsentRequestError): Reply {
  const { status, code, message, field } = error
  return json(
    status,
    consentErrorSchema.parse({ error: { code, message, ...(field ? { field } : {}) } }),
    status === 503 ? { 'Retry-After': '5' } : {},
  )
}

export const tooLarge = () =>
  new ConsentRequestError(
    413,
    'body_too_large',
    `The request body is larger than ${CONSENT_BODY_LIMIT} bytes.`,
  )

/** A browser family from a user agent: nothing that tells one visitor from another. */
export function browserFamily(userAgent: string | undefined): string | null {
  if (!userAgent) return null
  if (/\bEdg(e|A|iOS)?\//.test(userAgent)) return 'Edge'
  if (/\bOPR\/|\bOpera\b/.test(userAgent)) return 'Opera'
  if (/\bFirefox\/|\bFxiOS\//.test(userAgent)) return 'Firefox'
  if (/\b(Headless)?Chrom(e|ium)\/|\bCriOS\//.test(userAgent)) return 'Chrome'
  if (/\bSafari\//.test(userAgent)) return 'Safari'
  return 'other'
}

/** The first problem zod found, as the name of the field and a sentence. */
function fieldError(issues: readonly { path: PropertyKey[]; message: string; code: string }[]) {
  const issue = issues[0]!
  const keys = (issue as { keys?: string[] }).keys
  const field =
    issue.code === 'unrecognized_keys' && keys?.length ? keys[0]! : issue.path.join('.') || 'body'
  const message =
    issue.code === 'unrecognized_keys' ? `"${field}" is not a field of a consent` : issue.message
  return new ConsentRequestError(422, 'invalid_field', `${field}: ${message}`, field)
}

const invalid = (field: string, message: string) =>
  new ConsentRequestError(422, 'invalid_field', `${field}: ${message}`, field)

/** The choice must be one the banner of that version could have sent. */
function checkAgainstCatalog(request: ConsentRequest, catalog: Catalog): void {
  if (request.consentRevision !== catalog.policy.consentRevision)
    throw invalid(
      'consentRevision',
      `version ${request.version} of "${request.policy}" asks for consent revision ${catalog.policy.consentRevision}, not ${request.consentRevision}`,
    )
  const keys = new Set(catalog.categories.map((category) => category.key))
  const required = catalog.categories.filter((category) => category.required).map((c) => c.key)
  for (const field of ['accepted', 'rejected'] as const) {
    const unknown = request[field].find((key) => !keys.has(key))
    if (unknown)
      throw invalid(
        field,
        `"${unknown}" is not a category of version ${request.version} (${[...keys].join(', ')})`,
      )
  }
  const both = request.accepted.find((key) => request.rejected.includes(key))
  if (both) throw invalid('rejected', `"${both}" is both accepted and rejected`)
  const refused = request.rejected.find((key) => required.includes(key))
  if (refused) throw invalid('rejected', `"${refused}" is strictly necessary: it cannot be refused`)
  const undecided = [...keys].find(
    (key) => !request.accepted.includes(key) && !request.rejected.includes(key),
  )
  if (undecided) throw invalid('accepted', `"${undecided}" is neither accepted nor rejected`)
  if (request.action === 'accept-all' && request.rejected.length)
    throw invalid('action', '"accept-all" with categories rejected')
  const onlyRequired = request.accepted.every((key) => required.includes(key))
  if (['reject-all', 'withdraw', 'gpc'].includes(request.action) && !onlyRequired)
    throw invalid('action', `"${request.action}" with optional categories accepted`)
  if (request.action === 'gpc' && !request.gpc)
    throw invalid(
      'gpc',
      'a "gpc" choice is made only when the browser sends Global Privacy Control',
    )
  checkReconsent(
    request,
    required,
    keys,
    new Map(catalog.categories.map((category) => [category.key, category.revision ?? 0])),
  )
}

/** A re-consent: the categories asked again and those carried forward share out the refusable ones. */
function checkReconsent(
  request: ConsentRequest,
  required: string[],
  keys: Set<string>,
  revisions: Map<string, number>,
): void {
  const { reasked, carried } = request
  if (reasked === undefined) {
    if (carried !== undefined) throw invalid('carried', '"carried" comes with "reasked" only')
    return
  }
  if (carried === undefined) throw invalid('carried', '"reasked" comes with "carried"')
  if (!reasked.length)
    throw invalid('reasked', 'a re-consent asks again about one category at least')
  const refusable = [...keys].filter((key) => !required.includes(key))
  const named = [...reasked, ...carried.map((entry) => entry.category)]
  const twice = named.find((key, index) => named.indexOf(key) !== index)
  if (twice) throw invalid('carried', `"${twice}" is both asked again and carried`)
  const stranger = named.find((key) => !refusable.includes(key))
  if (stranger)
    throw invalid(
      'reasked',
      `"${stranger}" is not a category a visitor may refuse in version ${request.version} (${refusable.join(', ')})`,
    )
  const missing = refusable.find((key) => !named.includes(key))
  if (missing) throw invalid('reasked', `"${missing}" is neither asked again nor carried`)
  for (const entry of carried) {
    if (entry.version >= request.version)
      throw invalid(
        'carried',
        `"${entry.category}" is carried from version ${entry.version}: an answer carried forward was given at an earlier version than ${request.version}`,
      )
    // An acceptance given before the category changed materially cannot carry: it must be asked again.
    const revision = revisions.get(entry.category) ?? 0
    if (entry.accepted && entry.version < revision)
      throw invalid(
        'carried',
        `"${entry.category}" changed materially at version ${revision}: an acceptance from version ${entry.version} must be asked again, not carried`,
      )
    if (request[entry.accepted ? 'accepted' : 'rejected'].includes(entry.category)) continue
    throw invalid(
      'carried',
      `"${entry.category}" is carried as ${entry.accepted ? 'accepted' : 'rejected'} but is not`,
    )
  }
}

export interface ConsentApiOptions {
  runQuery: RunQuery
  /** Changes with the content: the catalogs kept for checking are read again. */
  generation: () => number
  ledger: () => Promise<{ store: LedgerStore; writer: LedgerWriter }>
  /** SHA-256 of the banner loader this site serves. */
  bannerHash: () => string | null
  /** The consent cookie's name, as the banner's configuration carries it. */
  cookieName: string
  /** The key that signs consent IDs' tokens (CONSENT_SECRET, else the ledger's own). */
  secret: () => Promise<Buffer>
}

/** A version's catalog in one language, with the hashes of what a visitor was shown of it. */
interface Shown {
  catalog: Catalog
  contentHash: string | null
  bannerHash: string
  versionBody: string | null
  bannerBody: string
  /** Whether the bodies are in the ledger already. */
  kept: boolean
}

export interface ConsentRequestHeaders {
  contentType?: string | null
  userAgent?: string
  secGpc?: string | string[]
}

export function createConsentApi(options: ConsentApiOptions) {
  /** Catalogs by policy and version, per content generation: a version never changes once published. */
  const catalogs = new Map<string, Shown>()
  let catalogsGeneration = -1

  async function catalogOf(request: ConsentRequest): Promise<Shown> {
    const generation = options.generation()
    if (generation !== catalogsGeneration) {
      catalogs.clear()
      catalogsGeneration = generation
    }
    const key = `${request.version}|${request.lang}|${request.policy}|${request.reasked ? 'again' : ''}`
    const kept = catalogs.get(key)
    if (kept) return kept
    const [read, state, [stored]] = await Promise.all([
      readCatalog(options.runQuery, {
        slug: request.policy,
        version: request.version,
        lang: request.lang,
      }),
      readPolicyState(options.runQuery, request.policy),
      options.runQuery(policyVersionContentQuery, {
        slug: request.policy,
        versions: [request.version],
      }),
    ])
    if (!read.found) {
      const field = read.code === 'version_not_found' ? 'version' : 'policy'
      throw invalid(field, read.message)
    }
    // What the visitor was shown: the version's content hash, and the banner's text in their language,
    // with the words of a re-consent (what changed, per category) when it asks again.
    const banner = toVanillaCookieConsent(read.catalog, { cookieName: options.cookieName })
    const { policy: _policy, version: _version, lang: _lang, ...words } = banner.consentRecord
    const bannerBody = stableStringify(
      request.reasked ? { language: banner.language, reconsent: words } : banner.language,
    )
    const shown: Shown = {
      catalog: read.catalog,
      contentHash:
        state?.versions.find((version) => version.version === request.version)?.contentHash ?? null,
      bannerHash: createHash('sha256').update(bannerBody).digest('hex'),
      // The exact bytes each hash was made from, kept in the ledger for evidence bundles.
      versionBody: stored ? canonicalContent(stored) : null,
      bannerBody,
      kept: false,
    }
    if (catalogs.size >= 256) catalogs.clear()
    catalogs.set(key, shown)
    return shown
  }

  const logFailure = failureLog()
  /** Counts per policy that exists, kept 5 minutes: a count reads every choice of the last six months. */
  const counted = new Map<string, { at: number; reply: Promise<Reply> }>()

  async function counts(slug: string): Promise<Reply> {
    if (!isPolicySlug(slug))
      throw new ConsentRequestError(
        404,
        'policy_not_found',
        `There is no policy "${slug.slice(0, 100)}".`,
      )
    const fresh = () => {
      const entry = counted.get(slug)
      return entry && Date.now() - entry.at < COUNTS_KEPT_MS ? entry.reply : null
    }
    const kept = fresh()
    if (kept) return kept
    // Only a policy that exists is counted and kept: made-up names, however many, cannot push its count out.
    if (!(await readPolicyState(options.runQuery, slug)))
      throw new ConsentRequestError(404, 'policy_not_found', `There is no policy "${slug}".`)
    const started = fresh()
    if (started) return started
    // One count at a time per policy, kept: a burst costs one scan.
    const reply = (async () => {
      const { store } = await options.ledger()
      const since = new Date(Date.now() - CONSENT_KEPT_MS).toISOString()
      const { choices, accepted } = await store.choiceCounts(slug, since)
      return json(
        200,
        consentCountsSchema.parse({
          policy: slug,
          since,
          choices,
          accepted,
          countedAt: new Date().toISOString(),
        }),
        { 'Cache-Control': 'public, max-age=300' },
      )
    })()
    if (counted.size >= 32) counted.delete(counted.keys().next().value!)
    counted.set(slug, { at: Date.now(), reply })
    reply.catch(() => counted.delete(slug))
    return reply
  }

  async function record(body: Buffer, headers: ConsentRequestHeaders): Promise<Reply> {
    const type = (headers.contentType ?? '').split(';')[0]!.trim().toLowerCase()
    if (type !== 'application/json')
      throw new ConsentRequestError(
        415,
        'unsupported_media_type',
        `Content-Type "${headers.contentType ?? ''}" is not application/json.`,
        'Content-Type',
      )
    if (body.length > CONSENT_BODY_LIMIT) throw tooLarge()
    let value: unknown
    try {
      value = JSON.parse(body.toString('utf8'))
    } catch (error) {
      throw new ConsentRequestError(
        400,
        'invalid_json',
        `The body is not JSON: ${(error as Error).message}`,
        'body',
      )
    }
    const parsed = consentRequestSchema.safeParse(value)
    if (!parsed.success) throw fieldError(parsed.error.issues)
    const { token, ...request } = parsed.data
    const shown = await catalogOf(request)
    checkAgainstCatalog(request, shown.catalog)
    const { store, writer } = await options.ledger()
    // A consent ID belongs to whoever recorded its first choice: later ones carry that receipt's token.
    const owned = tokenOf(await options.secret(), request.consentId)
    const known = await store.knows(request.consentId)
    if (request.reasked && !known)
      throw new ConsentRequestError(
        422,
        'invalid_field',
        'reasked: a re-consent follows earlier choices, and this consent ID has none',
        'reasked',
      )
    if (known) {
      if (token === undefined)
        throw new ConsentRequestError(
          403,
          'token_required',
          'This consent ID has choices already: send the token of its first receipt.',
          'token',
        )
      if (!sameToken(token, owned))
        throw new ConsentRequestError(
          403,
          'invalid_token',
          'This token is not the consent ID’s.',
          'token',
        )
    }
    if (!shown.kept) {
      if (shown.contentHash && shown.versionBody)
        await store.keepShown(shown.contentHash, 'version', shown.versionBody)
      await store.keepShown(shown.bannerHash, 'banner', shown.bannerBody)
      shown.kept = true
    }
    const saved = await writer.append({
      ...request,
      gpc: request.gpc || headers.secGpc === '1',
      banner: options.bannerHash(),
      contentHash: shown.contentHash,
      bannerHash: shown.bannerHash,
      browser: browserFamily(headers.userAgent),
    })
    const receipt = consentReceiptSchema.parse({
      receipt: {
        id: saved.id,
        consentId: saved.consentId,
        recordedAt: saved.recordedAt,
        hash: saved.hash,
        token: owned,
        contentHash: saved.contentHash,
        bannerHash: saved.bannerHash,
      },
    })
    return json(201, receipt, { Location: `${CONSENT_PATH}/${request.consentId}` })
  }

  async function history(consentId: string): Promise<Reply> {
    if (!UUID_V4.test(consentId))
      throw new ConsentRequestError(
        400,
        'invalid_consent_id',
        `"${consentId.slice(0, 80)}" is not a consent ID (a UUID v4).`,
        'consentId',
      )
    const { store } = await options.ledger()
    const records = await store.find(consentId.toLowerCase())
    if (!records.length)
      throw new ConsentRequestError(404, 'not_found', `No consent is recorded for ${consentId}.`)
    return json(200, consentHistorySchema.parse({ consentId: consentId.toLowerCase(), records }))
  }

  /** One request: `path` below /api/consent ("" or "/{consentId}"); `readBody` is called for a POST only. */
  async function reply(
    method: string,
    path: string,
    headers: ConsentRequestHeaders,
    readBody: () => Promise<Buffer>,
  ): Promise<Reply> {
    try {
      if (method === 'OPTIONS') return { status: 204, headers: PREFLIGHT_HEADERS, body: null }
      if (path === '' || path === '/') {
        if (method !== 'POST') throw notAllowed(method, 'POST')
        return await record(await readBody(), headers)
      }
      if (method !== 'GET' && method !== 'HEAD') throw notAllowed(method, 'GET')
      if (path.startsWith(COUNTS_PATH)) return await counts(path.slice(COUNTS_PATH.length))
      return await history(safeDecode(path.slice(1)))
    } catch (error) {
      if (error instanceof ConsentRequestError) return consentErrorReply(error)
      if (error instanceof LedgerBusyError) return consentErrorReply(busy())
      // The content source or the store failed (or could not open): nothing was stored, try again.
      logFailure((error as Error).message)
      return consentErrorReply(unavailable())
    }
  }

  return { reply }
}

/** A store that is down fails every choice alike: said once per message and per 10 s, not once per choice. */
function failureLog() {
  let last = { message: '', at: 0, more: 0 }
  return (message: string) => {
    const now = Date.now()
    if (message === last.message && now - last.at < 10_000) {
      last.more++
      return
    }
    const more = last.more ? ` (the previous failure came ${last.more} more times)` : ''
    console.error(`consent: ${message}${more}`)
    last = { message, at: now, more: 0 }
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function notAllowed(method: string, allowed: string) {
  return new ConsentRequestError(
    405,
    'method_not_allowed',
    `${method} is not allowed: use ${allowed}.`,
  )
}

/** A consent ID's token: HMAC-SHA256 of the ID under the secret. */
function tokenOf(secret: Buffer, consentId: string): string {
  return createHmac('sha256', secret).update(`consent-id:${consentId}`).digest('base64url')
}

function sameToken(given: string, owned: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(owned)]
  return a.length === b.length && timingSafeEqual(a, b)
}

function busy() {
  return new ConsentRequestError(
    503,
    'store_busy',
    'Too many choices are waiting to be recorded; nothing was stored. Try again shortly.',
  )
}

function unavailable() {
  return new ConsentRequestError(
    503,
    'store_unavailable',
    'The consent could not be recorded right now; nothing was stored. Try again shortly.',
  )
}

export type ConsentApi = ReturnType<typeof createConsentApi>
