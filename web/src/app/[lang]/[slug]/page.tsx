// /{lang}/{slug}: the version of the policy in force today, in the policy's time zone. In an editor's
// preview (draft mode), the next version as it would be published from the drafts, marked as such.
import type { Metadata } from 'next'
import { draftMode } from 'next/headers'
import { notFound } from 'next/navigation'
import { diffVersions, formatPolicyDate, text, type Lang } from '@cookie-policy/schemas/model'
import { DiffView } from '@/components/DiffView'
import { PolicyDocument } from '@/components/PolicyDocument'
import { PolicyNav } from '@/components/PolicyNav'
import { PreviewBanner } from '@/components/PreviewBanner'
import { UI } from '@/lib/i18n'
import { pageMetadata } from '@/lib/metadata'
import { langOr404 } from '@/lib/params'
import { getPolicyState, getVersions } from '@/lib/policy'
import { readPreview } from '@/lib/preview'

export const dynamic = 'force-dynamic'

type Params = Promise<{ lang: string; slug: string }>

async function load(slug: string) {
  const state = await getPolicyState(slug)
  if (!state?.inForce) return null
  const [version] = await getVersions(slug, [state.inForce.version])
  return version ? { state, version } : null
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { lang: requested, slug } = await params
  const lang = langOr404(requested)
  const loaded = await load(slug)
  if (!loaded) return {}
  const { state, version } = loaded
  const title = text(version.title ?? state.policy.title, lang, state.binding)
  return pageMetadata(
    lang,
    title,
    `${title}. ${UI[lang].inForceSince(formatPolicyDate(version.effectiveFrom, lang))}.`,
  )
}

async function PreviewPage({ lang, slug }: { lang: Lang; slug: string }) {
  const preview = await readPreview(slug)
  if (!preview) notFound()
  const { state, version, latest } = preview
  return (
    <>
      <PreviewBanner lang={lang} path={`/${lang}/${slug}`} unchanged={!preview.changed} />
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

export default async function PolicyPage({ params }: { params: Params }) {
  const { lang: requested, slug } = await params
  const lang = langOr404(requested)
  if ((await draftMode()).isEnabled) return <PreviewPage lang={lang} slug={slug} />
  const loaded = await load(slug)
  if (!loaded) notFound()
  return (
    <>
      <PolicyNav lang={lang} binding={loaded.state.binding} slug={slug} path={`/${slug}`} />
      <PolicyDocument version={loaded.version} lang={lang} binding={loaded.state.binding} />
    </>
  )
}
