// Localised fields: one object type per kind of value, a field per language of the deployment, side by side.
// Which language is required depends on the policy (its binding language): each document type checks its
// localised fields in one document-level rule (see ../legal.ts), not here. Titles: ../words.ts.
import { TranslateIcon } from '@sanity/icons/Translate'
import { defineField, defineType } from 'sanity'
import { LANGUAGES, type Lang } from '../../languages'

type FieldType = 'string' | 'text' | 'blockContent'

function languageField(lang: Lang, fieldType: FieldType) {
  switch (fieldType) {
    case 'string':
      return defineField({ name: lang, type: 'string' })
    case 'text':
      return defineField({ name: lang, type: 'text', rows: 4 })
    case 'blockContent':
      return defineField({ name: lang, type: 'blockContent' })
  }
}

function localized(name: string, fieldType: FieldType) {
  return defineType({
    name,
    type: 'object',
    icon: TranslateIcon,
    options: { columns: Math.min(LANGUAGES.length, 3) },
    fields: LANGUAGES.map((lang) => languageField(lang, fieldType)),
  })
}

export const localeString = localized('localeString', 'string')
export const localeText = localized('localeText', 'text')
export const localeBlockContent = localized('localeBlockContent', 'blockContent')
