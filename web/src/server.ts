// The site's production server: Next.js's documented custom server, with the site's own handler (lib/site.ts)
// called in process first. A kept page or catalog answer is a map lookup and one write; anything the site
// does not own (the banner's files, the preview links) goes to Next.js. Bundled to dist/server.mjs by
// build.mjs; started by bin/start.mjs.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { fileURLToPath } from 'node:url'
import next from 'next'
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

const app = next({ dev: false, dir, port })
const handle = app.getRequestHandler()
await app.prepare()
const security = commonSecurityHeaders()
const answers = site()

function toNext(request: IncomingMessage, response: ServerResponse): void {
  for (const [name, value] of Object.entries(security)) response.setHeader(name, value)
  void handle(request, response)
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
