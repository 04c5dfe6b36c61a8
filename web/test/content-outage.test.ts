// A content source that fails after a good read keeps serving the last good content, and says so.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { policiesQuery } from '@cookie-policy/schemas/queries'

const file = join(mkdtempSync(join(tmpdir(), 'outage-')), 'dataset.ndjson')
copyFileSync(new URL('../../content/dataset.ndjson', import.meta.url), file)
process.env.POLICY_DATASET = file

describe('the embedded content source during an outage', () => {
  it('answers from the last good dataset, logs the outage once, and recovers', async () => {
    const { contentSourceStatus, runQuery } = await import('../src/lib/contentSource')
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const good = await runQuery(policiesQuery)
    expect(good.map((policy) => policy.slug)).toEqual(['cookies'])
    expect(contentSourceStatus().failingSince).toBeNull()

    rmSync(file)
    for (let index = 0; index < 3; index++) expect(await runQuery(policiesQuery)).toEqual(good)
    expect(contentSourceStatus()).toMatchObject({
      kind: 'embedded',
      reason: 'The dataset file cannot be read; the server log says why.',
    })
    // The path is in the log only.
    expect(JSON.stringify(contentSourceStatus())).not.toContain(file)
    expect(logged.mock.calls.map((call) => String(call[0]))).toEqual([
      `content source: POLICY_DATASET ${file}: no such file (import a policy with npm run import-policy)`,
    ])

    writeFileSync(file, '{"_id": broken')
    expect(await runQuery(policiesQuery)).toEqual(good)

    copyFileSync(new URL('../../content/dataset.ndjson', import.meta.url), file)
    expect(await runQuery(policiesQuery)).toEqual(good)
    expect(contentSourceStatus().failingSince).toBeNull()
    expect(logged.mock.calls.at(-1)?.[0]).toMatch(
      /^content source: answering again \(it failed since /,
    )
    logged.mockRestore()
  })
})
