// One row of the cookie catalog: a cookie name, a name pattern (_ga_*) or a whole domain (.stripe.com).
import { DatabaseIcon } from '@sanity/icons'
import { defineArrayMember, defineField, defineType } from 'sanity'
import { cookieKind, splitCookieNames } from '../../model/cookieNames'
import { retentionLabel } from '../../model/retention'
import {
  checkCookieName,
  checkRetentionOrLink,
  checkTrackerLabelledEssential,
} from '../../model/rules'
import {
  categoryRequired,
  checkUniqueName,
  retentionChecks,
  type CookieDraft,
} from '../cookieChecks'
import { errorsOf, legal, lookup, warningsOf } from '../legal'

export const cookie = defineType({
  name: 'cookie',
  title: 'Cookie',
  type: 'document',
  icon: DatabaseIcon,
  fields: [
    defineField({
      name: 'name',
      title: 'Name or domain',
      type: 'string',
      description:
        'As printed in the policy: a cookie name (im_lang), a pattern with * (_ga_*), a domain starting with a dot (.stripe.com), or several names separated by " / ".',
      validation: (rule) => [
        rule
          .required()
          .error(
            'Give the cookie’s name (or a pattern such as _ga_*, or a domain such as .stripe.com).',
          ),
        ...legal<string>(async (name, context) => {
          const document = context.document as CookieDraft | undefined
          // The retention advice for the consent cookie is shown here: see errorsOf in ../legal.
          const retentionAdvice = (await retentionChecks(document, lookup(context).fetch)).filter(
            (result) => result.level === 'warning',
          )
          return [
            ...checkCookieName(name),
            ...(await checkUniqueName(name, document, lookup(context).fetch)),
            ...retentionAdvice,
          ]
        })(rule),
      ],
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
      validation: warningsOf<CookieDraft['type']>(async (type, context) =>
        checkTrackerLabelledEssential({
          type,
          categoryRequired: await categoryRequired(
            context.document as CookieDraft,
            lookup(context).fetch,
          ),
        }),
      ),
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
      // Checked on its "kind" (see objects/retention.ts): Sanity reports rules of object-typed fields as warnings.
    }),
    defineField({
      name: 'moreInfoUrl',
      title: 'More information',
      type: 'url',
      description:
        'A page that says more about the cookie (the provider’s policy). Required when the retention is unknown.',
      validation: (rule) => [
        rule.uri({ scheme: ['https'] }).error('Use an https:// address.'),
        errorsOf<string>((moreInfoUrl, context) =>
          checkRetentionOrLink(
            (context.document as CookieDraft | undefined)?.retention,
            moreInfoUrl,
          ),
        )(rule),
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
    select: { name: 'name', category: 'category.title.fr', retention: 'retention' },
    prepare: ({ name, category, retention }) => {
      const names = typeof name === 'string' ? splitCookieNames(name) : []
      const kind = names[0] ? cookieKind(names[0]) : 'name'
      return {
        title: name ?? 'Unnamed cookie',
        subtitle: [
          category ?? 'No category',
          retentionLabel(retention, 'en') ?? 'retention unknown',
          kind === 'name' ? null : kind,
        ]
          .filter(Boolean)
          .join(' · '),
      }
    },
  },
})
