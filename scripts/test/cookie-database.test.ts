// The pinned Open Cookie Database: read whole, its retentions read as periods, and what it suggests for a
// cookie a policy does not declare; and which addresses the scanner's guard keeps scanned pages from.
import { readFileSync } from 'node:fs'
import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import { describeCopy, unparsedRetentions } from '../src/refresh-cookie-database'
import {
  cookieDatabase,
  COOKIE_DATABASE_FILE,
  parseCookieDatabase,
  parseCsv,
  parseDatabaseRetention,
  suggestFor,
} from '../src/scan/cookieDatabase'
import { isPrivateAddress, resolveHost, startGuard } from '../src/scan/guard'

describe('the pinned copy', () => {
  const entries = cookieDatabase()
  const rows = readFileSync(COOKIE_DATABASE_FILE, 'utf8')

  it('is read whole: one entry per row, every field in place', () => {
    expect(entries).toHaveLength(parseCsv(rows).length - 1)
    expect(entries.length).toBeGreaterThan(2000)
    expect(entries.every((entry) => entry.id && entry.name && entry.category)).toBe(true)
  })

  it('reads at least 95% of its retentions as a period; its README lists the rest', () => {
    const unparsed = unparsedRetentions(entries).reduce((sum, [, count]) => sum + count, 0)
    expect((entries.length - unparsed) / entries.length).toBeGreaterThanOrEqual(0.95)
    const readme = readFileSync(new URL('./README.md', COOKIE_DATABASE_FILE), 'utf8')
    const commit = /commit `([0-9a-f]{40})` \((\d{4}-\d{2}-\d{2})\)/.exec(readme)!
    expect(readme).toBe(describeCopy(entries, commit[1]!, commit[2]!))
  })
})

describe('parseDatabaseRetention', () => {
  it.each([
    ['1 year', { kind: 'duration', amount: 1, unit: 'year' }],
    ['13 months', { kind: 'duration', amount: 13, unit: 'month' }],
    ['30 mins', { kind: 'duration', amount: 30, unit: 'minute' }],
    ['Session', { kind: 'session' }],
    ['End of session (browser)', { kind: 'session' }],
    ['2 years after last activity', { kind: 'duration', amount: 2, unit: 'year' }],
    ['13 months by default, modifiable', { kind: 'duration', amount: 13, unit: 'month' }],
    ['1 hour or longer', { kind: 'duration', amount: 1, unit: 'hour' }],
    ['Unknown', null],
    ['forever', null],
    ['Varies', null],
  ])('%s', (text, expected) => {
    expect(parseDatabaseRetention(text)).toEqual(expected)
  })
})

describe('suggestFor', () => {
  const keys = ['necessary', 'analytics', 'functionality']

  it('finds a cookie by its exact name first', () => {
    expect(suggestFor({ name: '_ga', domain: 'www.example.com' }, keys)).toMatchObject({
      match: 'name',
      platform: 'Google Analytics',
      databaseCategory: 'Analytics',
      category: 'analytics',
      provider: 'Google',
      retention: { kind: 'duration', amount: 2, unit: 'year' },
      retentionText: '2 years',
    })
  })

  it('then by a wildcard entry, the longest prefix winning', () => {
    expect(suggestFor({ name: '_ga_4N2X8QZ1', domain: 'example.com' }, keys)).toMatchObject({
      match: 'wildcard',
      platform: 'Google Analytics',
    })
  })

  it('then by the host that set it', () => {
    expect(suggestFor({ name: 'x9q', domain: '.doubleclick.net' }, keys)).toMatchObject({
      match: 'domain',
      databaseCategory: 'Marketing',
      // The policy has no marketing category: the editor chooses one.
      category: null,
    })
  })

  it('suggests nothing for a cookie it does not know', () => {
    expect(suggestFor({ name: 'tracker_js', domain: '127.0.0.1' }, keys)).toBeNull()
  })
})

describe('reading the CSV', () => {
  it('keeps commas, quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
    ])
  })

  it('refuses a file that is not the database, by name', () => {
    expect(() => parseCookieDatabase('name,value\na,b\n', 'elsewhere.csv')).toThrow(
      "elsewhere.csv: its columns are not the Open Cookie Database's",
    )
  })
})

describe("the scanner's guard", () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['fe80::1', true],
    ['fd00::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['64:ff9b::a9fe:a9fe', true],
    ['64:ff9b::169.254.169.254', true],
    ['2002:a9fe:a9fe::1', true],
    ['64:ff9b::5db8:d822', false],
    ['198.18.0.1', true],
    ['224.0.0.1', true],
    ['93.184.216.34', false],
    ['2606:4700::1111', false],
  ])('%s is private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected)
  })

  it('lets a private scanned site reach only its own address and port', async () => {
    const refused: string[] = []
    const guard = await startGuard(['http://127.0.0.1:4173/'], ({ url }) => refused.push(url))
    const through = (target: string) =>
      new Promise<number>((resolve) => {
        const { hostname, port } = new URL(guard.server)
        request({ host: hostname, port, path: target, agent: false }, (answer) => {
          answer.resume()
          resolve(answer.statusCode!)
        })
          .on('error', () => resolve(0))
          .end()
      })
    try {
      // Another loopback address on the same port, and the cloud's metadata address: refused.
      expect(await through('http://127.0.0.2:4173/')).toBe(403)
      expect(await through('http://169.254.169.254:4173/latest/meta-data/')).toBe(403)
      expect(refused).toEqual([
        'http://127.0.0.2:4173/',
        'http://169.254.169.254:4173/latest/meta-data/',
      ])
    } finally {
      await guard.close()
    }
  })

  it('puts localhost names on loopback without asking DNS, and keeps IP literals', async () => {
    expect(await resolveHost('pixel.localhost')).toBe('127.0.0.1')
    expect(await resolveHost('[::1]')).toBe('::1')
    expect(await resolveHost('10.0.0.7')).toBe('10.0.0.7')
  })
})
