// The Content Lake a script writes to, named by the environment: one place for its variables and its client
// (`npm run seed:sanity`, `scan-cookies --to-studio`, `monitor` with `"studio": true`).
import { createClient, type SanityClient } from '@sanity/client'
import { SANITY_API_VERSION } from '@cookie-policy/schemas/apiVersion'

/** What names the project, the dataset and the write access. */
export const WRITE_VARIABLES = 'SANITY_PROJECT_ID, SANITY_DATASET and SANITY_AUTH_TOKEN'

/**
 * A client that writes to the dataset the environment names, reading drafts as drafts; null when one of
 * WRITE_VARIABLES is missing. SANITY_API_HOST points it at another host (the tests' stand-in).
 */
export function contentLakeWriter(): SanityClient | null {
  const { SANITY_PROJECT_ID: projectId, SANITY_DATASET: dataset } = process.env
  const token = process.env.SANITY_AUTH_TOKEN
  if (!projectId || !dataset || !token) return null
  const apiHost = process.env.SANITY_API_HOST
  return createClient({
    projectId,
    dataset,
    token,
    apiVersion: SANITY_API_VERSION,
    useCdn: false,
    perspective: 'raw',
    ...(apiHost ? { apiHost, useProjectHostname: false } : {}),
  })
}
