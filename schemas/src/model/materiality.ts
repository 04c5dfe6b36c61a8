// Whether a new version changes what a visitor agreed to, category by category. For each category a visitor
// may refuse, the change from the previous version is `none`, `editorial` (wording, order, a correction, a
// cookie removed, a retention shortened: nothing the visitor agreed to grows) or `material` (a cookie or a
// provider added, a purpose reworded beyond a typo, a retention lengthened, the category's legal description
// changed, a cookie moved into it, a Consent Mode signal added). Strictly necessary categories are never
// asked, so they have none. Read in the binding language: a translation's wording alone is editorial.
import { diffChars } from 'diff'
import type { Lang } from '../languages'
import type { VersionContent } from './diff'
import { text } from './localized'
import {
  normalizeRetention,
  retentionDays,
  retentionLabel,
  type StoredRetention,
} from './retention'

export const MATERIALITY = ['none', 'editorial', 'material'] as const
export type Materiality = (typeof MATERIALITY)[number]

type ChangeKind =
  // material
  | 'category-added'
  | 'cookie-added'
  | 'cookie-moved-in'
  | 'cookie-renamed'
  | 'provider-changed'
  | 'purpose-changed'
  | 'retention-lengthened'
  | 'description-changed'
  | 'signal-added'
  // editorial
  | 'cookie-removed'
  | 'cookie-moved-out'
  | 'retention-shortened'
  | 'purpose-corrected'
  | 'description-corrected'
  | 'translation-changed'
  | 'title-changed'
  | 'details-changed'
  | 'signal-removed'
  | 'order-changed'

const MATERIAL: ReadonlySet<ChangeKind> = new Set([
  'category-added',
  'cookie-added',
  'cookie-moved-in',
  'cookie-renamed',
  'provider-changed',
  'purpose-changed',
  'retention-lengthened',
  'description-changed',
  'signal-added',
])

export interface CategoryChange {
  kind: ChangeKind
  /** The cookie concerned, as printed; absent for a change of the category itself. */
  cookie?: string
  before?: string | null
  after?: string | null
  /** A retention's change: the stored values, to be said in any language. */
  retention?: { before: StoredRetention | null; after: StoredRetention | null }
}

export interface CategoryMateriality {
  category: string
  change: Materiality
  changes: CategoryChange[]
}

type Category = NonNullable<NonNullable<VersionContent['snapshot']>['categories']>[number]
type Cookie = NonNullable<NonNullable<Category>['cookies']>[number]

/** Letters and digits only, lower case: what a reader compares, without spacing, case or punctuation. */
const plain = (value: string) =>
  value
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

/** At most this many characters added or removed, in a text of at least 20: a typo's correction. */
const TYPO_CHARACTERS = 2

/** How a text of the binding language changed: not at all, corrected (a typo, punctuation), or reworded. */
export function textChange(before: string, after: string): 'none' | 'corrected' | 'reworded' {
  if (before === after) return 'none'
  const [a, b] = [plain(before), plain(after)]
  if (a === b) return 'corrected'
  if (Math.min(a.length, b.length) < 20) return 'reworded'
  let added = 0
  let removed = 0
  for (const part of diffChars(a, b)) {
    if (part.added) added += part.value.length
    else if (part.removed) removed += part.value.length
  }
  return Math.max(added, removed) <= TYPO_CHARACTERS ? 'corrected' : 'reworded'
}

const cookieId = (cookie: Cookie) => cookie.cookieId || `name:${cookie.name ?? ''}`

function retentionChange(before: Cookie, after: Cookie, binding: Lang): CategoryChange | null {
  const [was, now] = [normalizeRetention(before.retention), normalizeRetention(after.retention)]
  const [wasLabel, nowLabel] = [
    retentionLabel(before.retention, binding),
    retentionLabel(after.retention, binding),
  ]
  if (wasLabel === nowLabel) return null
  const rank = (retention: typeof was, days: number | null) =>
    retention.kind === 'session' ? 0 : (days ?? Number.POSITIVE_INFINITY)
  const [from, to] = [
    rank(was, retentionDays(before.retention)),
    rank(now, retentionDays(after.retention)),
  ]
  // A retention that becomes unknown is treated as lengthened: nothing says it is not.
  const kind = to > from || now.kind === 'unknown' ? 'retention-lengthened' : 'retention-shortened'
  return {
    kind,
    cookie: after.name ?? '',
    before: wasLabel,
    after: nowLabel,
    retention: { before: before.retention ?? null, after: after.retention ?? null },
  }
}

