// POST /api/revalidate for hosts that run only Next.js; the production server answers it itself (server.ts).
import { catalogService } from '@/lib/catalog/instance'
import { handleWebhook, readLimitedBody, SIGNATURE_HEADER_NAME } from '@/lib/catalog/webhook'
import { webhookSecret } from '@/lib/env'

export const dynamic = 'force-dynamic'

export async function POST(request: Request): Promise<Response> {
  const reply = await handleWebhook(
    catalogService(),
    {
      method: request.method,
      body: request.body
        ? await readLimitedBody(request.body, request.headers.get('content-length'))
        : '',
      signature: request.headers.get(SIGNATURE_HEADER_NAME),
    },
    webhookSecret(),
  )
  return new Response(reply.body ? new Uint8Array(reply.body) : null, {
    status: reply.status,
    headers: reply.headers,
  })
}
