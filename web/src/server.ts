// The site's production server, in front of Next.js: the catalog endpoint and the policy pages answered from
// ready bytes in plain Node (a map lookup and one write), everything else by Next.js. A page is rendered by
// Next.js, through a loopback listener of its own, once per content change and per day. Bundled to
// dist/server.mjs by build.mjs; started by bin/start.mjs.
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import next from 'next'
import { LANGUAGES } from '@cookie-policy/schemas/model'
import { catalogService } from './lib/catalog/instance'
import { CONSENT_BODY_LIMIT } from '@cookie-policy/schemas/contracts'
import { CONSENT_PATH, tooLarge } from './lib/consent/api'
import { closeConsentLedger, consentApi, openConsentLedger } from './lib/consent/instance'
import { serveWebhook, WEBHOOK_PATH } from './lib/catalog/webhook'
import { webhookSecret } from './lib/env'
import { createPageCache, pageKey } from './lib/pageCache'
import { hasPreviewCookie } from './lib/previewCookie'
import { VALID_UNTIL_HEADER } from './lib/routes'
import type { Reply } from './lib/readyBytes'
import { commonSecurityHeaders, jsonSecurityHeaders } from './lib/security'

const CATALOG_PATH = '/api/cookie-catalog'
/** Policy pages change only with the content or at midnight: a CDN may keep them 5 minutes, browsers revalidate. */
const PAGE_CACHE_CONTROL = 'public, max-age=0, s-maxage=300, stale-while-revalidate=86400'
const NOT_FOUND_CACHE_CONTROL = 'public, max-age=0, s-maxage=60'
const PAGE_PATH = new RegExp(`^/(${LANGUAGES.join('|')})(/|$)`)
/** How long a client may take to send its headers, and its whole request. */
const HEADERS_TIMEOUT_MS = 10_000
const REQUEST_TIMEOUT_MS = 30_000
/** On SIGTERM, in-flight requests get this long to finish before the process exits. */
const SHUTDOWN_GRACE_MS = 9_000

/** How long a page may take to render before the last good copy (or Next.js itself) answers. */
const RENDER_TIMEOUT_MS = 20_000

/**
 * A page visitors share: anything but an editor's preview, which only this site's own signed cookie marks
 * (no framework cookie or header a client can make up).
 */
function sharedPage(request: IncomingMessage, path: string): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    PAGE_PATH.test(path) &&
    !hasPreviewCookie(request.headers.cookie)
  )
}

/** The headers of a rendered page that describe it (not the connection's, not Next.js's own caching). */
const PAGE_HEADERS = [
  'content-type',
  'content-security-policy',
  'link',
  'location',
  'retry-after',
  'cache-control',
]

function send(response: ServerResponse, reply: Reply): void {
  response.writeHead(reply.status, reply.headers)
  response.end(reply.body ?? undefined)
}

const dir = fileURLToPath(new URL('..', import.meta.url))
const port = Number(process.env.PORT || 3000)
const hostname = process.env.HOSTNAME || '0.0.0.0'

// The page cache's renders say when a page changes next; nobody else is told (the proxy checks this token).
process.env.PAGE_RENDER_TOKEN = randomUUID()
const app = next({ dev: false, dir, port })
const handle = app.getRequestHandler()
await app.prepare()
const catalog = catalogService()
const security = commonSecurityHeaders()

function nextWithSecurity(request: IncomingMessage, response: ServerResponse): void {
  for (const [name, value] of Object.entries(security)) response.setHeader(name, value)
  void handle(request, response)
}

// Next.js on a loopback port of its own: the page cache renders through it, headers and all.
const renderer = createServer(nextWithSecurity)
await new Promise<void>((resolve) => renderer.listen(0, '127.0.0.1', resolve))
const rendererPort = (renderer.address() as AddressInfo).port

const pages = createPageCache({
  generation: catalog.generation,
  cacheControl: { page: PAGE_CACHE_CONTROL, notFound: NOT_FOUND_CACHE_CONTROL },
  render: async (url) => {
    const answer = await fetch(`http://127.0.0.1:${rendererPort}${url}`, {
      headers: {
        'accept-encoding': 'identity',
        [VALID_UNTIL_HEADER]: process.env.PAGE_RENDER_TOKEN!,
      },
      redirect: 'manual',
      signal: AbortSignal.timeout(RENDER_TIMEOUT_MS),
    })
    const headers: Record<string, string> = { ...security }
    for (const name of PAGE_HEADERS) {
      const value = answer.headers.get(name)
      if (value !== null) headers[name] = value
    }
    const validUntil = Number(answer.headers.get(VALID_UNTIL_HEADER))
    return {
      status: answer.status,
      headers,
      body: Buffer.from(await answer.arrayBuffer()),
      validUntil: Number.isFinite(validUntil) && validUntil > 0 ? validUntil : null,
    }
  },
})

