// A version of a policy as visitors read it: title, date, prose sections and one cookie table per category.
import { formatPolicyDate, text, type Lang } from '@cookie-policy/schemas/model'
import type { FullVersion } from '@/lib/policy'
import { hasFallback } from '@/lib/fallback'
import { UI } from '@/lib/i18n'
import { CookieTable } from './CookieTable'
import { Localized } from './Localized'
import { RichText } from './RichText'

/** `nested`: the page has its own h1, so the policy's title is an h2 and its sections go one level down. */
export function PolicyDocument({
  version,
  lang,
  upcoming = false,
  nested = false,
}: {
  version: FullVersion
  lang: Lang
  upcoming?: boolean
  nested?: boolean
}) {
  const ui = UI[lang]
  const categories = version.snapshot.categories ?? []
  const shown = new Set(version.sections?.map((section) => section.categoryKey).filter(Boolean))
  const date = formatPolicyDate(version.effectiveFrom, lang)
  const [Title, Section, SubSection] = nested
    ? (['h2', 'h3', 'h4'] as const)
    : (['h1', 'h2', 'h3'] as const)
  return (
    <article className="policy" aria-labelledby="policy-title">
      <Title id="policy-title">
        <Localized value={version.title} lang={lang} />
      </Title>
      <p className="version-line">{upcoming ? ui.upcomingFrom(date) : ui.inForceSince(date)}</p>
      {lang !== 'fr' ? <p className="binding-note">{ui.bindingNote}</p> : null}
      {hasFallback(version, lang) ? (
        <p className="fallback-page-note">{ui.frenchOnlyPage}</p>
      ) : null}
      <RichText value={version.intro} lang={lang} />
      {(version.sections ?? []).map((section) => {
        const Heading = section.number.includes('.') ? SubSection : Section
        const category = section.categoryKey
          ? categories.find((entry) => entry.key === section.categoryKey)
          : undefined
        return (
          <section key={section._key} aria-labelledby={`section-${section.number}`}>
            <Heading id={`section-${section.number}`}>
              {section.number}. <Localized value={section.heading} lang={lang} />
            </Heading>
            <RichText value={section.body} lang={lang} />
            {category ? <CookieTable category={category} lang={lang} /> : null}
          </section>
        )
      })}
      {categories
        .filter((category) => !shown.has(category.key))
        .map((category) => (
          <section key={category._key} aria-label={text(category.title, lang)}>
            <CookieTable category={category} lang={lang} />
          </section>
        ))}
    </article>
  )
}
