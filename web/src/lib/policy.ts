// The site's reads, through the one reader of a policy's state in schemas/ (today in the policy's time zone).
import 'server-only'
import { readDefaultPolicy, readPolicyState, readVersions } from '@cookie-policy/schemas/state'
import type { FullVersion, PolicyState } from '@cookie-policy/schemas/state'
import { cache } from 'react'
import { runQuery } from './contentSource'

export type { FullVersion, PolicyState }

export function getDefaultPolicy() {
  return readDefaultPolicy(runQuery)
}

// generateMetadata and the page ask for the same data: React's cache answers the second ask within a request.
export const getPolicyState = cache((slug: string): Promise<PolicyState | null> =>
  readPolicyState(runQuery, slug),
)

const getVersionsByKey = cache((slug: string, key: string): Promise<FullVersion[]> =>
  readVersions(runQuery, slug, key.split(',').map(Number)),
)

export function getVersions(slug: string, numbers: number[]): Promise<FullVersion[]> {
  return getVersionsByKey(slug, numbers.join(','))
}
