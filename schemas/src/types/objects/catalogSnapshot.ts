// The catalog frozen into a published version: what visitors were told, copied, never referenced.
import { ArchiveIcon } from '@sanity/icons/Archive'
import { defineArrayMember, defineField, defineType } from 'sanity'
import { CONSENT_MODE_SIGNALS } from '../../consentModes'
import { anyText } from '../../model/localized'

export const snapshotProvider = defineType({
  name: 'snapshotProvider',
  title: 'Provider (as published)',
  type: 'object',
  readOnly: true,
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      type: 'string',
      description: 'The company that sets the cookie.',
    }),
    defineField({
      name: 'privacyPolicyUrl',
      title: 'Privacy policy',
      type: 'url',
      description: 'The provider’s privacy policy.',
    }),
    defineField({
      name: 'country',
      title: 'Country',
      type: 'string',
      description: 'Where the provider is established.',
    }),
  ],
})

export const snapshotCookie = defineType({
  name: 'snapshotCookie',
  title: 'Cookie (as published)',
  type: 'object',
  readOnly: true,
  fields: [
    defineField({
      name: 'cookieId',
      title: 'Catalog entry',
      type: 'string',
      description: 'The id of the catalog entry this row was copied from.',
    }),
    defineField({
      name: 'name',
      title: 'Name or domain',
      type: 'string',
      description: 'As printed in the policy.',
    }),
    defineField({
      name: 'names',
      title: 'Names',
      type: 'array',
      of: [defineArrayMember({ type: 'string' })],
      description: 'Every name the row covers.',
    }),
    defineField({
      name: 'kind',
      title: 'Kind',
      type: 'string',
      description: 'name, pattern or domain.',
    }),
    defineField({
      name: 'provider',
      title: 'Provider',
      type: 'snapshotProvider',
      description: 'Who sets the cookie.',
    }),
    defineField({
      name: 'type',
      title: 'Type',
      type: 'localeString',
      description: 'The type label printed in the policy.',
    }),
    defineField({
      name: 'purpose',
      title: 'Purpose',
      type: 'localeText',
      description: 'What the cookie is for.',
    }),
    defineField({
      name: 'retention',
      title: 'Retention',
      type: 'retention',
      description: 'How long the cookie lives.',
    }),
    defineField({
      name: 'moreInfoUrl',
      title: 'More information',
      type: 'url',
      description: 'Where to learn more.',
    }),
  ],
  preview: {
    select: { title: 'name', type: 'type' },
    prepare: ({ title, type }) => ({ title: title ?? 'Cookie', subtitle: anyText(type) }),
  },
})

export const snapshotCategory = defineType({
  name: 'snapshotCategory',
  title: 'Category (as published)',
  type: 'object',
  readOnly: true,
  fields: [
    defineField({
      name: 'key',
      title: 'Key',
      type: 'string',
      description: 'The stable key of the category.',
    }),
    defineField({
      name: 'title',
      title: 'Title',
      type: 'localeString',
      description: 'As printed in the policy.',
    }),
    defineField({
      name: 'description',
      title: 'Description',
      type: 'localeText',
      description: 'As printed in the policy.',
    }),
    defineField({
      name: 'required',
      title: 'Strictly necessary',
      type: 'boolean',
      description: 'Whether visitors could refuse it.',
    }),
    defineField({
      name: 'consentModes',
      title: 'Consent Mode signals',
      type: 'array',
      of: [defineArrayMember({ type: 'string', options: { list: [...CONSENT_MODE_SIGNALS] } })],
      description: 'Google Consent Mode v2 signals the category controlled.',
    }),
    defineField({
      name: 'cookies',
      title: 'Cookies',
      type: 'array',
      of: [defineArrayMember({ type: 'snapshotCookie' })],
      description: 'The cookies of the category, in the published order.',
    }),
  ],
  preview: {
    select: { title: 'title', key: 'key' },
    prepare: ({ title, key }) => ({ title: anyText(title) || key || 'Category', subtitle: key }),
  },
})

export const catalogSnapshot = defineType({
  name: 'catalogSnapshot',
  title: 'Catalog as published',
  type: 'object',
  icon: ArchiveIcon,
  readOnly: true,
  fields: [
    defineField({
      name: 'categories',
      title: 'Categories',
      type: 'array',
      of: [defineArrayMember({ type: 'snapshotCategory' })],
      description: 'The categories and cookies exactly as this version published them.',
    }),
  ],
})
