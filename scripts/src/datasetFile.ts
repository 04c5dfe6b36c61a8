// Reading and writing a dataset file: a missing file is an empty dataset; writes replace the file atomically.
import { existsSync } from 'node:fs'
import { readFile, rename, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { ndjsonLines, parseNdjson, type SanityDocument } from '@cookie-policy/schemas/dataset'

export async function readDatasetFile(file: string): Promise<SanityDocument[]> {
  if (!existsSync(file)) return []
  return parseNdjson(await readFile(file), file)
}

/** Writes beside the target then renames over it, so a reader never sees half a file. */
export async function writeDatasetFile(
  file: string,
  documents: readonly SanityDocument[],
): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`)
  const newline = Buffer.from('\n')
  const lines = ndjsonLines(documents).flatMap((line) => [
    typeof line === 'string' ? Buffer.from(line) : line,
    newline,
  ])
  await writeFile(temporary, Buffer.concat(lines))
  await rename(temporary, file)
}
