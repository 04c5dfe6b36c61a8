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
import { runQuery } from './contentSource'

export type PolicyPage = NonNullable<PolicyPageQueryResult>
export type FullVersion = PolicyVersionsByNumberQueryResult[number]

export function today(): string {
  return todayInParis(new Date())
}

export async function getPolicies(): Promise<PoliciesQueryResult> {
  return runQuery<PoliciesQueryResult>(policiesQuery)
}

export async function getPolicyPage(slug: string): Promise<PolicyPage | null> {
  return runQuery<PolicyPageQueryResult>(policyPageQuery, { slug, today: today() })
}

export async function getVersions(slug: string, numbers: number[]): Promise<FullVersion[]> {
  return runQuery<PolicyVersionsByNumberQueryResult>(policyVersionsByNumberQuery, {
    slug,
    versions: numbers,
  })
}
