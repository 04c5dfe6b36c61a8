// The catalog of one policy version, in one language: what the banner shows, exactly as the version says it.
import { cookieKind, splitCookieNames } from '../model/cookieNames'
import { hasFallback, text as localizedText, type Localized } from '../model/localized'
import { normalizeRetention, retentionIsoDuration, retentionLabel } from '../model/retention'
import type { Lang } from '../languages'
import type { RunQuery } from '../queries'
import { readDefaultPolicy, readPolicyState, readVersions, type FullVersion } from '../state'
import { CATALOG_SCHEMA_VERSION, catalogSchema, type Catalog } from './catalog'

export interface ProjectionInput {
  slug: string
  policyTitle: Localized | null
  version: Pick<FullVersion, 'version' | 'effectiveFrom' | 'title' | 'snapshot'>
  consentRevision: number
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
    categories: (version.snapshot.categories ?? []).map((category) => ({
      key: category.key ?? '',
      title: text(category.title),
      description: text(category.description),
      required: Boolean(category.required),
      consentModes: category.consentModes ?? [],
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
          moreInfoUrl: cookie.moreInfoUrl ?? null,
        }
      }),
    })),
  }
  return catalogSchema.parse(catalog)
}

/** The catalog of the version in force of a policy (the default policy when none is named), in `lang` (default: the policy's binding language); null when there is none. */
export async function readCatalogInForce(
  run: RunQuery,
  options: { slug?: string; lang?: Lang; siteUrl?: string | null; now?: Date } = {},
): Promise<Catalog | null> {
  const slug = options.slug ?? (await readDefaultPolicy(run))?.slug
  const state = slug ? await readPolicyState(run, slug, options.now) : null
  if (!slug || !state?.inForce) return null
  const [version] = await readVersions(run, slug, [state.inForce.version])
  if (!version) return null
  const lang = options.lang ?? state.binding
  const path = `/${lang}/${slug}`
  return projectCatalog({
    slug,
    policyTitle: state.policy.title,
    version,
    consentRevision: state.consentRevision,
    lang,
    binding: state.binding,
    url: options.siteUrl ? `${options.siteUrl}${path}` : path,
  })
}
