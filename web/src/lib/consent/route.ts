// The consent endpoints as Next.js route handlers, for hosts that run only Next.js (`next dev`, serverless).
// The production server (web/src/server.ts) answers them itself, in front of Next.js.
import { CONSENT_BODY_LIMIT } from '@cookie-policy/schemas/contracts'
import { CONSENT_PATH, tooLarge } from './api'
import { consentApi } from './instance'

/** The body, read no further than the limit. */
async function readLimited(request: Request): Promise<Buffer> {
  if (Number(request.headers.get('content-length')) > CONSENT_BODY_LIMIT) throw tooLarge()
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = request.body?.getReader()
  for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) {
    size += read.value.length
    if (size > CONSENT_BODY_LIMIT) {
      await reader!.cancel()
      throw tooLarge()
    }
    chunks.push(read.value)
  }
  return Buffer.concat(chunks)
}

export async function consentRoute(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url)
  const reply = await consentApi().reply(
    request.method,
    pathname.slice(CONSENT_PATH.length),
    {
      contentType: request.headers.get('content-type'),
      userAgent: request.headers.get('user-agent') ?? undefined,
      secGpc: request.headers.get('sec-gpc') ?? undefined,
    },
    () => readLimited(request),
  )
  return new Response(reply.body ? new Uint8Array(reply.body) : null, {
    status: reply.status,
    headers: reply.headers,
  })
}
