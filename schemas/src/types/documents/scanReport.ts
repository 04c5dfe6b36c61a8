// What a scan of the sites found (`npm run scan-cookies -- --to-studio`, `npm run monitor`): the evidence
// of what the sites really do, beside the policy version in force when they were scanned. Written by the
// scanner, read by editors: never edited.
import { SearchIcon } from '@sanity/icons/Search'
import { defineArrayMember, defineField, defineType } from 'sanity'
import { ordering, words } from '../words'

export const scanReport = defineType({
  name: 'scanReport',
  type: 'document',
  icon: SearchIcon,
  readOnly: true,
  fields: [
    defineField({ name: 'policy', type: 'reference', to: [{ type: 'policy' }] }),
    defineField({
      name: 'version',
      type: 'number',
    }),
    defineField({ name: 'scannedAt', type: 'datetime' }),
    defineField({
      name: 'urls',
      type: 'array',
      of: [defineArrayMember({ type: 'string' })],
    }),
    defineField({
      name: 'phases',
      type: 'array',
      of: [defineArrayMember({ type: 'string' })],
    }),
    defineField({ name: 'rejectHonoured', type: 'boolean' }),
    defineField({ name: 'gpcHonoured', type: 'boolean' }),
    defineField({ name: 'withdrawalHonoured', type: 'boolean' }),
    defineField({ name: 'nothingUndeclared', type: 'boolean' }),
    defineField({
      name: 'findings',
      type: 'array',
      of: [
        defineArrayMember({
          name: 'scanFinding',
          type: 'object',
          fields: [
            defineField({ name: 'kind', type: 'string' }),
            defineField({ name: 'name', type: 'string' }),
            defineField({ name: 'domain', type: 'string' }),
            defineField({ name: 'phase', type: 'string' }),
            defineField({ name: 'reason', type: 'text', rows: 2 }),
          ],
          preview: {
            select: { name: 'name', kind: 'kind', phase: 'phase' },
            prepare: ({ name, kind, phase }) => ({
              title: name ?? '?',
              subtitle: [kind, phase].filter(Boolean).join(' · '),
            }),
          },
        }),
      ],
    }),
  ],
  orderings: [
    ordering('ordering.newestFirst', {
      name: 'scannedDesc',
      by: [{ field: 'scannedAt', direction: 'desc' }],
    }),
  ],
  preview: {
    select: {
      scannedAt: 'scannedAt',
      version: 'version',
      reject: 'rejectHonoured',
      gpc: 'gpcHonoured',
      undeclared: 'nothingUndeclared',
    },
    prepare: ({ scannedAt, version, reject, gpc, undeclared }) => ({
      title: words('preview.scan', {
        date: typeof scannedAt === 'string' ? scannedAt.slice(0, 16).replace('T', ' ') : '?',
        version: version ?? '?',
      }),
      subtitle: [
        words(reject ? 'preview.rejectHonoured' : 'preview.rejectNotHonoured'),
        words(gpc ? 'preview.gpcHonoured' : 'preview.gpcNotHonoured'),
        words(undeclared ? 'preview.nothingUndeclared' : 'preview.undeclared'),
      ].join(' · '),
    }),
  },
})
