import type {CslItem} from '@citation-js/core'
import type {AttributionReason, AuthorYearCitationData} from '../types.js'
import type {Diagnostic} from '../diagnostics.js'

/*
 * Every output record citeclaim writes, in one module: the per-document JSON (`<id>.json`, the
 * versioned contract of the README and `schema/document.schema.json`) and the corpus files'
 * entries (`index.json`, `claims.jsonl`). Types only: the emitters and the batch layer read them.
 */

/** A position in the original input: line and column 1-based, offset 0-based. */
export interface OutputPoint {
  line: number
  column: number
  offset: number
}

export interface CitationGroupRecord {
  id: string
  raw: string
  numbers: number[]
  valid: boolean
  sectionId: string | null
  sentenceId: string | null
  start: OutputPoint
  end: OutputPoint
  /** Author–year callouts only: narrative or parenthetical, and each cite with its entry's number (null: none or several fit). */
  authorYear?: AuthorYearCitationData
}

export interface ReferenceContext {
  sentenceId: string
  text: string
  raw: string
}

/** The entry as printed in the document's own reference list. */
export interface ReferenceEntryRecord {
  raw: string
  doi: string | null
  pmid: string | null
  year: number | null
}

export interface ReferenceRecord {
  number: number
  id: string
  groupIds: string[]
  claimIds: string[]
  csl: CslItem | null
  contexts: ReferenceContext[]
  entry?: ReferenceEntryRecord
}

export interface SentenceRecord {
  id: string
  sectionId: string | null
  text: string
  start: OutputPoint
  end: OutputPoint
}

export interface ClaimRecord {
  id: string
  sentenceId: string
  text: string
  cellTypes: string[]
  /** Per type in `cellTypes`, why the claim is about it (additive to schema version 1). */
  attribution: Record<string, AttributionReason>
  citations: number[]
  category: string
  evidence: string
  hedged: boolean
  start: OutputPoint
  end: OutputPoint
}

export interface CellTypeRecord {
  id: string
  label: string
  ontologyId: string | null
  mentionCount: number
  claimIds: string[]
  references: number[]
}

/** A diagnostic in the record: the one shape every part of citeclaim reports in (see `src/diagnostics.ts`). */
export type DiagnosticRecord = Diagnostic

export interface SectionRecord {
  id: string
  number: string | null
  title: string
  level: number
  start: OutputPoint
}

/** The JSON output for one document: schemaVersion 1 of the contract in the README. */
export interface DocumentRecord {
  schemaVersion: 1
  document: {id: string; source: string; sha256: string; title: string | null; sections: SectionRecord[]}
  citationGroups: CitationGroupRecord[]
  references: ReferenceRecord[]
  sentences: SentenceRecord[]
  claims: ClaimRecord[]
  cellTypes: CellTypeRecord[]
  diagnostics: DiagnosticRecord[]
}

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
