// Reading and writing a dataset file: a missing file is an empty dataset; writes replace the file atomically.
import { existsSync } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import { ndjsonLines, readNdjsonFile, type SanityDocument } from '@cookie-policy/schemas/dataset'
import { temporaryBeside } from '@cookie-policy/schemas/node'

export async function readDatasetFile(file: string): Promise<SanityDocument[]> {
  if (!existsSync(file)) return []
  return readNdjsonFile(file)
}

/** Writes beside the target then renames over it, so a reader never sees half a file. */
export async function writeDatasetFile(
  file: string,
  documents: readonly SanityDocument[],
): Promise<void> {
  const temporary = temporaryBeside(file)
  const output = await open(temporary, 'wx')
  try {
    // Small lines are gathered into writes of about a megabyte; a large line is written as it is read.
    let pending: string[] = []
    let pendingLength = 0
    const flush = async () => {
      if (pending.length) await output.write(pending.join(''))
      pending = []
      pendingLength = 0
    }
    for (const line of ndjsonLines(documents)) {
      if (typeof line === 'string') {
        pending.push(line, '\n')
        pendingLength += line.length + 1
        if (pendingLength > 1_000_000) await flush()
      } else {
        await flush()
        await output.write(line)
        await output.write('\n')
      }
    }
    await flush()
  } catch (error) {
    await output.close()
    await rm(temporary, { force: true })
    throw error
  }
  await output.close()
  await rename(temporary, file)
}
