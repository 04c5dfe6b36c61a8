// A small HTTP fuzz of the production server, as an attacker would probe it: random paths, query strings,
// methods, headers and bodies, bounded in count and time, on loopback only. No answer may be a 5xx, none may
// carry the input back unescaped, and the server's memory may not grow with the spellings it is sent.
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'

const PORT = 3110
const INSPECT_PORT = 9339
const REQUESTS = 3000
/** Next.js loads each route's code on its first visit: memory is compared only after these. */
const WARM_UP = 1000
const ROUNDS = 3
const BUDGET_MS = 90_000
/** Input that must never come back as it was sent: in HTML it would be markup, in a header a new line. */
const MARKER = '<fz"q>'

/** A small seeded generator (mulberry32): a failure names its seed and can be replayed. */
function generator(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  return { next, pick }
}

const PATHS = [
  '/',
  '/fr',
  '/fr/cookies',
  '/en/cookies',
  '/fr/cookies/versions',
  '/fr/cookies/versions/1',
  '/fr/cookies/versions/1...2',
  '/de/cookies',
  '/api/cookie-catalog',
  '/api/cookie-catalog/schema',
  '/api/consent',
  '/api/consent/3f0c1a52-6a8e-4c35-9d7e-0b6f4c1e2a77',
  '/api/revalidate',
  '/api/draft-mode/enable',
  '/api/draft-mode/disable',
  '/healthz',
  '/cookie-banner.js',
  '/_next/static/x.js',
]
const SEGMENTS = [
  encodeURIComponent(MARKER),
  MARKER.replace('"', '%22'),
  '..',
  '%2e%2e',
  '.',
  '',
  '%2f',
  '%5c',
  '%00',
  'versions',
  '999999999',
  'x'.repeat(300),
  '%C3%A9',
  '%FF',
  '~',
]
const PARAMS = ['lang', 'policy', 'version', 'format', 'compare', 'redirect', '_rsc', 'secret', 'x']
const VALUES = [
  'fr',
  'en',
  'cookies',
  '1',
  '0',
  '-1',
  '1e3',
  'klaro',
  'vanilla-cookieconsent',
  '//evil.example',
  '/.//evil.example',
  'javascript:alert(1)',
  encodeURIComponent(MARKER),
  '%',
  '',
  'a'.repeat(2000),
]
const METHODS = ['GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']
const HEADERS: [string, string[]][] = [
  [
    'cookie',
    ['__prerender_bypass=x', 'cookie-policy-preview=1.x', `a=${encodeURIComponent(MARKER)}`],
  ],
  ['rsc', ['1']],
  ['accept-encoding', ['br', 'gzip;q=0', '*', 'identity;q=0', 'x'.repeat(500)]],
  ['if-none-match', ['*', '"x"', 'W/"y"']],
  ['content-type', ['application/json', 'text/plain', 'application/json; charset=x', MARKER]],
  ['accept-language', ['de-DE,de;q=0.9', '*', MARKER]],
  ['x-forwarded-host', ['evil.example', MARKER]],
  ['sanity-webhook-signature', ['t=1,v1=x', `t=${Date.now()},v1=x`, MARKER]],
  ['origin', ['https://evil.example', 'null']],
]
const BODIES = [
  '',
  '{}',
  '[]',
  'null',
  '{"consentId":"3f0c1a52-6a8e-4c35-9d7e-0b6f4c1e2a77","policy":"cookies","version":1}',
  `{"x":"${encodeURIComponent(MARKER)}"}`,
  MARKER,
  '{'.repeat(5000),
  'x'.repeat(20_000),
]

interface Answer {
  status: number
  headers: string
  body: string
}

function send(method: string, path: string, headers: Record<string, string>, body: string) {
  return new Promise<Answer>((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port: PORT, method, path, headers },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: JSON.stringify(response.rawHeaders),
            body: Buffer.concat(chunks).toString('latin1'),
          }),
        )
      },
    )
    request.on('error', reject)
    request.setTimeout(20_000, () => request.destroy(new Error('no answer in 20 s')))
    request.end(body || undefined)
  })
}

/**
 * The memory the server's JavaScript holds after full collections (heap and buffers), read through its
 * inspector on loopback: what a cache that keeps every spelling would grow, without the allocator's noise.
 */
