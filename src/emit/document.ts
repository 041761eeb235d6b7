import type {CslItem} from '@citation-js/core'
import type {Nodes, Root} from 'mdast'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import type {ResolvedConfig} from '../config/types.js'
import type {Section} from '../stages/sections.js'
import {skipChildren, walk} from '../tree-walk.js'
import type {AttributionReason, Sentence} from '../types.js'

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
  sectionId: string | null
  sentenceId: string | null
  start: OutputPoint
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

export interface DiagnosticRecord {
  severity: 'error' | 'warning' | 'info'
  code: string
  message: string
  start: OutputPoint | null
}

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

declare module 'vfile' {
  interface DataMap {
    /** Document id: the file name without extension, as a slug. */
    id: string
    /** The input path relative to the working directory. */
    source: string
    /** sha256 of the input bytes. */
    sha256: string
  }
}

function point(p: Point | undefined): OutputPoint {
  return {line: p?.line ?? 1, column: p?.column ?? 1, offset: p?.offset ?? 0}
}

/** Builds the JSON record of an analysed document from its tree and `file.data`. */
export function toDocumentRecord(tree: Root, file: VFile, config: ResolvedConfig): DocumentRecord {
  const sections = file.data.sections ?? []
  const groups: CitationGroupRecord[] = []
  const sentences: SentenceRecord[] = []
  const claims: ClaimRecord[] = []
  const references = new Map<number, ReferenceRecord>()
  const printed = new Map((file.data.referenceList ?? []).map(({number, raw, doi, pmid, year}) => [number, {raw, doi, pmid, year}]))
  const typeStats = new Map(config.entityTypes.map((type) => [type.id, {mentions: 0, claimIds: [] as string[], references: new Set<number>()}]))

  const reference = (n: number): ReferenceRecord => {
    let record = references.get(n)
    if (!record) {
      const entry = printed.get(n)
      record = {number: n, csl: file.data.references?.get(n) ?? null, ...(entry ? {entry} : {}), sentenceIds: [], claimIds: []}
      references.set(n, record)
    }
    return record
  }

  let sectionId: string | null = null
  walk(tree, (node) => {
    if (node.type === 'heading') {
      sectionId = node.data?.sectionId ?? sectionId
      collectCitations(node, null)
      return skipChildren
    }
    if (node.type !== 'sentence') return
    const sentence = node as Sentence
    const {id, claim, mentions} = sentence.data
    // Printed as the input writes it (Markdown markup kept); the analysis read `data.text`.
    const text = sentence.data.written ?? sentence.data.text
    sentences.push({id, sectionId: sentence.data.sectionId, text, start: point(sentence.position?.start), end: point(sentence.position?.end)})
    for (const mention of mentions ?? []) {
      const stats = typeStats.get(mention.typeId)
      if (stats) stats.mentions++
    }
    const sentenceGroups = collectCitations(sentence, id)
    const citations = [...new Set(sentenceGroups.flatMap((group) => group.numbers))]
    // A reference's contexts are the sentences citing it, once each however often they cite it.
    for (const n of citations) reference(n).sentenceIds.push(id)
    if (claim) {
      claims.push({
        id: claim.id,
        sentenceId: id,
        text,
        entityTypes: claim.entityTypes,
        attribution: claim.attribution,
        citations,
        category: claim.category,
        evidence: claim.evidence,
        hedged: claim.hedged
      })
      for (const n of citations) reference(n).claimIds.push(claim.id)
      for (const typeId of claim.entityTypes) {
        const stats = typeStats.get(typeId)
        if (!stats) continue
        stats.claimIds.push(claim.id)
        for (const n of citations) stats.references.add(n)
      }
    }
    return skipChildren
  })

  function collectCitations(parent: Nodes, sentenceId: string | null): CitationGroupRecord[] {
    const found: CitationGroupRecord[] = []
    walk(parent, (citation) => {
      if (citation.type !== 'citation') return
      const record: CitationGroupRecord = {
        id: citation.data.id,
        raw: citation.data.raw,
        numbers: citation.data.numbers,
        valid: citation.data.valid,
        sectionId,
        sentenceId,
        start: point(citation.position?.start)
      }
      found.push(record)
      groups.push(record)
      // Every number a group cites is a reference, even in a heading (no sentence).
      for (const n of record.numbers) reference(n)
    })
    return found
  }

  const first = tree.children[0]
  const title = first?.type === 'heading' && first.depth === 1 ? (first.data?.title ?? null) : null

  return {
    schemaVersion,
    document: {
      id: file.data.id ?? file.stem ?? 'document',
      source: file.data.source ?? file.path ?? '',
      sha256: file.data.sha256 ?? '',
      title,
      sections: sections.map((section: Section) => ({...section, start: point(section.start)}))
    },
    citationGroups: groups,
    references: [...references.values()].sort((a, b) => a.number - b.number),
    sentences,
    claims,
    entityTypes: config.entityTypes.map((type) => {
      const stats = typeStats.get(type.id)!
      return {
        id: type.id,
        label: type.label,
        ontologyId: type.ontologyId ?? null,
        mentionCount: stats.mentions,
        claimIds: stats.claimIds,
        references: [...stats.references].sort((a, b) => a - b)
      }
    }),
    diagnostics: diagnosticsOf(file)
  }
}

/** The file's messages as diagnostic records, in document order. */
export function diagnosticsOf(file: VFile): DiagnosticRecord[] {
  return file.messages
    .map((message) => ({
      severity: message.fatal === true ? ('error' as const) : message.fatal === false ? ('warning' as const) : ('info' as const),
      code: message.ruleId ?? 'unknown',
      message: message.reason,
      start: message.place ? point('start' in message.place ? message.place.start : message.place) : null
    }))
    .sort((a, b) => (a.start?.offset ?? -1) - (b.start?.offset ?? -1) || a.code.localeCompare(b.code) || a.message.localeCompare(b.message))
}
