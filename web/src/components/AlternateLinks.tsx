// The canonical address and the hreflang alternates of a page, hoisted into <head> by React.
import type { Lang } from '@cookie-policy/schemas/model'
import { alternateLinks } from '@/lib/metadata'

export function AlternateLinks({
  lang,
  binding,
  path,
}: {
  lang: Lang
  binding: Lang
  path: string
}) {
  const links = alternateLinks(lang, binding, path)
  return (
    <>
      <link rel="canonical" href={links.canonical} />
      {links.languages.map((link) => (
        <link key={link.hrefLang} rel="alternate" hrefLang={link.hrefLang} href={link.href} />
      ))}
    </>
  )
}
