// A purpose visitors consent to (or not) as a whole: strictly necessary, analytics, ...
import { TagIcon } from '@sanity/icons/Tag'
import { defineArrayMember, defineField, defineType } from 'sanity'
import { CONSENT_MODE_SIGNALS } from '../../consentModes'
import { categoryRulesQuery } from '../../queries'
import type { CookieCategory } from '../../sanity.types'
import { bindingLanguage, documentRules, localizedFindings } from '../legal'
import { everyLanguage, ordering, shown, words } from '../words'

export const cookieCategory = defineType({
  name: 'cookieCategory',
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
      type: 'reference',
      to: [{ type: 'policy' }],
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'title',
      type: 'localeString',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'key',
      type: 'string',
      validation: (rule) =>
        rule
          .required()
          .regex(/^[a-z][a-z0-9_-]*$/)
          .error(everyLanguage('valid.key')),
    }),
    defineField({
      name: 'description',
      type: 'localeText',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'required',
      type: 'boolean',
      initialValue: false,
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'order',
      type: 'number',
      validation: (rule) => rule.required().integer().min(1),
    }),
    defineField({
      name: 'consentModes',
      type: 'array',
      of: [defineArrayMember({ type: 'string' })],
      options: { list: [...CONSENT_MODE_SIGNALS], layout: 'grid' },
      validation: (rule) => rule.unique(),
    }),
  ],
  orderings: [
    ordering('ordering.policyOrder', { name: 'order', by: [{ field: 'order', direction: 'asc' }] }),
  ],
  preview: {
    select: {
      title: 'title',
      binding: 'policy.bindingLanguage',
      key: 'key',
      required: 'required',
    },
    prepare: ({ title, binding, key, required }) => ({
      title: shown(title, binding) || key || words('preview.untitledCategory'),
      subtitle: `${key ?? '?'}${required ? ` · ${words('preview.strictlyNecessary')}` : ''}`,
    }),
  },
})
