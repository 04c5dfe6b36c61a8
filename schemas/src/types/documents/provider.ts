// A company that sets cookies on the site (the publisher itself, or a third party such as a payment provider).
import { UsersIcon } from '@sanity/icons/Users'
import { defineField, defineType } from 'sanity'

export const provider = defineType({
  name: 'provider',
  title: 'Provider',
  type: 'document',
  icon: UsersIcon,
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      type: 'string',
      description: 'The company’s name as visitors know it, for example "Stripe".',
      validation: (rule) => rule.required().min(1),
    }),
    defineField({
      name: 'privacyPolicyUrl',
      title: 'Privacy policy',
      type: 'url',
      description: 'The provider’s own privacy or cookie policy (https).',
      validation: (rule) => rule.uri({ scheme: ['https'] }).error('Use an https:// address.'),
    }),
    defineField({
      name: 'country',
      title: 'Country',
      type: 'string',
      description:
        'Two-letter country code where the provider is established (FR, US, ...): transfers outside the EU must be disclosed.',
      validation: (rule) =>
        rule.regex(/^[A-Z]{2}$/).error('Use a two-letter country code such as FR or US.'),
    }),
  ],
  preview: {
    select: { title: 'name', country: 'country' },
    prepare: ({ title, country }) => ({
      title: title ?? 'Unnamed provider',
      subtitle: country ?? undefined,
    }),
  },
})
