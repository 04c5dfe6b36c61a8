// The languages of a deployment, in one place. The code knows the words of KNOWN_LANGUAGES (the site's and
// the banner's strings, dates, retention units, table headings); a deployment publishes the subset listed
// in POLICY_LANGUAGES (the Studio reads SANITY_STUDIO_POLICY_LANGUAGES), default "fr,en". Each policy
// then has its own binding language among them; the others are translations.
import { LOCALES, type KnownLang } from './locales'

export const KNOWN_LANGUAGES = Object.keys(LOCALES) as KnownLang[]
export type Lang = KnownLang

const DEFAULT_LANGUAGES = 'fr,en'

/** Reads a comma-separated list of language codes; every one must be a language the code has words for. */
export function parseLanguages(setting: string, name = 'POLICY_LANGUAGES'): [Lang, ...Lang[]] {
  const codes = setting
    .split(',')
    .map((code) => code.trim().toLowerCase())
    .filter(Boolean)
  if (!codes.length) throw new Error(`${name} is empty: list language codes such as "fr,en"`)
  for (const code of codes) {
    if (!isKnownLang(code))
      throw new Error(
        `${name}: "${code}" has no words in this code yet (known: ${KNOWN_LANGUAGES.join(', ')}); see "Adding a language" in docs/editors.md`,
      )
  }
  const [first, ...rest] = [...new Set(codes)] as Lang[]
  return [first!, ...rest]
}

function isKnownLang(value: string): value is Lang {
  return Object.prototype.hasOwnProperty.call(LOCALES, value)
}

/** Written out in full: the Studio's bundler replaces `process.env.SANITY_STUDIO_…` by its value. */
function readVariable(name: 'POLICY_LANGUAGES' | 'SANITY_STUDIO_POLICY_LANGUAGES'): string {
  try {
    return name === 'POLICY_LANGUAGES'
      ? (process.env.POLICY_LANGUAGES ?? '')
      : (process.env.SANITY_STUDIO_POLICY_LANGUAGES ?? '')
  } catch {
    return '' // a browser bundle without `process`
  }
}

function setting(): { value: string; name: string } {
  for (const name of ['POLICY_LANGUAGES', 'SANITY_STUDIO_POLICY_LANGUAGES'] as const) {
    const value = readVariable(name)
    if (value.trim()) return { value, name }
  }
  return { value: DEFAULT_LANGUAGES, name: 'POLICY_LANGUAGES' }
}

const configured = setting()
/** The languages this deployment publishes in, in the order the setting lists them. */
export const LANGUAGES: readonly [Lang, ...Lang[]] = parseLanguages(
  configured.value,
  configured.name,
)

/** The binding language of a policy that does not say: the first language of the deployment. */
export const DEFAULT_BINDING_LANGUAGE: Lang = LANGUAGES[0]!

/** Whether a value is a language this deployment publishes in. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/** A language's own name ("Français", "Deutsch"). */
export function languageName(lang: Lang): string {
  return LOCALES[lang].name
}
