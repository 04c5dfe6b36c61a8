// Wiring the legal checks of model/rules.ts into Sanity validation: errors block publishing, warnings advise.
import type { CustomValidatorResult, RuleDef, ValidationContext } from 'sanity'
import { SANITY_API_VERSION } from '../apiVersion'
import type { RuleResult } from '../model/rules'

type Check<V> = (
  value: V | undefined,
  context: ValidationContext,
) => RuleResult[] | Promise<RuleResult[]>

function only(results: RuleResult[], level: RuleResult['level']): CustomValidatorResult {
  const messages = results
    .filter((result) => result.level === level)
    .map((result) => result.message)
  return messages.length ? messages.join(' ') : true
}

/**
 * Two rules from one check: its errors, and its warnings. Only for fields of a primitive type: Sanity merges
 * the rules of an object-typed field into one, at the last rule's level (use `errorsOf` or `warningsOf` there).
 */
export function legal<V>(check: Check<V>) {
  return <R extends RuleDef<R, V>>(rule: R): R[] => [errorsOf(check)(rule), warningsOf(check)(rule)]
}

export function errorsOf<V>(check: Check<V>) {
  return <R extends RuleDef<R, V>>(rule: R): R =>
    rule.custom(async (value, context) =>
      only(await check(value as V | undefined, context), 'error'),
    )
}

export function warningsOf<V>(check: Check<V>) {
  return <R extends RuleDef<R, V>>(rule: R): R =>
    rule
      .custom(async (value, context) =>
        only(await check(value as V | undefined, context), 'warning'),
      )
      .warning()
}

export interface Lookup {
  fetch<T>(query: string, params?: Record<string, unknown>): Promise<T>
}

export function lookup(context: ValidationContext): Lookup {
  const client = context.getClient({ apiVersion: SANITY_API_VERSION })
  return { fetch: (query, params = {}) => client.fetch(query, params) }
}

/** The published id of a document that may be a draft. */
export function publishedId(id: string | undefined): string {
  return (id ?? '').replace(/^drafts\./, '')
}
