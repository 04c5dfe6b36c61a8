// Next.js settings: the shared schemas workspace is TypeScript source, compiled with the app; every answer
// carries the security headers (the production server sets them too; pages get their CSP in proxy.ts).
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
  // Every visitor gets the title and description in <head>, as bots do: Next.js otherwise streams them into
  // the body for browsers and moves them with a script, and the production server serves pages without
  // Next.js's scripts.
  htmlLimitedBots: /.*/,
  async headers() {
    return [
      { source: '/:path*', headers: list(commonSecurityHeaders()) },
      { source: '/api/:path*', headers: list(jsonSecurityHeaders()) },
      { source: '/healthz', headers: list(jsonSecurityHeaders()) },
    ]
  },
}

export default config
