import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import type {ClaimRecord, DocumentRecord} from '../emit/document.js'
import {openAtomicSink} from './atomic-write.js'

/** Names of the corpus files in an output folder. */
export const corpusFiles = {index: 'index.json', claims: 'claims.jsonl'} as const

/** One document in `index.json`. */
export interface IndexEntry {
  id: string
  source: string
  sha256: string
  title: string | null
  counts: {sections: number; citationGroups: number; references: number; sentences: number; claims: number; cellTypes: number}
  diagnostics: {error: number; warning: number; info: number}
}

/** One line of `claims.jsonl`: a claim with the id of its document in front. */
export type ClaimLine = {documentId: string} & ClaimRecord

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
      cellTypes: record.cellTypes.length
    },
    diagnostics
  }
}

/** The `claims.jsonl` lines of a document, each ending in a newline, in document order. */
export function claimLines(record: DocumentRecord): string {
  let lines = ''
  for (const claim of record.claims) lines += JSON.stringify({documentId: record.document.id, ...claim} satisfies ClaimLine) + '\n'
  return lines
}

/** Whether parsed JSON looks like a citeclaim document record (schemaVersion 1) for `id`. */
export function isDocumentRecord(value: unknown, id: string): value is DocumentRecord {
  const record = value as Partial<DocumentRecord> | null
  return (
    typeof record === 'object' && record !== null && record.schemaVersion === 1 && record.document?.id === id &&
    Array.isArray(record.claims) && Array.isArray(record.diagnostics)
  )
}

/** A document's JSON file, the source of its corpus entries. */
export interface CorpusDocument {
  id: string
  jsonPath: string
}

export interface CorpusOptions {
  /** Write nothing; only report which corpus files would change. */
  dryRun?: boolean
  /** Called for a JSON file that cannot be read or is not a document record; it is left out. */
  onProblem?: (path: string, message: string) => void
}

// How many JSON files are read ahead while one is parsed: keeps the disk busy without holding more
// than a few records in memory.
const readAhead = 4

/**
 * Rebuilds `index.json` and `claims.jsonl` in `out` from per-document JSON files alone, so skipped
 * documents and shard outputs contribute exactly what a fresh run would. Documents are sorted by id;
 * both files are streamed, one record in memory at a time. Resolves to the corpus files that changed.
 */
export async function writeCorpus(out: string, documents: Iterable<CorpusDocument>, options: CorpusOptions = {}): Promise<string[]> {
  const sorted = [...documents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const indexPath = join(out, corpusFiles.index)
  const claimsPath = join(out, corpusFiles.claims)
  const index = await openAtomicSink(indexPath, options)
  const claims = await openAtomicSink(claimsPath, options)
  try {
    // Written so that the file equals JSON.stringify({schemaVersion, documents}, null, 2) + '\n'.
    await index.write('{\n  "schemaVersion": 1,\n  "documents": [')
    let first = true
    const pending: Array<Promise<string | Error>> = []
    const load = (i: number): void => {
      const document = sorted[i]
      if (document) pending.push(readFile(document.jsonPath, 'utf8').catch((error: Error) => error))
    }
    for (let i = 0; i < readAhead; i++) load(i)
    for (let i = 0; i < sorted.length; i++) {
      const document = sorted[i]!
      const text = await pending.shift()!
      load(i + readAhead)
      let record: unknown
      if (text instanceof Error) {
        options.onProblem?.(document.jsonPath, `cannot read ${document.jsonPath}: ${(text as NodeJS.ErrnoException).code ?? text.message}`)
        continue
      }
      try {
        record = JSON.parse(text)
      } catch {
        record = undefined
      }
      if (!isDocumentRecord(record, document.id)) {
        options.onProblem?.(document.jsonPath, `${document.jsonPath} is not a citeclaim document record (schemaVersion 1) for "${document.id}"`)
        continue
      }
      const entry = JSON.stringify(indexEntry(record), null, 2).replace(/^/gm, '    ')
      await index.write((first ? '\n' : ',\n') + entry)
      first = false
      await claims.write(claimLines(record))
    }
    await index.write(first ? ']\n}\n' : '\n  ]\n}\n')
  } catch (error) {
    await index.abort()
    await claims.abort()
    throw error
  }
  const changed: string[] = []
  if (await index.commit()) changed.push(indexPath)
  if (await claims.commit()) changed.push(claimsPath)
  return changed
}
