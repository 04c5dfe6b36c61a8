// The catalog frozen into a published version: what visitors were told, copied, never referenced.
import { ArchiveIcon } from '@sanity/icons/Archive'
import { defineArrayMember, defineField, defineType } from 'sanity'
import { CONSENT_MODE_SIGNALS } from '../../consentModes'
import { shown, words } from '../words'

export const snapshotProvider = defineType({
  name: 'snapshotProvider',
  type: 'object',
  readOnly: true,
  fields: [
    defineField({
      name: 'name',
      type: 'string',
    }),
    defineField({
      name: 'privacyPolicyUrl',
      type: 'url',
    }),
    defineField({
      name: 'country',
      type: 'string',
    }),
  ],
})

export const snapshotCookie = defineType({
  name: 'snapshotCookie',
  type: 'object',
  readOnly: true,
  fields: [
    defineField({
      name: 'cookieId',
      type: 'string',
    }),
    defineField({
      name: 'name',
      type: 'string',
    }),
    defineField({
      name: 'names',
      type: 'array',
      of: [defineArrayMember({ type: 'string' })],
    }),
    defineField({
      name: 'kind',
      type: 'string',
    }),
    defineField({
      name: 'provider',
      type: 'snapshotProvider',
    }),
    defineField({
      name: 'type',
      type: 'localeString',
    }),
    defineField({
      name: 'purpose',
      type: 'localeText',
    }),
    defineField({
      name: 'retention',
      type: 'retention',
    }),
    defineField({
      name: 'moreInfoUrl',
      type: 'url',
    }),
  ],
  preview: {
    select: { title: 'name', type: 'type' },
    // A snapshot does not say its binding language: the Studio's language, else any text.
    prepare: ({ title, type }) => ({
      title: title ?? words('type.cookie'),
      subtitle: shown(type, null),
    }),
  },
})

export const snapshotCategory = defineType({
  name: 'snapshotCategory',
  type: 'object',
  readOnly: true,
  fields: [
    defineField({
      name: 'key',
      type: 'string',
    }),
    defineField({
      name: 'title',
      type: 'localeString',
    }),
    defineField({
      name: 'description',
      type: 'localeText',
    }),
    defineField({
      name: 'required',
      type: 'boolean',
    }),
    defineField({
      name: 'consentModes',
      type: 'array',
      of: [defineArrayMember({ type: 'string', options: { list: [...CONSENT_MODE_SIGNALS] } })],
    }),
    defineField({
      name: 'cookies',
      type: 'array',
      of: [defineArrayMember({ type: 'snapshotCookie' })],
    }),
  ],
  preview: {
    select: { title: 'title', key: 'key' },
    prepare: ({ title, key }) => ({
      title: shown(title, null) || key || words('consentChange.category'),
      subtitle: key,
    }),
  },
})

export const catalogSnapshot = defineType({
  name: 'catalogSnapshot',
  type: 'object',
  icon: ArchiveIcon,
  readOnly: true,
  fields: [
    defineField({
      name: 'categories',
      type: 'array',
      of: [defineArrayMember({ type: 'snapshotCategory' })],
    }),
  ],
})
