// The 404 page, in every language: a not-found page cannot know which language the visitor asked for.
import { Fragment } from 'react'
import { LANGUAGES } from '@cookie-policy/schemas/model'
import { UI } from '@/lib/i18n'

export default function NotFound() {
  const [first, ...others] = LANGUAGES
  return (
    <div className="not-found">
      {/* Rendered here, not as metadata: Next.js does not emit page metadata on a 404 answer. */}
      <title>{LANGUAGES.map((lang) => UI[lang].notFoundTitle).join(' / ')}</title>
      <h1>
        {UI[first].notFoundTitle}
        {others.map((lang) => (
          <Fragment key={lang}>
            {' '}
            <span lang={lang}>/ {UI[lang].notFoundTitle}</span>
          </Fragment>
        ))}
      </h1>
      {LANGUAGES.map((lang) => (
        <p key={lang} lang={lang === first ? undefined : lang}>
          {UI[lang].notFoundBody} <a href={`/${lang}`}>/{lang}</a>
        </p>
      ))}
    </div>
  )
}
