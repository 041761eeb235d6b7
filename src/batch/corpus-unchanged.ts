import {corpusFiles, writeCorpusInOrder, type CorpusDocument, type CorpusOptions} from './corpus.js'
import type {CorpusRecord} from './file-stamps.js'

/** What `writeCorpusUnlessUnchanged` needs besides the documents. */
export interface UnchangedCorpusOptions extends CorpusOptions {
  /** What the corpus files were last made from, when the stamps hold it. */
  previous: CorpusRecord | undefined
  /** Whether a corpus file still holds the content with this sha256 (`OutputStamps.hasContent`). */
  hasContent: (name: string, sha256: string) => Promise<boolean>
}

/**
 * `writeCorpusInOrder`, except that the corpus files are left untouched, and not even rebuilt, when
 * they were made from exactly these documents: the same ids in the same order, each with the same
 * sha256 of its `<id>.json`, which this run has verified (hashed, written, or vouched for by its
 * stamp), and both corpus files still hold what was written then. The corpus is a function of those
 * records alone, so it would come out the same bytes. Documents are held back only while they match
 * the previous list; at the first that does not, the corpus is streamed as usual. Resolves to the
 * corpus files that changed and what they are now made from (undefined when a document in them was
 * not verified by this run, or nothing was written).
 */
export async function writeCorpusUnlessUnchanged(out: string, documents: AsyncIterable<CorpusDocument>, options: UnchangedCorpusOptions): Promise<{changed: string[]; record?: CorpusRecord}> {
  const {previous, hasContent, ...corpusOptions} = options
  const iterator = documents[Symbol.asyncIterator]()
  const held: CorpusDocument[] = []
  const listed: Array<[string, string]> = []
  let verified = true
  // Only the (id, sha256) pair of each document is kept for the whole run (about 100 bytes): the
  // documents themselves are held only while they match the previous list, then streamed.
  const list = (document: CorpusDocument): void => {
    if (document.cache?.jsonVerified) listed.push([document.id, document.cache.jsonSha256])
    else verified = false
  }
  const note = (document: CorpusDocument): void => {
    held.push(document)
    list(document)
  }
  let matching = previous !== undefined
  while (matching) {
    const next = await iterator.next()
    if (next.done) break
    note(next.value)
    const expected = previous!.documents[held.length - 1]
    const seen = listed[held.length - 1]
    matching = verified && expected !== undefined && seen !== undefined && expected[0] === seen[0] && expected[1] === seen[1]
  }
  // The corpus page is always made anew: the stamps record no sha256 of it, and its code may have
  // changed while the records it is made from did not.
  if (matching && !corpusOptions.page && held.length === previous!.documents.length && !corpusOptions.signal?.aborted) {
    if ((await hasContent(corpusFiles.index, previous!.index)) && (await hasContent(corpusFiles.claims, previous!.claims))) return {changed: [], record: previous}
  }
  let written: {index: string; claims: string} | undefined
  async function* all(): AsyncGenerator<CorpusDocument> {
    for (const document of held.splice(0)) yield document
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      list(next.value)
      yield next.value
    }
  }
  const changed = await writeCorpusInOrder(out, all(), {...corpusOptions, onWritten: (sha256) => (written = sha256)})
  return {changed, ...(written && verified ? {record: {documents: listed, index: written.index, claims: written.claims}} : {})}
}
