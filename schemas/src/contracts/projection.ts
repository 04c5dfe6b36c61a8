// The catalog of one policy version, in one language: what the banner shows, exactly as the version says it.
import { cookieKind, splitCookieNames } from '../model/cookieNames'
import { hasFallback, text as localizedText, type Localized } from '../model/localized'
import { webLink } from '../model/links'
import { normalizeRetention, retentionIsoDuration, retentionLabel } from '../model/retention'
import { categoryRevision, consentRevisionAt, type CategoryRevision } from '../model/versions'
import type { Lang } from '../languages'
import type { RunQuery } from '../queries'
import { readDefaultPolicy, readPolicyState, readVersions, type FullVersion } from '../state'
import { CATALOG_SCHEMA_VERSION, catalogSchema, type Catalog } from './catalog'

export interface ProjectionInput {
  slug: string
  policyTitle: Localized | null
  version: Pick<FullVersion, 'version' | 'effectiveFrom' | 'title' | 'snapshot'>
  consentRevision: number
  /** Per category key: the version at which its consent last changed materially, and what changed. */
  revisions: (category: string) => CategoryRevision
  lang: Lang
  /** The policy's binding language: texts without a translation into `lang` are given in it. */
  binding: Lang
  /** The policy's address (absolute when the site knows its origin). */
  url: string
}

export function projectCatalog({
  slug,
  policyTitle,
  version,
  consentRevision,
  revisions,
  lang,
  binding,
  url,
}: ProjectionInput): Catalog {
  const text = (value: Localized | null | undefined) => localizedText(value, lang, binding)
  const untranslated = hasFallback([version.title, version.snapshot], lang, binding)
  const catalog: Catalog = {
    schemaVersion: CATALOG_SCHEMA_VERSION,
    lang,
    textLang: untranslated ? binding : lang,
    policy: {
      slug,
      title: text(version.title) || text(policyTitle),
      version: version.version,
      effectiveFrom: version.effectiveFrom,
      consentRevision,
      bindingLanguage: binding,
      url,
    },
    categories: (version.snapshot.categories ?? []).map((category) => {
      const { revision, whatChanged } = category.required
        ? { revision: 0, whatChanged: null }
        : revisions(category.key ?? '')
      return {
        key: category.key ?? '',
        title: text(category.title),
        description: text(category.description),
        required: Boolean(category.required),
        consentModes: category.consentModes ?? [],
        revision,
        changed: text(whatChanged) || null,
        cookies: (category.cookies ?? []).map((cookie) => {
          const names = cookie.names?.length ? cookie.names : splitCookieNames(cookie.name ?? '')
          const retention = normalizeRetention(cookie.retention)
          return {
            name: cookie.name ?? '',
            names,
            kind: cookieKind(names[0] ?? ''),
            provider: cookie.provider?.name ?? null,
            type: text(cookie.type) || null,
            purpose: text(cookie.purpose),
            retention:
              retention.kind === 'unknown'
                ? null
                : {
                    label: retentionLabel(retention, lang)!,
                    duration: retentionIsoDuration(retention),
                    session: retention.kind === 'session',
                  },
            // A link that is not a web address is left out, whatever wrote it.
            moreInfoUrl: webLink(cookie.moreInfoUrl),
          }
        }),
      }
    }),
  }
  return catalogSchema.parse(catalog)
}

export interface CatalogRequestOptions {
  /** The policy; the default policy when left out. */
  slug?: string
  /** Default: the policy's binding language. */
  lang?: Lang
  /** A version by number; default: the version in force. */
  version?: number
  siteUrl?: string | null
  now?: Date
}

export type CatalogRead =
  | { found: true; catalog: Catalog; timeZone: string }
  | {
      found: false
      code: 'policy_not_found' | 'no_version_in_force' | 'version_not_found'
      message: string
    }

/** The catalog of a policy's version (the one in force unless another is asked), through the state reader. */
export async function readCatalog(
  run: RunQuery,
  options: CatalogRequestOptions = {},
): Promise<CatalogRead> {
  const slug = options.slug ?? (await readDefaultPolicy(run))?.slug
  if (!slug) return { found: false, code: 'policy_not_found', message: 'There is no policy yet.' }
  const state = await readPolicyState(run, slug, options.now)
  if (!state)
    return { found: false, code: 'policy_not_found', message: `There is no policy "${slug}".` }
  const number = options.version ?? state.inForce?.version
  if (number === undefined)
    return {
      found: false,
      code: 'no_version_in_force',
      message: `Policy "${slug}" has no version in force yet.`,
    }
  const [version] = await readVersions(run, slug, [number])
  if (!version)
    return {
      found: false,
      code: 'version_not_found',
      message: `Policy "${slug}" has no version ${number}.`,
    }
  const lang = options.lang ?? state.binding
  const path = `/${lang}/${slug}`
  const catalog = projectCatalog({
    slug,
    policyTitle: state.policy.title,
    version,
    // An older version's catalog carries the revision a visitor had while it was the latest.
    consentRevision:
      options.version === undefined
        ? state.consentRevision
        : consentRevisionAt(state.versions, version.version),
    revisions: (category) => categoryRevision(state.versions, version.version, category),
    lang,
    binding: state.binding,
    url: options.siteUrl ? `${options.siteUrl}${path}` : path,
  })
  return { found: true, catalog, timeZone: state.timeZone }
}

/** The catalog in force of a policy (the default one unless named), in `lang`; null when there is none. */
export async function readCatalogInForce(
  run: RunQuery,
  options: Omit<CatalogRequestOptions, 'version'> = {},
): Promise<Catalog | null> {
  const read = await readCatalog(run, options)
  return read.found ? read.catalog : null
}
