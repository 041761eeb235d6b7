import {createHash} from 'node:crypto'
import {join} from 'node:path'
import {toClaimRows} from '../emit/claim-rows.js'
import type {CorpusPage} from '../emit/html/corpus-page.js'
import {evidenceSummary, type EvidenceSummary} from '../emit/html/evidence-summary.js'
import {schemaVersion, writtenSchemaVersions, type ClaimLine, type DocumentRecord, type IndexEntry} from '../emit/records.js'
import {openAtomicSink, type AtomicSinkOptions} from './atomic-write.js'
import {readRegularBytes, readOutputText, sha256OfFile} from './read-output-file.js'
import {cacheFoldersAreRealSync, corpusCacheFolder} from './cache-folder.js'

/** Names of the corpus files in an output folder. */
export const corpusFiles = {index: 'index.json', claims: 'claims.jsonl', html: 'index.html'} as const

/** The `index.json` entry of a document, from its JSON record alone. */
export function indexEntry(record: DocumentRecord): IndexEntry {
  const diagnostics = {error: 0, warning: 0, info: 0}
  for (const diagnostic of record.diagnostics) diagnostics[diagnostic.severity]++
  return {
    id: record.document.id,
    source: record.document.source,
    sha256: record.document.sha256,
    title: record.document.title,
    counts: {
      sections: record.document.sections.length,
      citationGroups: record.citationGroups.length,
      references: record.references.length,
      sentences: record.sentences.length,
      claims: record.claims.length,
      entityTypes: record.entityTypes.length
    },
    diagnostics
  }
}

/** The `claims.jsonl` lines of a document, each ending in a newline, in document order. */
export function claimLines(record: DocumentRecord): string {
  let lines = ''
  for (const row of toClaimRows(record)) lines += JSON.stringify(row) + '\n'
  return lines
}

/**
 * A document's corpus entries, cached beside the manifest when its files are written
 * (`.citeclaim-cache/corpus/<id>.jsonl`): a first line naming the sha256 of the `<id>.json` they were
 * made from, with the index entry, then the `claims.jsonl` lines. Rebuilding the corpus from these
 * reads a fraction of the bytes and parses no record. The cache is untrusted: it is used only when its
 * own sha256 is the one the manifest recorded when it was written, and its head names the sha256 of
 * the record now in the output folder (see `loadEntries`).
 */
export function corpusCache(record: DocumentRecord, jsonSha256: string): string {
  return JSON.stringify({json: jsonSha256, schemaVersion, entry: indexEntry(record), summary: evidenceSummary(record)}) + '\n' + claimLines(record)
}

export {corpusCacheFolder}

/** Path of a document's corpus cache in an output folder. */
export function corpusCachePath(out: string, id: string): string {
  return join(corpusCacheFolder(out), id + '.jsonl')
}

/**
 * The index entry, evidence summary and claim lines of a corpus cache made from `id`'s record with
 * `jsonSha256`; else undefined. The claim lines stay bytes: they are copied into `claims.jsonl` as they are.
 */
function readCorpusCache(bytes: Buffer, id: string, jsonSha256: string): CorpusEntries | undefined {
  const end = bytes.indexOf(0x0a)
  if (end === -1) return undefined
  try {
    const head = JSON.parse(bytes.toString('utf8', 0, end)) as {json?: unknown; schemaVersion?: unknown; entry?: IndexEntry; summary?: EvidenceSummary}
    const {entry, summary} = head
    // A cache another schema version wrote holds rows of that version (v1's have no schemaVersion).
    return head.json === jsonSha256 && head.schemaVersion === schemaVersion && typeof entry === 'object' && entry !== null && entry.id === id && typeof summary === 'object' && summary !== null && Array.isArray(summary.types) && Array.isArray(summary.counts)
      ? {entry, summary, claims: bytes.subarray(end + 1)}
      : undefined
  } catch {
    return undefined
  }
}

/** Whether parsed JSON looks like a citeclaim document record of the current schema version for `id`. */
export function isDocumentRecord(value: unknown, id: string): value is DocumentRecord {
  const record = value as Partial<DocumentRecord> | null
  return recordVersion(value, id) === schemaVersion && Array.isArray(record!.claims) && Array.isArray(record!.diagnostics)
}

/**
 * The `schemaVersion` of parsed JSON that looks like a citeclaim document record for `id`, of any
 * version citeclaim has written (with its `document.source`), else undefined.
 */
export function recordVersion(value: unknown, id: string): number | undefined {
  const record = value as {schemaVersion?: unknown; document?: {id?: unknown; source?: unknown}} | null
  if (typeof record !== 'object' || record === null || !writtenSchemaVersions.includes(record.schemaVersion as number)) return undefined
  return record.document?.id === id && typeof record.document.source === 'string' ? (record.schemaVersion as number) : undefined
}

