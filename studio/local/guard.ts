// Who may talk to the local Content Lake: the Studio page on the dev server's own origin, and nothing a web
// page elsewhere can make a browser send. Without this, any site the editor visits could rewrite the dataset
// with a `no-cors` POST (no preflight is needed for text/plain), or read it after rebinding its own host name
// to this machine. Tools on this machine may call it without an Origin: they could edit the file directly.

/** The largest request body the lake reads: a whole policy version is some 25 KB. */
export const LAKE_BODY_LIMIT = 1_000_000

/** Host names a browser on this machine reaches the dev server by; others are a rebound name. */
function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(hostname) ||
    hostname === '[::1]'
  )
}

export interface LakeRequestHeaders {
  method: string
  host: string | undefined
  origin: string | undefined
  secFetchSite: string | undefined
  contentType: string | undefined
}

/**
 * Why a request must be refused, or null when it may go on. `allowedHosts` are host names besides loopback
 * that the Studio is opened by (Vite's `server.allowedHosts`).
 */
export function lakeRefusal(
  request: LakeRequestHeaders,
  allowedHosts: readonly string[] = [],
): string | null {
  let hostname: string
  try {
    hostname = new URL(`http://${request.host ?? ''}`).hostname
  } catch {
    return `the Host header ${JSON.stringify(request.host)} cannot be read`
  }
  if (!isLoopbackHost(hostname) && !allowedHosts.includes(hostname))
    return `the host ${hostname} is not this machine (set server.allowedHosts to open the Studio by it)`
  const { origin, secFetchSite } = request
  if (
    origin !== undefined &&
    origin !== `http://${request.host}` &&
    origin !== `https://${request.host}`
  )
    return `it comes from another origin, ${origin}`
  if (secFetchSite !== undefined && secFetchSite !== 'same-origin')
    return `the browser says it comes from a ${secFetchSite} page`
  if (['POST', 'PUT', 'PATCH'].includes(request.method)) {
    if (!/^application\/json\s*(;|$)/i.test(request.contentType ?? ''))
      return `its body is ${request.contentType ?? 'untyped'}, not application/json`
  }
  return null
}
