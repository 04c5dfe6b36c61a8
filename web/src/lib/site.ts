// The site's one request handler: every endpoint (pages, catalog, consent, webhook, health) answered here,
// once, for both hosts. The production server (server.ts) calls it in process in front of Next.js; on a host
// that runs only `next start`, one catch-all route handler (app/[[...path]]/route.ts) calls the same function.
// What it does not own (the preview links) it leaves to Next.js by answering null.
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { CONSENT_BODY_LIMIT, catalogJsonSchema } from '@cookie-policy/schemas/contracts'
import {
  DEFAULT_BINDING_LANGUAGE,
  isLang,
  nextMidnight,
  pageKey,
  pagePath,
  parseSiteAddress,
  type Lang,
  type PageAddress,
} from '@cookie-policy/schemas/model'
import { signedHeadSchema } from '@cookie-policy/schemas/ledger'
import { readLimitedBody } from '@cookie-policy/schemas/node'
import { policiesQuery } from '@cookie-policy/schemas/queries'
import {
  AlteredVersionError,
  bindingOf,
  readDefaultPolicy,
  readPolicyState,
  readVersions,
} from '@cookie-policy/schemas/state'
import { preferredLang } from './acceptLanguage'
import { createCatalogService } from './catalog/service'
import { handleWebhook, SIGNATURE_HEADER_NAME, WEBHOOK_PATH } from './catalog/webhook'
import { CONSENT_PATH, tooLarge, type ConsentApi } from './consent/api'
import { consentApi, latestSignedHead, ledgerHealth } from './consent/instance'
import { clientAddress, consentRateLimit, createRateLimiter, trustedProxies } from './consent/limit'
import { contentSourceStatus, contentVersion, runQuery } from './contentSource'
import { bannerFile as bannerFilePath, consentCookieName, siteUrl, webhookSecret } from './env'
import {
  notFoundPage,
  renderPage,
  STYLE_HASH,
  unavailablePage,
  type RenderedPage,
} from './pages/render'
import { readPreview } from './preview'
import { hasPreviewCookie } from './previewCookie'
import {
  createReadyCache,
  errorReply,
  jsonReply,
  prepareReady,
  serveReady,
  type Ready,
  type Reply,
} from './readyBytes'
import { commonSecurityHeaders, documentCsp } from './security'

export const CATALOG_PATH = '/api/cookie-catalog'
const CATALOG_SCHEMA_PATH = '/api/cookie-catalog/schema'
const HEALTH_PATH = '/healthz'
/** Where the ledger's newest signed head is published, for anyone to keep a copy. */
const LEDGER_HEAD_PATH = '/.well-known/consent-ledger.json'

/** Policy pages change only with the content or at midnight: a CDN may keep them 5 minutes, browsers revalidate. */
const PAGE_CACHE_CONTROL = 'public, max-age=0, s-maxage=300, stale-while-revalidate=86400'
const NOT_FOUND_CACHE_CONTROL = 'public, max-age=0, s-maxage=60'
/** A page of no policy (a 404) is made again at least this often. */
const FALLBACK_TTL_MS = 60_000
const PAGE_BYTES = 32 * 1024 * 1024

/** The banner's files (build.mjs writes them into public/): what every page and every client site loads. */
const BANNER_FILES: Record<string, string> = {
  '/cookie-banner.js': 'text/javascript; charset=utf-8',
  '/cookie-banner.css': 'text/css; charset=utf-8',
}
/** They change with a deployment only: a browser may keep them five minutes, then revalidates by ETag. */
const BANNER_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400'

/** A request as both hosts see it: the raw path and query, its headers, its body when it has one. */
export interface SiteRequest {
  method: string
  /** The path as sent, undecoded: "/fr/cookies". */
  path: string
  /** The query as sent, with its "?", or "". */
  search: string
  header: (name: string) => string | null | undefined
  body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> | null
  /** The connection's address; null where the host does not say (a route handler). */
  connection?: string | null
}

function redirect(
  status: 307 | 308,
  location: string,
  headers: Record<string, string> = {},
): Reply {
  return {
    status,
    headers: { ...commonSecurityHeaders(), Location: location, 'Content-Length': '0', ...headers },
    body: null,
  }
}

/** A page that is not kept: an outage, or an editor's preview. */
function pageReply(method: string, page: RenderedPage, cacheControl: string): Reply {
  const body = Buffer.from(page.html)
  return {
    status: page.status,
    headers: {
      ...commonSecurityHeaders(),
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': documentCsp(STYLE_HASH),
      'Content-Length': String(body.length),
      'Cache-Control': cacheControl,
      ...(page.status === 503 ? { 'Retry-After': '30' } : {}),
    },
    body: method === 'HEAD' ? null : body,
  }
}

