// The pages' addresses: each page has one key whatever the spelling, and every link the site writes reads
// back as the page it names.
import { describe, expect, it } from 'vitest'
import { pageKey, pagePath, parseSiteAddress, versionPath, type PageView } from '../src/model'

const keyOf = (path: string, search = '') => {
  const address = parseSiteAddress(path, search)
  return address?.kind === 'page' ? pageKey(address) : (address?.kind ?? null)
}

describe('page addresses', () => {
  it.each([
    ['/', '', 'root'],
    ['/fr', '', 'language'],
    ['/fr/cookies', '', '/fr/cookies'],
    ['/fr/cookies', '?utm_source=x&compare=1', '/fr/cookies'],
    ['/en/cookies/versions', '', '/en/cookies/versions'],
    ['/fr/cookies/versions/2', '', '/fr/cookies/versions/2'],
    ['/fr/cookies/versions/2', '?compare=1', '/fr/cookies/versions/2'],
    ['/fr/cookies/versions/2', '?compare=1&x=y', '/fr/cookies/versions/2'],
    ['/fr/cookies/versions/3', '?compare=1', '/fr/cookies/versions/3?compare=1'],
    ['/fr/cookies/versions/1', '', '/fr/cookies/versions/1'],
    ['/fr/cookies/versions/1...3', '', '/fr/cookies/versions/1...3'],
    ['/fr/cookies/versions/3...1', '', '/fr/cookies/versions/1...3'],
    ['/fr/cookies/versions/3...1', '?compare=2', '/fr/cookies/versions/1...3'],
  ])('%s%s is %s', (path, search, key) => {
    expect(keyOf(path, search)).toBe(key)
  })

  it.each([
    ['/es/cookies', ''],
    ['/fr/cookies/', ''],
    ['/fr//cookies', ''],
    ['/fr/./cookies', ''],
    ['/fr/../fr/cookies', ''],
    ['/fr/%63ookies', ''],
    ['/fr/cookies/history', ''],
    ['/fr/cookies/versions/0', ''],
    ['/fr/cookies/versions/02', ''],
    ['/fr/cookies/versions/1234567', ''],
    ['/fr/cookies/versions/2', '?compare=x'],
    ['/fr/cookies/versions/2', '?compare=1&compare=2'],
    ['/fr/cookies/versions/1..3', ''],
    ['/fr/cookies/versions/2/more', ''],
  ])('%s%s names no page', (path, search) => {
    expect(keyOf(path, search)).toBeNull()
  })

  it('reads every address it writes back as the same page', () => {
    const views: PageView[] = [
      { kind: 'policy' },
      { kind: 'versions' },
      { kind: 'version', version: 1, compareWith: null },
      { kind: 'version', version: 4, compareWith: 3 },
      { kind: 'version', version: 4, compareWith: 1 },
      { kind: 'compare', from: 2, to: 5 },
    ]
    for (const view of views) {
      const [path, search = ''] = pagePath('en', 'uk-cookies', view).split('?')
      expect(parseSiteAddress(path!, search ? `?${search}` : '')).toEqual({
        kind: 'page',
        lang: 'en',
        slug: 'uk-cookies',
        view,
      })
    }
    expect(versionPath('en', 'cookies', 3)).toBe('/en/cookies/versions/3')
  })
})
