// A published version of a policy: its dated text and an immutable snapshot of its catalog.
import { CalendarIcon } from '@sanity/icons/Calendar'
import { defineArrayMember, defineField, defineType } from 'sanity'
import { checkEffectiveDate } from '../../model/rules'
import { versionRulesQuery } from '../../queries'
import type { PolicyVersion } from '../../sanity.types'
import { bindingLanguage, documentRules, localizedFindings, publishedId } from '../legal'
import { ordering, shown, words } from '../words'
import { MATERIALITY, type Materiality } from '../../model/materiality'

const changeWord = (change: unknown) =>
  MATERIALITY.includes(change as Materiality)
    ? words(`publish.changeShort.${change as Materiality}`)
    : '?'

export const policyVersion = defineType({
  name: 'policyVersion',
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
      type: 'reference',
      to: [{ type: 'policy' }],
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'version',
      type: 'number',
      validation: (rule) => rule.required().integer().min(1),
    }),
    defineField({
      name: 'effectiveFrom',
      type: 'date',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'changeSummary',
      type: 'localeText',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'requiresNewConsent',
      type: 'boolean',
      initialValue: false,
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'consentChanges',
      type: 'array',
      of: [
        defineArrayMember({
          name: 'consentChange',
          type: 'object',
          fields: [
            defineField({ name: 'category', type: 'string' }),
            defineField({
              name: 'change',
              type: 'string',
              options: { list: [...MATERIALITY] },
            }),
            defineField({
              name: 'suggested',
              type: 'string',
              options: { list: [...MATERIALITY] },
            }),
            defineField({
              name: 'reason',
              type: 'text',
              rows: 2,
            }),
            defineField({
              name: 'whatChanged',
              type: 'localeText',
            }),
          ],
          preview: {
            select: { category: 'category', change: 'change', suggested: 'suggested' },
            prepare: ({ category, change, suggested }) => ({
              title: `${category ?? '?'}: ${changeWord(change)}`,
              subtitle:
                change !== suggested
                  ? words('preview.suggested', { change: changeWord(suggested) })
                  : undefined,
            }),
          },
        }),
      ],
      readOnly: true,
    }),
    defineField({
      name: 'title',
      type: 'localeString',
      readOnly: true,
    }),
    defineField({
      name: 'intro',
      type: 'localeBlockContent',
      readOnly: true,
    }),
    defineField({
      name: 'sections',
      type: 'array',
      of: [defineArrayMember({ type: 'policySection' })],
      readOnly: true,
    }),
    defineField({
      name: 'snapshot',
      type: 'catalogSnapshot',
      readOnly: true,
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'contentHash',
      type: 'string',
      readOnly: true,
    }),
  ],
  orderings: [
    ordering('ordering.newestFirst', {
      name: 'versionDesc',
      by: [{ field: 'version', direction: 'desc' }],
    }),
  ],
  preview: {
    select: {
      version: 'version',
      effectiveFrom: 'effectiveFrom',
      title: 'policy.title',
      binding: 'policy.bindingLanguage',
      consent: 'requiresNewConsent',
    },
    prepare: ({ version, effectiveFrom, title, binding, consent }) => ({
      title: words('preview.version', {
        version: version ?? '?',
        title: shown(title, binding) || words('type.policy'),
      }),
      subtitle: [
        // The policy's own time zone decides the day; a day's difference is no matter in a list.
        typeof effectiveFrom === 'string' && effectiveFrom > new Date().toISOString().slice(0, 10)
          ? words('preview.upcoming', { date: effectiveFrom })
          : words('preview.effective', { date: effectiveFrom ?? '?' }),
        consent ? words('preview.asksAgain') : null,
      ]
        .filter(Boolean)
        .join(' · '),
    }),
  },
})
