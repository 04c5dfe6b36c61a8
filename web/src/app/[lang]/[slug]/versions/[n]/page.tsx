// /{lang}/{slug}/versions/{n}: version n as published, with what changed since n-1 (or since ?compare=a).
// /{lang}/{slug}/versions/{a}...{b}: the differences between any two versions.
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import {
  diffVersions,
  formatPolicyDate,
  text,
  versionState,
  type Lang,
} from '@cookie-policy/schemas/model'
import { DiffView } from '@/components/DiffView'
import { Localized } from '@/components/Localized'
import { PolicyDocument } from '@/components/PolicyDocument'
import { PolicyNav } from '@/components/PolicyNav'
import { UI } from '@/lib/i18n'
import { pageMetadata } from '@/lib/metadata'
import { langOr404 } from '@/lib/params'
import { getPolicyState, getVersions, type FullVersion, type PolicyState } from '@/lib/policy'
import { readVersionRequest, versionsOf, type VersionRequest } from '@/lib/versionRequest'

export const dynamic = 'force-dynamic'

type Params = Promise<{ lang: string; slug: string; n: string }>
type SearchParams = Promise<Record<string, string | string[] | undefined>>

async function load(slug: string, request: VersionRequest) {
  const page = await getPolicyState(slug)
  if (!page) return null
  const wanted = versionsOf(request)
  const versions = await getVersions(slug, wanted)
  const byNumber = new Map(versions.map((version) => [version.version, version]))
  if (!wanted.every((number) => byNumber.has(number))) return null
  return { page, byNumber }
}

export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Params
  searchParams: SearchParams
}): Promise<Metadata> {
  const { lang: requested, slug, n } = await params
  const lang = langOr404(requested)
  const request = readVersionRequest(n, (await searchParams).compare)
  const loaded = request ? await load(slug, request) : null
  if (!request || !loaded) return {}
  const ui = UI[lang]
  const policyTitle = text(loaded.page.policy.title, lang, loaded.page.binding)
  const title = `${policyTitle}${ui.colon}${
    request.kind === 'compare'
      ? ui.compareTitle(request.from, request.to)
      : ui.version(request.version)
  }`
  return pageMetadata(lang, title, title)
}

function Notice({
  version,
  page,
  lang,
  slug,
}: {
  version: FullVersion
  page: PolicyState
  lang: Lang
  slug: string
}) {
  const ui = UI[lang]
  const state = versionState(version, page.inForce, page.today)
  if (state === 'inForce') return <p className="notice notice-current">{ui.inForce}</p>
  return (
    <div className={`notice notice-${state}`} role="note">
      <p>
        <strong>{ui.notInForce}</strong>{' '}
        {state === 'upcoming'
          ? ui.upcomingNotice(formatPolicyDate(version.effectiveFrom, lang))
          : ui.pastNotice}
      </p>
      <p>
        <a href={`/${lang}/${slug}`}>{ui.currentVersion}</a>
      </p>
    </div>
  )
}

export default async function VersionPage({
  params,
  searchParams,
}: {
  params: Params
  searchParams: SearchParams
}) {
  const { lang: requested, slug, n } = await params
  const lang = langOr404(requested)
  const request = readVersionRequest(n, (await searchParams).compare)
  if (!request) notFound()
  const loaded = await load(slug, request)
  if (!loaded) notFound()
  const { page, byNumber } = loaded
  const ui = UI[lang]
  const path = `/${slug}/versions/${n}`
  const binding = page.binding

  if (request.kind === 'compare') {
    const [from, to] = [byNumber.get(request.from)!, byNumber.get(request.to)!]
    return (
      <>
        <PolicyNav lang={lang} binding={binding} slug={slug} path={path} />
        <h1>{ui.compareTitle(request.from, request.to)}</h1>
        <p>
          <a href={`/${lang}/${slug}/versions/${request.from}`}>
            {ui.version(request.from)} ({formatPolicyDate(from.effectiveFrom, lang)})
          </a>{' '}
          →{' '}
          <a href={`/${lang}/${slug}/versions/${request.to}`}>
            {ui.version(request.to)} ({formatPolicyDate(to.effectiveFrom, lang)})
          </a>
        </p>
        <DiffView diff={diffVersions(from, to, lang, binding)} lang={lang} />
      </>
    )
  }

  const version = byNumber.get(request.version)!
  const other = request.compareWith ? byNumber.get(request.compareWith)! : null
  const [older, newer] =
    other && other.version > version.version ? [version, other] : [other, version]
  const upcoming = versionState(version, page.inForce, page.today) === 'upcoming'
  return (
    <>
      <PolicyNav lang={lang} binding={binding} slug={slug} path={path} />
      <h1>
        {text(version.title ?? page.policy.title, lang, binding)} · {ui.version(version.version)}
      </h1>
      <Notice version={version} page={page} lang={lang} slug={slug} />
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
