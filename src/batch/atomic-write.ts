import {createHash} from 'node:crypto'
import {constants, mkdirSync} from 'node:fs'
import {copyFile, mkdir, open, readdir, rename, rm, writeFile, type FileHandle} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {replaceFileSync, tempFileOwner, tempPathFor, writeTempFileSync as writeTempFileInFolderSync} from '../replace-file.js'
import {sha256OfFile} from './read-output-file.js'

/** Whether a process with this pid exists (EPERM: it does, it belongs to someone else). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Deletes the temp files a killed writer left in `dir` (a SIGKILL between writing a temp file and
 * renaming it cannot be caught). Those of running processes are left alone, and this process's own
 * unless `own` (a run stopped early clears what its stopped workers left). Resolves to the names
 * removed; a missing folder has none.
 */
export async function removeStaleTempFiles(dir: string, options: {own?: boolean} = {}): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[])
  const removed: string[] = []
  for (const name of names.sort()) {
    const pid = tempFileOwner(name)
    if (pid === undefined) continue
    if (!(options.own && pid === process.pid) && isRunning(pid)) continue
    // Best effort: a temp file that cannot be deleted now is tried again by the next run.
    if (await rm(join(dir, name), {force: true}).then(() => true, () => false)) removed.push(name)
  }
  return removed
}

/**
 * Writes a file atomically: the content goes to a temp file in the same folder, which is then renamed
 * over the target. A reader (or a crash) sees the old file or the new one, never half of one.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await replaceWithTemp(await writeTempFile(path, content), path)
}

/**
 * The first half of an atomic write: the content in a temp file beside `path`, whose path it resolves
 * to. Nothing is left behind when it fails.
 */
export async function writeTempFile(path: string, content: string | Uint8Array): Promise<string> {
  await mkdir(dirname(path), {recursive: true})
  const temp = tempPathFor(path)
  try {
    // `wx`: a file (or a symlink) already at the temp path is never written through.
    await writeFile(temp, content, {flag: 'wx'})
  } catch (error) {
    await rm(temp, {force: true})
    throw error
  }
  return temp
}

/**
 * `writeTempFile` in one blocking call, for worker threads: a worker has nothing else to do meanwhile,
 * and awaiting the thread pool for each step would leave it idle instead.
 */
export function writeTempFileSync(path: string, content: string | Uint8Array): string {
  mkdirSync(dirname(path), {recursive: true})
  return writeTempFileInFolderSync(path, content)
}

/** `writeFileAtomic` in one blocking call, for worker threads. */
export function writeFileAtomicSync(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), {recursive: true})
  replaceFileSync(path, content)
}

/** The second half: renames the temp file over `path` (or, when that fails, deletes it). */
export async function replaceWithTemp(temp: string, path: string): Promise<void> {
  try {
    await rename(temp, path)
  } catch (error) {
    await rm(temp, {force: true})
    throw error
  }
}

/** Deletes the temp files of writes that will not be finished (`temp` is cleared on each). */
export async function discardTemps(files: Iterable<{temp?: string}>): Promise<void> {
  for (const file of files) {
    if (file.temp) await rm(file.temp, {force: true})
    delete file.temp
  }
}

/** Copies a file atomically, the same way `writeFileAtomic` writes one. */
export async function copyFileAtomic(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), {recursive: true})
  const temp = tempPathFor(to)
  try {
    await copyFile(from, temp, constants.COPYFILE_EXCL)
    await rename(temp, to)
  } catch (error) {
    await rm(temp, {force: true})
    throw error
  }
}

/** A file written piece by piece, replacing the target only at `commit` and only if the bytes differ. */
export interface AtomicSink {
  /** The target. */
  path: string
  /** Appends text (written as UTF-8) or bytes. */
  write(chunk: string | Uint8Array): Promise<void>
  /**
   * Finishes the temp file and compares it with the target; resolves to whether the target would
   * change. Nothing is replaced yet: a caller with several files finishes them all before replacing any.
   */
  finish(): Promise<boolean>
  /** Finishes the file (if not yet) and renames it over the target; resolves to whether the target changed. */
  commit(): Promise<boolean>
  /** Drops what was written; the target is left as it was. */
  abort(): Promise<void>
  /** sha256 of everything written, once `finish` has run. */
  readonly sha256: string | undefined
}

