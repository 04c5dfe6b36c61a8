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
import type { Localized } from './localized'
import {
  categoryMateriality,
  MATERIALITY,
  whatChangedLine,
  type CategoryMateriality,
  type Materiality,
} from './materiality'
import { buildSnapshot } from './snapshot'
import { compact, stableStringify } from './stable'
import { studioText, type StudioKey, type StudioValues } from '../studioWords'

/** Why a version cannot be published: its words are the Studio's, the message in English for scripts. */
export class PublishError extends Error {
  constructor(
    readonly key: StudioKey,
    readonly values: StudioValues = {},
  ) {
    super(studioText('en', key, values))
    this.name = 'PublishError'
  }
}

export interface PublishInput {
  policy: EditedPolicy
  catalog: EditedCatalog
  latest: FullVersion | null
  effectiveFrom: string
  /**
   * True: every category a visitor may refuse is asked again (an editor's decision, recorded as such).
   * Left out: each category as `consentChanges` says, else as the differences suggest.
   */
  requiresNewConsent?: boolean
  /** The editor's decisions per category, where they differ from the suggestion (each with its reason). */
  consentChanges?: ConsentChangeChoice[]
  /** Left out: a summary is written from the differences, in every language of the deployment. */
  changeSummary?: PolicyVersion['changeSummary']
}

export interface ConsentChangeChoice {
  category: string
  change: Materiality
  /** Required when `change` is not the suggestion. */
  reason?: string
  /** The line visitors read ("what changed"), per language; written from the differences when left out. */
  whatChanged?: Localized
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
      /** Per category a visitor may refuse: what the differences suggest, and why. */
      materiality: CategoryMateriality[]
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

/** The version's consent changes: the suggestion per category, with the editor's decisions and reasons. */
function consentChangesOf(
  materiality: CategoryMateriality[],
  input: PublishInput,
  first: boolean,
): PolicyVersionDocument['consentChanges'] {
  const chosen = new Map((input.consentChanges ?? []).map((choice) => [choice.category, choice]))
  for (const choice of chosen.values()) {
    if (!materiality.some((entry) => entry.category === choice.category))
      throw new PublishError('publishError.noCategory', {
        category: choice.category,
        categories: materiality.map((entry) => entry.category).join(', ') || '—',
      })
    if (!MATERIALITY.includes(choice.change))
      throw new PublishError('publishError.notAChange', {
        change: choice.change,
        changes: MATERIALITY.join(', '),
      })
  }
  return materiality.map((entry) => {
    const choice = chosen.get(entry.category)
    const everyone = !first && input.requiresNewConsent === true && !choice
    const change: Materiality = first
      ? 'material'
      : (choice?.change ?? (everyone ? 'material' : entry.change))
    const reason =
      choice?.reason?.trim() ||
      (everyone && change !== entry.change
        ? 'Every visitor is asked again: the editor’s decision.'
        : '')
    if (change !== entry.change && !reason)
      throw new PublishError('publishError.reasonRequired', {
        category: entry.category,
        suggested: entry.change,
        change,
      })
    const generated = Object.fromEntries(
      LANGUAGES.map((lang) => [lang, whatChangedLine(entry.changes, lang)]).filter(
        ([, line]) => line,
      ),
    )
    const whatChanged =
      change === 'material' && !first
        ? compact({ ...generated, ...(choice?.whatChanged ?? {}), _type: 'localeText' as const })
        : undefined
    return compact({
      _key: entry.category,
      _type: 'consentChange' as const,
      category: entry.category,
      change,
      suggested: entry.change,
      reason: reason || undefined,
      whatChanged: whatChanged && Object.keys(whatChanged).length > 1 ? whatChanged : undefined,
    })
  })
}

export function planPublication(input: PublishInput): PublishPlan {
  const { policy, catalog, latest, effectiveFrom } = input
  if (!isIsoDate(effectiveFrom))
    throw new PublishError('publishError.badDate', { date: effectiveFrom })
  const content = editedContent(policy, catalog)
  if (latest && comparable(latest) === comparable(content))
    return { kind: 'unchanged', latestVersion: latest.version }
  if (latest && effectiveFrom < latest.effectiveFrom) {
    throw new PublishError('publishError.dateBefore', {
      date: effectiveFrom,
      version: latest.version,
      previous: latest.effectiveFrom,
    })
  }
  const binding = bindingOf(policy)
  const diff = latest ? diffVersions(latest, content, binding, binding) : null
  const translations = LANGUAGES.flatMap((lang) => {
    if (!latest || !diff || lang === binding) return []
    const only = translationOnly(diffVersions(latest, content, lang, binding), diff)
    return isEmptyDiff(only) ? [] : [{ lang, diff: only }]
  })
  const materiality = categoryMateriality(latest, content, binding)
  const version = (latest?.version ?? 0) + 1
  const consentChanges = consentChangesOf(materiality, input, version === 1)
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
    suggestedRequiresNewConsent: materiality.some((entry) => entry.change === 'material'),
    materiality,
    document: compact<PolicyVersionDocument>({
      _id: versionDocumentId(policy._id, version),
      _type: 'policyVersion',
      policy: { _type: 'reference', _ref: policy._id },
      version,
      effectiveFrom,
      changeSummary,
      // For banners that know one revision of the whole policy: any category changed materially.
      requiresNewConsent:
        version === 1 || (consentChanges ?? []).some((entry) => entry.change === 'material'),
      consentChanges,
      ...content,
    }),
  }
}