/** Whether an address's path decodes (no "%FF", no broken escape). */
function decodable(path: string): boolean {
  try {
    decodeURIComponent(path)
    return true
  } catch {
    return false
  }
}

/** A path in the pages' territory: its first segment has no dot (the banner's files have one) and is ours. */
function pageTerritory(path: string): boolean {
  const first = path.split('/')[1] ?? ''
  return first !== 'api' && first !== '_next' && !first.includes('.') && `/${first}` !== HEALTH_PATH
}

function languageOf(path: string): Lang {
  const first = path.split('/')[1]
  return isLang(first) ? first : DEFAULT_BINDING_LANGUAGE
}

export function createSite() {
  const origin = siteUrl()
  const catalog = createCatalogService({
    runQuery,
    contentVersion,
    siteUrl: origin,
    cookieName: consentCookieName(),
  })
  const consents: ConsentApi = consentApi(catalog.generation)
  const limiter = createRateLimiter(consentRateLimit())
  const proxies = trustedProxies()
  /** Versions found rewritten after publication, since the content last changed: logged once, in /healthz. */
  const alteredVersions = new Map<string, { slug: string; version: number }>()
  let alteredGeneration = -1
  function altered(error: AlteredVersionError): void {
    if (alteredGeneration !== catalog.generation()) alteredVersions.clear()
    alteredGeneration = catalog.generation()
    const key = `${error.slug}@${error.version}`
    if (alteredVersions.has(key)) return
    alteredVersions.set(key, { slug: error.slug, version: error.version })
    console.error(`content: ${error.message}`)
  }

  /** Pages rendered since the process started (health check): a kept page is not rendered again. */
  let rendered = 0
  const pages = createReadyCache<PageAddress>({
    keyOf: pageKey,
    generation: catalog.generation,
    maxBytes: PAGE_BYTES,
    make: async (address, generation) => {
      const time = Date.now()
      let page: RenderedPage
      try {
        page = await renderPage(address, { runQuery, siteUrl: origin })
      } catch (error) {
        // A version rewritten after publication is refused outright, even where a good copy was kept.
        if (!(error instanceof AlteredVersionError)) throw error
        altered(error)
        return pageReply('GET', unavailablePage(address.lang, origin), 'no-store')
      }
      rendered++
      return prepareReady({
        status: page.status,
        body: Buffer.from(page.html),
        headers: {
          ...commonSecurityHeaders(),
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': documentCsp(STYLE_HASH),
          'Cache-Control': page.status === 200 ? PAGE_CACHE_CONTROL : NOT_FOUND_CACHE_CONTROL,
        },
        generation,
        expiresAt: page.timeZone ? nextMidnight(page.timeZone, time) : time + FALLBACK_TTL_MS,
      })
    },
  })
  const notFoundPages = new Map<Lang, Promise<Reply>>()
  const bannerFiles = new Map<string, Promise<Ready>>()

  /** A banner file from ready bytes, read once per process (plain `next start` serves public/ itself). */
  async function bannerFile(request: SiteRequest): Promise<Reply | null> {
    const type = BANNER_FILES[request.path]
    if (!type || (request.method !== 'GET' && request.method !== 'HEAD')) return null
    let ready = bannerFiles.get(request.path)
    if (!ready) {
      ready = readFile(join(dirname(bannerFilePath()), request.path)).then((body) =>
        prepareReady({
          status: 200,
          body,
          headers: {
            ...commonSecurityHeaders(),
            'Content-Type': type,
            'Cache-Control': BANNER_CACHE_CONTROL,
          },
          generation: 0,
          expiresAt: Infinity,
        }),
      )
      // A missing file (no build yet) is looked for again next time.
      ready.catch(() => bannerFiles.delete(request.path))
      bannerFiles.set(request.path, ready)
    }
    // Not built yet: Next.js (or nobody) answers.
    const file = await ready.catch(() => null)
    return file && serveFile(file, request)
  }

  /** The 404 page of an address that names nothing, made once per language. */
  function notFound(method: string, lang: Lang): Promise<Reply> {
    let page = notFoundPages.get(lang)
    if (!page) {
      page = prepareReady({
        status: 404,
        body: Buffer.from(notFoundPage(lang, origin).html),
        headers: {
          ...commonSecurityHeaders(),
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': documentCsp(STYLE_HASH),
          'Cache-Control': NOT_FOUND_CACHE_CONTROL,
        },
        generation: 0,
        expiresAt: Infinity,
      }).then((ready) => ({
        status: 404,
        headers: ready.headers.identity,
        body: ready.bodies.identity,
      }))
      notFoundPages.set(lang, page)
    }
    return page.then((reply) => (method === 'HEAD' ? { ...reply, body: null } : reply))
  }

  const serveFile = (ready: Ready, request: SiteRequest) =>
    serveReady(
      ready,
      request.method,
      request.header('if-none-match'),
      request.header('accept-encoding'),
    )

  const headersOf = (request: SiteRequest) => ({
    ifNoneMatch: request.header('if-none-match'),
    acceptEncoding: request.header('accept-encoding'),
  })

  /** The address of a shared page (not an editor's preview), or null. */
  function sharedPage(request: SiteRequest): PageAddress | null {
    if (request.method !== 'GET' && request.method !== 'HEAD') return null
    const address = parseSiteAddress(request.path, request.search)
    if (address?.kind !== 'page' || hasPreviewCookie(request.header('cookie'))) return null
    return address
  }

  /**
   * A fresh kept answer of a page or the catalog, synchronously: the hot path, a lookup and no promise. Null
   * when it must be made (then `answer`).
   */
  function kept(request: SiteRequest): Reply | null {
    if (request.path === CATALOG_PATH)
      return catalog.kept(request.method, request.search, headersOf(request))
    const page = sharedPage(request)
    return page && pages.kept(request.method, page, headersOf(request))
  }

  async function page(request: SiteRequest): Promise<Reply> {
    const { method } = request
    const lang = languageOf(request.path)
    const address = parseSiteAddress(request.path, request.search)
    if (!address) return notFound(method, lang)
    try {
      if (address.kind === 'root') return await root(request)
      if (address.kind === 'language') {
        const policy = await readDefaultPolicy(runQuery)
        return policy ? redirect(307, pagePath(address.lang, policy.slug)) : notFound(method, lang)
      }
      if (hasPreviewCookie(request.header('cookie'))) {
        const preview = await renderPage(address, { runQuery, siteUrl: origin, readPreview })
        return pageReply(method, preview, 'private, no-store')
      }
      return await pages.reply(method, address, headersOf(request))
    } catch {
      // The content source logs its outage once; here the visitor gets a readable page, not a 500.
      return pageReply(method, unavailablePage(lang, origin), 'no-store')
    }
  }

  /** "/" sends visitors to the default policy in their language, else in its binding language. */
  async function root(request: SiteRequest): Promise<Reply> {
    const policy = await readDefaultPolicy(runQuery)
    const lang =
      preferredLang(request.header('accept-language') ?? null) ??
      (policy ? bindingOf(policy) : DEFAULT_BINDING_LANGUAGE)
    // A relative address: the Host the request came with, or a proxy's, is never trusted nor needed.
    return redirect(307, policy ? pagePath(lang, policy.slug) : `/${lang}/`, {
      Vary: 'Accept-Language',
      'Cache-Control': 'no-store',
    })
  }

  async function health(): Promise<Reply> {
    const checkedAt = new Date().toISOString()
    // The consent store is asked beside the content: either may be down while the other answers.
    const ledger = ledgerHealth().catch((error: unknown) => {
      console.error(`healthz: consent store: ${(error as Error).message}`)
      return { store: null, answering: false, failingSince: null }
    })
    try {
      const policies = await runQuery(policiesQuery)
      const states = await Promise.all(
        policies.map((policy) => readPolicyState(runQuery, policy.slug)),
      )
      // The version in force of each policy is checked against its content hash on every call.
      for (const state of states)
        if (state?.inForce)
          await readVersions(runQuery, state.policy.slug, [state.inForce.version]).catch(
            (error: unknown) => {
              if (!(error instanceof AlteredVersionError)) throw error
              altered(error)
            },
          )
      if (alteredGeneration !== catalog.generation()) alteredVersions.clear()
      const source = contentSourceStatus()
      const alteredList = [...alteredVersions.values()]
      const consentStore = await ledger
      return jsonReply(alteredList.length ? 503 : 200, {
        status: alteredList.length
          ? 'altered'
          : source.failingSince || !consentStore.answering
            ? 'degraded'
            : 'ok',
        contentSource: { ...source, answering: source.failingSince === null },
        // Pages and the catalog are served while the consent store is down; choices are answered 503.
        consentStore,
        policies: states.flatMap((state) =>
          state
            ? [
                {
                  slug: state.policy.slug,
                  versionInForce: state.inForce?.version ?? null,
                  inForceSince: state.inForce?.effectiveFrom ?? null,
                  timeZone: state.timeZone,
                },
              ]
            : [],
        ),
        // Versions whose content no longer matches the hash they were published with: not served.
        alteredVersions: alteredList,
        pagesRendered: rendered,
        checkedAt,
      })
    } catch (error) {
      // The details (paths, upstream messages) go to the log, not to whoever asks.
      console.error(`healthz: ${(error as Error).message}`)
      return jsonReply(
        503,
        {
          status: 'unavailable',
          contentSource: { ...contentSourceStatus(), answering: false },
          consentStore: await ledger,
          reason: 'The content cannot be read right now; the server log says why.',
          checkedAt,
        },
        { 'Retry-After': '30' },
      )
    }
  }

  /** The ledger's newest signed head: public, so that anyone may keep a copy of it outside the database. */
  async function ledgerHead(): Promise<Reply> {
    const shared = { 'Access-Control-Allow-Origin': '*' }
    try {
      const head = await latestSignedHead()
      if (!head)
        return errorReply(
          404,
          'no_checkpoint',
          'The consent ledger has no signed head yet: npm run consent -- checkpoint makes one.',
          shared,
        )
      return jsonReply(200, signedHeadSchema.parse(head), {
        ...shared,
        'Cache-Control': 'public, max-age=60',
      })
    } catch (error) {
      console.error(`consent ledger head: ${(error as Error).message}`)
      return errorReply(503, 'store_unavailable', 'The consent ledger cannot be read right now.', {
        ...shared,
        'Retry-After': '30',
      })
    }
  }

  /** The body, read no further than `limit` (null past it). */
  const bodyOf = (request: SiteRequest, limit: number) =>
    request.body
      ? readLimitedBody(request.body, request.header('content-length'), limit)
      : Promise.resolve(Buffer.alloc(0))

  /** The answer of a request this site owns; null for what Next.js serves (files, preview links). */
  async function answer(request: SiteRequest): Promise<Reply | null> {
    return kept(request) ?? made(request)
  }

  /** The answer of a request `kept` had no fresh answer for: made, read or refused. */
  async function made(request: SiteRequest): Promise<Reply | null> {
    const { method, path } = request
    const readOnly = !path.startsWith('/api/')
    if (readOnly && method !== 'GET' && method !== 'HEAD')
      return errorReply(405, 'method_not_allowed', `${method} is not allowed here: use GET.`, {
        Allow: 'GET, HEAD',
      })
    if (!decodable(path))
      return errorReply(400, 'invalid_address', 'The address cannot be decoded.')
    // Nothing of ours is spelled with a backslash or a leading "//", which browsers may read as another host:
    // no framework gets a chance to redirect there.
    if (/\\|^\/\/|%5c/i.test(path)) return notFound(method, DEFAULT_BINDING_LANGUAGE)
    if (path === CATALOG_PATH) return catalog.reply(method, request.search, headersOf(request))
    if (path === CATALOG_SCHEMA_PATH)
      return jsonReply(200, catalogJsonSchema(), {
        'Content-Type': 'application/schema+json; charset=utf-8',
        'Access-Control-Allow-Origin': '*',
        'Cache-Control': 'public, max-age=3600',
      })
    if (path === WEBHOOK_PATH)
      return handleWebhook(
        catalog,
        {
          method,
          contentType: request.header('content-type'),
          signature: request.header(SIGNATURE_HEADER_NAME),
          readBody: (limit) => bodyOf(request, limit),
        },
        webhookSecret(),
      )
    if (path === CONSENT_PATH || path.startsWith(`${CONSENT_PATH}/`)) {
      // A flood from one client is held to its limit before its body is read.
      const client =
        method === 'POST' && limiter
          ? clientAddress(request.connection, request.header('x-forwarded-for'), proxies)
          : null
      const wait = client === null ? 0 : limiter!.take(client)
      if (wait > 0)
        return errorReply(
          429,
          'too_many_choices',
          'Too many choices from this client; nothing was stored. Try again shortly.',
          { 'Retry-After': String(wait), 'Access-Control-Allow-Origin': '*' },
        )
      return consents.reply(
        method,
        path.slice(CONSENT_PATH.length),
        {
          contentType: request.header('content-type'),
          userAgent: request.header('user-agent') ?? undefined,
          secGpc: request.header('sec-gpc') ?? undefined,
        },
        async () => (await bodyOf(request, CONSENT_BODY_LIMIT)) ?? Promise.reject(tooLarge()),
      )
    }
    if (path === HEALTH_PATH) return health()
    if (path === LEDGER_HEAD_PATH) return ledgerHead()
    if (!pageTerritory(path)) return bannerFile(request)
    // One spelling per page: a trailing slash goes to the address without it, when that names a page (never
    // to anything a browser could read as another host, like "/\evil.example").
    if (path.length > 1 && path.endsWith('/')) {
      const bare = path.replace(/\/+$/, '')
      return parseSiteAddress(bare, request.search)
        ? redirect(308, `${bare}${request.search}`)
        : notFound(method, languageOf(path))
    }
    return page(request)
  }

  return {
    kept,
    made,
    answer,
    /** The content generation now served; the webhook and the live events move it on. */
    invalidate: catalog.invalidate,
  }
}

export type Site = ReturnType<typeof createSite>

const KEY = Symbol.for('cookie-policy.site')
const shared = globalThis as typeof globalThis & { [KEY]?: Site }

/** The one site of this process: Next.js bundles each route apart, and they all share it. */
export function site(): Site {
  return (shared[KEY] ??= createSite())
}
