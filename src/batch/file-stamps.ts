import {lstat, open, type FileHandle} from 'node:fs/promises'
import {join} from 'node:path'
import type {BigIntStats} from 'node:fs'
import {writeFileAtomic} from './atomic-write.js'
import {cacheFolder} from './manifest.js'
import {hashRegularFile, regularFileFlags} from './read-output-file.js'

/**
 * What the file system said of an output file when its content was known to have a sha256: as in
 * git's index, a file whose size, mtime, ctime and inode are still these has not been written since.
 * Times are nanoseconds, as decimal strings (JSON has no 64-bit integers). This is the stamps file's
 * form; a run keeps each stamp as a `Stamp`.
 */
export interface FileStamp {
  sha256: string
  size: string
  mtimeNs: string
  ctimeNs: string
  ino: string
}

/**
 * A stamp as a run keeps it: the content's sha256 and the four numbers in one string,
 * `size mtimeNs ctimeNs ino` (see `statOf`). A run keeps a stamp for every file it writes until it
 * ends, four or five a document; four decimal strings and an object of five members cost about
 * twice as much of the main thread's heap per stamp.
 */
export interface Stamp {
  sha256: string
  stat: string
}

/**
 * The size, mtime, ctime and inode as one string (`join` makes it flat, not a rope of parts): from
 * an `lstat` (bigints) or from the stamps file (decimal strings), the same text for the same numbers.
 */
function statOf(info: Pick<BigIntStats, 'size' | 'mtimeNs' | 'ctimeNs' | 'ino'> | Omit<FileStamp, 'sha256'>): string {
  return [info.size, info.mtimeNs, info.ctimeNs, info.ino].join(' ')
}

function stampFromFile(stamp: FileStamp): Stamp {
  return {sha256: stamp.sha256, stat: statOf(stamp)}
}

function fileStampOf(stamp: Stamp): FileStamp {
  const [size, mtimeNs, ctimeNs, ino] = stamp.stat.split(' ') as [string, string, string, string]
  return {sha256: stamp.sha256, size, mtimeNs, ctimeNs, ino}
}

/**
 * What the corpus files were last made from: every document's id and the sha256 of its `<id>.json`,
 * in the order listed, and the pipeline version that made them, with the sha256 of `index.json`,
 * `claims.jsonl` and (when the `html` output wrote it) the corpus page `index.html` as they were written.
 */
export interface CorpusRecord {
  documents: Array<[string, string]>
  index: string
  claims: string
  /** `pipelineVersion()` of the run that wrote the corpus files: new code may draw them differently from the same records. */
  pipeline?: string
  /** sha256 of `index.html`; absent when the run did not write the page. */
  page?: string
}

/** Path of the stamps file of an output folder, beside the manifest. */
export function stampsPath(out: string): string {
  return join(out, cacheFolder, 'stamps.json')
}

const digits = /^\d{1,30}$/
const sha256Pattern = /^[0-9a-f]{64}$/
const plainName = /^[^/\\\0]+$/
const slug = /^[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?$/
// What `pipelineVersion()` makes: a package version, `+`, 16 hex digits.
const pipelinePattern = /^[0-9A-Za-z.+-]{1,100}$/
const corpusRecordKeys = new Set(['documents', 'index', 'claims', 'pipeline', 'page'])

function isCorpusRecord(value: unknown): value is CorpusRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const record = value as Record<string, unknown>
  if (!Object.keys(record).every((key) => corpusRecordKeys.has(key)) || typeof record['index'] !== 'string' || typeof record['claims'] !== 'string') return false
  if (!sha256Pattern.test(record['index']) || !sha256Pattern.test(record['claims']) || !Array.isArray(record['documents'])) return false
  if (record['pipeline'] !== undefined && (typeof record['pipeline'] !== 'string' || !pipelinePattern.test(record['pipeline']))) return false
  if (record['page'] !== undefined && (typeof record['page'] !== 'string' || !sha256Pattern.test(record['page']))) return false
  return record['documents'].every((pair: unknown) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && slug.test(pair[0]) && typeof pair[1] === 'string' && sha256Pattern.test(pair[1]))
}

function isStamp(value: unknown): value is FileStamp {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const stamp = value as Record<string, unknown>
  return (
    Object.keys(stamp).length === 5 && typeof stamp['sha256'] === 'string' && sha256Pattern.test(stamp['sha256']) &&
    ['size', 'mtimeNs', 'ctimeNs', 'ino'].every((key) => typeof stamp[key] === 'string' && digits.test(stamp[key]))
  )
}

/** The stamp of a file whose content has `sha256`, from its `lstat`/`fstat` with `bigint: true`. */
export function stampOf(info: BigIntStats, sha256: string): Stamp {
  return {sha256, stat: statOf(info)}
}

/**
 * The stamps an output folder's last run recorded, and when they were written (the stamps file's
 * mtime). Untrusted like the manifest: anything but exactly what `writeStamps` writes, or a file that
 * is not a regular file, is no stamps at all, and every output is then hashed.
 */
