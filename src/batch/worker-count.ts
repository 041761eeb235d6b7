import {stat} from 'node:fs/promises'
import pMap from 'p-map'
import {recentFileBytes} from '../stages/bibliography/bibliography-formats.js'

/** What a document will cost to analyse, as far as its files' sizes tell. */
export interface WorkSize {
  /** Bytes of the document. */
  bytes: number
  /** Bytes of its bibliography, 0 without one. */
  bibliographyBytes: number
  /** Path of its bibliography: documents naming one file (`bibliography.files`) share its reading and formatting. */
  bibliographyPath?: string
}

// Estimates from the last two `npm run bench` runs on a 2-core machine (bench/results.json holds the
// second; the first is quoted in the README's bibliography section):
// - a document: 22.99 s and 27.64 s for 1,000 seed-sized documents (23.5 MB) in one thread, all four
//   outputs: about 1 ms per KB;
// - a bibliography, read and emitted: the same 1,000 documents with a 137 KB CSL-JSON bibliography
//   each took 12.3 s and 8.4 s more in one thread (withBibliography, details.seconds): about 0.09 ms
//   per KB;
// - formatting: citeproc takes about 1 ms per entry it has not formatted before (1.64 and 1.22 ms in
//   the bench's unshared runs), and a bibliography file holds about one entry per 500 bytes (557 in
//   the bench's CSL-JSON, 400 in its BibTeX and RIS): about 2 ms per KB. Which works other documents
//   share cannot be known before reading them, so every entry counts as new: an overestimate for a
//   batch citing the same works, whose documents then reach two threads sooner (at about 10
//   documents), where the threads cost little since both warm citeproc at once;
// - a second thread: a worker loads the pipeline and warms the JIT, and one thread analyses in the
//   main thread with no worker at all. 120 documents ran about as fast on 2 workers as on 1
//   (smallBatchSpeedup 1.02 and 1.09): the threshold below (twice the start-up per thread) puts that
//   break-even near 4 × 0.6 s of work, about 100 documents. A worker that formats references also
//   builds and warms a citeproc engine: about 1 s (by hand, in a fresh process: the first two
//   250-entry bibliographies took 0.77 s and 0.51 s against 0.25–0.3 s once warm, and loading
//   citation-js 0.25 s).
// - a bibliography file that several documents name (a library's, in `bibliography.files`) is read once
//   per thread when it is at most `recentFileBytes` (8 MiB; a bigger one is read for every document),
//   and each of its entries formatted at most once per thread: its formatting is the file's, not the
//   file's times its documents, and reading it a start-up cost of every thread (a 2.8 MB CSL-JSON file
//   of 20,000 entries: 0.45 s, about 0.16 ms per KB). What its documents cite is not known before they
//   are read: at most one entry per 50 bytes of a document (the seed cites 360 works in 23 KB), and at
//   most the file's entries. 40 bench documents naming one such file took 3.3-4.5 s in one thread and
//   4.0-4.4 s on two (four runs each), when the documents-times-file count gave them two.
const msPerDocumentByte = 1 / 1000
const msPerBibliographyByte = 0.09 / 1000 + 2 / 1000
const msPerSharedBibliographyByteRead = 0.16 / 1000
const citedEntryBytesPerDocumentByte = 500 / 50
const workerStartMs = 600
const citeprocStartMs = 1000

/**
 * How many threads to analyse `documents` on when the user left it to citeclaim (`concurrency: 0`):
 * one per core, but no more than the work pays for. A thread is worth adding only when its share of
 * the work is at least twice what it costs to start, so a small batch of small documents runs in one
 * thread, and a batch with bibliographies, whose workers each warm citeproc, needs more work before a
 * second worker is faster than one (it usually has it: formatting a bibliography's entries is most
 * of a document's work when no other document cites its works).
 */
export function workerCount(cores: number, documents: readonly WorkSize[]): number {
  let workMs = 0
  let startMs = workerStartMs
  const shared = new Map<string, {bytes: number; citable: number}>()
  const users = new Map<string, number>()
  for (const document of documents) if (document.bibliographyPath !== undefined && document.bibliographyBytes > 0) users.set(document.bibliographyPath, (users.get(document.bibliographyPath) ?? 0) + 1)
  for (const document of documents) {
    workMs += document.bytes * msPerDocumentByte
    if (document.bibliographyBytes === 0) continue
    const path = document.bibliographyPath
    if (path === undefined || users.get(path) === 1) {
      workMs += document.bibliographyBytes * msPerBibliographyByte
      continue
    }
    // Entry bytes the document can cite, counted against the file once below.
    const file = shared.get(path) ?? {bytes: document.bibliographyBytes, citable: 0}
    file.citable += document.bytes * citedEntryBytesPerDocumentByte
    shared.set(path, file)
  }
  for (const [path, file] of shared) {
    workMs += Math.min(file.bytes, file.citable) * msPerBibliographyByte
    // Kept by each thread once read, or read again for each document.
    if (file.bytes <= recentFileBytes) startMs += file.bytes * msPerSharedBibliographyByteRead
    else workMs += users.get(path)! * file.bytes * msPerSharedBibliographyByteRead
  }
  if (documents.some((document) => document.bibliographyBytes > 0)) startMs += citeprocStartMs
  return Math.max(1, Math.min(cores, documents.length, Math.floor(workMs / (2 * startMs))))
}

/**
 * The sizes of the documents and bibliographies at these paths (0 for a file that cannot be stat'ed:
 * reading it will report why), in their order. A few files are stat'ed at a time: all at once, 10,000
 * documents queued 20,000 requests whose promises and results the heap held together (35 MB, which
 * the process then kept as RSS to the run's end); libuv's thread pool runs four at a time anyway.
 */
export async function workSizes(documents: ReadonlyArray<{path: string; bibliographyPath?: string}>): Promise<WorkSize[]> {
  const size = (path: string | undefined): Promise<number> => (path === undefined ? Promise.resolve(0) : stat(path).then((stats) => stats.size, () => 0))
  return pMap(documents, async (document) => ({bytes: await size(document.path), bibliographyBytes: await size(document.bibliographyPath), ...(document.bibliographyPath === undefined ? {} : {bibliographyPath: document.bibliographyPath})}), {concurrency: statsAtOnce})
}

/** How many documents `workSizes` stats at once. */
export const statsAtOnce = 16
