// The one reader of "the state of a policy", for the site, the catalog, the importer, the Studio's publish
// action and the scripts: the policy with its binding language and time zone, its history, the version in
// force today in its own time zone, the consent revision, and the text and catalog as edited now.
import { DEFAULT_BINDING_LANGUAGE, KNOWN_LANGUAGES, type Lang } from './languages'
import { contentHashOf } from './model/contentHash'
import { DEFAULT_TIME_ZONE, todayIn } from './model/dates'
import { consentRevision, versionInForce } from './model/versions'
import {
  currentCatalogQuery,
  editedPolicyQuery,
  policiesQuery,
  policyHistoryQuery,
  policyVersionContentQuery,
  policyVersionsByNumberQuery,
  type RunQuery,
} from './queries'
import type {
  CurrentCatalogQueryResult,
  EditedPolicyQueryResult,
  PoliciesQueryResult,
  PolicyHistoryQueryResult,
  PolicyVersionsByNumberQueryResult,
} from './sanity.types'

export type PolicySummary = PoliciesQueryResult[number]
type VersionSummary = NonNullable<PolicyHistoryQueryResult>['versions'][number]
export type FullVersion = PolicyVersionsByNumberQueryResult[number]
export type EditedPolicy = NonNullable<EditedPolicyQueryResult>
export type EditedCatalog = CurrentCatalogQueryResult

export interface PolicyState {
  policy: Omit<NonNullable<PolicyHistoryQueryResult>, 'versions'>
  /** The legally binding language: texts fall back to it. */
  binding: Lang
  timeZone: string
  /** Today in the policy's time zone, YYYY-MM-DD. */
  today: string
  /** Every version, newest first. */
  versions: VersionSummary[]
  inForce: VersionSummary | null
  latest: VersionSummary | null
  /** The latest version in force that asked for consent again (0 before any). */
  consentRevision: number
}

/**
 * A policy's binding language as stored, even one the deployment does not publish in (its text is then what
 * every page shows, marked); the deployment's first language for data that names none.
 */
export function bindingOf(policy: { bindingLanguage?: string | null }): Lang {
  const stored = policy.bindingLanguage
  return stored && (KNOWN_LANGUAGES as readonly string[]).includes(stored)
    ? (stored as Lang)
    : DEFAULT_BINDING_LANGUAGE
}

function timeZoneOf(policy: { timeZone?: string | null }): string {
  return policy.timeZone || DEFAULT_TIME_ZONE
}

/** The site's default policy: the only one, else the one marked as the default, else the first by address. */
function defaultPolicy<P extends Pick<PolicySummary, 'slug' | 'isDefault'>>(
  policies: readonly P[],
): P | null {
  return policies.find((policy) => policy.isDefault) ?? policies[0] ?? null
}

export async function readDefaultPolicy(run: RunQuery): Promise<PolicySummary | null> {
  return defaultPolicy(await run(policiesQuery))
}

/** The state of a policy at `now` (one query); null when there is no such policy. */
export async function readPolicyState(
  run: RunQuery,
  slug: string,
  now: Date = new Date(),
): Promise<PolicyState | null> {
  const found = await run(policyHistoryQuery, { slug })
  if (!found) return null
  const { versions, ...policy } = found
  const timeZone = timeZoneOf(policy)
  const today = todayIn(timeZone, now)
  return {
    policy,
    binding: bindingOf(policy),
    timeZone,
    today,
    versions,
    inForce: versionInForce(versions, today),
    latest: versions[0] ?? null,
    consentRevision: consentRevision(versions, today),
  }
}

/** A published version whose content no longer matches the hash it was published with. */
export class AlteredVersionError extends Error {
  constructor(
    readonly slug: string,
    readonly version: number,
  ) {
    super(
      `Version ${version} of "${slug}" was changed after it was published: its content no longer matches its content hash.`,
    )
  }
}

/**
 * Versions of a policy in full, by number, oldest first, each checked against the content hash it was
 * published with (a version published before hashes existed has none, and is not checked). Throws
 * AlteredVersionError for the first that fails: a rewritten version is never shown as if it were published.
 */
export async function readVersions(
  run: RunQuery,
  slug: string,
  numbers: readonly number[],
): Promise<FullVersion[]> {
  if (!numbers.length) return []
  const params = { slug, versions: [...numbers] }
  const [versions, stored] = await Promise.all([
    run(policyVersionsByNumberQuery, params),
    run(policyVersionContentQuery, params),
  ])
  for (const version of stored) {
    if (version.contentHash && version.contentHash !== (await contentHashOf(version)))
      throw new AlteredVersionError(slug, version.version ?? 0)
  }
  return versions
}

export interface PublishingState {
  state: PolicyState
  /** The policy's text as edited now. */
  policy: EditedPolicy
  catalog: EditedCatalog
  /** The latest version in full: the next version is compared with it. */
  latest: FullVersion | null
}

/** What publishing the next version needs: the history, the latest version, the text and catalog as edited. */
export async function readForPublishing(
  run: RunQuery,
  slug: string,
  now: Date = new Date(),
): Promise<PublishingState | null> {
  const state = await readPolicyState(run, slug, now)
  const policy = state ? await run(editedPolicyQuery, { slug }) : null
  if (!state || !policy) return null
  const [latest] = state.latest ? await readVersions(run, slug, [state.latest.version]) : []
  const catalog = await run(currentCatalogQuery, { policyId: policy._id })
  return { state, policy, catalog, latest: latest ?? null }
}
