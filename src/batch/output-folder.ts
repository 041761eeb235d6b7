import {constants} from 'node:fs'
import {access, mkdir} from 'node:fs/promises'

/** The output folder cannot be created or written: a usage problem, reported before anything is written. */
export class OutputFolderError extends Error {
  readonly code = 'output-unwritable'
  constructor(
    readonly path: string,
    reason: string
  ) {
    super(`cannot create output folder ${path}: ${reason}`)
    this.name = 'OutputFolderError'
  }
}

/** Why a file system call failed, in words, with the errno code for searching. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code
  const words: Record<string, string> = {
    EEXIST: 'a file of that name is in the way',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EISDIR: 'a folder of that name is in the way',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded'
  }
  if (code && words[code]) return `${words[code]} (${code})`
  return code ?? String((error as Error)?.message ?? error).split('\n')[0]!
}

/**
 * Makes sure `out` is a folder this process can write to, creating it (and its parents) if needed.
 * Checked once before a run writes anything, so an impossible output path is one clear error rather
 * than a failure per document.
 */
export async function prepareOutputFolder(out: string): Promise<void> {
  try {
    await mkdir(out, {recursive: true})
    await access(out, constants.W_OK | constants.X_OK)
  } catch (error) {
    throw new OutputFolderError(out, describeFsError(error))
  }
}
