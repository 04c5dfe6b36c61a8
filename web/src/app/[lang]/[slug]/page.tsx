// /{lang}/{slug}: the version of the policy in force today, in the policy's time zone.
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { formatPolicyDate, text } from '@cookie-policy/schemas/model'
import { PolicyDocument } from '@/components/PolicyDocument'
import { PolicyNav } from '@/components/PolicyNav'
import { UI } from '@/lib/i18n'
import { pageMetadata } from '@/lib/metadata'
import { langOr404 } from '@/lib/params'
import { getPolicyState, getVersions } from '@/lib/policy'

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
    state.binding,
    `/${slug}`,
    title,
    `${title}. ${UI[lang].inForceSince(formatPolicyDate(version.effectiveFrom, lang))}.`,
  )
}

export default async function PolicyPage({ params }: { params: Params }) {
  const { lang: requested, slug } = await params
  const lang = langOr404(requested)
  const loaded = await load(slug)
  if (!loaded) notFound()
  return (
    <>
      <PolicyNav lang={lang} slug={slug} path={`/${slug}`} />
      <PolicyDocument version={loaded.version} lang={lang} binding={loaded.state.binding} />
    </>
  )
}
