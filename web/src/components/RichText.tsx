// The policy's prose (Portable Text) in the page's language, French with a note where it is not translated.
import { PortableText, type PortableTextComponents } from '@portabletext/react'
import type { LocaleBlockContent } from '@cookie-policy/schemas/sanity.types'
import { pick, type Lang } from '@cookie-policy/schemas/model'
import { UI } from '@/lib/i18n'

const components: PortableTextComponents = {
  marks: {
    link: ({ value, children }) => {
      const href = typeof value?.href === 'string' ? value.href : undefined
      return <a href={href}>{children}</a>
    },
  },
}

export function RichText({
  value,
  lang,
}: {
  value: LocaleBlockContent | null | undefined
  lang: Lang
}) {
  const { value: blocks, fallback } = pick(value, lang)
  if (!blocks?.length) return null
  if (!fallback) return <PortableText value={blocks} components={components} />
  return (
    <div lang="fr">
      <p className="fallback-note" lang={lang}>
        {UI[lang].frenchOnly}
      </p>
      <PortableText value={blocks} components={components} />
    </div>
  )
}