/** A document's JSON file, the source of its corpus entries. */
export interface CorpusDocument {
  id: string
  jsonPath: string
  /**
   * What the manifest says of the document's JSON and corpus cache in output folder `out`: lets the
   * cache stand in for the record once both are checked. `jsonVerified`: this run has just hashed or
   * written the JSON, so its sha256 need not be checked again.
   */
  cache?: {out: string; jsonSha256: string; corpusSha256: string; jsonVerified: boolean}
  /**
   * Found in the output folder, not known to the run: a JSON file there that is missing or is not a
   * record is not a document (a user's own file), and is left out without a word.
   */
  found?: boolean
}

export interface CorpusOptions {
  /** Write nothing; only report which corpus files would change. */
  dryRun?: boolean
  /** Called for a JSON file that cannot be read or is not a document record; it is left out. */
  onProblem?: (path: string, message: string) => void
  /**
   * Called for a record of an older schema version (written by an older citeclaim); it is left out
   * until a run over its input rewrites it. Without it, `onProblem` is called.
   */
  onStale?: (path: string, message: string) => void
  /** Once aborted, the documents that are left are not waited for and nothing is written. */
  signal?: AbortSignal
  /** Called once the corpus files are in place (or found equal), with the sha256 of each (`html` only with `page`). */
  onWritten?: (sha256: {index: string; claims: string; html?: string}) => void
  /** Also write the corpus page `index.html` (the config's `outputs` names `html`). */
  page?: boolean
  /** The sha256 of corpus file `name` as it is now, when known without reading it (see `AtomicSinkOptions`). */
  currentSha256?: (name: string) => Promise<string | undefined>
}

interface CorpusEntries {
  entry: IndexEntry
  /** What the corpus page (`index.html`) counts of the document. */
  summary: EvidenceSummary
  /** The document's `claims.jsonl` lines: text made from a record, UTF-8 bytes copied from a cache. */
  claims: string | Uint8Array
}

/** A record of an older schema version, found where a document's record should be. */
interface StaleRecord {
  staleVersion: number
}

/**
 * A document's corpus entries: from its corpus cache when the manifest's sha256 of that cache and of
 * the record both match what is on disk (and the cache names the record), else from the record
 * itself. Undefined for a file that is not a record for the document.
 */
async function loadEntries(document: CorpusDocument): Promise<CorpusEntries | StaleRecord | undefined> {
  const {cache} = document
  if (cache && (cache.jsonVerified || (await sha256OfFile(document.jsonPath)) === cache.jsonSha256)) {
    const bytes = cacheFoldersAreRealSync(cache.out) ? await readRegularBytes(corpusCachePath(cache.out, document.id)) : undefined
    if (bytes !== undefined && createHash('sha256').update(bytes).digest('hex') === cache.corpusSha256) {
      const cached = readCorpusCache(bytes, document.id, cache.jsonSha256)
      if (cached) return cached
    }
  }
  const text = await readOutputText(document.jsonPath)
  if (text === undefined) {
    if (document.found) return undefined
    throw Object.assign(new Error('missing or not a regular file'), {code: 'ENOENT'})
  }
  let record: unknown
  try {
    record = JSON.parse(text)
  } catch {
    return undefined
  }
  if (isDocumentRecord(record, document.id)) return {entry: indexEntry(record), summary: evidenceSummary(record), claims: claimLines(record)}
  const version = recordVersion(record, document.id)
  return version === undefined ? undefined : {staleVersion: version}
}

// How many JSON files are read ahead while one is parsed: keeps the disk busy without holding more
// than a few records in memory.
const readAhead = 4

/**
 * Rebuilds `index.json`, `claims.jsonl` and (with `page`) the corpus page `index.html` in `out` from
 * per-document JSON files alone (or their corpus caches, made from the same records), so skipped
 * documents and shard outputs contribute exactly what a fresh run would. Documents are sorted by id;
 * the first two are streamed, one record in memory at a time (the page keeps each document's row,
 * see `CorpusPage`). Resolves to the corpus files that changed. A failed write rejects with a `WriteError`
 * naming the file, and leaves all the old files as they were.
 */
export async function writeCorpus(out: string, documents: Iterable<CorpusDocument>, options: CorpusOptions = {}): Promise<string[]> {
  return writeCorpusInOrder(out, [...documents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), options)
}

/**
 * `writeCorpus` over documents that come sorted by id, as they become ready: a batch run streams the
 * corpus files while its documents are analysed, each one as soon as it and those before it are done.
 */
