// The content model's words come from the Studio's bundles (../studioWords.ts), not from the type files. Each
// type, field and choice gets its title and description there in the language the Studio starts in, as the
// schema's own (what Sanity shows without asking us: a document's type above its title, the validation list,
// the history, and the form itself, since Sanity 6 translates no field title). The Studio starts again when
// its editor picks another language (studio/i18n.tsx), so the schema is always in the editor's language.
// A field without words fails here, when the schema is made.
import type { LocalizedValidationMessages, SortOrdering } from 'sanity'
import { LOCALES } from '../locales'
import { anyText, text, type Localized } from '../model/localized'
import { bindingOf } from '../state'
import {
  STUDIO_LOCALE_IDS,
  STUDIO_WORDS,
  studioLanguage,
  studioText,
  type StudioKey,
  type StudioValues,
} from '../studioWords'
import type { KnownLang } from '../locales'

const isKey = (key: string): key is StudioKey =>
  Object.prototype.hasOwnProperty.call(STUDIO_WORDS.en, key)

function keyOf(key: string, what: string): StudioKey {
  if (!isKey(key)) throw new Error(`schemas/src/studioWords.ts has no words for ${what} "${key}"`)
  return key
}

/** In the language the Studio speaks now: for list previews and a document's checks (no hook there). */
export const words = (key: StudioKey, values?: StudioValues): string =>
  studioText(studioLanguage(), key, values)

/** A static validation message in every language, as Sanity picks it by the editor's locale. */
export function everyLanguage(key: StudioKey, values?: StudioValues): LocalizedValidationMessages {
  return Object.fromEntries(
    (Object.keys(STUDIO_WORDS) as KnownLang[]).map((lang) => [
      STUDIO_LOCALE_IDS[lang],
      studioText(lang, key, values),
    ]),
  )
}

/**
 * A sort order of a list: its title is the key of its words, worded when the schema is made (Sanity then says
 * "Sort by …" in its own words; an i18n key of ours would replace that whole line).
 */
export function ordering(key: StudioKey, order: Omit<SortOrdering, 'title'>): SortOrdering {
  return { ...order, title: key }
}

// Loosely typed: definitions of every kind pass through, each keeping what the walk does not touch.
type Definition = Record<string, unknown> & { name?: string; type?: string }

/** The object types whose fields are the languages of the deployment. */
const LOCALIZED = new Set(['localeString', 'localeText', 'localeBlockContent'])

/** A choice's title in a language, for the fields whose choices are words (by the field's key). */
const CHOICES: Record<string, (value: string, lang: KnownLang) => string> = {
  'retention.kind': (value, lang) => studioText(lang, keyOf(`retention.kind.${value}`, 'choice')),
  'retention.unit': (value, lang) =>
    LOCALES[lang].units[value as keyof (typeof LOCALES)['en']['units']][1],
  'consentChange.change': (value, lang) =>
    studioText(lang, keyOf(`publish.changeShort.${value}`, 'choice')),
  'consentChange.suggested': (value, lang) =>
    studioText(lang, keyOf(`publish.changeShort.${value}`, 'choice')),
}

function describe(owner: string, field: Definition, lang: KnownLang): Definition {
  const language = LOCALIZED.has(owner) ? field.name! : null
  const key = language ? 'localized.language' : `${owner}.${field.name}`
  const helpKey = `${key}.help`
  const hasHelp = isKey(helpKey)
  const options = field.options as { list?: unknown[] } | undefined
  const choices = options?.list && CHOICES[key]
  return {
    ...field,
    // A language's field keeps its name as written in that language ("Français", "Deutsch").
    title: language
      ? LOCALES[language as KnownLang].name
      : studioText(lang, keyOf(key, 'the field')),
    description: hasHelp
      ? studioText(lang, helpKey, language ? { language: { lang: language } } : {})
      : undefined,
    ...(choices
      ? {
          options: {
            ...options,
            list: options.list!.map((item) => {
              const value =
                typeof item === 'string' ? item : String((item as { value: unknown }).value)
              return { value, title: choices(value, lang) }
            }),
          },
        }
      : {}),
    ...(Array.isArray(field.fields) ? { fields: describeFields(key, field.fields, lang) } : {}),
    ...(Array.isArray(field.of) ? { of: describeMembers(field.of, lang) } : {}),
  }
}

function describeFields(owner: string, fields: Definition[], lang: KnownLang): Definition[] {
  return fields.map((field) => describe(owner, field, lang))
}

/** An array's members: a named inline object gets its words like a type; a block, its annotations'. */
function describeMembers(members: Definition[], lang: KnownLang): Definition[] {
  return members.map((member) => {
    if (Array.isArray(member.fields) && member.name) return describeType(member, lang)
    const marks = member.marks as { annotations?: Definition[] } | undefined
    if (member.type !== 'block' || !marks?.annotations) return member
    const annotations = marks.annotations.map((annotation) => ({
      ...annotation,
      title: studioText(lang, keyOf(`block.${annotation.name}`, 'the annotation')),
      fields: describeFields(annotation.name!, annotation.fields as Definition[], lang),
    }))
    return { ...member, marks: { ...marks, annotations } }
  })
}

function describeType(type: Definition, lang: KnownLang): Definition {
  const orderings = type.orderings as SortOrdering[] | undefined
  return {
    ...type,
    title: studioText(lang, keyOf(`type.${type.name}`, 'the type')),
    ...(Array.isArray(type.fields)
      ? { fields: describeFields(type.name!, type.fields, lang) }
      : {}),
    ...(Array.isArray(type.of) ? { of: describeMembers(type.of, lang) } : {}),
    ...(orderings
      ? {
          orderings: orderings.map((order) => ({
            ...order,
            title: studioText(lang, keyOf(order.title, 'the ordering')),
          })),
        }
      : {}),
  }
}

/** The schema's types, each with its words in `lang`. */
export function withWords<T extends { name: string }>(types: T[], lang: KnownLang): T[] {
  return types.map((type) => describeType(type as unknown as Definition, lang) as unknown as T)
}

/**
 * A localised value as a list preview shows it: in the Studio's language when it has a text there, else in
 * the policy's binding language (`binding`, as selected from the document), else whichever is written.
 */
export function shown(value: unknown, binding: unknown): string {
  const localized = typeof value === 'object' && value !== null ? (value as Localized) : null
  return (
    text(localized, studioLanguage(), bindingOf({ bindingLanguage: binding as string })) ||
    anyText(value)
  )
}
