// /{lang}/{slug}/versions: every version, newest first, with its date, summary and state.
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { formatPolicyDate, text, versionState } from '@cookie-policy/schemas/model'
import { Localized } from '@/components/Localized'
import { PolicyNav } from '@/components/PolicyNav'
import { UI } from '@/lib/i18n'
import { pageMetadata } from '@/lib/metadata'
import { langOr404 } from '@/lib/params'
import { getPolicyState } from '@/lib/policy'

export const dynamic = 'force-dynamic'

type Params = Promise<{ lang: string; slug: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { lang: requested, slug } = await params
  const lang = langOr404(requested)
  const state = await getPolicyState(slug)
  if (!state) return {}
  const title = UI[lang].versionsTitle(text(state.policy.title, lang, state.binding))
  return pageMetadata(lang, title, title)
}

export default async function VersionsPage({ params }: { params: Params }) {
  const { lang: requested, slug } = await params
  const lang = langOr404(requested)
  const policy = await getPolicyState(slug)
  if (!policy || policy.versions.length === 0) notFound()
  const ui = UI[lang]
  return (
    <>
      <PolicyNav lang={lang} binding={policy.binding} slug={slug} path={`/${slug}/versions`} />
      <h1>{ui.versionsTitle(text(policy.policy.title, lang, policy.binding))}</h1>
      <ol className="version-list" reversed>
        {policy.versions.map((version) => {
          const state = versionState(version, policy.inForce, policy.today)
          return (
            <li
              key={version._id}
              className={`version version-${state}`}
              data-version={version.version}
            >
              <h2>
                <a href={`/${lang}/${slug}/versions/${version.version}`}>
                  {ui.version(version.version)}
                </a>
              </h2>
              <p className="version-meta">
                <span className={`badge badge-${state}`}>
                  {state === 'inForce' ? ui.inForce : state === 'upcoming' ? ui.upcoming : ui.past}
                </span>{' '}
                <span>
                  {state === 'upcoming'
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
                <Localized value={version.changeSummary} lang={lang} binding={policy.binding} />
              </p>
              {version.version > 1 ? (
                <p>
                  <a href={`/${lang}/${slug}/versions/${version.version - 1}...${version.version}`}>
                    {ui.compareWith(version.version - 1)}
                  </a>
                </p>
              ) : null}
            </li>
          )
        })}
      </ol>
    </>
  )
}
