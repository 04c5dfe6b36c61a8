// Whom the banner asks again, and about what: the rule case by case.
import { describe, expect, it } from 'vitest'
import { planReconsent, REFUSAL_KEPT_MS, type PriorAnswer } from '../src/model/reconsent'

const DAY = 86_400_000
const now = Date.parse('2026-12-07T12:00:00Z')
/** The catalog of version 3: analytics changed materially at 2, functionality at 1, advertising is new at 3. */
const categories = [
  { key: 'necessary', required: true, revision: 0 },
  { key: 'analytics', required: false, revision: 2 },
  { key: 'functionality', required: false, revision: 1 },
  { key: 'advertising', required: false, revision: 3 },
]
const answer = (accepted: boolean, version: number, daysAgo: number): PriorAnswer => ({
  accepted,
  version,
  at: now - daysAgo * DAY,
})

describe('planReconsent', () => {
  it('asks a first visitor about every category they may refuse', () => {
    expect(planReconsent(categories, {}, now)).toEqual({
      first: true,
      ask: ['analytics', 'functionality', 'advertising'],
      carried: [],
      since: null,
    })
  })

  it('asks again about an accepted category changed since, and a new one; carries the rest', () => {
    const prior = {
      analytics: answer(true, 1, 30),
      functionality: answer(true, 1, 30),
    }
    expect(planReconsent(categories, prior, now)).toEqual({
      first: false,
      ask: ['analytics', 'advertising'],
      carried: [{ category: 'functionality', accepted: true, version: 1 }],
      since: now - 30 * DAY,
    })
  })

  it('does not ask again about a refusal younger than six months, whatever changed', () => {
    const prior = {
      analytics: answer(false, 1, 181),
      functionality: answer(true, 1, 181),
      advertising: answer(false, 3, 1),
    }
    expect(planReconsent(categories, prior, now)).toMatchObject({
      ask: [],
      carried: [
        { category: 'analytics', accepted: false, version: 1 },
        { category: 'functionality', accepted: true, version: 1 },
        { category: 'advertising', accepted: false, version: 3 },
      ],
    })
  })

  it('asks again about a refusal older than six months when the category changed since', () => {
    const prior = {
      analytics: answer(false, 1, REFUSAL_KEPT_MS / DAY),
      functionality: answer(false, 1, 400),
      advertising: answer(false, 3, 400),
    }
    // Functionality and advertising did not change since the refusal: it stands.
    expect(planReconsent(categories, prior, now)).toMatchObject({
      ask: ['analytics'],
      carried: [
        { category: 'functionality', accepted: false, version: 1 },
        { category: 'advertising', accepted: false, version: 3 },
      ],
      since: now - REFUSAL_KEPT_MS,
    })
  })

  it('asks nobody when nothing changed since the choice', () => {
    const prior = {
      analytics: answer(true, 2, 10),
      functionality: answer(false, 2, 10),
      advertising: answer(true, 3, 5),
    }
    expect(planReconsent(categories, prior, now)).toMatchObject({ ask: [], since: null })
  })

  it('dates a question about a new category only from the latest choice', () => {
    const prior = { analytics: answer(true, 2, 40), functionality: answer(true, 2, 20) }
    expect(planReconsent(categories, prior, now)).toMatchObject({
      ask: ['advertising'],
      since: now - 20 * DAY,
    })
  })
})
