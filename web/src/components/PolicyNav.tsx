// Links every policy page offers: the version in force, the history, the other languages, and the banner's preferences.
import { LOCALES, pagePath, type Lang } from '@cookie-policy/schemas/model'
import { otherLanguages, UI } from '@/lib/i18n'

/** `path` is the page's address without the language: "/cookies/versions". */
export function PolicyNav({ lang, slug, path }: { lang: Lang; slug: string; path: string }) {
  const ui = UI[lang]
  return (
    <nav className="policy-nav" aria-label={ui.versionsNav}>
      <ul>
        <li>
          <a href={pagePath(lang, slug)}>{ui.currentVersion}</a>
        </li>
        <li>
          <a href={pagePath(lang, slug, { kind: 'versions' })}>{ui.history}</a>
        </li>
        {otherLanguages(lang).map((other) => (
          <li key={other}>
            <a href={`/${other}${path}`} hrefLang={other} lang={other}>
              {LOCALES[other].versionLink}
            </a>
          </li>
        ))}
        <li className="js-only">
          <button type="button" className="preferences-button" data-cc="show-preferencesModal">
            {ui.managePreferences}
          </button>
        </li>
      </ul>
    </nav>
  )
}