function textChangeOf(
  kind: 'purpose' | 'description',
  before: string,
  after: string,
  translated: boolean,
  cookie?: string,
): CategoryChange | null {
  const change = textChange(before, after)
  const where = cookie === undefined ? {} : { cookie }
  if (change === 'reworded') return { kind: `${kind}-changed`, ...where, before, after }
  if (change === 'corrected') return { kind: `${kind}-corrected`, ...where, before, after }
  return translated ? { kind: 'translation-changed', ...where } : null
}

/** Whether any language other than the binding one reads differently. */
function translationDiffers(
  before: Parameters<typeof text>[0],
  after: Parameters<typeof text>[0],
  binding: Lang,
): boolean {
  const langs = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  return [...langs].some(
    (lang) => !lang.startsWith('_') && lang !== binding && before?.[lang] !== after?.[lang],
  )
}

function cookieChanges(old: Cookie, cookie: Cookie, binding: Lang): CategoryChange[] {
  const name = cookie.name ?? ''
  const changes: CategoryChange[] = []
  if ((old.name ?? '') !== name)
    changes.push({ kind: 'cookie-renamed', cookie: name, before: old.name ?? '', after: name })
  const [oldProvider, provider] = [old.provider?.name ?? null, cookie.provider?.name ?? null]
  if (oldProvider !== provider)
    changes.push({ kind: 'provider-changed', cookie: name, before: oldProvider, after: provider })
  const purpose = textChangeOf(
    'purpose',
    text(old.purpose, binding, binding),
    text(cookie.purpose, binding, binding),
    translationDiffers(old.purpose, cookie.purpose, binding),
    name,
  )
  if (purpose) changes.push(purpose)
  const retention = retentionChange(old, cookie, binding)
  if (retention) changes.push(retention)
  if (
    text(old.type, binding, binding) !== text(cookie.type, binding, binding) ||
    (old.moreInfoUrl ?? null) !== (cookie.moreInfoUrl ?? null)
  )
    changes.push({ kind: 'details-changed', cookie: name })
  return changes
}

/**
 * The change of each category a visitor may refuse, from `before` (the latest version; null for a first
 * version) to `after`, in the order of `after`'s categories.
 */
export function categoryMateriality(
  before: VersionContent | null,
  after: VersionContent,
  binding: Lang,
): CategoryMateriality[] {
  const oldCategories = before?.snapshot?.categories ?? []
  const oldByKey = new Map(oldCategories.map((category) => [category.key ?? '', category]))
  const oldCookies = new Map(
    oldCategories.flatMap((category) =>
      (category.cookies ?? []).map((cookie) => [cookieId(cookie), { cookie, category }] as const),
    ),
  )
  const newCategories = after.snapshot?.categories ?? []
  const newHome = new Map(
    newCategories.flatMap((category) =>
      (category.cookies ?? []).map((cookie) => [cookieId(cookie), category.key ?? ''] as const),
    ),
  )
  return newCategories
    .filter((category) => !category.required)
    .map((category) => {
      const key = category.key ?? ''
      const old = oldByKey.get(key)
      const changes: CategoryChange[] = []
      // New, or strictly necessary until now: visitors were never asked about it.
      if (!old || old.required) changes.push({ kind: 'category-added' })
      else {
        if (text(old.title, binding, binding) !== text(category.title, binding, binding))
          changes.push({
            kind: 'title-changed',
            before: text(old.title, binding, binding),
            after: text(category.title, binding, binding),
          })
        const description = textChangeOf(
          'description',
          text(old.description, binding, binding),
          text(category.description, binding, binding),
          translationDiffers(old.description, category.description, binding),
        )
        if (description) changes.push(description)
        const signals = new Set(old.consentModes ?? [])
        const nowSignals = new Set(category.consentModes ?? [])
        for (const signal of nowSignals)
          if (!signals.has(signal)) changes.push({ kind: 'signal-added', after: signal })
        for (const signal of signals)
          if (!nowSignals.has(signal)) changes.push({ kind: 'signal-removed', before: signal })
        for (const cookie of category.cookies ?? []) {
          const previous = oldCookies.get(cookieId(cookie))
          if (!previous) changes.push({ kind: 'cookie-added', cookie: cookie.name ?? '' })
          else if ((previous.category.key ?? '') !== key)
            changes.push({
              kind: 'cookie-moved-in',
              cookie: cookie.name ?? '',
              before: text(previous.category.title, binding, binding),
            })
          else changes.push(...cookieChanges(previous.cookie, cookie, binding))
        }
        for (const cookie of old.cookies ?? []) {
          const home = newHome.get(cookieId(cookie))
          if (home === undefined)
            changes.push({ kind: 'cookie-removed', cookie: cookie.name ?? '' })
          else if (home !== key)
            changes.push({ kind: 'cookie-moved-out', cookie: cookie.name ?? '' })
        }
        const order = (list: readonly Cookie[]) =>
          list.map(cookieId).filter((id) => (old.cookies ?? []).some((c) => cookieId(c) === id))
        if (
          !changes.length &&
          order(old.cookies ?? []).join('\n') !== order(category.cookies ?? []).join('\n')
        )
          changes.push({ kind: 'order-changed' })
      }
      const change: Materiality = changes.some((entry) => MATERIAL.has(entry.kind))
        ? 'material'
        : changes.length
          ? 'editorial'
          : 'none'
      return { category: key, change, changes }
    })
}

