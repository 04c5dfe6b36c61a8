// One category's cookies as a table (stacked cards on a phone): name or domain, type, purpose, retention or link.
import { retentionLabel, webLink, type Lang } from '@cookie-policy/schemas/model'
import type { FullVersion } from '@cookie-policy/schemas/state'
import { UI } from '@/lib/i18n'
import { Localized } from './Localized'

type Category = NonNullable<FullVersion['snapshot']['categories']>[number]

function linkText(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '')
}

export function CookieTable({
  category,
  lang,
  binding,
}: {
  category: Category
  lang: Lang
  binding: Lang
}) {
  const ui = UI[lang]
  return (
    <div className="table-wrap">
      <table className="cookie-table" id={`category-${category.key}`}>
        <caption>
          <Localized value={category.title} lang={lang} binding={binding} />
        </caption>
        <thead>
          <tr>
            <th scope="col">{ui.columns.name}</th>
            <th scope="col">{ui.columns.type}</th>
            <th scope="col">{ui.columns.purpose}</th>
            <th scope="col">{ui.columns.retention}</th>
          </tr>
        </thead>
        <tbody>
          {(category.cookies ?? []).map((cookie) => {
            const retention = retentionLabel(cookie.retention, lang)
            const moreInfo = webLink(cookie.moreInfoUrl)
            return (
              <tr key={cookie._key}>
                <th scope="row" data-label={ui.columns.name}>
                  <code>{cookie.name}</code>
                </th>
                <td data-label={ui.columns.type}>
                  <Localized value={cookie.type} lang={lang} binding={binding} />
                </td>
                <td data-label={ui.columns.purpose}>
                  <Localized value={cookie.purpose} lang={lang} binding={binding} />
                </td>
                <td data-label={ui.columns.retention}>
                  {retention ?? (moreInfo ? null : ui.retentionUnknown)}
                  {retention && moreInfo ? ' · ' : null}
                  {moreInfo ? <a href={moreInfo}>{linkText(moreInfo)}</a> : null}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
