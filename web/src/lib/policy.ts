// The site's reads: the same GROQ queries as everywhere, with today's date in Europe/Paris.
import 'server-only'
import {
  policiesQuery,
  policyPageQuery,
  policyVersionsByNumberQuery,
} from '@cookie-policy/schemas/queries'
import type {
  PoliciesQueryResult,
  PolicyPageQueryResult,
  PolicyVersionsByNumberQueryResult,
} from '@cookie-policy/schemas/sanity.types'
import { todayInParis } from '@cookie-policy/schemas/model'
import { cache } from 'react'
import { runQuery } from './contentSource'

export type PolicyPage = NonNullable<PolicyPageQueryResult>
export type FullVersion = PolicyVersionsByNumberQueryResult[number]

export function today(): string {
  return todayInParis(new Date())
}

export async function getPolicies(): Promise<PoliciesQueryResult> {
  return runQuery<PoliciesQueryResult>(policiesQuery)
}

// generateMetadata and the page ask for the same data: React's cache answers the second ask within a request.
export const getPolicyPage = cache(async (slug: string): Promise<PolicyPage | null> =>
  runQuery<PolicyPageQueryResult>(policyPageQuery, { slug, today: today() }),
)

const getVersionsByKey = cache(async (slug: string, key: string): Promise<FullVersion[]> =>
  runQuery<PolicyVersionsByNumberQueryResult>(policyVersionsByNumberQuery, {
    slug,
    versions: key.split(',').map(Number),
  }),
)

export function getVersions(slug: string, numbers: number[]): Promise<FullVersion[]> {
  return getVersionsByKey(slug, numbers.join(','))
}