export async function readStamps(out: string): Promise<{stamps: Map<string, Stamp>; writtenNs?: bigint; corpus?: CorpusRecord}> {
  let handle: FileHandle | undefined
  try {
    handle = await open(stampsPath(out), regularFileFlags)
    const info = await handle.stat({bigint: true})
    if (!info.isFile()) return {stamps: new Map()}
    const parsed = JSON.parse(await handle.readFile('utf8')) as {stampsVersion?: unknown; files?: unknown; corpus?: unknown}
    if (parsed.stampsVersion !== 1 || typeof parsed.files !== 'object' || parsed.files === null || Array.isArray(parsed.files)) return {stamps: new Map()}
    if (parsed.corpus !== undefined && !isCorpusRecord(parsed.corpus)) return {stamps: new Map()}
    const entries = Object.entries(parsed.files)
    if (!entries.every(([name, stamp]) => plainName.test(name) && name !== '.' && name !== '..' && isStamp(stamp))) return {stamps: new Map()}
    const stamps = new Map<string, Stamp>()
    for (const [name, stamp] of entries as Array<[string, FileStamp]>) stamps.set(name, stampFromFile(stamp))
    return {stamps, writtenNs: info.mtimeNs, ...(parsed.corpus ? {corpus: parsed.corpus} : {})}
  } catch {
    return {stamps: new Map()}
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

/** Writes the stamps (and the corpus record, if any) atomically, sorted by name. */
export async function writeStamps(out: string, stamps: ReadonlyMap<string, Stamp>, corpus?: CorpusRecord): Promise<void> {
  const files: Record<string, FileStamp> = {}
  for (const name of [...stamps.keys()].sort()) files[name] = fileStampOf(stamps.get(name)!)
  await writeFileAtomic(stampsPath(out), JSON.stringify({stampsVersion: 1, files, ...(corpus ? {corpus} : {})}) + '\n')
}

/**
 * Whether a file with `info` is vouched for by `stamp` as having content `sha256`: same sha256, size,
 * mtime, ctime and inode, and neither time at or after `writtenNs`, the time the stamps were written.
 * That last is git's racy-timestamp rule: a file changed in the same clock tick as it was stamped
 * keeps its mtime, so a stamp cannot tell it apart unless the file is older than the stamps file.
 */
export function vouchedFor(info: BigIntStats, stamp: Stamp | undefined, sha256: string, writtenNs: bigint | undefined): boolean {
  if (!stamp || writtenNs === undefined || !info.isFile() || stamp.sha256 !== sha256) return false
  if (info.mtimeNs >= writtenNs || info.ctimeNs >= writtenNs) return false
  return statOf(info) === stamp.stat
}

/**
 * The output stamps of one run: answers whether an output file still has the content the manifest
 * recorded, from its stamp when the stamp vouches for it and by hashing it otherwise, and collects
 * the stamps to record for the next run. With `trust` false (a check, a run without a cache) every
 * file is hashed.
 */
export class OutputStamps {
  /** Output files this run read and hashed to answer `hasContent`. */
  hashed = 0
  /** What the corpus files were made from, as this run leaves them (see `writeCorpusUnlessUnchanged`). */
  corpus: CorpusRecord | undefined
  private readonly next = new Map<string, Stamp>()

  constructor(
    private readonly out: string,
    private readonly previous: ReadonlyMap<string, Stamp>,
    private readonly writtenNs: bigint | undefined,
    private readonly trust: boolean,
    /** What the corpus files were made from, as the last run left them. */
    readonly previousCorpus?: CorpusRecord
  ) {}

  /** Reads the stamps `out` holds; `trust` false reads none. */
  static async of(out: string, trust: boolean): Promise<OutputStamps> {
    if (!trust) return new OutputStamps(out, new Map(), undefined, false)
    const {stamps, writtenNs, corpus} = await readStamps(out)
    return new OutputStamps(out, stamps, writtenNs, true, corpus)
  }

  /** Whether output file `name` holds content with `sha256`; records its stamp when it does. */
  async hasContent(name: string, sha256: string): Promise<boolean> {
    if (await this.vouches(name, sha256)) {
      this.next.set(name, this.previous.get(name)!)
      return true
    }
    this.hashed++
    const hashed = await hashRegularFile(join(this.out, name))
    if (hashed?.sha256 !== sha256) return false
    this.next.set(name, stampOf(hashed.info, sha256))
    return true
  }

  /**
   * Whether output file `name`'s stamp alone vouches that it holds content with `sha256` (never reads
   * it; false without trust). A rebuilt corpus file is compared with that sha256 instead of the file.
   */
  async vouches(name: string, sha256: string): Promise<boolean> {
    if (!this.trust) return false
    const info = await lstat(join(this.out, name), {bigint: true}).catch(() => undefined)
    return info !== undefined && vouchedFor(info, this.previous.get(name), sha256, this.writtenNs)
  }

  /** Records the stamp of output file `name` just written (or found equal) with content `sha256`. */
  async written(name: string, sha256: string): Promise<void> {
    const info = await lstat(join(this.out, name), {bigint: true}).catch(() => undefined)
    if (info?.isFile()) this.next.set(name, stampOf(info, sha256))
    else this.next.delete(name)
  }

  /** Writes the stamps of the files in `names` (the outputs the manifest lists), unless they are what was read. */
  async save(names: Iterable<string>): Promise<void> {
    const kept = new Map<string, Stamp>()
    for (const name of names) {
      const stamp = this.next.get(name)
      if (stamp) kept.set(name, stamp)
    }
    const same = kept.size === this.previous.size && [...kept].every(([name, stamp]) => JSON.stringify(this.previous.get(name)) === JSON.stringify(stamp)) &&
      JSON.stringify(this.corpus) === JSON.stringify(this.previousCorpus)
    if (!same) await writeStamps(this.out, kept, this.corpus)
  }
}
