// A localised text in the page's language; French with a visible note where the translation is missing.
import { pick, type Lang, type Localized as LocalizedValue } from '@cookie-policy/schemas/model'
import { UI } from '@/lib/i18n'

export function Localized({
  value,
  lang,
}: {
  value: LocalizedValue<string> | null | undefined
  lang: Lang
}) {
  const { value: text, fallback } = pick(value, lang)
  if (!fallback) return <>{text ?? ''}</>
  return (
    <>
      <span lang="fr">{text}</span> <small className="fallback-note">({UI[lang].frenchOnly})</small>
    </>
  )
}
