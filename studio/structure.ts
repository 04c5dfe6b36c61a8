// The Studio's navigation, in the order editors work: policies and their versions, the catalog, providers.
import { DatabaseIcon } from '@sanity/icons/Database'
import { DocumentsIcon } from '@sanity/icons/Documents'
import { SearchIcon } from '@sanity/icons/Search'
import { TagIcon } from '@sanity/icons/Tag'
import { UsersIcon } from '@sanity/icons/Users'
import type { StructureResolver } from 'sanity/structure'
import { STUDIO_NAMESPACE, studioText, type StudioKey } from '@cookie-policy/schemas/studioWords'
import {
  categoryCookiesFilter,
  policyVersionsFilter,
  scanFindingsFilter,
} from '@cookie-policy/schemas/queries'

interface Titled<B> {
  title(title: string): B
  i18n(i18n: { title: { key: string; ns: string } }): B
}

/**
 * An item or list titled by its words: the English title, which its id is made from (so addresses stay the
 * same in every language), and the title the editor reads, in the editor's language.
 */
const titled = <B extends Titled<B>>(builder: B, key: StudioKey): B =>
  builder.title(studioText('en', key)).i18n({ title: { key, ns: STUDIO_NAMESPACE } })

export const structure: StructureResolver = (S) => {
  /** Every document of a type. */
  const typeItem = (type: string, key: StudioKey) =>
    titled(S.documentTypeListItem(type), key).child(titled(S.documentTypeList(type), key))
  return titled(S.list(), 'structure.title').items([
    titled(S.listItem(), 'structure.policies')
      .icon(DocumentsIcon)
      .child(
        titled(S.documentTypeList('policy'), 'structure.policies').child((policyId) =>
          titled(S.list(), 'structure.policy').items([
            titled(S.listItem(), 'structure.textAndSettings').child(
              S.document().schemaType('policy').documentId(policyId),
            ),
            titled(S.listItem(), 'structure.versions').child(
              titled(S.documentList(), 'structure.versionList')
                .schemaType('policyVersion')
                .filter(policyVersionsFilter)
                .params({ policyId })
                .defaultOrdering([{ field: 'version', direction: 'desc' }]),
            ),
          ]),
        ),
      ),
    titled(S.listItem(), 'structure.catalog')
      .icon(DatabaseIcon)
      .child(
        titled(S.list(), 'structure.catalog').items([
          typeItem('cookieCategory', 'structure.categories').icon(TagIcon),
          titled(S.listItem(), 'structure.cookiesByCategory')
            .icon(DatabaseIcon)
            .child(
              titled(S.documentTypeList('cookieCategory'), 'structure.cookiesByCategory')
                .defaultOrdering([{ field: 'order', direction: 'asc' }])
                .child((categoryId) =>
                  titled(S.documentList(), 'structure.cookies')
                    .schemaType('cookie')
                    .filter(categoryCookiesFilter)
                    .params({ categoryId })
                    .defaultOrdering([{ field: 'order', direction: 'asc' }])
                    .initialValueTemplates([
                      S.initialValueTemplateItem('cookie-in-category', { categoryId }),
                    ]),
                ),
            ),
          typeItem('cookie', 'structure.allCookies'),
        ]),
      ),
    typeItem('provider', 'structure.providers').icon(UsersIcon),
    S.divider(),
    // What the scanner found on the sites: drafts to correct and publish (or discard), and its reports.
    titled(S.listItem(), 'structure.scanFindings')
      .icon(SearchIcon)
      .child(
        titled(S.documentList(), 'structure.scanFindingsList')
          .schemaType('cookie')
          .filter(scanFindingsFilter),
      ),
    titled(S.documentTypeListItem('scanReport'), 'structure.scanReports')
      .icon(SearchIcon)
      .child(
        titled(S.documentTypeList('scanReport'), 'structure.scanReports').defaultOrdering([
          { field: 'scannedAt', direction: 'desc' },
        ]),
      ),
  ])
}
