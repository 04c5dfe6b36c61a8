// POST /api/revalidate for hosts that run only Next.js; the production server answers it itself (server.ts).
import { catalogService } from '@/lib/catalog/instance'
import { readLimitedBody } from '@cookie-policy/schemas/node'
import { handleWebhook, SIGNATURE_HEADER_NAME } from '@/lib/catalog/webhook'
import { webhookSecret } from '@/lib/env'

export const dynamic = 'force-dynamic'

export async function POST(request: Request): Promise<Response> {
  const reply = await handleWebhook(
    catalogService(),
    {
      method: request.method,
      contentType: request.headers.get('content-type'),
      signature: request.headers.get(SIGNATURE_HEADER_NAME),
      readBody: async (limit) =>
        request.body
          ? readLimitedBody(request.body, request.headers.get('content-length'), limit)
          : Buffer.alloc(0),
    },
    webhookSecret(),
  )
  return new Response(reply.body ? new Uint8Array(reply.body) : null, {
    status: reply.status,
    headers: reply.headers,
  })
}
