// Imports one policy text into a dataset file: the whole import is computed before the file is touched.
import { readFile } from 'node:fs/promises'
import {
  importPolicy,
  parsePolicyText,
  type ImportOptions,
  type ImportResult,
} from '@cookie-policy/schemas/import'
import { readDatasetFile, writeDatasetFile } from './datasetFile'

export async function importPolicyFile(
  textFile: string,
  datasetFile: string,
  options: ImportOptions,
): Promise<ImportResult> {
  const text = await readFile(textFile, 'utf8')
  const parsed = parsePolicyText(text, textFile)
  const existing = await readDatasetFile(datasetFile)
  const result = await importPolicy(existing, parsed, options)
  if (result.outcome !== 'unchanged') await writeDatasetFile(datasetFile, result.documents)
  return result
}
