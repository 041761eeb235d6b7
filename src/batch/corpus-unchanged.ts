import {corpusFiles, writeCorpusInOrder, type CorpusDocument, type CorpusOptions} from './corpus.js'
import type {CorpusRecord} from './file-stamps.js'

/** What `writeCorpusUnlessUnchanged` needs besides the documents. */
export interface UnchangedCorpusOptions extends CorpusOptions {
  /** What the corpus files were last made from, when the stamps hold it. */
  previous: CorpusRecord | undefined
  /** Whether a corpus file still holds the content with this sha256 (`OutputStamps.hasContent`). */
  hasContent: (name: string, sha256: string) => Promise<boolean>
  /** `pipelineVersion()` of this run: corpus files another version made are rebuilt. */
  pipeline?: string
  /**
   * Whether a stamp vouches, without reading it, that corpus file `name` holds the content with this
   * sha256 (`OutputStamps.vouches`): a rebuilt file is then compared with that sha256, not read again.
   */
  vouches?: (name: string, sha256: string) => Promise<boolean>
}

/**
 * `writeCorpusInOrder`, except that the corpus files are left untouched, and not even rebuilt, when
 * they were made from exactly these documents: the same ids in the same order, each with the same
 * sha256 of its `<id>.json`, which this run has verified (hashed, written, or vouched for by its
 * stamp), by the same pipeline version, and every corpus file this run writes (`index.json`,
 * `claims.jsonl`, with `page` the corpus page `index.html`) still holds what was written then. The
 * corpus is a function of those records and that code alone, so it would come out the same bytes. Documents are held back only while they match
 * the previous list; at the first that does not, the corpus is streamed as usual. Resolves to the
 * corpus files that changed and what they are now made from (undefined when a document in them was
 * not verified by this run, or nothing was written).
 */
export async function writeCorpusUnlessUnchanged(out: string, documents: AsyncIterable<CorpusDocument>, options: UnchangedCorpusOptions): Promise<{changed: string[]; record?: CorpusRecord}> {
  const {previous, hasContent, pipeline, vouches, ...corpusOptions} = options
  const iterator = documents[Symbol.asyncIterator]()
  const held: CorpusDocument[] = []
  const listed: Array<[string, string]> = []
  let verified = true
  // Only the (id, sha256) pair of each document is kept for the whole run: the
  // documents themselves are held only while they match the previous list, then streamed.
  const list = (document: CorpusDocument): void => {
    if (document.cache?.jsonVerified) listed.push([document.id, document.cache.jsonSha256])
    else verified = false
  }
  const note = (document: CorpusDocument): void => {
    held.push(document)
    list(document)
  }
  // Made by other code, or without the page this run wants: no document list makes it the same.
  let matching = previous !== undefined && previous.pipeline === pipeline && (!corpusOptions.page || previous.page !== undefined)
  while (matching) {
    const next = await iterator.next()
    if (next.done) break
    note(next.value)
    const expected = previous!.documents[held.length - 1]
    const seen = listed[held.length - 1]
    matching = verified && expected !== undefined && seen !== undefined && expected[0] === seen[0] && expected[1] === seen[1]
  }
  if (matching && held.length === previous!.documents.length && !corpusOptions.signal?.aborted) {
    const intact = (await hasContent(corpusFiles.index, previous!.index)) && (await hasContent(corpusFiles.claims, previous!.claims)) &&
      (!corpusOptions.page || (await hasContent(corpusFiles.html, previous!.page!)))
    // A page the last run wrote and this one does not is no longer recorded (run-batch.ts deletes it).
    if (intact) return {changed: [], record: corpusOptions.page ? previous! : withoutPage(previous!)}
  }
  let written: {index: string; claims: string; html?: string} | undefined
  async function* all(): AsyncGenerator<CorpusDocument> {
    for (const document of held.splice(0)) yield document
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      list(next.value)
      yield next.value
    }
  }
  const recorded: Record<string, string | undefined> = {[corpusFiles.index]: previous?.index, [corpusFiles.claims]: previous?.claims, [corpusFiles.html]: previous?.page}
  const currentSha256 = async (name: string): Promise<string | undefined> => {
    const sha256 = recorded[name]
    return sha256 !== undefined && vouches && (await vouches(name, sha256)) ? sha256 : undefined
  }
  const changed = await writeCorpusInOrder(out, all(), {...corpusOptions, currentSha256, onWritten: (sha256) => (written = sha256)})
  const record = (sha256: {index: string; claims: string; html?: string}): CorpusRecord => ({
    documents: listed,
    index: sha256.index,
    claims: sha256.claims,
    ...(pipeline !== undefined ? {pipeline} : {}),
    ...(sha256.html !== undefined ? {page: sha256.html} : {})
  })
  return {changed, ...(written && verified ? {record: record(written)} : {})}
}

function withoutPage(record: CorpusRecord): CorpusRecord {
  const {page: _page, ...rest} = record
  return rest
}