async function liveBytes(): Promise<number> {
  const targets = (await (await fetch(`http://127.0.0.1:${INSPECT_PORT}/json/list`)).json()) as {
    webSocketDebuggerUrl: string
  }[]
  const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl)
  await new Promise((resolve, reject) => {
    socket.onopen = resolve
    socket.onerror = reject
  })
  const value = new Promise<string>((resolve) => {
    socket.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as {
        id?: number
        result?: { result: { value: string } }
      }
      if (message.id === 1) resolve(message.result!.result.value)
    }
  })
  socket.send(
    JSON.stringify({
      id: 1,
      method: 'Runtime.evaluate',
      params: {
        expression: 'gc(), gc(), JSON.stringify(process.memoryUsage())',
        returnByValue: true,
      },
    }),
  )
  const usage = JSON.parse(await value) as { heapUsed: number; arrayBuffers: number }
  socket.close()
  return usage.heapUsed + usage.arrayBuffers
}

test('random requests get no 5xx, no unescaped echo, and no growth', async () => {
  test.setTimeout(BUDGET_MS + 60_000)
  const web = fileURLToPath(new URL('..', import.meta.url))
  const server = spawn(
    process.execPath,
    ['--expose-gc', `--inspect=127.0.0.1:${INSPECT_PORT}`, 'dist/server.mjs'],
    {
      cwd: web,
      env: {
        ...process.env,
        PORT: String(PORT),
        HOSTNAME: '127.0.0.1',
        NODE_ENV: 'production',
        CONSENT_STORE: mkdtempSync(join(tmpdir(), 'cookie-policy-fuzz-')),
        DATABASE_URL: '',
        SANITY_PREVIEW_SECRET: 'fuzz-preview-secret',
        SANITY_WEBHOOK_SECRET: 'fuzz-webhook-secret',
      },
      stdio: 'ignore',
    },
  )
  try {
    await expect
      .poll(
        async () => (await fetch(`http://127.0.0.1:${PORT}/healthz`).catch(() => null))?.status,
        {
          timeout: 30_000,
        },
      )
      .toBe(200)
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000)
    const random = generator(seed)
    const one = () => {
      let path = random.pick(PATHS)
      for (let count = Math.floor(random.next() * 3); count > 0; count--)
        path += `/${random.pick(SEGMENTS)}`
      const pairs: string[] = []
      for (let count = Math.floor(random.next() * 4); count > 0; count--)
        pairs.push(`${random.pick(PARAMS)}=${random.pick(VALUES)}`)
      if (pairs.length) path += `?${pairs.join(random.pick(['&', '&&', ';']))}`
      const headers: Record<string, string> = {}
      for (const [name, values] of HEADERS)
        if (random.next() < 0.25) headers[name] = random.pick(values)
      const method = random.pick(METHODS)
      const body = ['POST', 'PUT', 'PATCH'].includes(method) ? random.pick(BODIES) : ''
      return { method, path, headers, body }
    }
    // A first round so that every page and answer is made once; the memory is measured after it.
    for (let index = 0; index < WARM_UP; index++) {
      const { method, path, headers, body } = one()
      await send(method, path, headers, body)
    }
    // Bounded caches fill, then stay: live memory is read after each round, and the last round may add only
    // a little (a cache that kept every new spelling would add as much as the first).
    const live = [await liveBytes()]
    const started = Date.now()
    const failures: string[] = []
    let sent = 0
    for (let round = 0; round < ROUNDS; round++) {
      for (let index = 0; index < REQUESTS / ROUNDS && Date.now() - started < BUDGET_MS; index++) {
        const { method, path, headers, body } = one()
        const answer = await send(method, path, headers, body)
        sent++
        const echoed = answer.body.includes(MARKER) || answer.headers.includes(MARKER)
        if (answer.status >= 500 || echoed)
          failures.push(
            `${answer.status}${echoed ? ' echoed' : ''}: ${method} ${path.slice(0, 120)} ${JSON.stringify(headers).slice(0, 120)} ${body.slice(0, 40)}`,
          )
      }
      live.push(await liveBytes())
    }
    const megabytes = live.map((bytes) => (bytes / 1e6).toFixed(1))
    console.log(
      `fuzz: seed ${seed}, ${sent} requests, live MB after each round ${megabytes.join(', ')}`,
    )
    expect(failures.slice(0, 10), `seed ${seed}: ${failures.length} failures`).toEqual([])
    expect(sent).toBeGreaterThan(1000)
    const lastRound = live.at(-1)! - live.at(-2)!
    expect(
      lastRound,
      `seed ${seed}: live MB after each round ${megabytes.join(', ')}`,
    ).toBeLessThan(4 * 1024 * 1024)
  } finally {
    server.kill('SIGTERM')
  }
})
