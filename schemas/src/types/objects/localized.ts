// Localised fields: one object type per kind of value, a field per language of the deployment, side by side.
// Which language is required depends on the policy (its binding language): each document type checks its
// localised fields in one document-level rule (see ../legal.ts), not here.
import { TranslateIcon } from '@sanity/icons/Translate'
import { defineField, defineType } from 'sanity'
import { LANGUAGES, languageName, type Lang } from '../../languages'

type FieldType = 'string' | 'text' | 'blockContent'

function languageField(lang: Lang, fieldType: FieldType) {
  const common = {
    name: lang,
    title: languageName(lang),
    description: `The text in ${languageName(lang)}. Required in the policy’s binding language; in another language, leave it empty to show the binding text with a note.`,
  }
  switch (fieldType) {
    case 'string':
      return defineField({ ...common, type: 'string' })
    case 'text':
      return defineField({ ...common, type: 'text', rows: 4 })
    case 'blockContent':
      return defineField({ ...common, type: 'blockContent' })
  }
}

function localized(name: string, title: string, fieldType: FieldType) {
  return defineType({
    name,
    title,
    type: 'object',
    icon: TranslateIcon,
    options: { columns: Math.min(LANGUAGES.length, 3) },
    fields: LANGUAGES.map((lang) => languageField(lang, fieldType)),
  })
}

export const localeString = localized('localeString', 'Localised text (one line)', 'string')
export const localeText = localized('localeText', 'Localised text (paragraph)', 'text')
export const localeBlockContent = localized(
  'localeBlockContent',
  'Localised rich text',
  'blockContent',
)
