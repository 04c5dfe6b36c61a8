// The site's production server: the catalog endpoint answered from ready bytes in plain Node, in front of
// Next.js, which serves everything else. The catalog is read on every page view of every visitor: this path
// does a map lookup and one write. Bundled to dist/server.mjs by build.mjs; started by bin/start.mjs.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { fileURLToPath } from 'node:url'
import next from 'next'
import { catalogService } from './lib/catalog/instance'
import { handleWebhook, SIGNATURE_HEADER_NAME, WEBHOOK_PATH } from './lib/catalog/webhook'
import { webhookSecret } from './lib/env'

const CATALOG_PATH = '/api/cookie-catalog'
/** Policy pages change only with the content or at midnight: a CDN may keep them 5 minutes, browsers revalidate. */
const PAGE_CACHE_CONTROL = 'public, max-age=0, s-maxage=300, stale-while-revalidate=86400'
const NOT_FOUND_CACHE_CONTROL = 'public, max-age=0, s-maxage=60'
const PAGE_PATH = /^\/(fr|en)(\/|$)/

/** Next.js marks every dynamic page private and uncacheable; these pages are public and the same for everyone. */
function cacheablePages(request: IncomingMessage, response: ServerResponse, path: string): void {
  if ((request.method !== 'GET' && request.method !== 'HEAD') || !PAGE_PATH.test(path)) return
  // Client-side navigation payloads (RSC) keep Next.js's own caching: browsers handle those differently.
  if (request.headers.rsc !== undefined || request.url?.includes('_rsc=')) return
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse
  response.writeHead = ((status: number, ...rest: unknown[]) => {
    if (status === 200) response.setHeader('Cache-Control', PAGE_CACHE_CONTROL)
    else if (status === 404) response.setHeader('Cache-Control', NOT_FOUND_CACHE_CONTROL)
    return writeHead(status, ...rest)
  }) as ServerResponse['writeHead']
}

const dir = fileURLToPath(new URL('..', import.meta.url))
const port = Number(process.env.PORT || 3000)
const hostname = process.env.HOSTNAME || '0.0.0.0'

const app = next({ dev: false, dir, port })
const handle = app.getRequestHandler()
await app.prepare()
const catalog = catalogService()

const server = createServer((request, response) => {
  const url = request.url ?? '/'
  const query = url.indexOf('?')
  const path = query === -1 ? url : url.slice(0, query)
  if (path === WEBHOOK_PATH) {
    let body = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => (body += chunk))
    request.on('end', () => {
      const signature = request.headers[SIGNATURE_HEADER_NAME]
      void handleWebhook(
        catalog,
        {
          method: request.method ?? 'GET',
          body,
          signature: Array.isArray(signature) ? signature[0] : signature,
        },
        webhookSecret(),
      ).then((reply) => {
        response.writeHead(reply.status, reply.headers)
        response.end(reply.body ?? undefined)
      })
    })
    return
  }
  if (path !== CATALOG_PATH) {
    cacheablePages(request, response, path)
    void handle(request, response)
    return
  }
  catalog
    .reply(request.method ?? 'GET', query === -1 ? '' : url.slice(query + 1), {
      ifNoneMatch: request.headers['if-none-match'],
      acceptEncoding: request.headers['accept-encoding'],
    })
    .then((reply) => {
      response.writeHead(reply.status, reply.headers)
      response.end(reply.body ?? undefined)
    })
    .catch((error: unknown) => {
      console.error(`cookie catalog: ${(error as Error).message}`)
      response.writeHead(503, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
      })
      response.end(
        '{"error":{"code":"content_unavailable","message":"The catalog cannot be read right now."}}',
      )
    })
})

server.listen(port, hostname, () => {
  console.log(`▲ Ready on http://localhost:${port} (catalog at ${CATALOG_PATH})`)
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)))
}
