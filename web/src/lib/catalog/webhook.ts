// POST /api/revalidate: a signed Sanity webhook (on publish) makes the catalog answers be computed again at
// once, instead of at the end of their refresh interval. A request without a valid signature changes nothing.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import { isValidSignature, SIGNATURE_HEADER_NAME } from '@sanity/webhook'
import { jsonSecurityHeaders } from '../security'
import type { CatalogReply, CatalogService } from './service'

export const WEBHOOK_PATH = '/api/revalidate'
const MAX_BODY_BYTES = 1_000_000

/**
 * The body, read no further than the limit: null as soon as it is larger (the rest is never read, so a
 * huge POST costs no memory). `declared` is the Content-Length header, refused before reading at all.
 */
export async function readLimitedBody(
  source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  declared: string | null | undefined,
  limit = MAX_BODY_BYTES,
): Promise<string | null> {
  if (declared && Number(declared) > limit) return null
  const parts: Uint8Array[] = []
  let size = 0
  for await (const chunk of chunksOf(source)) {
    size += chunk.byteLength
    if (size > limit) return null
    parts.push(chunk)
  }
  return Buffer.concat(parts).toString('utf8')
}

/** A Node request or a web stream, chunk by chunk; a stream left early is cancelled. */
async function* chunksOf(
  source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  if (source instanceof Readable) {
    // A Node request: stop reading without destroying it, so that the 413 can still be sent.
    yield* source.iterator({ destroyOnReturn: false })
    return
  }
  if (Symbol.asyncIterator in source) {
    yield* source
    return
  }
  const reader = source.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      yield value
    }
  } finally {
    void reader.cancel().catch(() => undefined)
  }
}

const tooLarge = (): CatalogReply =>
  error(413, 'body_too_large', `The webhook body is larger than ${MAX_BODY_BYTES / 1_000_000} MB.`)

function json(status: number, value: unknown): CatalogReply {
  const body = Buffer.from(JSON.stringify(value))
  return {
    status,
    headers: {
      ...jsonSecurityHeaders(),
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(body.length),
      'Cache-Control': 'no-store',
    },
    body,
  }
}

const error = (status: number, code: string, message: string) =>
  json(status, { error: { code, message } })

export async function handleWebhook(
  service: CatalogService,
  /** `body` is null when it was larger than the limit (see readLimitedBody). */
  request: { method: string; body: string | null; signature: string | null | undefined },
  secret: string | undefined,
): Promise<CatalogReply> {
  if (!secret)
    return error(
      404,
      'webhook_disabled',
      'No webhook is configured here: set SANITY_WEBHOOK_SECRET.',
    )
  if (request.method !== 'POST')
    return error(
      405,
      'method_not_allowed',
      `${request.method} is not allowed: Sanity webhooks POST.`,
    )
  if (request.body === null) return tooLarge()
  if (!request.signature)
    return error(401, 'missing_signature', `The ${SIGNATURE_HEADER_NAME} header is missing.`)
  const valid = await isValidSignature(request.body, request.signature, secret).catch(() => false)
  if (!valid)
    return error(
      401,
      'invalid_signature',
      `The ${SIGNATURE_HEADER_NAME} header does not match this body and secret.`,
    )
  return json(200, { revalidated: true, generation: service.invalidate() })
}

export { SIGNATURE_HEADER_NAME }

/** The webhook on a plain Node server: a body over the limit is answered 413 at once, its connection closed. */
export async function serveWebhook(
  service: CatalogService,
  request: IncomingMessage,
  response: ServerResponse,
  secret: string | undefined,
): Promise<void> {
  const body = await readLimitedBody(request, request.headers['content-length'])
  const signature = request.headers[SIGNATURE_HEADER_NAME]
  const reply =
    body === null
      ? tooLarge()
      : await handleWebhook(
          service,
          {
            method: request.method ?? 'GET',
            body,
            signature: Array.isArray(signature) ? signature[0] : signature,
          },
          secret,
        )
  if (body === null) {
    // The rest of the body is never read: close the connection once the answer is out.
    response.writeHead(reply.status, { ...reply.headers, Connection: 'close' })
    response.end(reply.body, () => request.destroy())
    return
  }
  response.writeHead(reply.status, reply.headers)
  response.end(reply.body ?? undefined)
}
