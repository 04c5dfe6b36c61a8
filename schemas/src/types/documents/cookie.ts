// One row of the cookie catalog: a cookie name, a name pattern (_ga_*) or a whole domain (.stripe.com).
import { DatabaseIcon } from '@sanity/icons/Database'
import { defineArrayMember, defineField, defineType } from 'sanity'
import { cookieKind, splitCookieNames } from '../../model/cookieNames'
import { anyText } from '../../model/localized'
import { retentionLabel } from '../../model/retention'
import {
  checkCookieName,
  checkCookieRetention,
  checkRetentionOrLink,
  checkTrackerLabelledEssential,
  type RuleResult,
} from '../../model/rules'
import { cookieRulesQuery, type RunQuery } from '../../queries'
import type { Cookie } from '../../sanity.types'
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
            message: `The catalog already lists ${clash.name}: a name appears once per policy.`,
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
  title: 'Cookie',
  type: 'document',
  icon: DatabaseIcon,
  validation: documentRules(cookieFindings),
  fields: [
    defineField({
      name: 'name',
      title: 'Name or domain',
      type: 'string',
      description:
        'As printed in the policy: a cookie name (im_lang), a pattern with * (_ga_*), a domain starting with a dot (.stripe.com), or several names separated by " / ".',
      validation: (rule) =>
        rule
          .required()
          .error(
            'Give the cookie’s name (or a pattern such as _ga_*, or a domain such as .stripe.com).',
          ),
    }),
    defineField({
      name: 'names',
      title: 'Every name',
      type: 'array',
      of: [defineArrayMember({ type: 'string' })],
      description:
        'The individual names the row covers, filled in from the name above when it lists several.',
      readOnly: true,
      initialValue: [],
    }),
    defineField({
      name: 'category',
      title: 'Category',
      type: 'reference',
      to: [{ type: 'cookieCategory' }],
      description: 'The purpose the cookie serves; visitors accept or refuse categories.',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'provider',
      title: 'Provider',
      type: 'reference',
      to: [{ type: 'provider' }],
      description: 'The company that sets the cookie.',
    }),
    defineField({
      name: 'type',
      title: 'Type',
      type: 'localeString',
      description: 'The short label printed in the "Type" column ("Fonctionnement", "Analytique").',
    }),
    defineField({
      name: 'purpose',
      title: 'Purpose',
      type: 'localeText',
      description: 'What the cookie is used for, in words a visitor understands.',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'retention',
      title: 'Retention period',
      type: 'retention',
      description:
        'How long the cookie stays on the visitor’s device. CNIL: at most 13 months for a cookie that needs consent.',
    }),
    defineField({
      name: 'moreInfoUrl',
      title: 'More information',
      type: 'url',
      description:
        'A page that says more about the cookie (the provider’s policy). Required when the retention is unknown.',
      validation: (rule) => rule.uri({ scheme: ['https'] }).error('Use an https:// address.'),
    }),
    defineField({
      name: 'scan',
      title: 'Found by a scan',
      type: 'object',
      description:
        'This cookie was found on the sites by the scanner, undeclared, and drafted from the Open Cookie Database’s suggestion: check every field before publishing it.',
      readOnly: true,
      hidden: ({ value }) => !value,
      fields: [
        // Weak: a report may be removed once its findings are dealt with.
        defineField({
          name: 'report',
          title: 'Scan report',
          type: 'reference',
          to: [{ type: 'scanReport' }],
          weak: true,
        }),
        defineField({ name: 'seenOn', title: 'First seen on', type: 'string' }),
        defineField({ name: 'phase', title: 'Phase', type: 'string' }),
        defineField({ name: 'suggestedBy', title: 'Suggested by', type: 'string' }),
      ],
    }),
    defineField({
      name: 'order',
      title: 'Order',
      type: 'number',
      description: 'Where the cookie appears in its category’s table (1 first).',
      validation: (rule) => rule.required().integer().min(1),
    }),
  ],
  orderings: [{ title: 'Policy order', name: 'order', by: [{ field: 'order', direction: 'asc' }] }],
  preview: {
    select: { name: 'name', category: 'category.title', retention: 'retention' },
    prepare: ({ name, category, retention }) => {
      const names = typeof name === 'string' ? splitCookieNames(name) : []
      const kind = names[0] ? cookieKind(names[0]) : 'name'
      return {
        title: name ?? 'Unnamed cookie',
        subtitle: [
          anyText(category) || 'No category',
          retentionLabel(retention, 'en') ?? 'retention unknown',
          kind === 'name' ? null : kind,
        ]
          .filter(Boolean)
          .join(' · '),
      }
    },
  },
})
