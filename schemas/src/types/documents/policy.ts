// A published policy (the cookie policy; a privacy policy would be another document of this type).
import { DocumentsIcon } from '@sanity/icons'
import { defineArrayMember, defineField, defineType } from 'sanity'

export const policy = defineType({
  name: 'policy',
  title: 'Policy',
  type: 'document',
  icon: DocumentsIcon,
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
      options: { source: 'title.fr', maxLength: 64 },
      validation: (rule) => rule.required(),
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
    select: { title: 'title.fr', slug: 'slug.current' },
    prepare: ({ title, slug }) => ({
      title: title ?? 'Untitled policy',
      subtitle: slug ? `/${slug}` : 'no address yet',
    }),
  },
})
