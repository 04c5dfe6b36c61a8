// Test helpers: the bundled and fixture datasets, and a catalog service over them that counts its queries.
import { readFileSync } from 'node:fs'
import { createGroqRunner, parseNdjson, type SanityDocument } from '@cookie-policy/schemas/dataset'
import type { RunQuery } from '@cookie-policy/schemas/queries'
import { createCatalogService, type CatalogServiceOptions } from '../src/lib/catalog/service'

export const seed = parseNdjson(
  readFileSync(new URL('../../content/dataset.ndjson', import.meta.url), 'utf8'),
  'dataset.ndjson',
)
export const threeVersions = parseNdjson(
  readFileSync(new URL('../e2e/fixtures/three-versions.ndjson', import.meta.url), 'utf8'),
  'three-versions.ndjson',
)

export function countingService(
  documents: SanityDocument[] = seed,
  overrides: Partial<CatalogServiceOptions> = {},
) {
  let queries = 0
  const run = createGroqRunner(documents)
  const instance = createCatalogService({
    runQuery: ((query, params) => {
      queries++
      return run(query, params)
    }) satisfies RunQuery,
    contentVersion: async () => 'v1',
    siteUrl: null,
    cookieName: 'cookie_validation',
    now: () => Date.parse('2026-11-29T12:00:00Z'),
    ...overrides,
  })
  return { instance, queries: () => queries }
}

export const json = (reply: { body: Buffer | null }) => JSON.parse(reply.body!.toString('utf8'))
