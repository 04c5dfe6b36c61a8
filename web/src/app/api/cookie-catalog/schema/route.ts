// GET /api/cookie-catalog/schema: the JSON Schema of the catalog, generated from the same zod schema.
import { catalogJsonSchema } from '@cookie-policy/schemas/contracts'

export const dynamic = 'force-static'

export function GET(): Response {
  return Response.json(catalogJsonSchema(), {
    headers: {
      'Content-Type': 'application/schema+json; charset=utf-8',
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'public, max-age=3600',
    },
  })
}
