// Freezing the catalog into a version: every category and cookie copied, nothing referenced.
import type {
  CatalogSnapshot,
  CurrentCatalogQueryResult,
  SnapshotCategory,
  SnapshotCookie,
} from '../sanity.types'
import { cookieKind, splitCookieNames } from './cookieNames'
import { compact } from './stable'
import { shortHash } from './text'

type SnapshotCategoryItem = SnapshotCategory & { _key: string }
type SnapshotCookieItem = SnapshotCookie & { _key: string }

export function buildSnapshot(catalog: CurrentCatalogQueryResult): CatalogSnapshot {
  return compact({
    _type: 'catalogSnapshot',
    categories: catalog.map((category): SnapshotCategoryItem => ({
      _type: 'snapshotCategory',
      _key: shortHash('category', category.key),
      key: category.key,
      title: category.title,
      description: category.description,
      required: category.required,
      consentModes: (category.consentModes ?? []) as SnapshotCategory['consentModes'],
      cookies: category.cookies.map((cookie): SnapshotCookieItem => {
        const names = cookie.names?.length ? cookie.names : splitCookieNames(cookie.name)
        return {
          _type: 'snapshotCookie',
          _key: shortHash('cookie', cookie._id),
          cookieId: cookie._id,
          name: cookie.name,
          names,
          kind: cookieKind(names[0] ?? cookie.name),
          provider: cookie.provider
            ? {
                _type: 'snapshotProvider',
                name: cookie.provider.name,
                privacyPolicyUrl: cookie.provider.privacyPolicyUrl ?? undefined,
                country: cookie.provider.country ?? undefined,
              }
            : undefined,
          type: cookie.type ?? undefined,
          purpose: cookie.purpose,
          retention: cookie.retention ?? undefined,
          moreInfoUrl: cookie.moreInfoUrl ?? undefined,
        }
      }),
    })),
  })
}
