// A version of a policy as visitors read it: title, date, prose sections and one cookie table per category.
// A version never translated into the page's language is shown whole in its binding language, with one note.
import {
  formatPolicyDate,
  hasFallback,
  text,
  translatedInto,
  type Lang,
} from '@cookie-policy/schemas/model'
import type { FullVersion } from '@cookie-policy/schemas/state'
import { languageIn, UI } from '@/lib/i18n'
import { CookieTable } from './CookieTable'
import { Localized } from './Localized'
import { RichText } from './RichText'

/** `nested`: the page has its own h1, so the policy's title is an h2 and its sections go one level down. */
export function PolicyDocument({
  version,
  lang: pageLang,
  binding,
  upcoming = false,
  nested = false,
}: {
  version: FullVersion
  lang: Lang
  binding: Lang
  upcoming?: boolean
  nested?: boolean
}) {
  // The change summary is written in every language by the publish plan: the text itself decides.
  const { title, intro, sections, snapshot } = version
  const whole =
    pageLang !== binding && !translatedInto([title, intro, sections, snapshot], pageLang)
  // Untranslated: the whole document reads in the binding language, its own words included.
  const lang = whole ? binding : pageLang
  const ui = UI[lang]
  const categories = version.snapshot.categories ?? []
  const shown = new Set(version.sections?.map((section) => section.categoryKey).filter(Boolean))
  const date = formatPolicyDate(version.effectiveFrom, lang)
  const [Title, Section, SubSection] = nested
    ? (['h2', 'h3', 'h4'] as const)
    : (['h1', 'h2', 'h3'] as const)
  return (
    <>
      {whole ? (
        <p className="fallback-page-note" role="note">
          {UI[pageLang].wholeIn(languageIn(pageLang, binding))}
        </p>
      ) : null}
      <article className="policy" aria-labelledby="policy-title" lang={whole ? binding : undefined}>
        <Title id="policy-title">
          <Localized value={version.title} lang={lang} binding={binding} />
        </Title>
        <p className="version-line">{upcoming ? ui.upcomingFrom(date) : ui.inForceSince(date)}</p>
        {lang !== binding ? (
          <p className="binding-note">{ui.bindingNote(languageIn(lang, binding))}</p>
        ) : null}
        {hasFallback([title, intro, sections, snapshot], lang, binding) ? (
          <p className="fallback-page-note">{ui.partlyIn(languageIn(lang, binding))}</p>
        ) : null}
        <RichText value={version.intro} lang={lang} binding={binding} />
        {(version.sections ?? []).map((section) => {
          const Heading = section.number.includes('.') ? SubSection : Section
          const category = section.categoryKey
            ? categories.find((entry) => entry.key === section.categoryKey)
            : undefined
          return (
            <section key={section._key} aria-labelledby={`section-${section.number}`}>
              <Heading id={`section-${section.number}`}>
                {section.number}.{' '}
                <Localized value={section.heading} lang={lang} binding={binding} />
              </Heading>
              <RichText value={section.body} lang={lang} binding={binding} />
              {category ? <CookieTable category={category} lang={lang} binding={binding} /> : null}
            </section>
          )
        })}
        {categories
          .filter((category) => !shown.has(category.key))
          .map((category) => (
            <section key={category._key} aria-label={text(category.title, lang, binding)}>
              <CookieTable category={category} lang={lang} binding={binding} />
            </section>
          ))}
      </article>
    </>
  )
}
