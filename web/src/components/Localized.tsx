// A localised text in the page's language; the binding text, marked with its language and a note, where
// the translation is missing.
import { pick, type Lang, type Localized as LocalizedValue } from '@cookie-policy/schemas/model'
import { languageIn, UI } from '@/lib/i18n'

export function Localized({
  value,
  lang,
  binding,
}: {
  value: LocalizedValue | null | undefined
  lang: Lang
  binding: Lang
}) {
  const { value: text, fallback } = pick<string>(value, lang, binding)
  if (!fallback) return <>{text ?? ''}</>
  return (
    <>
      <span lang={binding}>{text}</span>{' '}
      <small className="fallback-note">({UI[lang].onlyIn(languageIn(lang, binding))})</small>
    </>
  )
}
