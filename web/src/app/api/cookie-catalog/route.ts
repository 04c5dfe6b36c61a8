// GET /api/cookie-catalog: the same ready answers as the site's own server, for hosts that run only Next.js
// (serverless platforms, `next dev`). See web/src/server.ts for the fast path in front of Next.
import { catalogService } from '@/lib/catalog/instance'

export const dynamic = 'force-dynamic'

async function answer(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const reply = await catalogService().reply(request.method, url.search, {
    ifNoneMatch: request.headers.get('if-none-match'),
    // Next.js compresses route handler answers itself: hand it the plain bytes.
    acceptEncoding: null,
  })
  return new Response(reply.body ? new Uint8Array(reply.body) : null, {
    status: reply.status,
    headers: reply.headers,
  })
}

export const GET = answer
export const HEAD = answer
export const OPTIONS = answer
