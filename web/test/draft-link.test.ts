// The preview link: only this site's secret opens it, and it only ever leads to this site.
import { describe, expect, it } from 'vitest'
import { isPreviewSecret, safeRedirect } from '../src/lib/draftLink'

describe('the preview link', () => {
  it.each([
    ['/fr/cookies', '/fr/cookies'],
    ['/en/uk-cookies?compare=1', '/en/uk-cookies?compare=1'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['/\t/evil.example', '/'],
    ['https://evil.example/', '/'],
    ['javascript:alert(1)', '/'],
    [null, '/'],
  ])('leads %j to %j', (given, expected) => {
    expect(safeRedirect(given)).toBe(expected)
  })

  it('opens only with the configured secret, compared whole', () => {
    process.env.SANITY_PREVIEW_SECRET = 'a-long-secret'
    expect(isPreviewSecret('a-long-secret')).toBe(true)
    expect(isPreviewSecret('a-long-secre')).toBe(false)
    expect(isPreviewSecret('a-long-secret!')).toBe(false)
    expect(isPreviewSecret(null)).toBe(false)
    delete process.env.SANITY_PREVIEW_SECRET
    expect(isPreviewSecret('a-long-secret')).toBe(false)
  })
})
