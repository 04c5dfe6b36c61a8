// A published policy (the cookie policy; a privacy policy would be another document of this type).
import { DocumentsIcon } from '@sanity/icons/Documents'
import { defineArrayMember, defineField, defineType } from 'sanity'
import { DEFAULT_BINDING_LANGUAGE, LANGUAGES, languageName } from '../../languages'
import { everyLanguage, shown, words } from '../words'
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../model/dates'
import { anyText } from '../../model/localized'
import type { Policy } from '../../sanity.types'
import { otherDefaultPoliciesQuery } from '../../queries'
import { bindingLanguage, documentRules, localizedFindings, publishedId } from '../legal'

export const policy = defineType({
  name: 'policy',
  type: 'document',
  icon: DocumentsIcon,
  // Every text is required in the binding language, the others advised; one default policy at most.
  validation: documentRules<Policy>(async (policy, fetch) => {
    const id = publishedId(policy._id)
    const others = policy.isDefault
      ? await fetch(otherDefaultPoliciesQuery, { ids: [id, `drafts.${id}`] })
      : []
    return [
      ...others.map((other) => ({
        level: 'error' as const,
        path: ['isDefault'],
        key: 'rule.defaultTaken' as const,
        values: { slug: other.slug ?? '?' },
      })),
      ...localizedFindings(policy, bindingLanguage(policy.bindingLanguage)),
    ]
  }),
  fields: [
    defineField({
      name: 'title',
      type: 'localeString',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'slug',
      type: 'slug',
      options: { source: (document) => anyText(document.title), maxLength: 64 },
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'bindingLanguage',
      type: 'string',
      options: {
        list: LANGUAGES.map((lang) => ({ title: languageName(lang), value: lang })),
        layout: 'radio',
        direction: 'horizontal',
      },
      initialValue: DEFAULT_BINDING_LANGUAGE,
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'timeZone',
      type: 'string',
      initialValue: DEFAULT_TIME_ZONE,
      validation: (rule) =>
        rule.custom((value) =>
          value === undefined || isTimeZone(value)
            ? true
            : everyLanguage('valid.timeZone', { value: String(value) }),
        ),
    }),
    defineField({
      name: 'isDefault',
      type: 'boolean',
      initialValue: false,
    }),
    defineField({
      name: 'publisher',
      type: 'string',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'siteUrl',
      type: 'url',
      validation: (rule) => rule.uri({ scheme: ['https'] }).error(everyLanguage('valid.https')),
    }),
    defineField({
      name: 'intro',
      type: 'localeBlockContent',
    }),
    defineField({
      name: 'sections',
      type: 'array',
      of: [defineArrayMember({ type: 'policySection' })],
    }),
  ],
  preview: {
    select: { title: 'title', binding: 'bindingLanguage', slug: 'slug.current' },
    prepare: ({ title, binding, slug }) => ({
      title: shown(title, binding) || words('preview.untitledPolicy'),
      subtitle: slug ? `/${slug}` : words('preview.noAddress'),
    }),
  },
})
