// What changed between two versions of a policy, in the reader's language: cookies, categories and prose.
import { diffWordsWithSpace } from 'diff'
import type { Lang } from '../languages'
import type { PolicyVersionsByNumberQueryResult } from '../sanity.types'
import { pick, text } from './localized'
import { blocksToText } from './portableText'

type Blocks = Parameters<typeof blocksToText>[0]
import { retentionLabel } from './retention'

/** Every field optional or null, arrays read-only: a version as any query or the publish plan has it. */
type Loose<T> = T extends readonly (infer U)[]
  ? readonly Loose<U>[]
  : T extends object
    ? { [K in keyof T]?: Loose<T[K]> | null }
    : T

/** The parts of a version that visitors read, typed from the version query's generated result. */
export type VersionContent = Loose<
  Pick<PolicyVersionsByNumberQueryResult[number], 'title' | 'intro' | 'sections' | 'snapshot'>
>
type SectionContent = NonNullable<NonNullable<VersionContent['sections']>[number]>
type CategoryContent = NonNullable<
  NonNullable<NonNullable<VersionContent['snapshot']>['categories']>[number]
>
type CookieContent = NonNullable<NonNullable<CategoryContent['cookies']>[number]>

type CookieField =
  'name' | 'category' | 'type' | 'purpose' | 'retention' | 'moreInfoUrl' | 'provider'
interface FieldChange<F extends string = string> {
  field: F
  before: string | null
  after: string | null
}
export interface CookieRef {
  name: string
  category: string
}
export interface TextPart {
  value: string
  added?: boolean
  removed?: boolean
}
interface SectionChange {
  number: string
  heading: string
  parts: TextPart[]
}

export interface PolicyDiff {
  title: FieldChange<'title'> | null
  categories: {
    added: { key: string; title: string }[]
    removed: { key: string; title: string }[]
    renamed: { key: string; before: string; after: string }[]
    changed: ({ key: string; title: string } & FieldChange<'description' | 'required'>)[]
  }
  cookies: {
    added: CookieRef[]
    removed: CookieRef[]
    changed: (CookieRef & { changes: FieldChange<CookieField>[] })[]
  }
  sections: {
    added: { number: string; heading: string }[]
    removed: { number: string; heading: string }[]
    changed: SectionChange[]
  }
  intro: TextPart[] | null
}

interface FlatCookie {
  id: string
  category: CategoryContent
  cookie: CookieContent
}

function flatCookies(content: VersionContent): FlatCookie[] {
  return (content.snapshot?.categories ?? []).flatMap((category) =>
    (category.cookies ?? []).map((cookie) => ({
      id: cookie.cookieId || `name:${cookie.name}`,
      category,
      cookie,
    })),
  )
}

function cookieValues(
  entry: FlatCookie,
  lang: Lang,
  binding: Lang,
): Record<CookieField, string | null> {
  const { cookie, category } = entry
  return {
    name: cookie.name ?? null,
    category: text(category.title, lang, binding) || null,
    type: text(cookie.type, lang, binding) || null,
    purpose: text(cookie.purpose, lang, binding) || null,
    retention: retentionLabel(cookie.retention, lang),
    moreInfoUrl: cookie.moreInfoUrl ?? null,
    provider: cookie.provider?.name ?? null,
  }
}

const COOKIE_FIELDS: CookieField[] = [
  'name',
  'category',
  'type',
  'purpose',
  'retention',
  'moreInfoUrl',
  'provider',
]

function textDiff(before: string, after: string): TextPart[] {
  const parts: TextPart[] = diffWordsWithSpace(before, after).map((change) => ({
    value: change.value,
    ...(change.added ? { added: true } : {}),
    ...(change.removed ? { removed: true } : {}),
  }))
  return mergeAcrossSpaces(parts)
}

const isChange = (part: TextPart) => Boolean(part.added || part.removed)
const isSpace = (part: TextPart | undefined) =>
  part !== undefined && !isChange(part) && /^\s+$/.test(part.value)

/**
 * Word diffs interleave ("vous" out, "modifier" in, " ", "informer" out, ...): each run of changes,
 * spaces included, is given as the old words then the new words, which reads like a correction.
 */
function mergeAcrossSpaces(parts: TextPart[]): TextPart[] {
  const merged: TextPart[] = []
  let index = 0
  while (index < parts.length) {
    if (!isChange(parts[index]!)) {
      merged.push({ value: parts[index]!.value })
      index++
      continue
    }
    let removed = ''
    let added = ''
    while (
      index < parts.length &&
      (isChange(parts[index]!) ||
        (isSpace(parts[index]) && parts[index + 1] && isChange(parts[index + 1]!)))
    ) {
      const part = parts[index]!
      if (!part.added) removed += part.value
      if (!part.removed) added += part.value
      index++
    }
    if (removed.trim()) merged.push({ value: removed, removed: true })
    if (added.trim()) merged.push({ value: added, added: true })
  }
  return merged
}

function sectionText(section: SectionContent, lang: Lang, binding: Lang): string {
  return blocksToText(pick<Blocks>(section.body, lang, binding).value)
}

