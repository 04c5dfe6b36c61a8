// A numbered section of the policy's prose ("1. What is a cookie?", "2.1. Necessary cookies").
import { DocumentTextIcon } from '@sanity/icons/DocumentText'
import { defineField, defineType } from 'sanity'
import { anyText } from '../../model/localized'

export const policySection = defineType({
  name: 'policySection',
  title: 'Section',
  type: 'object',
  icon: DocumentTextIcon,
  fields: [
    defineField({
      name: 'number',
      title: 'Number',
      type: 'string',
      description: 'The section number as printed: "1" for a section, "2.1" for a sub-section.',
      validation: (rule) =>
        rule
          .required()
          .regex(/^\d+(\.\d+)?$/, { name: 'section number', invert: false })
          .error('Write the number as "1" or "2.1".'),
    }),
    defineField({
      name: 'heading',
      title: 'Heading',
      type: 'localeString',
      description: 'The heading of the section, without its number.',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'body',
      title: 'Text',
      type: 'localeBlockContent',
      description: 'The paragraphs of the section.',
    }),
    defineField({
      name: 'categoryKey',
      title: 'Cookie category shown here',
      type: 'string',
      description:
        'The key of the cookie category whose table appears at the end of this section (for example "necessary"). Leave empty for prose only.',
      validation: (rule) =>
        rule.regex(/^[a-z][a-z0-9_-]*$/).error('A key is lower-case letters, digits, "-" or "_".'),
    }),
  ],
  preview: {
    select: { number: 'number', heading: 'heading' },
    prepare: ({ number, heading }) => ({
      title: `${number ?? '?'}. ${anyText(heading) || 'Untitled section'}`,
    }),
  },
})
