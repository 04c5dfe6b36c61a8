import { execFile } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { serializeNdjson } from '@cookie-policy/schemas/dataset'
import { describe, expect, it } from 'vitest'
import { buildDataset } from '../src/build-dataset'
import { bundledDataset, contentDir, datasetRecipes, repoRoot } from '../src/paths'

const run = promisify(execFile)
const fixtures = join(repoRoot, 'schemas/test/fixtures')

async function importCli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(join(repoRoot, 'node_modules/.bin/tsx'), [
      join(repoRoot, 'scripts/src/import-policy.ts'),
      ...args,
    ])
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

describe('npm run import-policy', () => {
  it('builds a dataset from the seed, then finds nothing to change on a second run', async () => {
    const dataset = join(mkdtempSync(join(tmpdir(), 'import-')), 'out.ndjson')
    const first = await importCli(join(contentDir, 'cookies.fr.txt'), '--dataset', dataset)
    expect(first.code).toBe(0)
    expect(first.stdout.trim()).toBe(
      `${dataset}: published version 1, in force from 2021-03-09, asking every visitor for consent`,
    )
    const bytes = readFileSync(dataset, 'utf8')
    const second = await importCli(join(contentDir, 'cookies.fr.txt'), '--dataset', dataset)
    expect(second.stdout.trim()).toBe(
      `${dataset}: unchanged: the text is the same as version 1; nothing to publish`,
    )
    expect(readFileSync(dataset, 'utf8')).toBe(bytes)
  })

  it('imports an English-only policy into an empty dataset, as an English-binding policy', async () => {
    const dataset = join(mkdtempSync(join(tmpdir(), 'import-')), 'out.ndjson')
    const uk = join(repoRoot, 'web/e2e/fixtures/004-uk-cookies.en.txt')
    const first = await importCli(uk, '--dataset', dataset, '--lang', 'en', '--slug', 'uk-cookies')
    expect([first.code, first.stdout.trim()]).toEqual([
      0,
      `${dataset}: published version 1, in force from 2025-03-01, asking every visitor for consent`,
    ])
    const policy = readFileSync(dataset, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .find((document) => document._id === 'policy-uk-cookies')
    expect([policy.bindingLanguage, policy.publisher, policy.title]).toEqual([
      'en',
      'Acme',
      { _type: 'localeString', en: 'Acme Ltd Cookie Policy' },
    ])
    const again = await importCli(uk, '--dataset', dataset, '--lang', 'en', '--slug', 'uk-cookies')
    expect(again.stdout.trim()).toBe(
      `${dataset}: unchanged: the text is the same as version 1; nothing to publish`,
    )
  })

  it('refuses a malformed file with its line and reason, leaving the dataset exactly as it was', async () => {
    const dataset = join(mkdtempSync(join(tmpdir(), 'import-')), 'out.ndjson')
    copyFileSync(bundledDataset, dataset)
    const before = readFileSync(dataset)
    const bad = join(fixtures, '003-wrong-cell-count.txt')
    const result = await importCli(bad, '--dataset', dataset)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      `error: ${bad}:11: this row has 3 cells but the table's header (line 9) has 4`,
    )
    expect(result.stderr).not.toContain('    at ')
    expect(readFileSync(dataset).equals(before)).toBe(true)
  })

  it('refuses a dataset file that is not NDJSON, and changes nothing', async () => {
    const dataset = join(mkdtempSync(join(tmpdir(), 'import-')), 'broken.ndjson')
    writeFileSync(dataset, '{"_id":"a","_type":"policy"}\nnot json\n')
    const result = await importCli(join(contentDir, 'cookies.fr.txt'), '--dataset', dataset)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(new RegExp(`error: ${dataset}:2: not valid JSON`))
    expect(readFileSync(dataset, 'utf8')).toBe('{"_id":"a","_type":"policy"}\nnot json\n')
  })

  it('answers a usage error with exit code 2 and the usage', async () => {
    const noDataset = await importCli(join(contentDir, 'cookies.fr.txt'))
    expect(noDataset.code).toBe(2)
    expect(noDataset.stderr).toContain('error: --dataset <out.ndjson> is required')
    const badLang = await importCli(
      join(contentDir, 'cookies.fr.txt'),
      '--dataset',
      'x.ndjson',
      '--lang',
      'de',
    )
    expect(badLang.code).toBe(2)
    expect(badLang.stderr).toContain('error: --lang must be one of fr, en, not "de"')
  })
})

describe('the datasets the repository ships', () => {
  it.each(datasetRecipes.map((recipe) => [recipe.output.slice(repoRoot.length), recipe] as const))(
    '%s is exactly what the importer makes from its policy texts (npm run build-dataset)',
    async (_name, recipe) => {
      expect(readFileSync(recipe.output, 'utf8')).toBe(serializeNdjson(await buildDataset(recipe)))
    },
  )
})
