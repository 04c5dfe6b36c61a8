// The page the proxy shows (with status 503 and Retry-After) while the content source has never answered.
import type { Metadata } from 'next'
import { langOr404 } from '@/lib/params'
import { UI } from '@/lib/i18n'

export const metadata: Metadata = { robots: { index: false } }

export default async function Unavailable({ params }: { params: Promise<{ lang: string }> }) {
  const ui = UI[langOr404((await params).lang)]
  return (
    <div className="unavailable">
      <title>{ui.unavailableTitle}</title>
      <h1>{ui.unavailableTitle}</h1>
      <p>{ui.unavailableBody}</p>
    </div>
  )
}