// The dataset is read, and the default catalog made, before the first visitor asks.
await catalog.reply('GET', '', {}).catch(() => undefined)
const consents = consentApi()
// A consent store that cannot be opened is said now; consents are then answered 503 until it can.
await openConsentLedger()
  .then((where) => console.log(`consent ledger: ${where}`))
  .catch((error: unknown) => console.error(`consent ledger: ${(error as Error).message}`))

/** A request body, up to the consent limit: past it, the reading stops and the request gets 413. */
function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length']) > CONSENT_BODY_LIMIT) {
      request.resume()
      return reject(tooLarge())
    }
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > CONSENT_BODY_LIMIT) {
        // The rest is read and dropped, so that the client gets its 413 rather than a reset connection.
        request.removeAllListeners('data')
        request.resume()
        reject(tooLarge())
      } else chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks)))
    request.on('error', reject)
  })
}

function serveConsent(request: IncomingMessage, response: ServerResponse, path: string): void {
  const method = request.method ?? 'GET'
  consents
    .reply(
      method,
      path.slice(CONSENT_PATH.length),
      {
        contentType: request.headers['content-type'],
        userAgent: request.headers['user-agent'],
        secGpc: request.headers['sec-gpc'],
      },
      () => readBody(request),
    )
    .then((reply) => {
      // A body left unread (too large, or not asked for) is not worth keeping the connection for.
      if (!request.complete) response.setHeader('Connection', 'close')
      send(response, reply)
    })
    .catch((error: unknown) => {
      console.error(`consent: ${(error as Error).message}`)
      if (!response.headersSent) response.writeHead(500, jsonSecurityHeaders())
      response.end()
    })
}

/** Whether an address's path decodes (no "%FF", no broken escape): Next.js answers 500 to one that does not. */
function decodable(path: string): boolean {
  try {
    decodeURIComponent(path)
    return true
  } catch {
    return false
  }
}

const server = createServer((request, response) => {
  const url = request.url ?? '/'
  const query = url.indexOf('?')
  const path = query === -1 ? url : url.slice(0, query)
  // Outside the API every address is read only; Next.js answers 500 to a POST to one of public/'s files.
  const method = request.method ?? 'GET'
  if (method !== 'GET' && method !== 'HEAD' && !path.startsWith('/api/')) {
    response.writeHead(405, {
      ...jsonSecurityHeaders(),
      Allow: 'GET, HEAD',
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
    })
    response.end(
      JSON.stringify({
        error: { code: 'method_not_allowed', message: `${method} is not allowed here: use GET.` },
      }),
    )
    return
  }
  if (!decodable(path)) {
    response.writeHead(400, {
      ...jsonSecurityHeaders(),
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
    })
    response.end('{"error":{"code":"invalid_address","message":"The address cannot be decoded."}}')
    return
  }
  if (path === WEBHOOK_PATH) {
    void serveWebhook(catalog, request, response, webhookSecret()).catch((error: unknown) => {
      console.error(`webhook: ${(error as Error).message}`)
      if (!response.headersSent) response.writeHead(500, jsonSecurityHeaders())
      response.end()
    })
    return
  }
  if (path === CONSENT_PATH || path.startsWith(`${CONSENT_PATH}/`))
    return serveConsent(request, response, path)
  const search = query === -1 ? '' : url.slice(query)
  const headers = {
    ifNoneMatch: request.headers['if-none-match'],
    acceptEncoding: request.headers['accept-encoding'],
  }
  if (path !== CATALOG_PATH) {
    const key = sharedPage(request, path) ? pageKey(path, search) : null
    if (key === null) return nextWithSecurity(request, response)
    const page = pages.kept(method, key, headers)
    if (page) return send(response, page)
    void pages
      .reply(method, key, headers)
      .then((reply) => (reply ? send(response, reply) : nextWithSecurity(request, response)))
      .catch((error: unknown) => {
        console.error(`page ${key}: ${(error as Error).message}`)
        if (!response.headersSent) nextWithSecurity(request, response)
      })
    return
  }
  const ready = catalog.kept(method, search, headers)
  if (ready) return send(response, ready)
  catalog
    .reply(method, search, headers)
    .then((reply) => send(response, reply))
    .catch((error: unknown) => {
      console.error(`cookie catalog: ${(error as Error).message}`)
      const body =
        '{"error":{"code":"content_unavailable","message":"The catalog cannot be read right now; try again shortly."}}'
      response.writeHead(503, {
        ...jsonSecurityHeaders(),
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
        'Retry-After': '30',
      })
      response.end(body)
    })
})
server.headersTimeout = HEADERS_TIMEOUT_MS
server.requestTimeout = REQUEST_TIMEOUT_MS

server.listen(port, hostname, () => {
  console.log(`▲ Ready on http://localhost:${port} (catalog at ${CATALOG_PATH})`)
})

/** Stop taking connections, let in-flight requests finish, and exit; force it after the grace period. */
function shutdown(): void {
  renderer.close()
  server.close(() => void closeConsentLedger().finally(() => process.exit(0)))
  server.closeIdleConnections()
  setTimeout(() => {
    server.closeAllConnections()
    process.exit(0)
  }, SHUTDOWN_GRACE_MS).unref()
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, shutdown)
