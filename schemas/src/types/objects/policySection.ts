// A numbered section of the policy's prose ("1. What is a cookie?", "2.1. Necessary cookies").
import { DocumentTextIcon } from '@sanity/icons/DocumentText'
import { defineField, defineType } from 'sanity'
import { everyLanguage, shown, words } from '../words'

export const policySection = defineType({
  name: 'policySection',
  type: 'object',
  icon: DocumentTextIcon,
  fields: [
    defineField({
      name: 'number',
      type: 'string',
      validation: (rule) =>
        rule
          .required()
          .regex(/^\d+(\.\d+)?$/, { name: 'section number', invert: false })
          .error(everyLanguage('valid.sectionNumber')),
    }),
    defineField({
      name: 'heading',
      type: 'localeString',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'body',
      type: 'localeBlockContent',
    }),
    defineField({
      name: 'categoryKey',
      type: 'string',
      validation: (rule) => rule.regex(/^[a-z][a-z0-9_-]*$/).error(everyLanguage('valid.key')),
    }),
  ],
  preview: {
    select: { number: 'number', heading: 'heading' },
    prepare: ({ number, heading }) => ({
      title: `${number ?? '?'}. ${shown(heading, null) || words('preview.untitledSection')}`,
    }),
  },
})
