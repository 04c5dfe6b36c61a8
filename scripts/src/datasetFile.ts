// Reading and writing a dataset file: a missing file is an empty dataset; writes replace the file atomically.
import { existsSync } from 'node:fs'
import { readFile, rename, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { parseNdjson, serializeNdjson, type SanityDocument } from '@cookie-policy/schemas/dataset'

export async function readDatasetFile(file: string): Promise<SanityDocument[]> {
  if (!existsSync(file)) return []
  return parseNdjson(await readFile(file, 'utf8'), file)
}

/** Writes beside the target then renames over it, so a reader never sees half a file. */
export async function writeDatasetFile(
  file: string,
  documents: readonly SanityDocument[],
): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`)
  await writeFile(temporary, serializeNdjson(documents))
  await rename(temporary, file)
}
