// What changed between two versions: cookies, categories and prose, as a visitor would want to read it.
import type { Lang, PolicyDiff, TextPart } from '@cookie-policy/schemas/model'
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

export function DiffView({ diff, lang, headingLevel = 2 }: { diff: PolicyDiff; lang: Lang; headingLevel?: 2 | 3 }) {
  const ui = UI[lang]
  const H = headingLevel === 2 ? 'h2' : 'h3'
  const Sub = headingLevel === 2 ? 'h3' : 'h4'
  const { cookies, categories, sections } = diff
  const empty =
    !diff.title &&
    !diff.intro &&
    [cookies.added, cookies.removed, cookies.changed, categories.added, categories.removed, categories.renamed, categories.changed, sections.added, sections.removed, sections.changed].every(
      (list) => list.length === 0,
    )
  if (empty) return <p className="no-changes">{ui.noChanges}</p>
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
      {cookies.added.length ? (
        <section className="diff-block" data-diff="cookies-added">
          <H>{ui.cookiesAdded}</H>
          <ul>
            {cookies.added.map((cookie) => (
              <li key={`${cookie.category}:${cookie.name}`}>
                <code>{cookie.name}</code> ({ui.inCategory} {cookie.category})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {cookies.removed.length ? (
        <section className="diff-block" data-diff="cookies-removed">
          <H>{ui.cookiesRemoved}</H>
          <ul>
            {cookies.removed.map((cookie) => (
              <li key={`${cookie.category}:${cookie.name}`}>
                <code>{cookie.name}</code> ({ui.inCategory} {cookie.category})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
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
      {categories.added.length ? (
        <section className="diff-block" data-diff="categories-added">
          <H>{ui.categoriesAdded}</H>
          <ul>
            {categories.added.map((category) => (
              <li key={category.key}>{category.title}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {categories.removed.length ? (
        <section className="diff-block" data-diff="categories-removed">
          <H>{ui.categoriesRemoved}</H>
          <ul>
            {categories.removed.map((category) => (
              <li key={category.key}>{category.title}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {categories.renamed.length ? (
        <section className="diff-block" data-diff="categories-renamed">
          <H>{ui.categoriesRenamed}</H>
          <ul>
            {categories.renamed.map((category) => (
              <li key={category.key}>
                <del>{category.before}</del> → <ins>{category.after}</ins>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {categories.changed.length ? (
        <section className="diff-block" data-diff="categories-changed">
          <H>{ui.categoriesChanged}</H>
          <ul>
            {categories.changed.map((change) => (
              <li key={`${change.key}:${change.field}`}>
                {change.title}, {ui.fields[change.field]?.toLowerCase()} : <del>{value(change.field, change.before, lang)}</del> →{' '}
                <ins>{value(change.field, change.after, lang)}</ins>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
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
