import {createHash, randomBytes} from 'node:crypto'
import {closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {TransformOptions as TransformRequest, TransformResult as TransformOutput} from 'jiti'

/** What a cached transform did, for tests and the benchmark. */
export interface TranspileCacheStats {
  hits: number
  misses: number
}

// Bump when what an entry holds or how its key is made changes.
const formatVersion = 1

/**
 * The folder for transpiled config modules: `citeclaim-<uid>/config` in the OS temp folder, made by
 * this user with mode 0700 (`name` another folder beside it: `patterns` holds the pattern checks'
 * passes). Undefined (no cache: every run transpiles) when it cannot be made or is
 * not private: a symlink, another owner, or readable or writable by others. The temp folder is shared
 * by every user of the machine, so a folder anyone else made or can write could hold planted code.
 */
export function privateCacheFolder(base = tmpdir(), name = 'config'): string | undefined {
  const uid = process.getuid?.()
  // Without uids (Windows), the temp folder is the user's own.
  const top = join(base, uid === undefined ? 'citeclaim' : `citeclaim-${uid}`)
  const folder = join(top, name)
  for (const dir of [top, folder]) {
    try {
      mkdirSync(dir, {mode: 0o700})
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined
    }
    if (!isPrivateFolder(dir, uid)) return undefined
  }
  return folder
}

/** A real folder (not a link) that only `uid` owns and can enter. */
function isPrivateFolder(dir: string, uid: number | undefined): boolean {
  const info = lstatSync(dir, {throwIfNoEntry: false})
  if (!info?.isDirectory()) return false
  return uid === undefined || (info.uid === uid && (info.mode & 0o077) === 0)
}

let jitiVersion: string | undefined

/**
 * The cache key of one transform: sha256 over the entry format, jiti's version (which fixes the
 * Babel and TypeScript transform it bundles), the transform options and the source. Equal keys mean
 * equal output, so an entry can never be stale: a changed config is a different key.
 */
export function transformKey(request: TransformRequest): string {
  jitiVersion ??= (createRequire(import.meta.url)('jiti/package.json') as {version: string}).version
  const {source, ...options} = request
  const hash = createHash('sha256')
  hash.update(`citeclaim-transpile-${formatVersion}\0jiti ${jitiVersion}\0`)
  // Top-level options in name order; nested ones (jiti's `babel`) as jiti builds them, always alike.
  hash.update(JSON.stringify(Object.entries(options).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) + '\0')
  hash.update(source)
  return hash.digest('hex')
}

/**
 * Wraps jiti's transform with a cache in `folder` (see `privateCacheFolder`): an entry is a JSON file
 * `<key>.json` holding its key and the code, read only when it is a regular file (never through a
 * link) owned by this user and names its own key; anything else is a miss and is transpiled again.
 * Entries are written atomically; a transform that failed is not stored, so its error is reported
 * again on the next run. Without a folder the wrapper only counts.
 */
export function cachedTransform(folder: string | undefined, transform: (request: TransformRequest) => TransformOutput, stats: TranspileCacheStats = {hits: 0, misses: 0}): (request: TransformRequest) => TransformOutput {
  return (request) => {
    const key = folder ? transformKey(request) : ''
    const cached = folder ? readEntry(join(folder, key + '.json'), key) : undefined
    if (cached !== undefined) {
      stats.hits++
      return {code: cached}
    }
    stats.misses++
    const output = transform(request)
    if (folder && !output.error && !output.code.includes('__JITI_ERROR__')) writeEntry(join(folder, key + '.json'), key, output.code)
    return output
  }
}

/**
 * The text of the entry at `path` if it is a regular file (not a link) owned by this user that
 * names `key`; undefined otherwise. Also read by the pattern-check cache (`pattern-verdicts.ts`).
 */
export function readEntry(path: string, key: string): string | undefined {
  let fd: number | undefined
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
    const info = fstatSync(fd)
    const uid = process.getuid?.()
    if (!info.isFile() || (uid !== undefined && info.uid !== uid)) return undefined
    const entry = JSON.parse(readFileSync(fd, 'utf8')) as {key?: unknown; code?: unknown}
    return entry.key === key && typeof entry.code === 'string' ? entry.code : undefined
  } catch {
    return undefined
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** Best effort: a cache that cannot be written only costs the next run a transpile. Written atomically, mode 0600. */
export function writeEntry(path: string, key: string, code: string): void {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  try {
    writeFileSync(temp, JSON.stringify({key, code}), {flag: 'wx', mode: 0o600})
    renameSync(temp, path)
  } catch {
    rmSync(temp, {force: true})
  }
}
