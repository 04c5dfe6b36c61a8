// The one owner of a policy page's HTML: reads what the page shows and renders it with React's static
// renderer into a whole document. Nothing runs in the browser but the banner, so the page carries no
// framework runtime, no inline script and no nonce; its stylesheet is inline, allowed by its hash. The
// production server and a plain `next start` call this same function and serve exactly its bytes.
import { createHash } from 'node:crypto'
import { Fragment, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import {
  diffVersions,
  formatPolicyDate,
  LANGUAGES,
  LOCALES,
  pagePath,
  pageSuffix,
  text,
  versionPath,
  versionsOf,
  versionState,
  type Lang,
  type PageAddress,
  type PageView,
} from '@cookie-policy/schemas/model'
import type { RunQuery } from '@cookie-policy/schemas/queries'
import {
  readPolicyState,
  readVersions,
  type FullVersion,
  type PolicyState,
} from '@cookie-policy/schemas/state'
import { DiffView } from '@/components/DiffView'
import { Localized } from '@/components/Localized'
import { PolicyDocument } from '@/components/PolicyDocument'
import { PolicyNav } from '@/components/PolicyNav'
import { PreviewBanner } from '@/components/PreviewBanner'
import { UI } from '../i18n'
import type { Preview } from '../preview'
import { SITE_CSS } from './styles'

/** The page's inline stylesheet, as its Content-Security-Policy names it. */
export const STYLE_HASH = `'sha256-${createHash('sha256').update(SITE_CSS).digest('base64')}'`

export interface RenderedPage {
  status: 200 | 404 | 503
  html: string
  /** The policy's time zone: the page may change at midnight there. Null for a page of no policy. */
  timeZone: string | null
}

interface Head {
  title: string
  description?: string
  /** A page that search engines should not keep (a 404, an outage). */
  noindex?: boolean
  /** The page's address without the language, for the canonical and hreflang links. */
  suffix?: string
  binding?: Lang
}

function Document({
  lang,
  policy,
  head,
  siteUrl,
  children,
}: {
  lang: Lang
  policy?: string
  head: Head
  siteUrl: string | null
  children: ReactNode
}) {
  const origin = siteUrl ?? ''
  const { suffix, binding } = head
  return (
    <html lang={lang}>
      {/* eslint-disable-next-line @next/next/no-head-element -- a whole document, rendered outside Next.js */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{head.title}</title>
        {head.description ? (
          <>
            <meta name="description" content={head.description} />
            <meta property="og:title" content={head.title} />
            <meta property="og:description" content={head.description} />
            <meta property="og:locale" content={LOCALES[lang].ogLocale} />
            <meta property="og:type" content="article" />
          </>
        ) : null}
        {head.noindex ? <meta name="robots" content="noindex" /> : null}
        {suffix && binding ? (
          <>
            <link rel="canonical" href={`${origin}/${lang}${suffix}`} />
            {LANGUAGES.map((each) => (
              <link
                key={each}
                rel="alternate"
                hrefLang={each}
                href={`${origin}/${each}${suffix}`}
              />
            ))}
            {/* Visitors whose language has no version get the binding text. */}
            <link rel="alternate" hrefLang="x-default" href={`${origin}/${binding}${suffix}`} />
          </>
        ) : null}
        {/* No favicon of our own: say so, rather than let every browser ask for one and get a 404. */}
        <link rel="icon" href="data:," />
        <style dangerouslySetInnerHTML={{ __html: SITE_CSS }} />
        {/* The banner loader sets every Consent Mode signal to denied before anything else runs. */}
        {/* eslint-disable-next-line @next/next/no-sync-scripts -- it must run first and block, by design */}
        <script src="/cookie-banner.js" data-lang={lang} data-policy={policy} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {UI[lang].skipToContent}
        </a>
        <main id="main">{children}</main>
      </body>
    </html>
  )
}

function NotFound() {
  const [first, ...others] = LANGUAGES
  return (
    <div className="not-found">
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

function VersionList({ state, lang, slug }: { state: PolicyState; lang: Lang; slug: string }) {
  const ui = UI[lang]
  return (
    <ol className="version-list" reversed>
      {state.versions.map((version) => {
        const when = versionState(version, state.inForce, state.today)
        return (
          <li
            key={version._id}
            className={`version version-${when}`}
            data-version={version.version}
          >
            <h2>
              <a href={versionPath(lang, slug, version.version)}>{ui.version(version.version)}</a>
            </h2>
            <p className="version-meta">
              <span className={`badge badge-${when}`}>
                {when === 'inForce' ? ui.inForce : when === 'upcoming' ? ui.upcoming : ui.past}
              </span>{' '}
              <span>
                {when === 'upcoming'
                  ? ui.upcomingFrom(formatPolicyDate(version.effectiveFrom, lang))
                  : ui.inForceSince(formatPolicyDate(version.effectiveFrom, lang))}
              </span>
              {version.requiresNewConsent ? (
                <>
                  {' '}
                  <span className="badge badge-consent">{ui.requiresNewConsent}</span>
                </>
              ) : null}
            </p>
            <p className="version-summary">
              <Localized value={version.changeSummary} lang={lang} binding={state.binding} />
            </p>
            {version.version > 1 ? (
              <p>
                <a
                  href={pagePath(lang, slug, {
                    kind: 'compare',
                    from: version.version - 1,
                    to: version.version,
                  })}
                >
                  {ui.compareWith(version.version - 1)}
                </a>
              </p>
            ) : null}
          </li>
        )
      })}
    </ol>
  )
}

function Notice({
  version,
  state,
  lang,
  slug,
}: {
  version: FullVersion
  state: PolicyState
  lang: Lang
  slug: string
}) {
  const ui = UI[lang]
  const when = versionState(version, state.inForce, state.today)
  if (when === 'inForce') return <p className="notice notice-current">{ui.inForce}</p>
  return (
    <div className={`notice notice-${when}`} role="note">
      <p>
        <strong>{ui.notInForce}</strong>{' '}
        {when === 'upcoming'
          ? ui.upcomingNotice(formatPolicyDate(version.effectiveFrom, lang))
          : ui.pastNotice}
      </p>
      <p>
        <a href={pagePath(lang, slug)}>{ui.currentVersion}</a>
      </p>
    </div>
  )
}

type View<K extends PageView['kind']> = Extract<PageView, { kind: K }>

function VersionPage({
  view,
  state,
  byNumber,
  lang,
  slug,
}: {
  view: View<'version'>
  state: PolicyState
  byNumber: Map<number, FullVersion>
  lang: Lang
  slug: string
}) {
  const ui = UI[lang]
  const binding = state.binding
  const version = byNumber.get(view.version)!
  const other = view.compareWith ? byNumber.get(view.compareWith)! : null
  const [older, newer] =
    other && other.version > version.version ? [version, other] : [other, version]
  const upcoming = versionState(version, state.inForce, state.today) === 'upcoming'
  return (
    <>
      <h1>
        {text(version.title ?? state.policy.title, lang, binding)} · {ui.version(version.version)}
      </h1>
      <Notice version={version} state={state} lang={lang} slug={slug} />
      <p className="version-summary">
        <strong>{ui.changeSummary} :</strong>{' '}
        <Localized value={version.changeSummary} lang={lang} binding={binding} />
      </p>
      {older && newer ? (
        <section className="changes" aria-labelledby="changes-title">
          <h2 id="changes-title">
            {older.version === version.version - 1 && newer === version
              ? ui.changesFrom(older.version)
              : ui.compareTitle(older.version, newer.version)}
          </h2>
          <DiffView diff={diffVersions(older, newer, lang, binding)} lang={lang} headingLevel={3} />
        </section>
      ) : null}
      <PolicyDocument version={version} lang={lang} binding={binding} upcoming={upcoming} nested />
    </>
  )
}

function ComparePage({
  view,
  byNumber,
  lang,
  slug,
  binding,
}: {
  view: View<'compare'>
  byNumber: Map<number, FullVersion>
  lang: Lang
  slug: string
  binding: Lang
}) {
  const ui = UI[lang]
  const [from, to] = [byNumber.get(view.from)!, byNumber.get(view.to)!]
  return (
    <>
      <h1>{ui.compareTitle(view.from, view.to)}</h1>
      <p>
        <a href={versionPath(lang, slug, view.from)}>
          {ui.version(view.from)} ({formatPolicyDate(from.effectiveFrom, lang)})
        </a>{' '}
        →{' '}
        <a href={versionPath(lang, slug, view.to)}>
          {ui.version(view.to)} ({formatPolicyDate(to.effectiveFrom, lang)})
        </a>
      </p>
      <DiffView diff={diffVersions(from, to, lang, binding)} lang={lang} />
    </>
  )
}

function PreviewPage({ preview, lang, slug }: { preview: Preview; lang: Lang; slug: string }) {
  const { state, version, latest } = preview
  return (
    <>
      <PreviewBanner lang={lang} path={pagePath(lang, slug)} unchanged={!preview.changed} />
      <PolicyDocument version={version} lang={lang} binding={state.binding} />
      {latest ? (
        <section className="changes" aria-labelledby="changes-title">
          <h2 id="changes-title">{UI[lang].changesFrom(latest.version)}</h2>
          <DiffView
            diff={diffVersions(latest, version, lang, state.binding)}
            lang={lang}
            headingLevel={3}
          />
        </section>
      ) : null}
    </>
  )
}

function html(element: ReactNode): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(element)}`
}

/** The 404 document, in every language: a missing page cannot know which one the visitor reads. */
export function notFoundPage(lang: Lang, siteUrl: string | null): RenderedPage {
  const title = LANGUAGES.map((each) => UI[each].notFoundTitle).join(' / ')
  return {
    status: 404,
    timeZone: null,
    html: html(
      <Document lang={lang} head={{ title, noindex: true }} siteUrl={siteUrl}>
        <NotFound />
      </Document>,
    ),
  }
}

/** The 503 document, while the content source has never answered. */
export function unavailablePage(lang: Lang, siteUrl: string | null): RenderedPage {
  const ui = UI[lang]
  return {
    status: 503,
    timeZone: null,
    html: html(
      <Document lang={lang} head={{ title: ui.unavailableTitle, noindex: true }} siteUrl={siteUrl}>
        <div className="unavailable">
          <h1>{ui.unavailableTitle}</h1>
          <p>{ui.unavailableBody}</p>
        </div>
      </Document>,
    ),
  }
}

export interface RenderOptions {
  runQuery: RunQuery
  siteUrl: string | null
  /** An editor's preview of the policy page: the next version as it would be published from the drafts. */
  readPreview?: (slug: string) => Promise<Preview | null>
}

/** A page of a policy; its 404 when the policy, or a version it names, does not exist. */
export async function renderPage(
  address: PageAddress,
  options: RenderOptions,
): Promise<RenderedPage> {
  const { lang, slug, view } = address
  const ui = UI[lang]
  const missing = () => notFoundPage(lang, options.siteUrl)
  const preview = options.readPreview && view.kind === 'policy'
  const state = preview ? null : await readPolicyState(options.runQuery, slug)
  const page = (head: Head, body: ReactNode, timeZone: string | null): RenderedPage => ({
    status: 200,
    timeZone,
    html: html(
      <Document lang={lang} policy={slug} head={head} siteUrl={options.siteUrl}>
        {body}
      </Document>,
    ),
  })

  if (preview) {
    const found = await options.readPreview!(slug)
    if (!found) return missing()
    const title = text(found.version.title ?? found.state.policy.title, lang, found.state.binding)
    return page({ title }, <PreviewPage preview={found} lang={lang} slug={slug} />, null)
  }
  if (!state || state.versions.length === 0) return missing()
  const { binding, timeZone } = state
  // The canonical address of a version page is the version's own, whichever version it is compared with.
  const suffix = pageSuffix(
    slug,
    view.kind === 'version'
      ? { ...view, compareWith: view.version > 1 ? view.version - 1 : null }
      : view,
  )
  const nav = <PolicyNav lang={lang} slug={slug} path={suffix} />
  const policyTitle = text(state.policy.title, lang, binding)

  if (view.kind === 'versions') {
    const title = ui.versionsTitle(policyTitle)
    return page(
      { title, description: title, suffix, binding },
      <>
        {nav}
        <h1>{title}</h1>
        <VersionList state={state} lang={lang} slug={slug} />
      </>,
      timeZone,
    )
  }

  const wanted =
    view.kind === 'policy' ? (state.inForce ? [state.inForce.version] : []) : versionsOf(view)
  if (wanted.length === 0) return missing()
  const versions = await readVersions(options.runQuery, slug, wanted)
  const byNumber = new Map(versions.map((version) => [version.version, version]))
  if (!wanted.every((number) => byNumber.has(number))) return missing()

  if (view.kind === 'policy') {
    const version = byNumber.get(wanted[0]!)!
    const title = text(version.title ?? state.policy.title, lang, binding)
    const description = `${title}. ${ui.inForceSince(formatPolicyDate(version.effectiveFrom, lang))}.`
    return page(
      { title, description, suffix, binding },
      <>
        {nav}
        <PolicyDocument version={version} lang={lang} binding={binding} />
      </>,
      timeZone,
    )
  }
  const title = `${policyTitle}${ui.colon}${
    view.kind === 'compare' ? ui.compareTitle(view.from, view.to) : ui.version(view.version)
  }`
  return page(
    { title, description: title, suffix, binding },
    <>
      {nav}
      {view.kind === 'compare' ? (
        <ComparePage view={view} byNumber={byNumber} lang={lang} slug={slug} binding={binding} />
      ) : (
        <VersionPage view={view} state={state} byNumber={byNumber} lang={lang} slug={slug} />
      )}
    </>,
    timeZone,
  )
}
