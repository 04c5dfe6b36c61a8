// The site's production server: the site's own handler (lib/site.ts) in process, in front of Next.js's
// documented custom server. A kept page or catalog answer is a map lookup and one write. What the site does
// not own (the preview links) goes to Next.js, loaded on the first such request: until an editor previews,
// nothing of Next.js runs in this process (it patches Node's scheduling globally, which every answer would
// pay for). Bundled to dist/server.mjs by build.mjs; started by bin/start.mjs.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { fileURLToPath } from 'node:url'
import { closeConsentLedger, openConsentLedger } from './lib/consent/instance'
import { followLiveContent } from './lib/contentSource'
import { serveNode } from './lib/node'
import { commonSecurityHeaders } from './lib/security'
import { CATALOG_PATH, site } from './lib/site'

/** How long a client may take to send its headers, and its whole request. */
const HEADERS_TIMEOUT_MS = 10_000
const REQUEST_TIMEOUT_MS = 30_000
/** On SIGTERM, in-flight requests get this long to finish before the process exits. */
const SHUTDOWN_GRACE_MS = 9_000

const dir = fileURLToPath(new URL('..', import.meta.url))
const port = Number(process.env.PORT || 3000)
const hostname = process.env.HOSTNAME || '0.0.0.0'

const security = commonSecurityHeaders()
const answers = site()

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void>
let nextHandler: Promise<Handler> | null = null

function toNext(request: IncomingMessage, response: ServerResponse): void {
  nextHandler ??= import('next').then(async ({ default: next }) => {
    const app = next({ dev: false, dir, port })
    await app.prepare()
    return app.getRequestHandler()
  })
  nextHandler
    .then((handle) => {
      for (const [name, value] of Object.entries(security)) response.setHeader(name, value)
      return handle(request, response)
    })
    .catch((error: unknown) => {
      console.error(`next: ${(error as Error).message}`)
      if (!response.headersSent) response.writeHead(500, security)
      response.end()
    })
}

// The content is read, and the default catalog made, before the first visitor asks.
await answers
  .answer({ method: 'GET', path: CATALOG_PATH, search: '', header: () => null, body: null })
  .catch(() => undefined)
// With a Sanity project: every publish reaches this process within seconds, webhook or not.
const live = followLiveContent(() => answers.invalidate())
// A consent store that cannot be opened is said now; consents are then answered 503 until it can.
await openConsentLedger()
  .then((where) => console.log(`consent ledger: ${where}`))
  .catch((error: unknown) => console.error(`consent ledger: ${(error as Error).message}`))

const server = createServer((request, response) => serveNode(answers, request, response, toNext))
server.headersTimeout = HEADERS_TIMEOUT_MS
server.requestTimeout = REQUEST_TIMEOUT_MS

server.listen(port, hostname, () => {
  console.log(`▲ Ready on http://localhost:${port} (catalog at ${CATALOG_PATH})`)
})

/** Stop taking connections, let in-flight requests finish, and exit; force it after the grace period. */
function shutdown(): void {
  live.stop()
  server.close(() => void closeConsentLedger().finally(() => process.exit(0)))
  server.closeIdleConnections()
  setTimeout(() => {
    server.closeAllConnections()
    process.exit(0)
  }, SHUTDOWN_GRACE_MS).unref()
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, shutdown)
