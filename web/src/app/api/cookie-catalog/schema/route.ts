// GET /api/cookie-catalog/schema: the JSON Schema of the catalog, generated from the same zod schema.
import { catalogJsonSchema } from '@cookie-policy/schemas/contracts'

// Dynamic: the languages it lists are the deployment's (POLICY_LANGUAGES), read when the server starts.
export const dynamic = 'force-dynamic'

export function GET(): Response {
  return Response.json(catalogJsonSchema(), {
    headers: {
      'Content-Type': 'application/schema+json; charset=utf-8',
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'public, max-age=3600',
    },
  })
}
