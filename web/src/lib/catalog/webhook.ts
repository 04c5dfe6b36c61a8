// POST /api/revalidate: a signed Sanity webhook (on publish) makes the catalog answers be computed again at
// once, instead of at the end of their refresh interval. A request without a valid signature changes nothing.
import { isValidSignature, SIGNATURE_HEADER_NAME } from '@sanity/webhook'
import type { CatalogReply, CatalogService } from './service'

export const WEBHOOK_PATH = '/api/revalidate'
const MAX_BODY_BYTES = 1_000_000

function json(status: number, value: unknown): CatalogReply {
  const body = Buffer.from(JSON.stringify(value))
  return {
    status,
    headers: {
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
  request: { method: string; body: string; signature: string | null | undefined },
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
  if (Buffer.byteLength(request.body) > MAX_BODY_BYTES)
    return error(413, 'body_too_large', 'The webhook body is larger than 1 MB.')
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
