// How long a cookie lives: the session, a duration, or unknown (then the cookie needs a more-info link).
import { ClockIcon } from '@sanity/icons/Clock'
import { defineField, defineType } from 'sanity'
import { RETENTION_UNITS, retentionLabel } from '../../model/retention'
import { studioLanguage } from '../../studioWords'
import { everyLanguage, words } from '../words'

export const retention = defineType({
  name: 'retention',
  type: 'object',
  icon: ClockIcon,
  options: { columns: 3 },
  fields: [
    defineField({
      name: 'kind',
      type: 'string',
      options: {
        list: ['session', 'duration', 'unknown'],
        layout: 'radio',
        direction: 'horizontal',
      },
      initialValue: 'duration',
      // A cookie's legal checks (13 months, ...) are its document's rule: see documents/cookie.ts.
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'amount',
      type: 'number',
      hidden: ({ parent }) => parent?.kind !== 'duration',
      validation: (rule) =>
        rule.custom((value, context) => {
          const parent = context.parent as { kind?: string } | undefined
          if (parent?.kind !== 'duration') return true
          if (typeof value !== 'number') return everyLanguage('valid.amountMissing')
          if (!Number.isInteger(value) || value < 1) return everyLanguage('valid.amountWhole')
          return true
        }),
    }),
    defineField({
      name: 'unit',
      type: 'string',
      options: { list: [...RETENTION_UNITS] },
      hidden: ({ parent }) => parent?.kind !== 'duration',
      validation: (rule) =>
        rule.custom((value, context) => {
          const parent = context.parent as { kind?: string } | undefined
          if (parent?.kind === 'duration' && !value) return everyLanguage('valid.unitMissing')
          return true
        }),
    }),
  ],
  preview: {
    select: { kind: 'kind', amount: 'amount', unit: 'unit' },
    prepare: (value) => ({
      title:
        retentionLabel(value as Parameters<typeof retentionLabel>[0], studioLanguage()) ??
        words('retention.kind.unknown'),
    }),
  },
})
