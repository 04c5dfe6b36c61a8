// A published version of a policy: its dated text and an immutable snapshot of its catalog.
import { CalendarIcon } from '@sanity/icons/Calendar'
import { defineArrayMember, defineField, defineType } from 'sanity'
import { anyText } from '../../model/localized'
import { checkEffectiveDate } from '../../model/rules'
import { versionRulesQuery } from '../../queries'
import type { PolicyVersion } from '../../sanity.types'
import { bindingLanguage, documentRules, localizedFindings, publishedId } from '../legal'

export const policyVersion = defineType({
  name: 'policyVersion',
  title: 'Policy version',
  type: 'document',
  icon: CalendarIcon,
  // Published versions are what visitors were told: shown, never edited. Publish a new version instead.
  readOnly: true,
  // One query: the policy's binding language, and the version before this one for the date.
  validation: documentRules<PolicyVersion>(async (version, fetch) => {
    const policyId = version.policy?._ref
    if (!policyId) return []
    const id = publishedId(version._id)
    const facts = await fetch(versionRulesQuery, {
      policyId,
      version: version.version ?? 0,
      ids: [id, `drafts.${id}`],
    })
    return [
      ...checkEffectiveDate(version.effectiveFrom, facts.previous).map((result) => ({
        ...result,
        path: ['effectiveFrom'],
      })),
      ...localizedFindings(version, bindingLanguage(facts.bindingLanguage)),
    ]
  }),
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
        'The day the version takes effect, at midnight in the policy’s time zone. A later date schedules it: it shows as upcoming until then.',
      validation: (rule) => rule.required(),
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
        'On when any category’s consent changed materially (see “Consent, category by category”): banners that only know one revision for the whole policy ask every visitor again.',
      initialValue: false,
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'consentChanges',
      title: 'Consent, category by category',
      type: 'array',
      description:
        'For each category a visitor may refuse: whether this version changed what visitors agreed to. The banner asks again only about the categories changed materially, with the line “what changed”.',
      of: [
        defineArrayMember({
          name: 'consentChange',
          type: 'object',
          fields: [
            defineField({ name: 'category', title: 'Category', type: 'string' }),
            defineField({
              name: 'change',
              title: 'Change',
              type: 'string',
              options: { list: ['none', 'editorial', 'material'] },
            }),
            defineField({
              name: 'suggested',
              title: 'Suggested from the differences',
              type: 'string',
              options: { list: ['none', 'editorial', 'material'] },
            }),
            defineField({
              name: 'reason',
              title: 'Why the editor chose otherwise',
              type: 'text',
              rows: 2,
            }),
            defineField({
              name: 'whatChanged',
              title: 'What changed, for visitors',
              type: 'localeText',
            }),
          ],
          preview: {
            select: { category: 'category', change: 'change', suggested: 'suggested' },
            prepare: ({ category, change, suggested }) => ({
              title: `${category ?? '?'}: ${change ?? '?'}`,
              subtitle: change !== suggested ? `suggested: ${suggested ?? '?'}` : undefined,
            }),
          },
        }),
      ],
      readOnly: true,
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
    defineField({
      name: 'contentHash',
      title: 'Content hash',
      type: 'string',
      description:
        'SHA-256 of what this version says, computed when it was published. The site refuses to show a version whose content no longer matches it.',
      readOnly: true,
    }),
  ],
  orderings: [
    { title: 'Newest first', name: 'versionDesc', by: [{ field: 'version', direction: 'desc' }] },
  ],
  preview: {
    select: {
      version: 'version',
      effectiveFrom: 'effectiveFrom',
      title: 'policy.title',
      consent: 'requiresNewConsent',
    },
    prepare: ({ version, effectiveFrom, title, consent }) => ({
      title: `Version ${version ?? '?'} · ${anyText(title) || 'Policy'}`,
      subtitle: [
        // The policy's own time zone decides the day; a day's difference is no matter in a list.
        typeof effectiveFrom === 'string' && effectiveFrom > new Date().toISOString().slice(0, 10)
          ? `upcoming, from ${effectiveFrom}`
          : `effective ${effectiveFrom ?? '?'}`,
        consent ? 'asks consent again' : null,
      ]
        .filter(Boolean)
        .join(' · '),
    }),
  },
})
