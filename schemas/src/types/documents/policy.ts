// A published policy (the cookie policy; a privacy policy would be another document of this type).
import { DocumentsIcon } from '@sanity/icons/Documents'
import { defineArrayMember, defineField, defineType } from 'sanity'
import { DEFAULT_BINDING_LANGUAGE, LANGUAGES, languageName } from '../../languages'
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../model/dates'
import { anyText } from '../../model/localized'
import type { Policy } from '../../sanity.types'
import { otherDefaultPoliciesQuery } from '../../queries'
import { bindingLanguage, documentRules, localizedFindings, publishedId } from '../legal'

export const policy = defineType({
  name: 'policy',
  title: 'Policy',
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
        message: `The policy "${other.slug}" is already the default: one policy only can be.`,
      })),
      ...localizedFindings(policy, bindingLanguage(policy.bindingLanguage)),
    ]
  }),
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'localeString',
      description: 'The policy’s title as visitors read it.',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'slug',
      title: 'Address',
      type: 'slug',
      description:
        'The last part of the policy’s web address, for example "cookies" for /fr/cookies.',
      options: { source: (document) => anyText(document.title), maxLength: 64 },
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'bindingLanguage',
      title: 'Binding language',
      type: 'string',
      description:
        'The language whose text is legally binding. Its text is required everywhere; the other languages are translations, shown with a note where they are missing.',
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
      title: 'Time zone',
      type: 'string',
      description:
        'A version takes effect at midnight in this time zone on its effective date (for example Europe/Paris, Europe/London).',
      initialValue: DEFAULT_TIME_ZONE,
      validation: (rule) =>
        rule.custom((value) =>
          value === undefined || isTimeZone(value)
            ? true
            : `"${value}" is not a time zone: write it like Europe/Paris.`,
        ),
    }),
    defineField({
      name: 'isDefault',
      title: 'Default policy',
      type: 'boolean',
      description:
        'On: the site’s home page, the banner and the catalog without a policy parameter use this policy. Needed only when there is more than one policy.',
      initialValue: false,
    }),
    defineField({
      name: 'publisher',
      title: 'Publisher',
      type: 'string',
      description: 'The company responsible for the site and this policy (the data controller).',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'siteUrl',
      title: 'Site',
      type: 'url',
      description: 'The site this policy covers.',
      validation: (rule) => rule.uri({ scheme: ['https'] }).error('Use an https:// address.'),
    }),
    defineField({
      name: 'intro',
      title: 'Introduction',
      type: 'localeBlockContent',
      description:
        'The paragraphs before the first numbered section. Edit here, then publish a new version.',
    }),
    defineField({
      name: 'sections',
      title: 'Sections',
      type: 'array',
      of: [defineArrayMember({ type: 'policySection' })],
      description:
        'The numbered sections of the policy text. Edit here, then publish a new version.',
    }),
  ],
  preview: {
    select: { title: 'title', slug: 'slug.current' },
    prepare: ({ title, slug }) => ({
      title: anyText(title) || 'Untitled policy',
      subtitle: slug ? `/${slug}` : 'no address yet',
    }),
  },
})
