// Telling what a category of a policy text is for, from its heading: its key, whether it can be refused, its signals.
import { CATEGORY_SIGNALS, CONSENT_MODE_SIGNALS, type ConsentModeSignal } from '../consentModes'
import { fold, slugify } from '../model/text'

const CATEGORY_KEYWORDS: [RegExp, string][] = [
  [/necessaire|strictement|essentiel|indispensable|necessary|essential|strictly/, 'necessary'],
  [/publicit|ciblage|marketing|advertis|targeting/, 'advertising'],
  [/reseaux sociaux|social/, 'social'],
  [/analy|statisti|audience|mesure|measur/, 'analytics'],
  [
    /fonctionnalit|interactivit|preference|personnalis|functional|interactiv|personali/,
    'functionality',
  ],
]

const TYPE_SIGNALS: [RegExp, readonly ConsentModeSignal[]][] = [
  [/publicit|advertis|marketing|social|ciblage|targeting/, CATEGORY_SIGNALS.advertising!],
  [/analy|statisti|audience|measur|mesure/, CATEGORY_SIGNALS.analytics!],
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
          .replace(/^(les-|the-)/, '')
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
