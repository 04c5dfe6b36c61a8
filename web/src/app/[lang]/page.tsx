// /fr and /en lead to the first policy in that language.
import { notFound, redirect } from 'next/navigation'
import { getPolicies } from '@/lib/policy'
import { langOr404 } from '@/lib/params'

export const dynamic = 'force-dynamic'

export default async function LanguageHome({ params }: { params: Promise<{ lang: string }> }) {
  const lang = langOr404((await params).lang)
  const [first] = await getPolicies()
  if (!first) notFound()
  redirect(`/${lang}/${first.slug}`)
}
