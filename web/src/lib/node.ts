// The site's handler on a plain Node server (the production server, and tests): a kept answer is written
// synchronously; a request the site does not own goes to `fallback` (Next.js).
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Reply } from './readyBytes'
import { jsonSecurityHeaders } from './security'
import type { Site, SiteRequest } from './site'

function siteRequest(request: IncomingMessage): SiteRequest {
  const url = request.url ?? '/'
  const query = url.indexOf('?')
  return {
    method: request.method ?? 'GET',
    path: query === -1 ? url : url.slice(0, query),
    search: query === -1 ? '' : url.slice(query),
    header: (name) => {
      const value = request.headers[name]
      return Array.isArray(value) ? value[0] : value
    },
    body: request,
    connection: request.socket.remoteAddress ?? null,
  }
}

function send(request: IncomingMessage, response: ServerResponse, reply: Reply): void {
  if (request.complete || request.method === 'GET' || request.method === 'HEAD') {
    response.writeHead(reply.status, reply.headers)
    response.end(reply.body ?? undefined)
    return
  }
  // A body left unread (too large, or not asked for) is not worth reading: answer, then drop the connection.
  response.writeHead(reply.status, { ...reply.headers, Connection: 'close' })
  response.end(reply.body ?? undefined, () => request.destroy())
}

export function serveNode(
  site: Site,
  request: IncomingMessage,
  response: ServerResponse,
  fallback: (request: IncomingMessage, response: ServerResponse) => void,
): void {
  const asked = siteRequest(request)
  const ready = site.kept(asked)
  if (ready) return send(request, response, ready)
  site
    .made(asked)
    .then((reply) => (reply ? send(request, response, reply) : fallback(request, response)))
    .catch((error: unknown) => {
      console.error(`${asked.path}: ${(error as Error).message}`)
      if (!response.headersSent) response.writeHead(500, jsonSecurityHeaders())
      response.end()
    })
}