/** The differences from `before` (the older version) to `after`, worded in `lang` (the binding language where untranslated). */
export function diffVersions(
  before: VersionContent,
  after: VersionContent,
  lang: Lang,
  binding: Lang,
): PolicyDiff {
  const titleBefore = text(before.title, lang, binding)
  const titleAfter = text(after.title, lang, binding)

  const categoriesBefore = new Map(
    (before.snapshot?.categories ?? []).map((category) => [category.key ?? '', category]),
  )
  const categoriesAfter = new Map(
    (after.snapshot?.categories ?? []).map((category) => [category.key ?? '', category]),
  )
  const categories: PolicyDiff['categories'] = { added: [], removed: [], renamed: [], changed: [] }
  for (const [key, category] of categoriesAfter) {
    const old = categoriesBefore.get(key)
    const title = text(category.title, lang, binding)
    if (!old) {
      categories.added.push({ key, title })
      continue
    }
    const oldTitle = text(old.title, lang, binding)
    if (oldTitle !== title) categories.renamed.push({ key, before: oldTitle, after: title })
    const [oldDescription, description] = [
      text(old.description, lang, binding),
      text(category.description, lang, binding),
    ]
    if (oldDescription !== description)
      categories.changed.push({
        key,
        title,
        field: 'description',
        before: oldDescription,
        after: description,
      })
    if (Boolean(old.required) !== Boolean(category.required)) {
      categories.changed.push({
        key,
        title,
        field: 'required',
        before: String(Boolean(old.required)),
        after: String(Boolean(category.required)),
      })
    }
  }
  for (const [key, category] of categoriesBefore) {
    if (!categoriesAfter.has(key))
      categories.removed.push({ key, title: text(category.title, lang, binding) })
  }

  const cookiesBefore = new Map(flatCookies(before).map((entry) => [entry.id, entry]))
  const cookiesAfter = flatCookies(after)
  const afterIds = new Set(cookiesAfter.map((entry) => entry.id))
  const cookies: PolicyDiff['cookies'] = { added: [], removed: [], changed: [] }
  for (const entry of cookiesAfter) {
    const values = cookieValues(entry, lang, binding)
    const ref = { name: values.name ?? '', category: values.category ?? '' }
    const old = cookiesBefore.get(entry.id)
    if (!old) {
      cookies.added.push(ref)
      continue
    }
    const oldValues = cookieValues(old, lang, binding)
    // A cookie moves category when the key changes; a renamed category is reported once, as a category.
    const differs = (field: CookieField) =>
      field === 'category'
        ? (old.category.key ?? '') !== (entry.category.key ?? '')
        : oldValues[field] !== values[field]
    const changes = COOKIE_FIELDS.filter(differs).map((field) => ({
      field,
      before: oldValues[field],
      after: values[field],
    }))
    if (changes.length) cookies.changed.push({ ...ref, changes })
  }
  for (const [id, entry] of cookiesBefore) {
    if (!afterIds.has(id)) {
      const values = cookieValues(entry, lang, binding)
      cookies.removed.push({ name: values.name ?? '', category: values.category ?? '' })
    }
  }

  const sectionsBefore = new Map(
    (before.sections ?? []).map((section) => [section.number, section]),
  )
  const sectionsAfter = after.sections ?? []
  const sections: PolicyDiff['sections'] = { added: [], removed: [], changed: [] }
  for (const section of sectionsAfter) {
    const heading = text(section.heading, lang, binding)
    const old = sectionsBefore.get(section.number)
    if (!old) {
      sections.added.push({ number: section.number ?? '', heading })
      continue
    }
    const oldText = `${text(old.heading, lang, binding)}\n${sectionText(old, lang, binding)}`
    const newText = `${heading}\n${sectionText(section, lang, binding)}`
    if (oldText !== newText)
      sections.changed.push({
        number: section.number ?? '',
        heading,
        parts: textDiff(oldText, newText),
      })
  }
  const afterNumbers = new Set(sectionsAfter.map((section) => section.number))
  for (const section of before.sections ?? []) {
    if (!afterNumbers.has(section.number))
      sections.removed.push({
        number: section.number ?? '',
        heading: text(section.heading, lang, binding),
      })
  }

  const introBefore = blocksToText(pick<Blocks>(before.intro, lang, binding).value)
  const introAfter = blocksToText(pick<Blocks>(after.intro, lang, binding).value)

  return {
    title:
      titleBefore === titleAfter
        ? null
        : { field: 'title', before: titleBefore, after: titleAfter },
    categories,
    cookies,
    sections,
    intro: introBefore === introAfter ? null : textDiff(introBefore, introAfter),
  }
}

/**
 * What a translation's differences add to the binding language's: the changes made to that language's
 * texts only (a purpose reworded in English), not again the ones every language shows (a cookie added).
 */