export async function writeCorpusInOrder(out: string, documents: AsyncIterable<CorpusDocument> | Iterable<CorpusDocument>, options: CorpusOptions = {}): Promise<string[]> {
  const indexPath = join(out, corpusFiles.index)
  const claimsPath = join(out, corpusFiles.claims)
  const {currentSha256} = options
  const sinkOptions = (name: string): AtomicSinkOptions => ({...(options.dryRun ? {dryRun: true} : {}), ...(currentSha256 ? {currentSha256: () => currentSha256(name)} : {})})
  const index = await openAtomicSink(indexPath, sinkOptions(corpusFiles.index))
  const claims = await openAtomicSink(claimsPath, sinkOptions(corpusFiles.claims)).catch(async (error: unknown) => {
    await index.abort()
    throw error
  })
  const htmlPath = join(out, corpusFiles.html)
  const html = options.page
    ? await openAtomicSink(htmlPath, sinkOptions(corpusFiles.html)).catch(async (error: unknown) => {
        await index.abort()
        await claims.abort()
        throw error
      })
    : undefined
  // The corpus page needs every document before it can be drawn; it is written last, from what it
  // kept of each (see `CorpusPage`). Loaded with the first document: the main thread of a run does
  // not load the HTML libraries at start-up.
  let page: CorpusPage | undefined
  try {
    // Written so that the file equals JSON.stringify({schemaVersion, documents}, null, 2) + '\n'.
    await index.write(`{\n  "schemaVersion": ${schemaVersion},\n  "documents": [`)
    let first = true
    // Each document's entries start loading when it arrives; up to `readAhead` load at once.
    const pending: Array<{document: CorpusDocument; entries: Promise<CorpusEntries | StaleRecord | Error | undefined>}> = []
    const writeNext = async (): Promise<void> => {
      const {document, entries: loading} = pending.shift()!
      const entries = await loading
      if (entries instanceof Error) {
        options.onProblem?.(document.jsonPath, `cannot read ${document.jsonPath}: ${(entries as NodeJS.ErrnoException).code ?? entries.message}`)
        return
      }
      if (!entries) {
        if (!document.found) options.onProblem?.(document.jsonPath, `${document.jsonPath} is not a citeclaim document record (schemaVersion ${schemaVersion}) for "${document.id}"`)
        return
      }
      if ('staleVersion' in entries) {
        const message = `${document.jsonPath} is a citeclaim record of schemaVersion ${entries.staleVersion}, written by an older citeclaim (this one writes ${schemaVersion}): left out of ${corpusFiles.index} and ${corpusFiles.claims}; run citeclaim on its input again to rewrite it`
        if (options.onStale) options.onStale(document.jsonPath, message)
        else options.onProblem?.(document.jsonPath, message)
        return
      }
      await index.write((first ? '\n' : ',\n') + JSON.stringify(entries.entry, null, 2).replace(/^/gm, '    '))
      first = false
      await claims.write(entries.claims)
      if (html) {
        const {id, source, title, counts, diagnostics} = entries.entry
        page ??= new (await import('../emit/html/corpus-page.js')).CorpusPage()
        page.add({id, source, title, counts, diagnostics, summary: entries.summary})
      }
    }
    for await (const document of documents) {
      if (options.signal?.aborted) break
      pending.push({document, entries: loadEntries(document).catch((error: Error) => error)})
      if (pending.length >= readAhead) await writeNext()
    }
    if (options.signal?.aborted) {
      await Promise.all(pending.map((item) => item.entries))
      await index.abort()
      await claims.abort()
      await html?.abort()
      return []
    }
    while (pending.length > 0) await writeNext()
    await index.write(first ? ']\n}\n' : '\n  ]\n}\n')
    if (html) {
      page ??= new (await import('../emit/html/corpus-page.js')).CorpusPage()
      await html.write(page.html())
    }
  } catch (error) {
    await index.abort()
    await claims.abort()
    await html?.abort()
    throw error
  }
  // All finished before any replaces its target: a write that fails leaves all the old files.
  try {
    await index.finish()
    await claims.finish()
    await html?.finish()
  } catch (error) {
    await index.abort()
    await claims.abort()
    await html?.abort()
    throw error
  }
  const changed: string[] = []
  if (await index.commit()) changed.push(indexPath)
  if (await claims.commit()) changed.push(claimsPath)
  if (await html?.commit()) changed.push(htmlPath)
  options.onWritten?.({index: index.sha256!, claims: claims.sha256!, ...(html ? {html: html.sha256!} : {})})
  return changed
}
