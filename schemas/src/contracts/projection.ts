// The catalog of one policy version, in one language: what the banner shows, exactly as the version says it.
import { cookieKind, splitCookieNames } from '../model/cookieNames'
import { text } from '../model/localized'
import { normalizeRetention, retentionIsoDuration, retentionLabel } from '../model/retention'
import type { Lang } from '../languages'
import type { PolicyVersionsByNumberQueryResult } from '../sanity.types'
import { CATALOG_SCHEMA_VERSION, catalogSchema, type Catalog } from './catalog'

type Version = Pick<
  PolicyVersionsByNumberQueryResult[number],
  'version' | 'effectiveFrom' | 'title' | 'snapshot'
>

export interface ProjectionInput {
  slug: string
  policyTitle: { fr?: string | null; en?: string | null } | null
  version: Version
  consentRevision: number
  lang: Lang
  /** The policy page's address (absolute when the site knows its origin). */
  url: string
}

export function projectCatalog({
  slug,
  policyTitle,
  version,
  consentRevision,
  lang,
  url,
}: ProjectionInput): Catalog {
  const catalog: Catalog = {
    schemaVersion: CATALOG_SCHEMA_VERSION,
    lang,
    policy: {
      slug,
      title: text(version.title, lang) || text(policyTitle, lang),
      version: version.version,
      effectiveFrom: version.effectiveFrom,
      consentRevision,
      url,
    },
    categories: (version.snapshot.categories ?? []).map((category) => ({
      key: category.key ?? '',
      title: text(category.title, lang),
      description: text(category.description, lang),
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
          type: text(cookie.type, lang) || null,
          purpose: text(cookie.purpose, lang),
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
