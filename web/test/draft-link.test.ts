// The preview link: only a link signed with this site's secret opens it, for an hour, and it only ever leads
// to this site; only this site's own signed cookie marks a request as a preview.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isValidPreviewLink, signPreviewLink } from '@cookie-policy/schemas/previewLink'
import { safeRedirect } from '../src/lib/draftLink'
import { hasPreviewCookie, PREVIEW_COOKIE, previewCookieValue } from '../src/lib/previewCookie'

const NOW = Date.parse('2026-12-06T12:00:00Z')

describe('the preview link', () => {
  it.each([
    ['/fr/cookies', '/fr/cookies'],
    ['/en/uk-cookies?compare=1', '/en/uk-cookies?compare=1'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['/\t/evil.example', '/'],
    // Each of these was answered 307 to http://evil.example/ before.
    ['/.//evil.example', '/'],
    ['/..//evil.example', '/'],
    ['/%2e//evil.example', '/'],
    ['/fr/..//evil.example', '/'],
    ['/./\\evil.example', '/'],
    ['https://evil.example/', '/'],
    ['javascript:alert(1)', '/'],
    [null, '/'],
  ])('leads %j to %j', (given, expected) => {
    expect(safeRedirect(given)).toBe(expected)
  })

  it('opens only when signed with the secret, for the path signed, until it expires', () => {
    const link = (params: object) => new URLSearchParams({ ...params })
    const signed = signPreviewLink('/fr/cookies', 'a-long-secret', { now: NOW })
    expect(Number(signed.expires) * 1000 - NOW).toBe(3_600_000)
    expect(isValidPreviewLink(link(signed), 'a-long-secret', NOW)).toBe(true)
    expect(isValidPreviewLink(link(signed), 'a-long-secret', NOW + 3_599_000)).toBe(true)
    expect(isValidPreviewLink(link(signed), 'a-long-secret', NOW + 3_600_000)).toBe(false)
    expect(isValidPreviewLink(link(signed), 'another-secret', NOW)).toBe(false)
    expect(isValidPreviewLink(link(signed), undefined, NOW)).toBe(false)
    expect(
      isValidPreviewLink(link({ ...signed, redirect: '/en/cookies' }), 'a-long-secret', NOW),
    ).toBe(false)
    expect(
      isValidPreviewLink(link({ ...signed, expires: '9999999999' }), 'a-long-secret', NOW),
    ).toBe(false)
    expect(() => signPreviewLink('/fr/cookies', 'a-long-secret', { minutes: 0 })).toThrow(
      'A preview link lasts from 1 to 1440 minutes, not 0',
    )
  })
})

describe('the preview cookie', () => {
  beforeEach(() => {
    process.env.SANITY_PREVIEW_SECRET = 'a-long-secret'
  })
  afterEach(() => {
    delete process.env.SANITY_PREVIEW_SECRET
  })

  it('marks a request as a preview only when this site signed it, for an hour', () => {
    const value = previewCookieValue(NOW)!
    const header = `other=1; ${PREVIEW_COOKIE}=${value}`
    expect(hasPreviewCookie(header, NOW)).toBe(true)
    expect(hasPreviewCookie(header, NOW + 3_600_000)).toBe(false)
    expect(hasPreviewCookie('__prerender_bypass=x', NOW)).toBe(false)
    expect(hasPreviewCookie(`${PREVIEW_COOKIE}=99999999999.forged`, NOW)).toBe(false)
    expect(hasPreviewCookie(`${PREVIEW_COOKIE}=${value.replace(/^\d/, '9')}`, NOW)).toBe(false)
    process.env.SANITY_PREVIEW_SECRET = 'another-secret'
    expect(hasPreviewCookie(header, NOW)).toBe(false)
    delete process.env.SANITY_PREVIEW_SECRET
    expect(previewCookieValue(NOW)).toBeNull()
    expect(hasPreviewCookie(header, NOW)).toBe(false)
  })
})
