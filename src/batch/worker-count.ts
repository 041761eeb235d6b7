import {stat} from 'node:fs/promises'

/** What a document will cost to analyse, as far as its files' sizes tell. */
export interface WorkSize {
  /** Bytes of the document. */
  bytes: number
  /** Bytes of its bibliography, 0 without one. */
  bibliographyBytes: number
}

// Estimates from the bench on a 2-core machine (README, Performance): a 23 KB seed-sized document
// takes about 10 ms; a 100 KB bibliography about 10 ms to read and emit once its entries are
// formatted. A worker costs about 0.25 s to start (loading the pipeline, warming the JIT); one that
// formats references also builds a citeproc engine and formats, cold, every entry it has not seen,
// about 2.5 s more, since formatted entries are kept per thread.
const msPerDocumentByte = 10 / 23_000
const msPerBibliographyByte = 10 / 100_000
const workerStartMs = 250
const citeprocStartMs = 2500

/**
 * How many threads to analyse `documents` on when the user left it to citeclaim (`concurrency: 0`):
 * one per core, but no more than the work pays for. A thread is worth adding only when its share of
 * the work is at least twice what it costs to start, so a small batch of small documents runs in one
 * thread, and a batch with bibliographies, whose workers each pay for citeproc, needs more work before
 * a second worker is faster than one.
 */
export function workerCount(cores: number, documents: readonly WorkSize[]): number {
  let workMs = 0
  let withBibliography = false
  for (const document of documents) {
    workMs += document.bytes * msPerDocumentByte + document.bibliographyBytes * msPerBibliographyByte
    if (document.bibliographyBytes > 0) withBibliography = true
  }
  const startMs = workerStartMs + (withBibliography ? citeprocStartMs : 0)
  return Math.max(1, Math.min(cores, documents.length, Math.floor(workMs / (2 * startMs))))
}

/** The sizes of the documents and bibliographies at these paths (0 for a file that cannot be stat'ed: reading it will report why). */
export async function workSizes(documents: ReadonlyArray<{path: string; bibliographyPath?: string}>): Promise<WorkSize[]> {
  const size = (path: string | undefined): Promise<number> => (path === undefined ? Promise.resolve(0) : stat(path).then((stats) => stats.size, () => 0))
  return Promise.all(documents.map(async (document) => ({bytes: await size(document.path), bibliographyBytes: await size(document.bibliographyPath)})))
}
