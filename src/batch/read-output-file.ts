import {createHash} from 'node:crypto'
import {constants} from 'node:fs'
import {open, type FileHandle} from 'node:fs/promises'

/*
 * Reading the files of the output folder (outputs, manifest, corpus caches), which anyone may have
 * replaced: regular files only, never through a symlink, never blocking on a FIFO.
 */

/**
 * sha256 of a file's bytes, or undefined when it is not a regular file this process can read. A
 * symlink is not followed and a FIFO or device is not read: the output folder is checked with this,
 * and whatever sits there must not make a run read outside it or wait forever.
 */
export async function sha256OfFile(path: string): Promise<string | undefined> {
  const hash = createHash('sha256')
  let handle: FileHandle | undefined
  try {
    handle = await openRegularFile(path)
    if (!handle) return undefined
    for await (const chunk of handle.createReadStream({autoClose: false})) hash.update(chunk as Buffer)
  } catch {
    return undefined
  } finally {
    await handle?.close().catch(() => undefined)
  }
  return hash.digest('hex')
}

/**
 * Opens `path` for reading only if it is a regular file itself: not through a symlink (O_NOFOLLOW), and
 * without blocking on a FIFO (O_NONBLOCK, then fstat). Resolves to undefined for anything else,
 * including a file that does not exist.
 */
export async function openRegularFile(path: string): Promise<FileHandle | undefined> {
  let handle: FileHandle | undefined
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
    if ((await handle.stat()).isFile()) return handle
  } catch {
    // not there, a symlink (ELOOP), or unreadable
  }
  await handle?.close().catch(() => undefined)
  return undefined
}

/** The text of a regular file (see `openRegularFile`), or undefined. */
export async function readRegularFile(path: string): Promise<string | undefined> {
  const handle = await openRegularFile(path)
  if (!handle) return undefined
  try {
    return await handle.readFile('utf8')
  } catch {
    return undefined
  } finally {
    await handle.close().catch(() => undefined)
  }
}
