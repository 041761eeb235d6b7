import {lstat, rm} from 'node:fs/promises'
import {join} from 'node:path'
import type {DiagnosticRecord} from '../emit/document.js'
import {cacheFoldersAreRealSync} from './cache-folder.js'
import {diagnostic} from '../diagnostics.js'
import {corpusCachePath, corpusFiles, recordVersion} from './corpus.js'
import type {CorpusRecord} from './file-stamps.js'
import type {ManifestEntry} from './manifest.js'
import {describeFsError} from './output-folder.js'
import {knownSuffixes, listOutputDocuments} from './output-documents.js'
import {readOutputText} from './read-output-file.js'

/** Where a run deletes files, and what it tells about them. */
export interface RemoveContext {
  check: boolean | undefined
  /** Paths deleted (or, in a check, that would be). */
  removed: string[]
  report: (file: string, diagnostic: DiagnosticRecord) => void
}

/**
 * Deletes the output file `name` of `out` (a symlink there is deleted itself, never what it points
 * to). `name` must be a plain file name: a name with a path in it is refused, so nothing outside
 * `out` is ever deleted whatever a manifest says.
 */
export async function remove(out: string, name: string, context: RemoveContext): Promise<void> {
  if (!isPlainName(name)) return
  const path = join(out, name)
  const exists = await lstat(path).then(() => true, () => false)
  if (!exists) return
  context.removed.push(path)
  if (context.check) return
  try {
    await rm(path, {force: true})
  } catch (error) {
    context.report(path, diagnostic('output-write-failed', `cannot delete ${path}: ${describeFsError(error)}`))
  }
}

/**
 * Deletes the corpus page `index.html` when this run writes none (its outputs no longer name `html`)
 * and the last run's stamps say it wrote the page that is there: the documents' pages go the same way
 * (see `process-document.ts`). A page whose bytes are not the ones recorded (edited, or the user's own)
 * is left, and so is any page when no stamps record one (a fresh clone).
 */
export async function removeUnwrittenCorpusPage(
  context: RemoveContext & {out: string; previous: CorpusRecord | undefined; hasContent: (name: string, sha256: string) => Promise<boolean>}
): Promise<void> {
  const recorded = context.previous?.page
  if (recorded === undefined || !(await context.hasContent(corpusFiles.html, recorded))) return
  await remove(context.out, corpusFiles.html, context)
}

/** A file name with no folder in it: not empty, no separator, not `.` or `..`. */
function isPlainName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name)
}

/**
 * Deletes the outputs of documents whose input is gone: those the manifest lists, or, without a
 * manifest (a fresh clone), `<id>.json` records in the output folder whose source was under the
 * paths of this run, with their siblings of known suffixes. Only documents whose source lies under
 * this run's paths count, so `citeclaim run input/a.txt` leaves the other documents alone.
 */
export async function removeGoneDocuments(
  context: RemoveContext & {
    out: string
    manifest: Map<string, ManifestEntry>
    hadManifest: boolean
    ids: ReadonlySet<string>
    inScope: (source: string) => boolean
  }
): Promise<void> {
  const {out, manifest} = context
  for (const [id, entry] of manifest) {
    if (context.ids.has(id) || !context.inScope(entry.source)) continue
    for (const name of Object.keys(entry.files)) await remove(out, name, context)
    if (!context.check && isPlainName(id + '.jsonl') && cacheFoldersAreRealSync(out)) await rm(corpusCachePath(out, id), {force: true}).catch(() => undefined)
    manifest.delete(id)
  }
  if (context.hadManifest) return
  const documents = await listOutputDocuments(out).catch(() => [])
  for (const document of documents) {
    if (context.ids.has(document.id)) continue
    const record = await readJson(join(out, document.id + '.json'))
    // A record of any schema version citeclaim wrote: an older one's input going away removes it too.
    if (recordVersion(record, document.id) === undefined || !context.inScope((record as {document: {source: string}}).document.source)) continue
    for (const name of document.files) if (knownSuffixes().includes(name.slice(document.id.length))) await remove(out, name, context)
  }
}

/** A record in the output folder, read as `readOutputText` reads (no symlink, no FIFO); undefined when unreadable or not JSON. */
async function readJson(path: string): Promise<unknown> {
  const text = await readOutputText(path)
  if (text === undefined) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
