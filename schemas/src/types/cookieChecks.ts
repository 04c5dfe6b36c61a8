// The checks of a cookie that need other documents (its category, the rest of its policy's catalog).
import { splitCookieNames } from '../model/cookieNames'
import type { StoredRetention } from '../model/retention'
import { checkCookieRetention, type RuleResult } from '../model/rules'
import { publishedId, type Lookup } from './legal'

type Fetch = Lookup['fetch']

export interface CookieDraft {
  _id?: string
  name?: string
  names?: string[]
  category?: { _ref?: string }
  type?: { fr?: string; en?: string }
  retention?: StoredRetention
  moreInfoUrl?: string
}

export async function categoryRequired(
  document: CookieDraft | undefined,
  fetch: Fetch,
): Promise<boolean | null> {
  const id = document?.category?._ref
  if (!id) return null
  return fetch<boolean | null>('*[_id == $id][0].required', { id })
}

export async function retentionChecks(
  document: CookieDraft | undefined,
  fetch: Fetch,
): Promise<RuleResult[]> {
  return checkCookieRetention({
    names: document?.names?.length ? document.names : splitCookieNames(document?.name ?? ''),
    retention: document?.retention,
    moreInfoUrl: document?.moreInfoUrl,
    type: document?.type,
    categoryRequired: await categoryRequired(document, fetch),
  })
}

/** The other rows of the same policy's catalog that share a name with this one. */
export async function checkUniqueName(
  name: string | undefined,
  document: CookieDraft | undefined,
  fetch: Fetch,
): Promise<RuleResult[]> {
  const categoryId = document?.category?._ref
  if (!name || !categoryId) return []
  const id = publishedId(document?._id)
  const others = await fetch<{ name: string; names: string[] | null }[]>(
    `*[_type == "cookie" && !(_id in $ids) && category->policy._ref == *[_id == $categoryId][0].policy._ref]{ name, names }`,
    { ids: [id, `drafts.${id}`], categoryId },
  )
  const mine = new Set(splitCookieNames(name))
  const clash = others.find((other) =>
    (other.names?.length ? other.names : splitCookieNames(other.name)).some((each) =>
      mine.has(each),
    ),
  )
  return clash
    ? [
        {
          level: 'error',
          message: `The catalog already lists ${clash.name}: a name appears once per policy.`,
        },
      ]
    : []
}
