// Publishing a version: one function for the Studio's publish action and the importer.
// It compares the catalog and prose as edited now with the latest version, and plans the next version.
import type {
  CurrentCatalogQueryResult,
  LocaleBlockContent,
  LocaleString,
  LocaleText,
  PolicySection,
} from '../sanity.types'
import { isIsoDate } from './dates'
import {
  diffVersions,
  isEmptyDiff,
  summarizeDiff,
  type PolicyDiff,
  type VersionContent,
} from './diff'
import { buildSnapshot } from './snapshot'
import { compact, stableStringify } from './stable'

export class PublishError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PublishError'
  }
}

/** The policy as editors keep it now. */
export interface EditedPolicy {
  _id: string
  title: LocaleString
  intro?: LocaleBlockContent | null
  sections?: (PolicySection & { _key: string })[] | null
}

/** The latest published version, as the queries return it. */
export type PublishedVersion = VersionContent & { version: number; effectiveFrom: string }

export interface PublishInput {
  policy: EditedPolicy
  catalog: CurrentCatalogQueryResult
  latest: PublishedVersion | null
  effectiveFrom: string
  /** Left out: the suggestion is used (always true for a first version). */
  requiresNewConsent?: boolean
  /** Left out: a summary is written from the differences. */
  changeSummary?: LocaleText
}

export interface PolicyVersionDocument {
  _id: string
  _type: 'policyVersion'
  policy: { _type: 'reference'; _ref: string }
  version: number
  effectiveFrom: string
  changeSummary: LocaleText
  requiresNewConsent: boolean
  title: LocaleString
  intro?: LocaleBlockContent
  sections: (PolicySection & { _key: string })[]
  snapshot: ReturnType<typeof buildSnapshot>
}

export type PublishPlan =
  | { kind: 'unchanged'; latestVersion: number }
  | {
      kind: 'publish'
      document: PolicyVersionDocument
      diff: PolicyDiff | null
      suggestedRequiresNewConsent: boolean
    }

export function versionDocumentId(policyId: string, version: number): string {
  return `policyVersion-${policyId.replace(/^policy-/, '')}-${version}`
}

/** The content a version publishes, from the policy and catalog as edited now. */
export function editedContent(policy: EditedPolicy, catalog: CurrentCatalogQueryResult) {
  return compact({
    title: policy.title,
    intro: policy.intro ?? undefined,
    sections: policy.sections ?? [],
    snapshot: buildSnapshot(catalog),
  })
}

function comparable(content: VersionContent): string {
  return stableStringify({
    title: content.title,
    intro: content.intro,
    sections: content.sections ?? [],
    snapshot: content.snapshot,
  })
}

/** Whether visitors must be asked again: a refusable cookie or category added, or a refusable cookie's purpose changed. */
export function suggestNewConsent(before: VersionContent | null, after: VersionContent): boolean {
  if (before === null) return true
  const oldCategories = new Set((before.snapshot?.categories ?? []).map((category) => category.key))
  const oldCookies = new Map(
    (before.snapshot?.categories ?? []).flatMap((category) =>
      (category.cookies ?? []).map((cookie) => [cookie.cookieId ?? cookie.name, cookie]),
    ),
  )
  return (after.snapshot?.categories ?? []).some((category) => {
    if (category.required) return false
    if (!oldCategories.has(category.key)) return true
    return (category.cookies ?? []).some((cookie) => {
      const old = oldCookies.get(cookie.cookieId ?? cookie.name)
      return !old || old.purpose?.fr !== cookie.purpose?.fr
    })
  })
}

export function planPublication(input: PublishInput): PublishPlan {
  const { policy, catalog, latest, effectiveFrom } = input
  if (!isIsoDate(effectiveFrom))
    throw new PublishError(
      `The effective date "${effectiveFrom}" is not a date written YYYY-MM-DD.`,
    )
  const content = editedContent(policy, catalog)
  if (latest && comparable(latest) === comparable(content))
    return { kind: 'unchanged', latestVersion: latest.version }
  if (latest && effectiveFrom < latest.effectiveFrom) {
    throw new PublishError(
      `The effective date ${effectiveFrom} is before version ${latest.version}'s (${latest.effectiveFrom}): a new version cannot take effect before the one it replaces.`,
    )
  }
  const diff = latest ? diffVersions(latest, content, 'fr') : null
  const suggested = suggestNewConsent(latest, content)
  const version = (latest?.version ?? 0) + 1
  const changeSummary = input.changeSummary ?? {
    _type: 'localeText',
    fr: summarizeDiff(diff, 'fr'),
    en: summarizeDiff(latest ? diffVersions(latest, content, 'en') : null, 'en'),
  }
  return {
    kind: 'publish',
    diff,
    suggestedRequiresNewConsent: suggested,
    document: compact({
      _id: versionDocumentId(policy._id, version),
      _type: 'policyVersion',
      policy: { _type: 'reference', _ref: policy._id },
      version,
      effectiveFrom,
      changeSummary,
      requiresNewConsent: version === 1 ? true : (input.requiresNewConsent ?? suggested),
      ...content,
    }) as PolicyVersionDocument,
  }
}
