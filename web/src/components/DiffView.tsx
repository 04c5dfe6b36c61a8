// What changed between two versions: cookies, categories and prose, as a visitor would want to read it.
import type { ReactNode } from 'react'
import {
  isEmptyDiff,
  type CookieRef,
  type Lang,
  type PolicyDiff,
  type TextPart,
} from '@cookie-policy/schemas/model'
import { UI } from '@/lib/i18n'

function Parts({ parts, lang }: { parts: TextPart[]; lang: Lang }) {
  const ui = UI[lang]
  return (
    <p className="text-diff">
      {parts.map((part, index) =>
        part.added ? (
          <ins key={index} aria-label={`${ui.addedText} : ${part.value}`}>
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={index} aria-label={`${ui.removedText} : ${part.value}`}>
            {part.value}
          </del>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </p>
  )
}

function value(field: string, text: string | null, lang: Lang): string {
  const ui = UI[lang]
  if (text === null || text === '') return ui.none
  if (field === 'required') return text === 'true' ? ui.yes : ui.no
  return text
}

/** A titled list of changes; nothing at all when there is none. */
function ListBlock({
  id,
  title,
  heading: H,
  items,
}: {
  id: string
  title: string
  heading: 'h2' | 'h3'
  items: { key: string; content: ReactNode }[]
}) {
  if (!items.length) return null
  return (
    <section className="diff-block" data-diff={id}>
      <H>{title}</H>
      <ul>
        {items.map((item) => (
          <li key={item.key}>{item.content}</li>
        ))}
      </ul>
    </section>
  )
}

export function DiffView({
  diff,
  lang,
  headingLevel = 2,
}: {
  diff: PolicyDiff
  lang: Lang
  headingLevel?: 2 | 3
}) {
  const ui = UI[lang]
  const H = headingLevel === 2 ? 'h2' : 'h3'
  const Sub = headingLevel === 2 ? 'h3' : 'h4'
  const { cookies, categories, sections } = diff
  const cookieItem = (cookie: CookieRef) => ({
    key: `${cookie.category}:${cookie.name}`,
    content: (
      <>
        <code>{cookie.name}</code> ({ui.inCategory} {cookie.category})
      </>
    ),
  })
  if (isEmptyDiff(diff)) return <p className="no-changes">{ui.noChanges}</p>
  return (
    <div className="diff">
      {diff.title ? (
        <section className="diff-block">
          <H>{ui.titleChanged}</H>
          <p>
            <del>{diff.title.before}</del> → <ins>{diff.title.after}</ins>
          </p>
        </section>
      ) : null}
      <ListBlock
        id="cookies-added"
        title={ui.cookiesAdded}
        heading={H}
        items={cookies.added.map(cookieItem)}
      />
      <ListBlock
        id="cookies-removed"
        title={ui.cookiesRemoved}
        heading={H}
        items={cookies.removed.map(cookieItem)}
      />
      {cookies.changed.length ? (
        <section className="diff-block" data-diff="cookies-changed">
          <H>{ui.cookiesChanged}</H>
          {cookies.changed.map((cookie) => (
            <div className="table-wrap" key={`${cookie.category}:${cookie.name}`}>
              <table className="change-table">
                <caption>
                  <code>{cookie.name}</code>
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{ui.field}</th>
                    <th scope="col">{ui.before}</th>
                    <th scope="col">{ui.after}</th>
                  </tr>
                </thead>
                <tbody>
                  {cookie.changes.map((change) => (
                    <tr key={change.field}>
                      <th scope="row" data-label={ui.field}>
                        {ui.fields[change.field]}
                      </th>
                      <td data-label={ui.before}>{value(change.field, change.before, lang)}</td>
                      <td data-label={ui.after}>{value(change.field, change.after, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      ) : null}
      <ListBlock
        id="categories-added"
        title={ui.categoriesAdded}
        heading={H}
        items={categories.added.map((category) => ({ key: category.key, content: category.title }))}
      />
      <ListBlock
        id="categories-removed"
        title={ui.categoriesRemoved}
        heading={H}
        items={categories.removed.map((category) => ({
          key: category.key,
          content: category.title,
        }))}
      />
      <ListBlock
        id="categories-renamed"
        title={ui.categoriesRenamed}
        heading={H}
        items={categories.renamed.map((category) => ({
          key: category.key,
          content: (
            <>
              <del>{category.before}</del> → <ins>{category.after}</ins>
            </>
          ),
        }))}
      />
      <ListBlock
        id="categories-changed"
        title={ui.categoriesChanged}
        heading={H}
        items={categories.changed.map((change) => ({
          key: `${change.key}:${change.field}`,
          content: (
            <>
              {change.title}, {ui.fields[change.field]?.toLowerCase()} :{' '}
              <del>{value(change.field, change.before, lang)}</del> →{' '}
              <ins>{value(change.field, change.after, lang)}</ins>
            </>
          ),
        }))}
      />
      {sections.added.length || sections.removed.length || sections.changed.length || diff.intro ? (
        <section className="diff-block" data-diff="sections">
          <H>{ui.sectionsChanged}</H>
          {diff.intro ? (
            <>
              <Sub>{ui.introduction}</Sub>
              <Parts parts={diff.intro} lang={lang} />
            </>
          ) : null}
          {sections.changed.map((section) => (
            <div key={section.number}>
              <Sub>
                {section.number}. {section.heading}
              </Sub>
              <Parts parts={section.parts} lang={lang} />
            </div>
          ))}
          {sections.added.map((section) => (
            <p key={`added-${section.number}`}>
              {ui.sectionsAdded} : <ins>{`${section.number}. ${section.heading}`}</ins>
            </p>
          ))}
          {sections.removed.map((section) => (
            <p key={`removed-${section.number}`}>
              {ui.sectionsRemoved} : <del>{`${section.number}. ${section.heading}`}</del>
            </p>
          ))}
        </section>
      ) : null}
    </div>
  )
}
