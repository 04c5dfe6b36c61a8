// /{lang} leads to the site's default policy in that language.
import { notFound, redirect } from 'next/navigation'
import { getDefaultPolicy } from '@/lib/policy'
import { langOr404 } from '@/lib/params'

export const dynamic = 'force-dynamic'

export default async function LanguageHome({ params }: { params: Promise<{ lang: string }> }) {
  const lang = langOr404((await params).lang)
  const policy = await getDefaultPolicy()
  if (!policy) notFound()
  redirect(`/${lang}/${policy.slug}`)
}