const CHANGE_WORDS = {
  fr: {
    'category-added': () => 'nouvelle catégorie',
    'cookie-added': (c: CategoryChange) => `cookie ajouté : ${c.cookie}`,
    'cookie-moved-in': (c: CategoryChange) => `cookie ${c.cookie} déplacé dans cette catégorie`,
    'cookie-renamed': (c: CategoryChange) => `cookie ${c.before} renommé ${c.after}`,
    'provider-changed': (c: CategoryChange) =>
      `nouveau fournisseur pour ${c.cookie} : ${c.after ?? 'aucun'}`,
    'purpose-changed': (c: CategoryChange) => `finalité de ${c.cookie} modifiée`,
    'retention-lengthened': (c: CategoryChange) =>
      `durée de conservation de ${c.cookie} allongée (${c.before ?? '?'} → ${c.after ?? '?'})`,
    'description-changed': () => 'description de la catégorie modifiée',
    'signal-added': (c: CategoryChange) => `signal ${c.after} ajouté`,
  },
  en: {
    'category-added': () => 'new category',
    'cookie-added': (c: CategoryChange) => `cookie added: ${c.cookie}`,
    'cookie-moved-in': (c: CategoryChange) => `cookie ${c.cookie} moved into this category`,
    'cookie-renamed': (c: CategoryChange) => `cookie ${c.before} renamed ${c.after}`,
    'provider-changed': (c: CategoryChange) => `new provider for ${c.cookie}: ${c.after ?? 'none'}`,
    'purpose-changed': (c: CategoryChange) => `purpose of ${c.cookie} changed`,
    'retention-lengthened': (c: CategoryChange) =>
      `retention of ${c.cookie} lengthened (${c.before ?? '?'} → ${c.after ?? '?'})`,
    'description-changed': () => 'category description changed',
    'signal-added': (c: CategoryChange) => `signal ${c.after} added`,
  },
  de: {
    'category-added': () => 'neue Kategorie',
    'cookie-added': (c: CategoryChange) => `Cookie hinzugefügt: ${c.cookie}`,
    'cookie-moved-in': (c: CategoryChange) => `Cookie ${c.cookie} in diese Kategorie verschoben`,
    'cookie-renamed': (c: CategoryChange) => `Cookie ${c.before} umbenannt in ${c.after}`,
    'provider-changed': (c: CategoryChange) =>
      `neuer Anbieter für ${c.cookie}: ${c.after ?? 'keiner'}`,
    'purpose-changed': (c: CategoryChange) => `Zweck von ${c.cookie} geändert`,
    'retention-lengthened': (c: CategoryChange) =>
      `Speicherdauer von ${c.cookie} verlängert (${c.before ?? '?'} → ${c.after ?? '?'})`,
    'description-changed': () => 'Beschreibung der Kategorie geändert',
    'signal-added': (c: CategoryChange) => `Signal ${c.after} hinzugefügt`,
  },
} satisfies Record<Lang, Record<string, (change: CategoryChange) => string>>

/**
 * The "what changed" line of a category's material change, in `lang`: its material changes, joined; the
 * editor may rewrite it.
 */
export function whatChangedLine(changes: readonly CategoryChange[], lang: Lang): string {
  const words = CHANGE_WORDS[lang] as Record<string, (change: CategoryChange) => string>
  const parts = changes.flatMap((change) => {
    const say = MATERIAL.has(change.kind) ? words[change.kind] : undefined
    const said = change.retention
      ? {
          ...change,
          before: retentionLabel(change.retention.before, lang),
          after: retentionLabel(change.retention.after, lang),
        }
      : change
    return say ? [say(said)] : []
  })
  const sentence = parts.join(lang === 'fr' ? ' ; ' : '; ')
  return sentence ? `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.` : ''
}
