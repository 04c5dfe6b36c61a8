// The policy's prose (Portable Text) in the page's language; the binding text with a note where it is not translated.
import { PortableText, type PortableTextComponents } from '@portabletext/react'
import type { BlockContent } from '@cookie-policy/schemas/sanity.types'
import { pick, proseLink, type Lang, type Localized } from '@cookie-policy/schemas/model'
import { languageIn, UI } from '@/lib/i18n'

const components: PortableTextComponents = {
  marks: {
    link: ({ value, children }) => {
      // A link that is not a web, mail or phone address, or a path of the site, is shown as plain text.
      const href = proseLink(value?.href)
      return href ? <a href={href}>{children}</a> : <>{children}</>
    },
  },
}

export function RichText({
  value,
  lang,
  binding,
}: {
  value: Localized | null | undefined
  lang: Lang
  binding: Lang
}) {
  const { value: blocks, fallback } = pick<BlockContent>(value, lang, binding)
  if (!blocks?.length) return null
  if (!fallback) return <PortableText value={blocks} components={components} />
  return (
    <div lang={binding}>
      <p className="fallback-note" lang={lang}>
        {UI[lang].onlyIn(languageIn(lang, binding))}
      </p>
      <PortableText value={blocks} components={components} />
    </div>
  )
}
