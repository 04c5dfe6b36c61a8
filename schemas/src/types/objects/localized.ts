// Localised fields: one object type per kind of value, French (source, binding) then English side by side.
import { TranslateIcon } from '@sanity/icons'
import { defineField, defineType, type RuleDef } from 'sanity'

type Value = { fr?: unknown; en?: unknown } | undefined

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true
  if (typeof value === 'string') return value.trim() === ''
  if (Array.isArray(value)) return value.length === 0
  return false
}

/** French is required wherever the field is filled in; a missing English translation is advice. */
function frenchRequired<R extends RuleDef<R, V>, V>(rule: R): R {
  return rule.custom((value) =>
    isEmpty(value) ? 'The French text is required: it is the binding version.' : true,
  )
}
function englishAdvised<R extends RuleDef<R, V>, V>(rule: R): R {
  return rule
    .custom((value, context) => {
      const parent = context.parent as Value
      if (!isEmpty(parent?.fr) && isEmpty(value)) {
        return 'English translation missing: visitors reading in English will see the French text with a "French version only" note.'
      }
      return true
    })
    .warning()
}

type FieldType = 'string' | 'text' | 'blockContent'

function languageField(lang: 'fr' | 'en', fieldType: FieldType) {
  const validation = lang === 'fr' ? frenchRequired : englishAdvised
  const common = {
    name: lang,
    title: lang === 'fr' ? 'Français (binding)' : 'English',
    description:
      lang === 'fr'
        ? 'The French text. It is the legally binding version.'
        : 'The English translation. Leave empty to show the French text with a note.',
  }
  switch (fieldType) {
    case 'string':
      return defineField({ ...common, type: 'string', validation })
    case 'text':
      return defineField({ ...common, type: 'text', rows: 4, validation })
    case 'blockContent':
      return defineField({ ...common, type: 'blockContent', validation })
  }
}

function localized(name: string, title: string, fieldType: FieldType) {
  return defineType({
    name,
    title,
    type: 'object',
    icon: TranslateIcon,
    options: { columns: 2 },
    fields: [languageField('fr', fieldType), languageField('en', fieldType)],
  })
}

export const localeString = localized('localeString', 'Localised text (one line)', 'string')
export const localeText = localized('localeText', 'Localised text (paragraph)', 'text')
export const localeBlockContent = localized(
  'localeBlockContent',
  'Localised rich text',
  'blockContent',
)
