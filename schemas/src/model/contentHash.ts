// A published version's content hash: SHA-256 over a canonical form of what it says (its title, introduction,
// sections, catalog snapshot and consent changes, in every language), computed once when it is published and never again.
// Whoever rewrites a version afterwards (through the Content Lake's API, or the dataset file) cannot make it
// match: the site refuses to serve a version whose content no longer has its hash. Web Crypto, so that the
// Studio (a browser) and Node compute it alike.
import { stableStringify } from './stable'

/** The fields a version's hash covers: everything a visitor is shown of it. */
export interface HashedContent {
  title?: unknown
  intro?: unknown
  sections?: unknown
  snapshot?: unknown
  /** Which categories' consent it changed: what decides whom the banner asks again. */
  consentChanges?: unknown
}

/**
 * The canonical form: those fields only, keys sorted, empty fields left out (so a version published before
 * consent changes were recorded keeps its hash).
 */
export function canonicalContent(version: HashedContent): string {
  const { title, intro, sections, snapshot, consentChanges } = version
  return stableStringify({ title, intro, sections, snapshot, consentChanges })
}

/** "sha256:" and the hex digest of the canonical form. */
export async function contentHashOf(version: HashedContent): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(canonicalContent(version)),
  )
  const hex = [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
  return `sha256:${hex}`
}

/** A version document as it is published: with its content hash. */
export async function withContentHash<T extends object>(
  document: T,
): Promise<T & { contentHash: string }> {
  return { ...document, contentHash: await contentHashOf(document as HashedContent) }
}
