// The root layout of every page: the document language comes from the address.
import type { Metadata, Viewport } from 'next'
import { headers } from 'next/headers'
import type { ReactNode } from 'react'
import { DEFAULT_BINDING_LANGUAGE, isLang } from '@cookie-policy/schemas/model'
import { siteUrl } from '@/lib/env'
import { UI } from '@/lib/i18n'
import '../globals.css'

export function generateMetadata(): Metadata {
  const origin = siteUrl()
  return {
    // Absolute addresses only from SITE_URL: never the address the server listens on.
    ...(origin ? { metadataBase: new URL(origin) } : {}),
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
  // From the proxy: the nonce the page's Content-Security-Policy allows, and the policy the page shows.
  const request = await headers()
  const nonce = request.get('x-nonce') ?? undefined
  const policy = request.get('x-policy') ?? undefined
  return (
    <html lang={lang}>
      <head>
        {/* The banner loader sets every Consent Mode signal to denied before anything else runs. */}
        {/* eslint-disable-next-line @next/next/no-sync-scripts -- it must run first and block, by design */}
        <script src="/cookie-banner.js" data-lang={lang} data-policy={policy} nonce={nonce} />
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
