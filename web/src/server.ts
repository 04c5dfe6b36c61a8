// The site's production server: the catalog endpoint answered from ready bytes in plain Node, in front of
// Next.js, which serves everything else. The catalog is read on every page view of every visitor: this path
// does a map lookup and one write. Bundled to dist/server.mjs by build.mjs; started by bin/start.mjs.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { fileURLToPath } from 'node:url'
import next from 'next'
import { LANGUAGES } from '@cookie-policy/schemas/model'
import { catalogService } from './lib/catalog/instance'
import type { CatalogReply } from './lib/catalog/service'
import { serveWebhook, WEBHOOK_PATH } from './lib/catalog/webhook'
import { webhookSecret } from './lib/env'
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

/** Next.js marks every dynamic page private and uncacheable; these pages are public and the same for everyone. */
function cacheablePages(request: IncomingMessage, response: ServerResponse, path: string): void {
  if ((request.method !== 'GET' && request.method !== 'HEAD') || !PAGE_PATH.test(path)) return
  // Client-side navigation payloads (RSC) keep Next.js's own caching: browsers handle those differently.
  if (request.headers.rsc !== undefined || request.url?.includes('_rsc=')) return
  // An editor's preview (Next.js draft mode) is private: never kept by a CDN.
  if (request.headers.cookie?.includes('__prerender_bypass=')) return
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse
  response.writeHead = ((status: number, ...rest: unknown[]) => {
    if (status === 200) response.setHeader('Cache-Control', PAGE_CACHE_CONTROL)
    else if (status === 404) response.setHeader('Cache-Control', NOT_FOUND_CACHE_CONTROL)
    return writeHead(status, ...rest)
  }) as ServerResponse['writeHead']
}

function send(response: ServerResponse, reply: CatalogReply): void {
  response.writeHead(reply.status, reply.headers)
  response.end(reply.body ?? undefined)
}

const dir = fileURLToPath(new URL('..', import.meta.url))
const port = Number(process.env.PORT || 3000)
const hostname = process.env.HOSTNAME || '0.0.0.0'

const app = next({ dev: false, dir, port })
const handle = app.getRequestHandler()
await app.prepare()
const catalog = catalogService()
const security = commonSecurityHeaders()

const server = createServer((request, response) => {
  const url = request.url ?? '/'
  const query = url.indexOf('?')
  const path = query === -1 ? url : url.slice(0, query)
  if (path === WEBHOOK_PATH) {
    void serveWebhook(catalog, request, response, webhookSecret()).catch((error: unknown) => {
      console.error(`webhook: ${(error as Error).message}`)
      if (!response.headersSent) response.writeHead(500, jsonSecurityHeaders())
      response.end()
    })
    return
  }
  if (path !== CATALOG_PATH) {
    for (const [name, value] of Object.entries(security)) response.setHeader(name, value)
    cacheablePages(request, response, path)
    void handle(request, response)
    return
  }
  catalog
    .reply(request.method ?? 'GET', query === -1 ? '' : url.slice(query + 1), {
      ifNoneMatch: request.headers['if-none-match'],
      acceptEncoding: request.headers['accept-encoding'],
    })
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
  server.close(() => process.exit(0))
  server.closeIdleConnections()
  setTimeout(() => {
    server.closeAllConnections()
    process.exit(0)
  }, SHUTDOWN_GRACE_MS).unref()
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, shutdown)
