// Next.js settings: the shared schemas workspace is TypeScript source, compiled with the app; every answer
// carries the security headers (the site's own answers carry them too, with a CSP of their own).
import { fileURLToPath } from 'node:url'
import type { NextConfig } from 'next'
import { commonSecurityHeaders, jsonSecurityHeaders } from './src/lib/security'

const list = (headers: Record<string, string>) =>
  Object.entries(headers).map(([key, value]) => ({ key, value }))

const config: NextConfig = {
  transpilePackages: ['@cookie-policy/schemas'],
  poweredByHeader: false,
  reactStrictMode: true,
  turbopack: { root: fileURLToPath(new URL('..', import.meta.url)) },
  async headers() {
    return [
      { source: '/:path*', headers: list(commonSecurityHeaders()) },
      { source: '/api/:path*', headers: list(jsonSecurityHeaders()) },
      { source: '/healthz', headers: list(jsonSecurityHeaders()) },
    ]
  },
}

export default config
