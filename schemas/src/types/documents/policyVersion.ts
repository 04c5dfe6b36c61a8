// A published version of a policy: its dated text and an immutable snapshot of its catalog.
import { CalendarIcon } from '@sanity/icons'
import { defineArrayMember, defineField, defineType } from 'sanity'
import { todayInParis } from '../../model/dates'
import { checkEffectiveDate } from '../../model/rules'
import { errorsOf, lookup, publishedId } from '../legal'

export const policyVersion = defineType({
  name: 'policyVersion',
  title: 'Policy version',
  type: 'document',
  icon: CalendarIcon,
  // Published versions are what visitors were told: shown, never edited. Publish a new version instead.
  readOnly: true,
  fields: [
    defineField({
      name: 'policy',
      title: 'Policy',
      type: 'reference',
      to: [{ type: 'policy' }],
      description: 'The policy this version belongs to.',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'version',
      title: 'Version',
      type: 'number',
      description: 'The version number: 1 for the first, then one more for each new version.',
      validation: (rule) => rule.required().integer().min(1),
    }),
    defineField({
      name: 'effectiveFrom',
      title: 'In force from',
      type: 'date',
      description:
        'The day (Paris time) the version takes effect. A later date schedules it: it shows as upcoming until then.',
      validation: (rule) => [
        rule.required(),
        errorsOf<string>(async (effectiveFrom, context) => {
          const document = context.document as
            { _id?: string; policy?: { _ref?: string }; version?: number } | undefined
          if (!document?.policy?._ref || typeof document.version !== 'number') return []
          const previous = await lookup(context).fetch<{
            version: number
            effectiveFrom: string
          } | null>(
            '*[_type == "policyVersion" && policy._ref == $policy && version < $version && _id != $id] | order(version desc)[0]{ version, effectiveFrom }',
            {
              policy: document.policy._ref,
              version: document.version,
              id: publishedId(document._id),
            },
          )
          return checkEffectiveDate(effectiveFrom, previous)
        })(rule),
      ],
    }),
    defineField({
      name: 'changeSummary',
      title: 'What changed',
      type: 'localeText',
      description: 'A short summary of the changes for visitors, shown in the version history.',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'requiresNewConsent',
      title: 'Requires new consent',
      type: 'boolean',
      description:
        'On: the banner asks every visitor again when this version takes effect (needed when a purpose or a non-essential cookie was added).',
      initialValue: false,
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'title',
      title: 'Title',
      type: 'localeString',
      description: 'The policy’s title as published in this version.',
      readOnly: true,
    }),
    defineField({
      name: 'intro',
      title: 'Introduction',
      type: 'localeBlockContent',
      description: 'The introduction as published in this version.',
      readOnly: true,
    }),
    defineField({
      name: 'sections',
      title: 'Sections',
      type: 'array',
      of: [defineArrayMember({ type: 'policySection' })],
      description: 'The text as published in this version.',
      readOnly: true,
    }),
    defineField({
      name: 'snapshot',
      title: 'Catalog as published',
      type: 'catalogSnapshot',
      description:
        'The cookie catalog frozen when this version was published. History shows what visitors were actually told.',
      readOnly: true,
      validation: (rule) => rule.required(),
    }),
  ],
  orderings: [
    { title: 'Newest first', name: 'versionDesc', by: [{ field: 'version', direction: 'desc' }] },
  ],
  preview: {
    select: {
      version: 'version',
      effectiveFrom: 'effectiveFrom',
      title: 'policy.title.fr',
      consent: 'requiresNewConsent',
    },
    prepare: ({ version, effectiveFrom, title, consent }) => ({
      title: `Version ${version ?? '?'} · ${title ?? 'Policy'}`,
      subtitle: [
        typeof effectiveFrom === 'string' && effectiveFrom > todayInParis()
          ? `upcoming, from ${effectiveFrom}`
          : `effective ${effectiveFrom ?? '?'}`,
        consent ? 'asks consent again' : null,
      ]
        .filter(Boolean)
        .join(' · '),
    }),
  },
})
