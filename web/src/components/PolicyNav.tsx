// Links every policy page offers: the version in force, the history, the other language, and the banner's preferences.
import Link from 'next/link'
import type { Lang } from '@cookie-policy/schemas/model'
import { otherLang, UI } from '@/lib/i18n'

export function PolicyNav({
  lang,
  slug,
  otherLangPath,
}: {
  lang: Lang
  slug: string
  otherLangPath: string
}) {
  const ui = UI[lang]
  const other = otherLang(lang)
  return (
    <nav className="policy-nav" aria-label={ui.versionsNav}>
      <ul>
        <li>
          <Link href={`/${lang}/${slug}`}>{ui.currentVersion}</Link>
        </li>
        <li>
          <Link href={`/${lang}/${slug}/versions`}>{ui.history}</Link>
        </li>
        <li>
          <a href={otherLangPath} hrefLang={other} lang={other}>
            {ui.otherLanguage}
          </a>
        </li>
        <li className="js-only">
          <button type="button" className="preferences-button" data-cc="show-preferencesModal">
            {ui.managePreferences}
          </button>
        </li>
      </ul>
    </nav>
  )
}
