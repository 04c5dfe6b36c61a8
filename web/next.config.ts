// Next.js settings: the shared schemas workspace is TypeScript source, compiled with the app.
import { fileURLToPath } from 'node:url'
import type { NextConfig } from 'next'

const config: NextConfig = {
  transpilePackages: ['@cookie-policy/schemas'],
  poweredByHeader: false,
  reactStrictMode: true,
  turbopack: { root: fileURLToPath(new URL('..', import.meta.url)) },
}

export default config
