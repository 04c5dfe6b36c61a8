// Security headers, in one place for the production server, plain `next start` (next.config.ts headers)
// and the pages (lib/site.ts). No imports: the
// Next.js configuration loads this file too.

/** What the site does not use: denied to every frame and script. */
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
  'browsing-topics=()',
].join(', ')

/** Headers every answer carries: pages, JSON, files. HSTS where SITE_URL says the site is https. */
export function commonSecurityHeaders(): Record<string, string> {
  const https = process.env.SITE_URL?.startsWith('https://')
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    'X-Frame-Options': 'DENY',
    // Only where the site says it is served over https: a plain-http site would lock itself out.
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  }
}

/** JSON answers load nothing and are framed by nobody. */
export function jsonSecurityHeaders(): Record<string, string> {
  return {
    ...commonSecurityHeaders(),
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  }
}

/** A page's policy with the given script sources: nothing inline unless named, no plugins, no framing. */
function pagePolicy(scriptSources: string, styleSources: string): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSources}`,
    `style-src ${styleSources}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/**
 * A policy page, a document for every visitor: the site's own script files (the banner), nothing inline but
 * the page's stylesheet, named by its hash.
 */
export function documentCsp(styleHash: string): string {
  return pagePolicy("'self'", `'self' ${styleHash}`)
}
