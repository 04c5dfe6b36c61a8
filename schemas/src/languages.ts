// The languages a policy is written in. French is the source language and the legally binding text.
export const LANGUAGES = ['fr', 'en'] as const
export type Lang = (typeof LANGUAGES)[number]
export const SOURCE_LANG: Lang = 'fr'

export const LANGUAGE_TITLES: Record<Lang, string> = { fr: 'Français', en: 'English' }

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}
