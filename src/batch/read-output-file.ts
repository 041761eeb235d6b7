import {createHash} from 'node:crypto'
import {constants, type BigIntStats} from 'node:fs'
import {open, type FileHandle} from 'node:fs/promises'

/*
 * Reading the files of the output folder (outputs, manifest, corpus caches), which anyone may have
 * replaced: regular files only, never through a symlink, never blocking on a FIFO.
 */

/** How a file of the output folder is opened: read-only, never through a symlink, never blocking on a FIFO. */
export const regularFileFlags = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK

/**
 * sha256 of a file's bytes with its stat, or undefined when it is not a regular file this process can
 * read. A symlink is not followed and a FIFO or device is not read: the output folder is checked with
 * this, and whatever sits there must not make a run read outside it or wait forever. The stat is taken
 * before the content is read, as git does: a write while it is read changes the mtime after the stat,
 * so a stamp made from it is not trusted by the next run.
 */
export async function hashRegularFile(path: string): Promise<{sha256: string; info: BigIntStats} | undefined> {
  let handle: FileHandle | undefined
  try {
    handle = await open(path, regularFileFlags)
    const info = await handle.stat({bigint: true})
    if (!info.isFile()) return undefined
    const hash = createHash('sha256')
    for await (const chunk of handle.createReadStream({autoClose: false})) hash.update(chunk as Buffer)
    return {sha256: hash.digest('hex'), info}
  } catch {
    return undefined
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

/** sha256 of a regular file's bytes (see `hashRegularFile`), or undefined. */
export async function sha256OfFile(path: string): Promise<string | undefined> {
  return (await hashRegularFile(path))?.sha256
}

/**
 * Opens `path` for reading only if it is a regular file itself: not through a symlink (O_NOFOLLOW), and
 * without blocking on a FIFO (O_NONBLOCK, then fstat). Resolves to undefined for anything else,
 * including a file that does not exist.
 */
export async function openRegularFile(path: string): Promise<FileHandle | undefined> {
  let handle: FileHandle | undefined
  try {
    handle = await open(path, regularFileFlags)
    if ((await handle.stat()).isFile()) return handle
  } catch {
    // not there, a symlink (ELOOP), or unreadable
  }
  await handle?.close().catch(() => undefined)
  return undefined
}

/** The text of an output folder's regular file (see `openRegularFile`), or undefined: unlike an input (`read-regular-file.ts`), an output or cache file that cannot be read is only rebuilt. */
export async function readOutputText(path: string): Promise<string | undefined> {
  return (await readRegularBytes(path))?.toString('utf8')
}

/** The bytes of a regular file (see `openRegularFile`), or undefined: for bytes that are copied, not parsed. */
export async function readRegularBytes(path: string): Promise<Buffer | undefined> {
  const handle = await openRegularFile(path)
  if (!handle) return undefined
  try {
    return await handle.readFile()
  } catch {
    return undefined
  } finally {
    await handle.close().catch(() => undefined)
  }
}
