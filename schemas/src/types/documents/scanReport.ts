// What a scan of the sites found (`npm run scan-cookies -- --to-studio`, `npm run monitor`): the evidence
// of what the sites really do, beside the policy version in force when they were scanned. Written by the
// scanner, read by editors: never edited.
import { SearchIcon } from '@sanity/icons/Search'
import { defineArrayMember, defineField, defineType } from 'sanity'

export const scanReport = defineType({
  name: 'scanReport',
  title: 'Scan report',
  type: 'document',
  icon: SearchIcon,
  readOnly: true,
  fields: [
    defineField({ name: 'policy', title: 'Policy', type: 'reference', to: [{ type: 'policy' }] }),
    defineField({
      name: 'version',
      title: 'Version in force',
      type: 'number',
      description: 'The policy version the sites were checked against.',
    }),
    defineField({ name: 'scannedAt', title: 'Scanned at', type: 'datetime' }),
    defineField({
      name: 'urls',
      title: 'Pages scanned',
      type: 'array',
      of: [defineArrayMember({ type: 'string' })],
    }),
    defineField({
      name: 'phases',
      title: 'Phases',
      type: 'array',
      description:
        'before (no choice), reject, accept, only:<category>, withdraw, gpc (Global Privacy Control)',
      of: [defineArrayMember({ type: 'string' })],
    }),
    defineField({ name: 'rejectHonoured', title: 'Reject honoured', type: 'boolean' }),
    defineField({ name: 'gpcHonoured', title: 'GPC honoured', type: 'boolean' }),
    defineField({ name: 'withdrawalHonoured', title: 'Withdrawal honoured', type: 'boolean' }),
    defineField({ name: 'nothingUndeclared', title: 'Nothing undeclared', type: 'boolean' }),
    defineField({
      name: 'findings',
      title: 'What to fix',
      type: 'array',
      of: [
        defineArrayMember({
          name: 'scanFinding',
          type: 'object',
          fields: [
            defineField({ name: 'kind', title: 'Kind', type: 'string' }),
            defineField({ name: 'name', title: 'Cookie, key or host', type: 'string' }),
            defineField({ name: 'domain', title: 'Domain', type: 'string' }),
            defineField({ name: 'phase', title: 'Phase', type: 'string' }),
            defineField({ name: 'reason', title: 'What to fix', type: 'text', rows: 2 }),
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
    { title: 'Newest first', name: 'scannedDesc', by: [{ field: 'scannedAt', direction: 'desc' }] },
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
      title: `Scan of ${typeof scannedAt === 'string' ? scannedAt.slice(0, 16).replace('T', ' ') : '?'} · version ${version ?? '?'}`,
      subtitle: [
        reject ? 'reject honoured' : 'reject NOT honoured',
        gpc ? 'GPC honoured' : 'GPC NOT honoured',
        undeclared ? 'nothing undeclared' : 'undeclared cookies',
      ].join(' · '),
    }),
  },
})
