// Whom the banner asks again, and about what: a returning visitor is asked only about the categories whose
// consent changed materially since they chose (and about new ones); every other choice carries forward. A
// refusal is not asked again for six months, whatever changed.

/** A visitor's last answer about one category: accepted or not, at which policy version, when (ms). */
export interface PriorAnswer {
  accepted: boolean
  version: number
  at: number
}

export interface CategoryToAsk {
  key: string
  required: boolean
  /** The version at which consent to this category last changed materially. */
  revision: number
}

interface CarriedAnswer {
  category: string
  accepted: boolean
  /** The policy version the answer was given at. */
  version: number
}

export interface ReconsentPlan {
  /** No answer at all: the visitor has never chosen (or their choice is gone). */
  first: boolean
  /** The categories to ask about, in the catalog's order. */
  ask: string[]
  /** The answers that still hold. */
  carried: CarriedAnswer[]
  /**
   * The earliest answer among those asked again (ms), else the latest answer, for "since you chose on
   * {date}"; null when nothing is asked.
   */
  since: number | null
}

/** Six months (the CNIL's guidance for how long a refusal is kept before asking again). */
export const REFUSAL_KEPT_MS = 182 * 86_400_000

export function planReconsent(
  categories: readonly CategoryToAsk[],
  prior: Readonly<Record<string, PriorAnswer>>,
  now: number,
): ReconsentPlan {
  const first = Object.keys(prior).length === 0
  const ask: string[] = []
  const carried: CarriedAnswer[] = []
  let since: number | null = null
  for (const category of categories) {
    if (category.required) continue
    const answer = prior[category.key]
    const stale =
      answer !== undefined &&
      category.revision > answer.version &&
      (answer.accepted || now - answer.at >= REFUSAL_KEPT_MS)
    if (answer === undefined || stale) {
      ask.push(category.key)
      if (answer) since = since === null ? answer.at : Math.min(since, answer.at)
    } else
      carried.push({ category: category.key, accepted: answer.accepted, version: answer.version })
  }
  // Only new categories asked: "since you chose" is their latest choice.
  if (since === null && ask.length && !first)
    since = Math.max(...Object.values(prior).map((answer) => answer.at))
  return { first, ask, carried, since }
}
