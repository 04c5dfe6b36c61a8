// The root layout of every page: the document language comes from the address.
import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { DEFAULT_BINDING_LANGUAGE, isLang } from '@cookie-policy/schemas/model'
import { siteUrl } from '@/lib/env'
import { UI } from '@/lib/i18n'
import '../globals.css'

export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(siteUrl() ?? `http://localhost:${process.env.PORT || 3000}`),
    // No favicon of our own: say so, rather than let every browser ask for one and get a 404.
    icons: { icon: 'data:,' },
  }
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

export default async function RootLayout({
  children,
  params,
}: {
  children: ReactNode
  params: Promise<{ lang: string }>
}) {
  const { lang: requested } = await params
  const lang = isLang(requested) ? requested : DEFAULT_BINDING_LANGUAGE
  return (
    <html lang={lang}>
      <head>
        {/* The banner loader sets every Consent Mode signal to denied before anything else runs. */}
        {/* eslint-disable-next-line @next/next/no-sync-scripts -- it must run first and block, by design */}
        <script src="/cookie-banner.js" data-lang={lang} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {UI[lang].skipToContent}
        </a>
        <main id="main">{children}</main>
      </body>
    </html>
  )
}
