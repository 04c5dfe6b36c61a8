// One row of the cookie catalog: a cookie name, a name pattern (_ga_*) or a whole domain (.stripe.com).
import { DatabaseIcon } from '@sanity/icons/Database'
import { defineArrayMember, defineField, defineType } from 'sanity'
import { cookieKind, splitCookieNames } from '../../model/cookieNames'
import { retentionLabel } from '../../model/retention'
import { studioLanguage } from '../../studioWords'
import {
  checkCookieName,
  checkCookieRetention,
  checkRetentionOrLink,
  checkTrackerLabelledEssential,
  type RuleResult,
} from '../../model/rules'
import { cookieRulesQuery, type RunQuery } from '../../queries'
import type { Cookie } from '../../sanity.types'
import { everyLanguage, ordering, shown, words } from '../words'
import {
  bindingLanguage,
  documentRules,
  localizedFindings,
  publishedId,
  type Finding,
} from '../legal'

const at = (path: Finding['path'], results: RuleResult[]): Finding[] =>
  results.map((result) => ({ ...result, path }))

/** Every rule of a cookie, from one query: its category, its policy's language, the policy's other names. */
async function cookieFindings(cookie: Partial<Cookie>, fetch: RunQuery): Promise<Finding[]> {
  const id = publishedId(cookie._id)
  const categoryId = cookie.category?._ref
  const facts = categoryId
    ? await fetch(cookieRulesQuery, { categoryId, ids: [id, `drafts.${id}`] })
    : null
  const categoryRequired = facts?.category?.required ?? null
  const names = cookie.names?.length ? cookie.names : splitCookieNames(cookie.name ?? '')
  const retention = checkCookieRetention({
    names,
    retention: cookie.retention,
    moreInfoUrl: cookie.moreInfoUrl,
    type: cookie.type,
    categoryRequired,
  })
  // The name as edited now: `names` is filled in from it when the document is saved.
  const mine = new Set(splitCookieNames(cookie.name ?? ''))
  const clash = (facts?.others ?? []).find((other) =>
    (other.names?.length ? other.names : splitCookieNames(other.name)).some((name) =>
      mine.has(name),
    ),
  )
  return [
    ...at(['name'], checkCookieName(cookie.name)),
    ...(clash && cookie.name
      ? [
          {
            level: 'error' as const,
            path: ['name'],
            key: 'rule.nameTaken' as const,
            values: { name: clash.name },
          },
        ]
      : []),
    // Sanity reports an object field's markers at one level: the 13-month error sits on the retention's kind.
    ...at(
      ['retention', 'kind'],
      retention.filter((result) => result.level === 'error'),
    ),
    ...at(
      ['name'],
      retention.filter((result) => result.level === 'warning'),
    ),
    ...at(['moreInfoUrl'], checkRetentionOrLink(cookie.retention, cookie.moreInfoUrl)),
    ...at(['type'], checkTrackerLabelledEssential({ type: cookie.type, categoryRequired })),
    ...localizedFindings(cookie, bindingLanguage(facts?.category?.bindingLanguage)),
  ]
}

export const cookie = defineType({
  name: 'cookie',
  type: 'document',
  icon: DatabaseIcon,
  validation: documentRules(cookieFindings),
  fields: [
    defineField({
      name: 'name',
      type: 'string',
      validation: (rule) => rule.required().error(everyLanguage('valid.cookieNameRequired')),
    }),
    defineField({
      name: 'names',
      type: 'array',
      of: [defineArrayMember({ type: 'string' })],
      readOnly: true,
      initialValue: [],
    }),
    defineField({
      name: 'category',
      type: 'reference',
      to: [{ type: 'cookieCategory' }],
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'provider',
      type: 'reference',
      to: [{ type: 'provider' }],
    }),
    defineField({
      name: 'type',
      type: 'localeString',
    }),
    defineField({
      name: 'purpose',
      type: 'localeText',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'retention',
      type: 'retention',
    }),
    defineField({
      name: 'moreInfoUrl',
      type: 'url',
      validation: (rule) => rule.uri({ scheme: ['https'] }).error(everyLanguage('valid.https')),
    }),
    defineField({
      name: 'scan',
      type: 'object',
      readOnly: true,
      hidden: ({ value }) => !value,
      fields: [
        // Weak: a report may be removed once its findings are dealt with.
        defineField({
          name: 'report',
          type: 'reference',
          to: [{ type: 'scanReport' }],
          weak: true,
        }),
        defineField({ name: 'seenOn', type: 'string' }),
        defineField({ name: 'phase', type: 'string' }),
        defineField({ name: 'suggestedBy', type: 'string' }),
      ],
    }),
    defineField({
      name: 'order',
      type: 'number',
      validation: (rule) => rule.required().integer().min(1),
    }),
  ],
  orderings: [
    ordering('ordering.policyOrder', { name: 'order', by: [{ field: 'order', direction: 'asc' }] }),
  ],
  preview: {
    select: {
      name: 'name',
      category: 'category.title',
      binding: 'category.policy.bindingLanguage',
      retention: 'retention',
    },
    prepare: ({ name, category, binding, retention }) => {
      const names = typeof name === 'string' ? splitCookieNames(name) : []
      const kind = names[0] ? cookieKind(names[0]) : 'name'
      return {
        title: name ?? words('preview.unnamedCookie'),
        subtitle: [
          shown(category, binding) || words('preview.noCategory'),
          retentionLabel(retention, studioLanguage()) ?? words('preview.retentionUnknown'),
          kind === 'name' ? null : words(`preview.kind.${kind}`),
        ]
          .filter(Boolean)
          .join(' · '),
      }
    },
  },
})