/** A write that failed, with the file it was for: the caller reports it there. */
export class WriteError extends Error {
  constructor(
    readonly path: string,
    readonly cause: unknown
  ) {
    super(`cannot write ${path}: ${(cause as NodeJS.ErrnoException)?.code ?? String((cause as Error)?.message ?? cause)}`)
    this.name = 'WriteError'
  }
}

/** Options of `openAtomicSink`. */
export interface AtomicSinkOptions {
  /** Write nothing; only tell whether the target would change. */
  dryRun?: boolean
  /**
   * The sha256 of the target's content when it is known without reading it (a stamp vouches for it),
   * else undefined: the target is then read and hashed to tell whether it changes.
   */
  currentSha256?: () => Promise<string | undefined>
}

// Writes go out in chunks of this many bytes rather than one per document: few enough system calls,
// and little enough held that the corpus files' three sinks keep memory flat (corpus-memory.test.ts).
const sinkBufferLength = 2 ** 16

/**
 * Opens a streamed atomic write, so a big corpus file never has to be held in memory. The content is
 * hashed as it goes and compared with the current file at the end: an unchanged file is not touched
 * (its mtime stays). With `dryRun`, nothing is written at all. Every failure is a `WriteError` naming
 * the target, and leaves no temp file.
 */
export async function openAtomicSink(path: string, options: AtomicSinkOptions = {}): Promise<AtomicSink> {
  const hash = createHash('sha256')
  let handle: FileHandle | undefined
  let temp: string | undefined
  let changed: boolean | undefined
  let written: string | undefined
  // Chunks are written 64 KiB at a time (`chunkBytes`): a corpus file is thousands of small pieces.
  let buffered: Array<string | Uint8Array> = []
  let bufferedLength = 0
  const flush = async (): Promise<void> => {
    const chunks = buffered
    buffered = []
    bufferedLength = 0
    if (!handle || chunks.length === 0) return
    if (chunks.every((chunk) => typeof chunk === 'string')) await handle.write(chunks.join(''))
    else await handle.write(Buffer.concat(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk))))
  }
  const cleanUp = async (): Promise<void> => {
    buffered = []
    bufferedLength = 0
    await handle?.close().catch(() => undefined)
    handle = undefined
    if (temp) await rm(temp, {force: true}).catch(() => undefined)
    temp = undefined
  }
  const failed = async (error: unknown): Promise<never> => {
    await cleanUp()
    throw error instanceof WriteError ? error : new WriteError(path, error)
  }
  if (!options.dryRun) {
    try {
      await mkdir(dirname(path), {recursive: true})
      temp = tempPathFor(path)
      handle = await open(temp, 'wx')
    } catch (error) {
      await failed(error)
    }
  }
  const finish = async (): Promise<boolean> => {
    if (changed !== undefined) return changed
    try {
      await flush()
      written = hash.digest('hex')
      changed = ((await options.currentSha256?.()) ?? (await sha256OfFile(path))) !== written
      await handle?.close()
      handle = undefined
      if (!changed) await cleanUp()
      return changed
    } catch (error) {
      return failed(error)
    }
  }
  return {
    path,
    async write(chunk) {
      hash.update(chunk)
      if (!handle) return
      buffered.push(chunk)
      bufferedLength += chunk.length
      if (bufferedLength < sinkBufferLength) return
      try {
        await flush()
      } catch (error) {
        await failed(error)
      }
    },
    finish,
    async commit() {
      const result = await finish()
      if (result && temp) {
        try {
          await rename(temp, path)
          temp = undefined
        } catch (error) {
          await failed(error)
        }
      }
      return result
    },
    abort: cleanUp,
    get sha256() {
      return written
    }
  }
}
