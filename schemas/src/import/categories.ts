// Telling what a category of a policy text is for, from its heading: its key, whether it can be refused, its signals.
import { CATEGORY_SIGNALS, CONSENT_MODE_SIGNALS, type ConsentModeSignal } from '../consentModes'
import { allLocales } from '../locales'
import { escapeRegExp } from '../model/cookieNames'
import { fold, slugify } from '../model/text'

const CATEGORY_KEYS = ['necessary', 'advertising', 'social', 'analytics', 'functionality'] as const
/** The words of every known language that name each purpose, in the order they are tried. */
const CATEGORY_KEYWORDS: [RegExp, string][] = CATEGORY_KEYS.map((key) => [
  new RegExp(
    allLocales()
      .flatMap((locale) => locale.categories[key])
      .map(escapeRegExp)
      .join('|'),
  ),
  key,
])

/** A cookie type that names advertising or analytics brings its signals to a category that names neither. */
const TYPE_SIGNALS: [RegExp, readonly ConsentModeSignal[]][] = [
  [
    new RegExp(
      ['advertising', 'social']
        .flatMap((key) => CATEGORY_KEYWORDS.find(([, each]) => each === key)![0].source)
        .join('|'),
    ),
    CATEGORY_SIGNALS.advertising!,
  ],
  [CATEGORY_KEYWORDS.find(([, key]) => key === 'analytics')![0], CATEGORY_SIGNALS.analytics!],
]

export interface CategoryTraits {
  key: string
  required: boolean
  consentModes: ConsentModeSignal[]
}

/**
 * The first category is the strictly necessary one unless its heading names another purpose;
 * any later category is strictly necessary only when its heading says so.
 */
export function categoryTraits(
  heading: string,
  index: number,
  cookieTypes: readonly string[],
  taken: ReadonlySet<string>,
): CategoryTraits {
  const folded = fold(heading)
  const matched = CATEGORY_KEYWORDS.find(([pattern]) => pattern.test(folded))?.[1] ?? null
  let key =
    matched ??
    (index === 0
      ? 'necessary'
      : slugify(heading)
          .replace(/^(les-|the-|die-|der-)/, '')
          .slice(0, 40) || `category-${index + 1}`)
  for (let suffix = 2; taken.has(key); suffix++) key = `${key.replace(/-\d+$/, '')}-${suffix}`
  const required = key === 'necessary'
  const signals = new Set<ConsentModeSignal>(CATEGORY_SIGNALS[key] ?? [])
  if (!required) {
    for (const type of cookieTypes) {
      for (const [pattern, typeSignals] of TYPE_SIGNALS)
        if (pattern.test(fold(type))) typeSignals.forEach((signal) => signals.add(signal))
    }
  }
  return {
    key,
    required,
    consentModes: CONSENT_MODE_SIGNALS.filter((signal) => signals.has(signal)),
  }
}
