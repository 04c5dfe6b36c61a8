// How long a cookie lives: the session, a duration, or unknown (then the cookie needs a more-info link).
import { ClockIcon } from '@sanity/icons/Clock'
import { defineField, defineType } from 'sanity'
import { RETENTION_UNITS, retentionLabel } from '../../model/retention'

export const retention = defineType({
  name: 'retention',
  title: 'Retention period',
  type: 'object',
  icon: ClockIcon,
  options: { columns: 3 },
  fields: [
    defineField({
      name: 'kind',
      title: 'Kind',
      type: 'string',
      description:
        'Session: deleted when the browser closes. Duration: kept for a set time. Unknown: the provider does not say; give a more-info link on the cookie.',
      options: {
        list: [
          { title: 'Session', value: 'session' },
          { title: 'Duration', value: 'duration' },
          { title: 'Unknown', value: 'unknown' },
        ],
        layout: 'radio',
        direction: 'horizontal',
      },
      initialValue: 'duration',
      // A cookie's legal checks (13 months, ...) are its document's rule: see documents/cookie.ts.
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'amount',
      title: 'Amount',
      type: 'number',
      description: 'How many units the cookie is kept, for example 13 (months).',
      hidden: ({ parent }) => parent?.kind !== 'duration',
      validation: (rule) =>
        rule.custom((value, context) => {
          const parent = context.parent as { kind?: string } | undefined
          if (parent?.kind !== 'duration') return true
          if (typeof value !== 'number') return 'Give the number of units the cookie is kept.'
          if (!Number.isInteger(value) || value < 1)
            return 'The amount must be a whole number of at least 1.'
          return true
        }),
    }),
    defineField({
      name: 'unit',
      title: 'Unit',
      type: 'string',
      description: 'The unit of the amount.',
      options: { list: RETENTION_UNITS.map((unit) => ({ title: unit, value: unit })) },
      hidden: ({ parent }) => parent?.kind !== 'duration',
      validation: (rule) =>
        rule.custom((value, context) => {
          const parent = context.parent as { kind?: string } | undefined
          if (parent?.kind === 'duration' && !value) return 'Choose the unit (days, months, ...).'
          return true
        }),
    }),
  ],
  preview: {
    select: { kind: 'kind', amount: 'amount', unit: 'unit' },
    prepare: (value) => ({
      title: retentionLabel(value as Parameters<typeof retentionLabel>[0], 'en') ?? 'Unknown',
    }),
  },
})
