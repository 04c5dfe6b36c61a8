// seed:sanity against a loopback stand-in for the Content Lake's mutate endpoint: the real client's requests.
import { execFile } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from '../src/paths'

const run = promisify(execFile)
const requests: {
  path: string
  auth: string | undefined
  body: { mutations: Record<string, { _id: string; _type: string }>[] }
}[] = []
const server = createServer((request, response) => {
  let body = ''
  request.on('data', (chunk) => (body += chunk))
  request.on('end', () => {
    requests.push({
      path: request.url ?? '',
      auth: request.headers.authorization,
      body: JSON.parse(body),
    })
    response.writeHead(200, { 'Content-Type': 'application/json' })
    response.end(JSON.stringify({ transactionId: 't1', results: [] }))
  })
})
let host = ''

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('npm run seed:sanity', () => {
  it('upserts the catalog and creates versions only if absent, with the token', async () => {
    const { stdout } = await run(
      join(repoRoot, 'node_modules/.bin/tsx'),
      [join(repoRoot, 'scripts/src/seed-sanity.ts')],
      {
        env: {
          ...process.env,
          SANITY_PROJECT_ID: 'p1',
          SANITY_DATASET: 'production',
          SANITY_AUTH_TOKEN: 'secret',
          SANITY_API_HOST: host,
        },
      },
    )
    expect(stdout.trim()).toMatch(
      /^p1\/production: 29 documents seeded from .*content\/dataset\.ndjson$/,
    )
    expect(requests).toHaveLength(1)
    expect(requests[0]!.path).toBe(
      '/v2025-02-19/data/mutate/production?returnIds=true&visibility=async',
    )
    expect(requests[0]!.auth).toBe('Bearer secret')
    const mutations = requests[0]!.body.mutations.map((mutation) => [
      Object.keys(mutation)[0],
      Object.values(mutation)[0]!._type,
    ])
    expect(mutations.filter(([kind]) => kind === 'createIfNotExists')).toEqual([
      ['createIfNotExists', 'policyVersion'],
    ])
    expect(mutations.filter(([kind]) => kind === 'createOrReplace')).toHaveLength(28)
  })

  it('says what is missing instead of sending anything', async () => {
    const failed = await run(
      join(repoRoot, 'node_modules/.bin/tsx'),
      [join(repoRoot, 'scripts/src/seed-sanity.ts')],
      {
        env: { ...process.env, SANITY_PROJECT_ID: '', SANITY_DATASET: '', SANITY_AUTH_TOKEN: '' },
      },
    ).catch((error: { code: number; stderr: string }) => error)
    expect((failed as { code: number }).code).toBe(2)
    expect((failed as { stderr: string }).stderr).toContain(
      'error: set SANITY_PROJECT_ID, SANITY_DATASET and SANITY_AUTH_TOKEN',
    )
  })
})
