// Every address on a host that runs only `next start` (or `next dev`): the site's one handler answers it, as
// the production server does in process. Only the preview links (app/api/draft-mode) have routes of their own.
// The handler is the plain Node module build.mjs makes (dist/site.mjs), loaded at run time: Next.js's route
// bundles cannot hold React's server renderer, which the pages are made with.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Site } from '@/lib/site'

let loaded: Promise<Site> | null = null

function site(): Promise<Site> {
  const file = pathToFileURL(join(process.cwd(), 'dist/site.mjs')).href
  loaded ??= (
    import(/* turbopackIgnore: true */ /* webpackIgnore: true */ file) as Promise<{
      site: () => Site
    }>
  ).then((module) => module.site())
  return loaded
}

async function answer(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const reply = await (
    await site()
  ).answer({
    method: request.method,
    path: url.pathname,
    search: url.search,
    // Next.js compresses what a route handler answers: hand it the plain bytes.
    header: (name) => (name === 'accept-encoding' ? null : request.headers.get(name)),
    body: request.body,
  })
  if (!reply)
    return Response.json(
      { error: { code: 'not_found', message: 'Nothing is published at this address.' } },
      { status: 404, headers: { 'Cache-Control': 'public, max-age=60' } },
    )
  return new Response(reply.body ? new Uint8Array(reply.body) : null, {
    status: reply.status,
    headers: reply.headers,
  })
}

export const GET = answer
export const HEAD = answer
export const POST = answer
export const PUT = answer
export const DELETE = answer
export const PATCH = answer
export const OPTIONS = answer