export function translationOnly(translation: PolicyDiff, binding: PolicyDiff): PolicyDiff {
  const keys = <T>(list: T[], key: (item: T) => string) => new Set(list.map(key))
  const without = <T>(list: T[], taken: Set<string>, key: (item: T) => string) =>
    list.filter((item) => !taken.has(key(item)))
  const fieldKey = (item: { key: string; field: string }) => `${item.key}\n${item.field}`
  const bindingChanges = new Map(binding.cookies.changed.map((cookie) => [cookie.name, cookie]))
  const section = (item: { number: string }) => item.number
  const { categories, cookies, sections } = binding
  return {
    title: binding.title ? null : translation.title,
    intro: binding.intro ? null : translation.intro,
    categories: {
      added: [],
      removed: [],
      renamed: without(
        translation.categories.renamed,
        keys(categories.renamed, (c) => c.key),
        (c) => c.key,
      ),
      changed: without(
        translation.categories.changed,
        keys(categories.changed, fieldKey),
        fieldKey,
      ),
    },
    cookies: {
      added: [],
      removed: [],
      changed: translation.cookies.changed.flatMap((cookie) => {
        const taken = keys(bindingChanges.get(cookie.name)?.changes ?? [], (change) => change.field)
        const changes = cookie.changes.filter((change) => !taken.has(change.field))
        return changes.length && !cookies.added.some((added) => added.name === cookie.name)
          ? [{ ...cookie, changes }]
          : []
      }),
    },
    sections: {
      added: [],
      removed: [],
      changed: without(translation.sections.changed, keys(sections.changed, section), section),
    },
  }
}

export function isEmptyDiff(diff: PolicyDiff): boolean {
  const { categories, cookies, sections } = diff
  return (
    diff.title === null &&
    diff.intro === null &&
    [categories.added, categories.removed, categories.renamed, categories.changed].every(
      (list) => list.length === 0,
    ) &&
    [cookies.added, cookies.removed, cookies.changed].every((list) => list.length === 0) &&
    [sections.added, sections.removed, sections.changed].every((list) => list.length === 0)
  )
}

const SUMMARY_WORDS = {
  fr: {
    first: 'Première version publiée.',
    added: (n: number) => (n > 1 ? 'cookies ajoutés' : 'cookie ajouté'),
    removed: (n: number) => (n > 1 ? 'cookies retirés' : 'cookie retiré'),
    changed: (n: number) => (n > 1 ? 'cookies modifiés' : 'cookie modifié'),
    categories: 'catégories modifiées',
    text: 'texte modifié',
    sections: 'section',
    translation: 'Traduction mise à jour.',
    colon: ' : ',
    semicolon: ' ; ',
  },
  en: {
    first: 'First published version.',
    added: (n: number) => (n > 1 ? 'cookies added' : 'cookie added'),
    removed: (n: number) => (n > 1 ? 'cookies removed' : 'cookie removed'),
    changed: (n: number) => (n > 1 ? 'cookies changed' : 'cookie changed'),
    categories: 'categories changed',
    text: 'text changed',
    sections: 'section',
    translation: 'Translation updated.',
    colon: ': ',
    semicolon: '; ',
  },
  de: {
    first: 'Erste veröffentlichte Fassung.',
    added: (n: number) => (n > 1 ? 'Cookies hinzugefügt' : 'Cookie hinzugefügt'),
    removed: (n: number) => (n > 1 ? 'Cookies entfernt' : 'Cookie entfernt'),
    changed: (n: number) => (n > 1 ? 'Cookies geändert' : 'Cookie geändert'),
    categories: 'Kategorien geändert',
    text: 'Text geändert',
    sections: 'Abschnitt',
    translation: 'Übersetzung aktualisiert.',
    colon: ': ',
    semicolon: '; ',
  },
} satisfies Record<Lang, unknown>

/** A one-line change summary, for versions published without one written by an editor. */
export function summarizeDiff(diff: PolicyDiff | null, lang: Lang): string {
  const words = SUMMARY_WORDS[lang]
  if (diff === null) return words.first
  const parts: string[] = []
  const list = (refs: CookieRef[]) => refs.map((ref) => ref.name).join(', ')
  if (diff.cookies.added.length)
    parts.push(`${words.added(diff.cookies.added.length)}${words.colon}${list(diff.cookies.added)}`)
  if (diff.cookies.removed.length)
    parts.push(
      `${words.removed(diff.cookies.removed.length)}${words.colon}${list(diff.cookies.removed)}`,
    )
  if (diff.cookies.changed.length)
    parts.push(
      `${words.changed(diff.cookies.changed.length)}${words.colon}${list(diff.cookies.changed)}`,
    )
  const { categories } = diff
  if (
    categories.added.length +
    categories.removed.length +
    categories.renamed.length +
    categories.changed.length
  ) {
    parts.push(words.categories)
  }
  const sectionNumbers = [
    ...diff.sections.added,
    ...diff.sections.removed,
    ...diff.sections.changed,
  ].map((section) => section.number)
  if (diff.title || diff.intro || sectionNumbers.length) {
    parts.push(
      sectionNumbers.length
        ? `${words.text} (${words.sections} ${sectionNumbers.join(', ')})`
        : words.text,
    )
  }
  if (!parts.length) return words.translation
  const sentence = parts.join(words.semicolon)
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`
}
