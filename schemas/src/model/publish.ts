// Publishing a version: one function for the Studio's publish action and the importer.
// It compares the catalog and prose as edited now with the latest version, and plans the next version.
import { LANGUAGES, type Lang } from '../languages'
import type { PolicyVersion } from '../sanity.types'
import { bindingOf, type EditedCatalog, type EditedPolicy, type FullVersion } from '../state'
import { isIsoDate } from './dates'
import {
  diffVersions,
  isEmptyDiff,
  summarizeDiff,
  translationOnly,
  type PolicyDiff,
  type VersionContent,
} from './diff'
import { text } from './localized'
import { buildSnapshot } from './snapshot'
import { compact, stableStringify } from './stable'

export class PublishError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PublishError'
  }
}

export interface PublishInput {
  policy: EditedPolicy
  catalog: EditedCatalog
  latest: FullVersion | null
  effectiveFrom: string
  /** Left out: the suggestion is used (always true for a first version). */
  requiresNewConsent?: boolean
  /** Left out: a summary is written from the differences, in every language of the deployment. */
  changeSummary?: PolicyVersion['changeSummary']
}

/** A version as created: the generated document type, without the fields the Content Lake sets. */
type PolicyVersionDocument = Omit<PolicyVersion, '_createdAt' | '_updatedAt' | '_rev'>

export type PublishPlan =
  | { kind: 'unchanged'; latestVersion: number }
  | {
      kind: 'publish'
      document: PolicyVersionDocument
      diff: PolicyDiff | null
      /** Changes to a translation's texts alone, per language, which `diff` (the binding text's) does not show. */
      translations: { lang: Lang; diff: PolicyDiff }[]
      suggestedRequiresNewConsent: boolean
    }

/** The day a new version takes effect unless the editor says otherwise: today, or a scheduled latest version's day. */
export function defaultEffectiveDay(
  today: string,
  latest: { effectiveFrom: string } | null,
): string {
  return latest && latest.effectiveFrom > today ? latest.effectiveFrom : today
}

function versionDocumentId(policyId: string, version: number): string {
  return `policyVersion-${policyId.replace(/^policy-/, '')}-${version}`
}

/** The content a version publishes, from the policy and catalog as edited now. */
function editedContent(policy: EditedPolicy, catalog: EditedCatalog) {
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
function suggestNewConsent(
  before: VersionContent | null,
  after: VersionContent,
  binding: Lang,
): boolean {
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
      return !old || text(old.purpose, binding, binding) !== text(cookie.purpose, binding, binding)
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
  const binding = bindingOf(policy)
  const diff = latest ? diffVersions(latest, content, binding, binding) : null
  const translations = LANGUAGES.flatMap((lang) => {
    if (!latest || !diff || lang === binding) return []
    const only = translationOnly(diffVersions(latest, content, lang, binding), diff)
    return isEmptyDiff(only) ? [] : [{ lang, diff: only }]
  })
  const suggested = suggestNewConsent(latest, content, binding)
  const version = (latest?.version ?? 0) + 1
  const changeSummary = input.changeSummary ?? {
    _type: 'localeText' as const,
    ...Object.fromEntries(
      LANGUAGES.map((lang) => [
        lang,
        summarizeDiff(latest ? diffVersions(latest, content, lang, binding) : null, lang),
      ]),
    ),
  }
  return {
    kind: 'publish',
    diff,
    translations,
    suggestedRequiresNewConsent: suggested,
    document: compact<PolicyVersionDocument>({
      _id: versionDocumentId(policy._id, version),
      _type: 'policyVersion',
      policy: { _type: 'reference', _ref: policy._id },
      version,
      effectiveFrom,
      changeSummary,
      requiresNewConsent: version === 1 ? true : (input.requiresNewConsent ?? suggested),
      ...content,
    }),
  }
}
