// The Studio's navigation, in the order editors work: policies and their versions, the catalog, providers.
import { DatabaseIcon } from '@sanity/icons/Database'
import { DocumentsIcon } from '@sanity/icons/Documents'
import { TagIcon } from '@sanity/icons/Tag'
import { UsersIcon } from '@sanity/icons/Users'
import type { StructureBuilder, StructureResolver } from 'sanity/structure'
import { STUDIO_NAMESPACE, studioText, type StudioKey } from '@cookie-policy/schemas/studioWords'
import { SearchIcon } from '@sanity/icons/Search'
import {
  categoryCookiesFilter,
  policyVersionsFilter,
  scanFindingsFilter,
} from '@cookie-policy/schemas/queries'

/** An item's English title (its id is made from it, so addresses stay the same) and its title's words. */
const en = (key: StudioKey) => studioText('en', key)
const named = (key: StudioKey) => ({ title: { key, ns: STUDIO_NAMESPACE } })

/** Every document of a type, the list titled in the editor's language. */
const typeList = (S: StructureBuilder, type: string, key: StudioKey) =>
  S.documentTypeList(type).title(en(key)).i18n(named(key))

export const structure: StructureResolver = (S) =>
  S.list()
    .title(en('structure.title'))
    .i18n(named('structure.title'))
    .items([
      S.listItem()
        .title(en('structure.policies'))
        .i18n(named('structure.policies'))
        .icon(DocumentsIcon)
        .child(
          S.documentTypeList('policy')
            .title(en('structure.policies'))
            .i18n(named('structure.policies'))
            .child((policyId) =>
              S.list()
                .title(en('structure.policy'))
                .i18n(named('structure.policy'))
                .items([
                  S.listItem()
                    .title(en('structure.textAndSettings'))
                    .i18n(named('structure.textAndSettings'))
                    .child(S.document().schemaType('policy').documentId(policyId)),
                  S.listItem()
                    .title(en('structure.versions'))
                    .i18n(named('structure.versions'))
                    .child(
                      S.documentList()
                        .title(en('structure.versionList'))
                        .i18n(named('structure.versionList'))
                        .schemaType('policyVersion')
                        .filter(policyVersionsFilter)
                        .params({ policyId })
                        .defaultOrdering([{ field: 'version', direction: 'desc' }]),
                    ),
                ]),
            ),
        ),
      S.listItem()
        .title(en('structure.catalog'))
        .i18n(named('structure.catalog'))
        .icon(DatabaseIcon)
        .child(
          S.list()
            .title(en('structure.catalog'))
            .i18n(named('structure.catalog'))
            .items([
              S.documentTypeListItem('cookieCategory')
                .title(en('structure.categories'))
                .i18n(named('structure.categories'))
                .icon(TagIcon)
                .child(typeList(S, 'cookieCategory', 'structure.categories')),
              S.listItem()
                .title(en('structure.cookiesByCategory'))
                .i18n(named('structure.cookiesByCategory'))
                .icon(DatabaseIcon)
                .child(
                  S.documentTypeList('cookieCategory')
                    .title(en('structure.cookiesByCategory'))
                    .i18n(named('structure.cookiesByCategory'))
                    .defaultOrdering([{ field: 'order', direction: 'asc' }])
                    .child((categoryId) =>
                      S.documentList()
                        .title(en('structure.cookies'))
                        .i18n(named('structure.cookies'))
                        .schemaType('cookie')
                        .filter(categoryCookiesFilter)
                        .params({ categoryId })
                        .defaultOrdering([{ field: 'order', direction: 'asc' }])
                        .initialValueTemplates([
                          S.initialValueTemplateItem('cookie-in-category', { categoryId }),
                        ]),
                    ),
                ),
              S.documentTypeListItem('cookie')
                .title(en('structure.allCookies'))
                .i18n(named('structure.allCookies'))
                .child(typeList(S, 'cookie', 'structure.allCookies')),
            ]),
        ),
      S.documentTypeListItem('provider')
        .title(en('structure.providers'))
        .i18n(named('structure.providers'))
        .icon(UsersIcon)
        .child(typeList(S, 'provider', 'structure.providers')),
      S.divider(),
      // What the scanner found on the sites: drafts to correct and publish (or discard), and its reports.
      S.listItem()
        .title(en('structure.scanFindings'))
        .i18n(named('structure.scanFindings'))
        .icon(SearchIcon)
        .child(
          S.documentList()
            .title(en('structure.scanFindingsList'))
            .i18n(named('structure.scanFindingsList'))
            .schemaType('cookie')
            .filter(scanFindingsFilter),
        ),
      S.documentTypeListItem('scanReport')
        .title(en('structure.scanReports'))
        .i18n(named('structure.scanReports'))
        .icon(SearchIcon)
        .child(
          typeList(S, 'scanReport', 'structure.scanReports').defaultOrdering([
            { field: 'scannedAt', direction: 'desc' },
          ]),
        ),
    ])
