// The Studio's navigation, in the order editors work: policies and their versions, the catalog, providers.
import { DatabaseIcon } from '@sanity/icons/Database'
import { DocumentsIcon } from '@sanity/icons/Documents'
import { TagIcon } from '@sanity/icons/Tag'
import { UsersIcon } from '@sanity/icons/Users'
import type { StructureResolver } from 'sanity/structure'
import { SearchIcon } from '@sanity/icons/Search'
import {
  categoryCookiesFilter,
  policyVersionsFilter,
  scanFindingsFilter,
} from '@cookie-policy/schemas/queries'

export const structure: StructureResolver = (S) =>
  S.list()
    .title('Cookie policy')
    .items([
      S.listItem()
        .title('Policies')
        .icon(DocumentsIcon)
        .child(
          S.documentTypeList('policy')
            .title('Policies')
            .child((policyId) =>
              S.list()
                .title('Policy')
                .items([
                  S.listItem()
                    .title('Text and settings (edit, then publish a version)')
                    .child(S.document().schemaType('policy').documentId(policyId)),
                  S.listItem()
                    .title('Published versions, newest first')
                    .child(
                      S.documentList()
                        .title('Versions')
                        .schemaType('policyVersion')
                        .filter(policyVersionsFilter)
                        .params({ policyId })
                        .defaultOrdering([{ field: 'version', direction: 'desc' }]),
                    ),
                ]),
            ),
        ),
      S.listItem()
        .title('Cookie catalog')
        .icon(DatabaseIcon)
        .child(
          S.list()
            .title('Cookie catalog')
            .items([
              S.documentTypeListItem('cookieCategory').title('Categories').icon(TagIcon),
              S.listItem()
                .title('Cookies by category')
                .icon(DatabaseIcon)
                .child(
                  S.documentTypeList('cookieCategory')
                    .title('Cookies by category')
                    .defaultOrdering([{ field: 'order', direction: 'asc' }])
                    .child((categoryId) =>
                      S.documentList()
                        .title('Cookies')
                        .schemaType('cookie')
                        .filter(categoryCookiesFilter)
                        .params({ categoryId })
                        .defaultOrdering([{ field: 'order', direction: 'asc' }])
                        .initialValueTemplates([
                          S.initialValueTemplateItem('cookie-in-category', { categoryId }),
                        ]),
                    ),
                ),
              S.documentTypeListItem('cookie').title('All cookies'),
            ]),
        ),
      S.documentTypeListItem('provider').title('Providers').icon(UsersIcon),
      S.divider(),
      // What the scanner found on the sites: drafts to correct and publish (or discard), and its reports.
      S.listItem()
        .title('Scan findings')
        .icon(SearchIcon)
        .child(
          S.documentList()
            .title('Scan findings: undeclared cookies, drafted')
            .schemaType('cookie')
            .filter(scanFindingsFilter),
        ),
      S.documentTypeListItem('scanReport')
        .title('Scan reports')
        .icon(SearchIcon)
        .child(
          S.documentTypeList('scanReport')
            .title('Scan reports')
            .defaultOrdering([{ field: 'scannedAt', direction: 'desc' }]),
        ),
    ])
