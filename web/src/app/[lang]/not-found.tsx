// The 404 page, in both languages: a not-found page cannot know which language the visitor asked for.
import Link from 'next/link'
import { UI } from '@/lib/i18n'

export default function NotFound() {
  return (
    <div className="not-found">
      {/* Rendered here, not as metadata: Next.js does not emit page metadata on a 404 answer. */}
      <title>{`${UI.fr.notFoundTitle} / ${UI.en.notFoundTitle}`}</title>
      <h1>
        {UI.fr.notFoundTitle} <span lang="en">/ {UI.en.notFoundTitle}</span>
      </h1>
      <p>
        {UI.fr.notFoundBody} <Link href="/fr">/fr</Link>
      </p>
      <p lang="en">
        {UI.en.notFoundBody} <Link href="/en">/en</Link>
      </p>
    </div>
  )
}
