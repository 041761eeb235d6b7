import {lstatSync} from 'node:fs'
import {lstat, mkdir, rm} from 'node:fs/promises'
import {join} from 'node:path'
import {cacheFolder} from './manifest.js'
import {describeFsError, OutputFolderError} from './output-folder.js'

/** The folder of the corpus caches in an output folder. */
export function corpusCacheFolder(out: string): string {
  return join(out, cacheFolder, 'corpus')
}

/** The cache folders of an output folder: `.citeclaim-cache` and its `corpus` folder. */
function cacheFolders(out: string): string[] {
  return [join(out, cacheFolder), corpusCacheFolder(out)]
}

/** What `prepareCacheFolders` did. */
export interface CacheFolders {
  /** Something had to be removed (a symlink, a file in the way): the cache is not to be trusted at all. */
  removed: boolean
  /** A cache folder could not be made (a full disk): the run goes on without a cache and reports it. */
  failed?: {path: string; reason: string}
}

/**
 * The cache is untrusted input (CI restores it from `actions/cache`): before a run reads or writes
 * anything in `<out>/.citeclaim-cache` and its `corpus` folder, each must be a real folder inside
 * `out`. A symlink there (or a file in the way) is removed, which deletes only the link, never what it
 * points to, and a fresh folder is made; the run then rebuilds the cache. Throws `OutputFolderError`
 * only when a symlink could not be removed: nothing may then be written there.
 */
export async function prepareCacheFolders(out: string): Promise<CacheFolders> {
  const result: CacheFolders = {removed: false}
  for (const dir of cacheFolders(out)) {
    try {
      const info = await lstat(dir).catch(() => undefined)
      if (info && !info.isDirectory()) {
        result.removed = true
        await rm(dir, {force: true})
      }
      await mkdir(dir, {recursive: true})
    } catch (error) {
      if ((await lstat(dir).catch(() => undefined))?.isSymbolicLink()) throw new OutputFolderError(dir, describeFsError(error))
      result.failed ??= {path: dir, reason: describeFsError(error)}
    }
  }
  // The manifest is read only as a regular file; anything else there (a folder, a FIFO) is removed so
  // that the new one can be written.
  const manifest = join(out, cacheFolder, 'manifest.json')
  const info = await lstat(manifest).catch(() => undefined)
  if (info && !info.isFile()) {
    await rm(manifest, {recursive: true, force: true}).catch(() => undefined)
    result.removed = true
  }
  return result
}

/**
 * Whether the cache folders of `out` can be read without leaving it: each is a real folder or absent.
 * A check (which removes nothing) treats a cache that fails this as no cache at all.
 */
export async function cacheFoldersAreReal(out: string): Promise<boolean> {
  for (const dir of cacheFolders(out)) {
    const info = await lstat(dir).catch(() => undefined)
    if (info && !info.isDirectory()) return false
  }
  return true
}

/**
 * `cacheFoldersAreReal` in one blocking call, and strict: each folder must exist. Checked again just
 * before every write or delete in the cache, not only when the run starts: a cache folder swapped for
 * a symlink while a run is going (by anything else that can write to the output folder) would
 * otherwise have the run write, or delete, its cache files wherever the link points. What remains is
 * the moment between this check and the write, which Node (no `openat`) cannot close.
 */
export function cacheFoldersAreRealSync(out: string): boolean {
  for (const dir of cacheFolders(out)) {
    if (!lstatSync(dir, {throwIfNoEntry: false})?.isDirectory()) return false
  }
  return true
}
