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

export interface CitationGroupRecord {
  id: string
  raw: string
  numbers: number[]
  valid: boolean
  /** The keys of a pandoc citation (`[@smith2020]`), when the group is one (additive to schema version 1). */
  keys?: string[]
  sectionId: string | null
  sentenceId: string | null
  start: OutputPoint
  end: OutputPoint
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

/**
 * Longest sentence text copied into `references[].contexts` (the full text is in `sentences`): a
 * run-on "sentence" of megabytes citing hundreds of references must not be copied hundreds of times.
 */
const maxContextLength = 1000

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
      record = {number: n, id: `ref-${n}`, groupIds: [], claimIds: [], csl: file.data.references?.get(n) ?? null, contexts: []}
      const entry = printed.get(n)
      if (entry) record.entry = entry
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
    const contextText = text.length > maxContextLength ? `${text.slice(0, maxContextLength)}…` : text
    for (const group of sentenceGroups) {
      for (const n of group.numbers) {
        // One context per reference, sentence and callout: a sentence that repeats `[1]` is one context.
        const contexts = reference(n).contexts
        if (!hasContext(contexts, id, group.raw)) contexts.push({sentenceId: id, text: contextText, raw: group.raw})
      }
    }
    if (claim) {
      const citations = [...new Set(sentenceGroups.flatMap((group) => group.numbers))]
      claims.push({
        id: claim.id,
        sentenceId: id,
        text,
        cellTypes: claim.cellTypes,
        attribution: claim.attribution,
        citations,
        category: claim.category,
        evidence: claim.evidence,
        hedged: claim.hedged,
        start: point(sentence.position?.start),
        end: point(sentence.position?.end)
      })
      for (const n of citations) reference(n).claimIds.push(claim.id)
      for (const typeId of claim.cellTypes) {
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
        ...(citation.data.keys ? {keys: citation.data.keys} : {}),
        sectionId,
        sentenceId,
        start: point(citation.position?.start),
        end: point(citation.position?.end)
      }
      found.push(record)
      groups.push(record)
      for (const n of record.numbers) {
        const ref = reference(n)
        // Groups come in document order: a repeat can only be the last one added (`[1, 1]`).
        if (ref.groupIds[ref.groupIds.length - 1] !== record.id) ref.groupIds.push(record.id)
      }
    })
    return found
  }

  const first = tree.children[0]
  const title = file.data.frontMatter?.title ?? (first?.type === 'heading' && first.depth === 1 ? (first.data?.title ?? null) : null)

  return {
    schemaVersion: 1,
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
    cellTypes: config.entityTypes.map((type) => {
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

/** Whether `contexts` has this sentence and callout; a sentence's contexts are the last ones added. */
function hasContext(contexts: readonly ReferenceContext[], sentenceId: string, raw: string): boolean {
  for (let index = contexts.length - 1; index >= 0 && contexts[index]!.sentenceId === sentenceId; index--) {
    if (contexts[index]!.raw === raw) return true
  }
  return false
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
