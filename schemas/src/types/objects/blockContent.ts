// Rich text of the policy's prose: paragraphs with bold, italic and links. Defined once, used by every language.
// The editor's toolbar names its styles in the editor's language (Sanity's i18nTitleKey, our namespace).
import { LinkIcon } from '@sanity/icons/Link'
import { defineArrayMember, defineField, defineType } from 'sanity'
import { STUDIO_NAMESPACE, studioText, type StudioKey } from '../../studioWords'

const titled = <V extends string>(key: StudioKey, value: V) => ({
  title: studioText('en', key),
  i18nTitleKey: `${STUDIO_NAMESPACE}:${key}`,
  value,
})

export const blockContent = defineType({
  name: 'blockContent',
  type: 'array',
  of: [
    defineArrayMember({
      type: 'block',
      styles: [titled('block.paragraph', 'normal')],
      lists: [titled('block.bullets', 'bullet'), titled('block.numbered', 'number')],
      marks: {
        decorators: [titled('block.bold', 'strong'), titled('block.italic', 'em')],
        annotations: [
          defineArrayMember({
            name: 'link',
            type: 'object',
            icon: LinkIcon,
            fields: [
              defineField({
                name: 'href',
                type: 'url',
                validation: (rule) => rule.required().uri({ scheme: ['https', 'mailto'] }),
              }),
            ],
          }),
        ],
      },
    }),
  ],
})
