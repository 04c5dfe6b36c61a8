// The query parameters of /api/cookie-catalog, checked strictly: every mistake gets a named 400, never a 500.
import { isLang, LANGUAGES, type Lang } from '@cookie-policy/schemas/model'
import { parseVersionNumber } from '@cookie-policy/schemas/model'

const CATALOG_FORMATS = ['catalog', 'vanilla-cookieconsent', 'klaro'] as const
type CatalogFormat = (typeof CATALOG_FORMATS)[number]

export interface CatalogRequest {
  /** Null: the policy's binding language. */
  lang: Lang | null
  policy: string | null
  version: number | null
  format: CatalogFormat
}

export class CatalogRequestError extends Error {
  constructor(
    readonly status: 400 | 404 | 503,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const ALLOWED = ['lang', 'policy', 'version', 'format']

export function parseCatalogRequest(search: string): CatalogRequest {
  let params: URLSearchParams
  try {
    params = new URLSearchParams(search)
  } catch {
    throw new CatalogRequestError(400, 'invalid_query', 'The query string cannot be read.')
  }
  const seen = new Map<string, string>()
  for (const [name, value] of params) {
    if (!ALLOWED.includes(name)) {
      throw new CatalogRequestError(
        400,
        'unknown_parameter',
        `Unknown parameter "${name.slice(0, 40)}": use ${ALLOWED.join(', ')}.`,
      )
    }
    if (seen.has(name))
      throw new CatalogRequestError(
        400,
        'repeated_parameter',
        `The parameter "${name}" is given more than once.`,
      )
    seen.set(name, value)
  }
  const lang = seen.get('lang') ?? null
  if (lang !== null && !isLang(lang))
    throw new CatalogRequestError(
      400,
      'invalid_lang',
      `lang must be one of ${LANGUAGES.join(', ')}, not "${lang.slice(0, 20)}".`,
    )
  const format = seen.get('format') ?? 'catalog'
  if (!(CATALOG_FORMATS as readonly string[]).includes(format)) {
    throw new CatalogRequestError(
      400,
      'invalid_format',
      `format must be one of ${CATALOG_FORMATS.join(', ')}, not "${format.slice(0, 40)}".`,
    )
  }
  const policy = seen.get('policy') ?? null
  if (policy !== null && !/^[a-z0-9][a-z0-9-]{0,63}$/.test(policy)) {
    throw new CatalogRequestError(
      400,
      'invalid_policy',
      'policy must be a policy address such as "cookies".',
    )
  }
  const versionText = seen.get('version')
  let version: number | null = null
  if (versionText !== undefined) {
    version = parseVersionNumber(versionText)
    if (version === null) {
      throw new CatalogRequestError(
        400,
        'invalid_version',
        'version must be a whole number from 1 to 999999.',
      )
    }
  }
  return { lang, policy, version, format: format as CatalogFormat }
}
