import {closeSync, constants, fstatSync, openSync, readSync, writeSync} from 'node:fs'
import {createHash} from 'node:crypto'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import {replaceFileSync} from '../../replace-file.js'

/**
 * Formatted reference entries kept on disk between runs, in the output folder's cache: a rerun, a
 * run over documents citing works an earlier run formatted, and every worker of a run after the
 * first start with those entries instead of running citeproc for them (about a millisecond an entry
 * once warm, seconds to warm). One file per style and locale, `formatted-<hash>.jsonl`: a first line
 * naming everything the text depends on (`storeIdentity`), then one `[key, text]` line per entry,
 * appended as entries are formatted (one `write` each, so the workers of a run can append to one
 * file). The file is made, and started over, by a rename (`startOver`): never empty, never cut
 * after its identity line. The key is the entry's exact input, never a hash, so two inputs never share a text.
 *
 * The cache is untrusted input (CI restores it): the file is opened without following a link,
 * must be a regular file under `maxStoreBytes`, and a line that is not a pair of strings is skipped.
 * A file with another identity (another citeproc, another style text) is started over.
 */

/** Past this size a store is started over rather than read: its lines would not fit the thread's cache anyway. */
export const maxStoreBytes = 32 * 2 ** 20

/** Changes whenever citeclaim changes what it does to citeproc's text (label stripping, spaces). */
const textVersion = 1

const noFollow = constants.O_NOFOLLOW ?? 0
const nonBlocking = constants.O_NONBLOCK ?? 0

/** The cache folder this thread's formatted entries persist in, if any. */
let store: {dir: string} | undefined
/**
 * Where this thread's formatted entries persist (`<out>/.citeclaim-cache`), or nowhere (undefined):
 * a `--check` run uses none, so that it neither depends on the cache nor adds to it.
 */
export function useFormattedEntryStore(dir: string | undefined): void {
  store = dir === undefined ? undefined : {dir}
}

/** The store in use, for seeding: changes when a long-lived process moves to another output folder. */
export function formattedEntryStoreDir(): string | undefined {
  return store?.dir
}

/** What a style's formatted text depends on besides the entry: the engine's versions, the style's and locale's names, the style's text. */
function storeIdentity(template: string, lang: string, styleXml: string): string {
  const styleKey = `${template}\u0000${lang}`
  const known = identities.get(styleKey)
  if (known?.styleXml === styleXml) return known.identity
  const identity = createHash('sha256').update(JSON.stringify([textVersion, engineVersions(), template, lang, styleXml])).digest('hex')
  identities.set(styleKey, {styleXml, identity})
  return identity
}

/** The last identity made per style and locale: hashing the style's text once, not per document. */
const identities = new Map<string, {styleXml: string; identity: string}>()

let versions: string | undefined
function engineVersions(): string {
  if (versions === undefined) {
    const require = createRequire(import.meta.url)
    versions = ['citeproc', '@citation-js/core', '@citation-js/plugin-csl']
      .map((name) => `${name}@${(require(`${name}/package.json`) as {version: string}).version}`)
      .join(' ')
  }
  return versions
}

function storePath(dir: string, template: string, lang: string): string {
  return join(dir, `formatted-${createHash('sha256').update(`${template}\u0000${lang}`).digest('hex').slice(0, 16)}.jsonl`)
}

/** How far this thread has read each store file (bytes of whole lines), to read only what was appended since. */
const readUpTo = new Map<string, number>()

/**
 * The entries stored for a style and locale that this thread has not read yet, oldest first: all of
 * them the first time, then those other workers appended since. None when there is no store, no file,
 * or the file is not one this citeclaim wrote for this style (then it is started over on the next
 * write). A line still being written is left for the next read.
 */
