// POST /api/revalidate: a signed Sanity webhook (on publish) makes the catalog answers be computed again at
// once, instead of at the end of their refresh interval. A request without a valid signature changes nothing.
import { decodeSignatureHeader, isValidSignature, SIGNATURE_HEADER_NAME } from '@sanity/webhook'
import { errorReply, jsonReply } from '../readyBytes'
import type { CatalogReply, CatalogService } from './service'

export const WEBHOOK_PATH = '/api/revalidate'
const MAX_BODY_BYTES = 1_000_000
/** A signature older than this (or this far in the future) is refused: a captured call cannot be replayed later. */
const SIGNATURE_MAX_AGE_MS = 5 * 60_000
/** Signatures seen within their age: a replay inside the five minutes is refused too. Bounded by count. */
const SEEN_SIGNATURES = 10_000
const seen = new Map<string, number>()

/** Whether this signature was accepted before; remembers it until it is too old to be accepted anyway. */
function replayed(signature: string, timestamp: number, now: number): boolean {
  for (const [known, expires] of seen) {
    if (expires > now && seen.size < SEEN_SIGNATURES) break
    seen.delete(known)
  }
  if (seen.has(signature)) return true
  seen.set(signature, timestamp + SIGNATURE_MAX_AGE_MS)
  return false
}

const tooLarge = (): CatalogReply =>
  errorReply(
    413,
    'body_too_large',
    `The webhook body is larger than ${MAX_BODY_BYTES / 1_000_000} MB.`,
  )

export interface WebhookRequest {
  method: string
  contentType: string | null | undefined
  signature: string | null | undefined
  /** Read only once method, type and signature are right; null when larger than the limit. */
  readBody: (limit: number) => Promise<Buffer | null>
}

/**
 * Method, type and the signature's form and age are checked before the body is read; then the signature
 * itself, and that it was not accepted before.
 */
export async function handleWebhook(
  service: CatalogService,
  request: WebhookRequest,
  secret: string | undefined,
  now = Date.now(),
): Promise<CatalogReply> {
  if (!secret)
    return errorReply(
      404,
      'webhook_disabled',
      'No webhook is configured here: set SANITY_WEBHOOK_SECRET.',
    )
  if (request.method !== 'POST')
    return errorReply(
      405,
      'method_not_allowed',
      `${request.method} is not allowed: Sanity webhooks POST.`,
    )
  if (!request.signature)
    return errorReply(401, 'missing_signature', `The ${SIGNATURE_HEADER_NAME} header is missing.`)
  if (!/^application\/json\s*(;|$)/i.test(request.contentType ?? ''))
    return errorReply(415, 'unsupported_type', 'A Sanity webhook sends application/json.')
  let timestamp: number
  try {
    timestamp = decodeSignatureHeader(request.signature).timestamp
  } catch {
    return errorReply(
      401,
      'invalid_signature',
      `The ${SIGNATURE_HEADER_NAME} header cannot be read.`,
    )
  }
  if (!(Math.abs(now - timestamp) <= SIGNATURE_MAX_AGE_MS))
    return errorReply(
      401,
      'stale_signature',
      `The ${SIGNATURE_HEADER_NAME} header was made more than 5 minutes from now.`,
    )
  const body = await request.readBody(MAX_BODY_BYTES)
  if (body === null) return tooLarge()
  const valid = await isValidSignature(body.toString('utf8'), request.signature, secret).catch(
    () => false,
  )
  if (!valid)
    return errorReply(
      401,
      'invalid_signature',
      `The ${SIGNATURE_HEADER_NAME} header does not match this body and secret.`,
    )
  if (replayed(request.signature, timestamp, now))
    return errorReply(401, 'replayed_signature', 'This signed call was received before.')
  return jsonReply(200, { revalidated: true, generation: service.invalidate() })
}

export { SIGNATURE_HEADER_NAME }
