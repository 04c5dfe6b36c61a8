// A company that sets cookies on the site (the publisher itself, or a third party such as a payment provider).
import { UsersIcon } from '@sanity/icons/Users'
import { defineField, defineType } from 'sanity'
import { everyLanguage, words } from '../words'

export const provider = defineType({
  name: 'provider',
  type: 'document',
  icon: UsersIcon,
  fields: [
    defineField({
      name: 'name',
      type: 'string',
      validation: (rule) => rule.required().min(1),
    }),
    defineField({
      name: 'privacyPolicyUrl',
      type: 'url',
      validation: (rule) => rule.uri({ scheme: ['https'] }).error(everyLanguage('valid.https')),
    }),
    defineField({
      name: 'country',
      type: 'string',
      validation: (rule) => rule.regex(/^[A-Z]{2}$/).error(everyLanguage('valid.country')),
    }),
  ],
  preview: {
    select: { title: 'name', country: 'country' },
    prepare: ({ title, country }) => ({
      title: title ?? words('preview.unnamedProvider'),
      subtitle: country ?? undefined,
    }),
  },
})
