// /{lang}/{slug}: the version of the policy in force today (Europe/Paris).
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { formatPolicyDate, text } from '@cookie-policy/schemas/model'
import { PolicyDocument } from '@/components/PolicyDocument'
import { PolicyNav } from '@/components/PolicyNav'
import { UI } from '@/lib/i18n'
import { pageMetadata } from '@/lib/metadata'
import { langOr404 } from '@/lib/params'
import { getPolicyPage, type FullVersion } from '@/lib/policy'

export const dynamic = 'force-dynamic'

type Params = Promise<{ lang: string; slug: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { lang: requested, slug } = await params
  const lang = langOr404(requested)
  const page = await getPolicyPage(slug)
  if (!page?.current) return {}
  const title = text(page.current.title ?? page.title, lang)
  return pageMetadata(
    lang,
    `/${slug}`,
    title,
    `${title}. ${UI[lang].inForceSince(formatPolicyDate(page.current.effectiveFrom, lang))}.`,
  )
}

export default async function PolicyPage({ params }: { params: Params }) {
  const { lang: requested, slug } = await params
  const lang = langOr404(requested)
  const page = await getPolicyPage(slug)
  if (!page?.current) notFound()
  return (
    <>
      <PolicyNav
        lang={lang}
        slug={slug}
        otherLangPath={`/${lang === 'fr' ? 'en' : 'fr'}/${slug}`}
      />
      <PolicyDocument version={page.current as FullVersion} lang={lang} />
    </>
  )
}
