import type {CslItem} from '@citation-js/core'
import type {AttributionReason, AuthorYearCitationData} from '../types.js'
import type {Diagnostic} from '../diagnostics.js'
import type {ClaimRow} from './claim-rows.js'

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

/** A citation group. It ends where `raw`, the exact text of the input from `start` on, ends. */
export interface CitationGroupRecord {
  id: string
  raw: string
  numbers: number[]
  valid: boolean
  /** Pandoc citations only (`[@smith2020; @lee2018]`): their keys as written, in order (additive to schema version 2). */
  keys?: string[]
  sectionId: string | null
  sentenceId: string | null
  start: OutputPoint
  /** Author–year callouts only: narrative or parenthetical, and each cite with its entry's number (null: none or several fit). */
  authorYear?: AuthorYearCitationData
}

/** The entry as printed in the document's own reference list. */
export interface ReferenceEntryRecord {
  raw: string
  doi: string | null
  pmid: string | null
  year: number | null
}

/**
 * A cited reference. Its id is `ref-<number>` (in `<id>.references.csl.json`, pandoc citations
 * `[@ref-53]` and `claims.jsonl`); its callouts are the groups whose `numbers` hold it.
 */
export interface ReferenceRecord {
  number: number
  csl: CslItem | null
  entry?: ReferenceEntryRecord
  /** The sentences that cite it (its contexts), in document order: their text is in `sentences`. */
  sentenceIds: string[]
  claimIds: string[]
}

export interface SentenceRecord {
  id: string
  sectionId: string | null
  text: string
  start: OutputPoint
  end: OutputPoint
}

/** A claim: what its sentence asserts. Its position is its sentence's (`sentenceId`). */
export interface ClaimRecord {
  id: string
  sentenceId: string
  text: string
  entityTypes: string[]
  /** Per type in `entityTypes`, why the claim is about it. */
  attribution: Record<string, AttributionReason>
  citations: number[]
  category: string
  evidence: string
  hedged: boolean
}

export interface EntityTypeRecord {
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

/** The version of the output contract this code writes (`schema/document.schema.json`). */
export const schemaVersion = 2

/** Every schema version citeclaim has written: a record of one before `schemaVersion` is stale, never read as current. */
export const writtenSchemaVersions: readonly number[] = [1, schemaVersion]

/** The JSON output for one document: schemaVersion 2 of the contract in the README. */
export interface DocumentRecord {
  schemaVersion: typeof schemaVersion
  document: {id: string; source: string; sha256: string; title: string | null; sections: SectionRecord[]}
  citationGroups: CitationGroupRecord[]
  references: ReferenceRecord[]
  sentences: SentenceRecord[]
  claims: ClaimRecord[]
  entityTypes: EntityTypeRecord[]
  diagnostics: DiagnosticRecord[]
}

/** One document in `index.json`. */
export interface IndexEntry {
  id: string
  source: string
  sha256: string
  title: string | null
  counts: {sections: number; citationGroups: number; references: number; sentences: number; claims: number; entityTypes: number}
  diagnostics: {error: number; warning: number; info: number}
}

/** One line of `claims.jsonl`: a claim with its document, section and cited references (see `toClaimRows`). */
export type ClaimLine = ClaimRow
