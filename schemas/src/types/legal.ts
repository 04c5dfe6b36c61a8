// Wiring the legal checks of model/rules.ts into Sanity validation. Each document type has one check that
// reads what it needs in at most one query and reports every finding on its field: errors block
// publishing, warnings advise. The check runs once per validation, for both levels.
import type { Path, RuleDef, ValidationContext, ValidationError } from 'sanity'
import { SANITY_API_VERSION } from '../apiVersion'
import { LANGUAGES, type Lang } from '../languages'
import { isLocalized, present } from '../model/localized'
import type { RuleResult } from '../model/rules'
import { studioLanguage, studioText } from '../studioWords'
import type { QueryResult, RunQuery } from '../queries'
import { bindingOf } from '../state'

export type Finding = RuleResult & { path: Path }
type Check<D> = (document: Partial<D>, fetch: RunQuery) => Promise<Finding[]>

/** The published id of a document that may be a draft. */
export function publishedId(id: string | undefined): string {
  return (id ?? '').replace(/^drafts\./, '')
}

/** A document type's `validation`: the check's errors as errors, its warnings as warnings. */
export function documentRules<D>(check: Check<D>) {
  const runs = new WeakMap<object, Promise<Finding[]>>()
  const findings = (document: unknown, context: ValidationContext) => {
    const key = (document ?? {}) as object
    let run = runs.get(key)
    if (!run) {
      const client = context.getClient({ apiVersion: SANITY_API_VERSION })
      const fetch: RunQuery = (query, params = {}) =>
        client.fetch<QueryResult<typeof query>>(query, params)
      run = check((document ?? {}) as Partial<D>, fetch)
      runs.set(key, run)
    }
    return run
  }
  const only = (results: Finding[], level: Finding['level']): true | ValidationError[] => {
    const chosen = results.filter((result) => result.level === level)
    // Worded at each validation, in the language the Studio speaks now.
    return chosen.length
      ? chosen.map(({ key, values, path }) => ({
          message: studioText(studioLanguage(), key, values),
          path,
        }))
      : true
  }
  return <R extends RuleDef<R, unknown>>(rule: R): R[] => [
    rule.custom(async (document, context) => only(await findings(document, context), 'error')),
    rule
      .custom(async (document, context) => only(await findings(document, context), 'warning'))
      .warning(),
  ]
}

/** A policy's binding language as stored (see bindingOf). */
export const bindingLanguage = (value: string | null | undefined): Lang =>
  bindingOf({ bindingLanguage: value })

/** Every localised value of a document: the binding text is required, the other languages are advised. */
export function localizedFindings(value: unknown, binding: Lang, path: Path = []): Finding[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) =>
      localizedFindings(item, binding, [
        ...path,
        typeof item?._key === 'string' ? { _key: item._key } : index,
      ]),
    )
  }
  if (typeof value !== 'object' || value === null) return []
  const record = value as Record<string, unknown>
  if (!isLocalized(record)) {
    return Object.entries(record).flatMap(([key, item]) =>
      key.startsWith('_') ? [] : localizedFindings(item, binding, [...path, key]),
    )
  }
  if (!present(record[binding])) {
    return [
      {
        level: 'error',
        path: [...path, binding],
        key: 'rule.bindingRequired',
        values: { language: { lang: binding } },
      },
    ]
  }
  return LANGUAGES.filter((lang) => lang !== binding && !present(record[lang])).map((lang) => ({
    level: 'warning',
    path: [...path, lang],
    key: 'rule.translationMissing' as const,
    values: { language: { lang }, binding: { lang: binding } },
  }))
}
