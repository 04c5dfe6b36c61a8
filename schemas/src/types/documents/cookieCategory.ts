// A purpose visitors consent to (or not) as a whole: strictly necessary, analytics, ...
import { TagIcon } from '@sanity/icons/Tag'
import { defineArrayMember, defineField, defineType } from 'sanity'
import { CONSENT_MODE_SIGNALS } from '../../consentModes'
import { anyText } from '../../model/localized'
import { categoryRulesQuery } from '../../queries'
import type { CookieCategory } from '../../sanity.types'
import { bindingLanguage, documentRules, localizedFindings } from '../legal'

export const cookieCategory = defineType({
  name: 'cookieCategory',
  title: 'Cookie category',
  type: 'document',
  icon: TagIcon,
  // Its texts are required in its policy's binding language (one query for the language).
  validation: documentRules<CookieCategory>(async (category, fetch) => {
    const policyId = category.policy?._ref
    const policy = policyId ? await fetch(categoryRulesQuery, { policyId }) : null
    return localizedFindings(category, bindingLanguage(policy?.bindingLanguage))
  }),
  fields: [
    defineField({
      name: 'policy',
      title: 'Policy',
      type: 'reference',
      to: [{ type: 'policy' }],
      description: 'The policy whose catalog this category belongs to.',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'title',
      title: 'Title',
      type: 'localeString',
      description:
        'The heading visitors read, for example "Cookies d’analyse et de statistiques d’audience".',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'key',
      title: 'Key',
      type: 'string',
      description:
        'A short stable identifier used by the banner ("necessary", "analytics"). Changing it asks every visitor again.',
      validation: (rule) =>
        rule
          .required()
          .regex(/^[a-z][a-z0-9_-]*$/)
          .error('A key is lower-case letters, digits, "-" or "_", starting with a letter.'),
    }),
    defineField({
      name: 'description',
      title: 'Description',
      type: 'localeText',
      description:
        'What these cookies do for the visitor, shown before any choice (CNIL: each purpose needs a description).',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'required',
      title: 'Strictly necessary',
      type: 'boolean',
      description:
        'On: visitors cannot refuse these cookies. Only for what the service cannot work without (ePrivacy art. 5(3)).',
      initialValue: false,
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'order',
      title: 'Order',
      type: 'number',
      description: 'Where the category appears in the policy and the banner (1 first).',
      validation: (rule) => rule.required().integer().min(1),
    }),
    defineField({
      name: 'consentModes',
      title: 'Google Consent Mode signals',
      type: 'array',
      of: [defineArrayMember({ type: 'string' })],
      options: { list: [...CONSENT_MODE_SIGNALS], layout: 'grid' },
      description: 'The Consent Mode v2 signals granted when a visitor accepts this category.',
      validation: (rule) => rule.unique(),
    }),
  ],
  orderings: [{ title: 'Policy order', name: 'order', by: [{ field: 'order', direction: 'asc' }] }],
  preview: {
    select: { title: 'title', key: 'key', required: 'required' },
    prepare: ({ title, key, required }) => ({
      title: anyText(title) || key || 'Untitled category',
      subtitle: `${key ?? '?'}${required ? ' · strictly necessary' : ''}`,
    }),
  },
})