export function storedEntries(template: string, lang: string, styleXml: string): Array<[string, string]> {
  if (!store) return []
  const path = storePath(store.dir, template, lang)
  const from = readUpTo.get(path) ?? 0
  const read = readRegularSync(path, from)
  if (read === undefined) return []
  // Started over by another writer since: read it whole.
  if (read.size < from) {
    readUpTo.delete(path)
    return storedEntries(template, lang, styleXml)
  }
  // Whole lines only, cut on the buffer's bytes so that the offset stays exact.
  const end = read.bytes.lastIndexOf(10) + 1
  const lines = read.bytes.subarray(0, end).toString('utf8').split('\n')
  lines.pop()
  if (from === 0) {
    if (lines.length === 0 || lines[0] !== storeIdentity(template, lang, styleXml)) return []
    lines.shift()
  }
  readUpTo.set(path, from + end)
  const out: Array<[string, string]> = []
  for (const line of lines) {
    if (line === '') continue
    try {
      const pair = JSON.parse(line) as unknown
      if (Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string') out.push([pair[0], pair[1]])
    } catch {
      // A line cut short by a crash (and the one appended after it): only a miss.
    }
  }
  return out
}

/**
 * Appends newly formatted entries for a style and locale; a store that cannot be written is left
 * alone (only a cache). The caller passes only entries its bounded cache did not hold: one that
 * cache dropped and formatted again is appended again, a line that reads back the same text.
 */
export function storeEntries(template: string, lang: string, styleXml: string, entries: ReadonlyArray<[string, string]>): void {
  if (!store || entries.length === 0) return
  const path = storePath(store.dir, template, lang)
  const identity = storeIdentity(template, lang, styleXml)
  const lines = entries.map((pair) => JSON.stringify(pair) + '\n').join('')
  let fd: number | undefined
  try {
    fd = openSync(path, constants.O_RDWR | constants.O_APPEND | noFollow | nonBlocking)
    const info = fstatSync(fd)
    if (!info.isFile()) return
    // Another identity, or too big: started over with this identity.
    if (info.size > maxStoreBytes || !startsWith(fd, identity + '\n')) startOver(path, identity + '\n' + lines)
    else writeSync(fd, lines)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') startOver(path, identity + '\n' + lines)
    // Else only a cache: the next run formats these entries again.
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/**
 * Makes the store file anew with `content` (its identity line and the first entries): written to a
 * temp file beside it and renamed over it, so that no reader, and no run killed mid-way, finds it
 * empty or cut after its identity. A worker appending to the file it replaced loses those lines, a
 * cache's loss; the temp file of a killed run is swept like the others (`removeStaleTempFiles`).
 */
function startOver(path: string, content: string): void {
  try {
    replaceFileSync(path, content, 0o644)
  } catch {
    // Only a cache: the next run formats these entries again.
  }
}

/** Forgets how far this thread has read each store file (tests; a thread that drops its formatted entries). */
export function forgetStoreReads(): void {
  readUpTo.clear()
}

function startsWith(fd: number, prefix: string): boolean {
  const expected = Buffer.from(prefix, 'utf8')
  const buffer = Buffer.alloc(expected.length)
  return readSync(fd, buffer, 0, expected.length, 0) === expected.length && buffer.equals(expected)
}

/**
 * A regular file's bytes from byte `from` on, and its size; not through a link, not past
 * `maxStoreBytes`; undefined otherwise.
 */
function readRegularSync(path: string, from: number): {bytes: Buffer; size: number} | undefined {
  let fd: number
  try {
    fd = openSync(path, constants.O_RDONLY | noFollow | nonBlocking)
  } catch {
    return undefined
  }
  try {
    const info = fstatSync(fd)
    if (!info.isFile() || info.size > maxStoreBytes) return undefined
    if (info.size < from) return {bytes: Buffer.alloc(0), size: info.size}
    const buffer = Buffer.alloc(info.size - from)
    let read = 0
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, from + read)
      if (n === 0) break
      read += n
    }
    return {bytes: buffer.subarray(0, read), size: info.size}
  } catch {
    return undefined
  } finally {
    closeSync(fd)
  }
}
