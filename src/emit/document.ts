import type {Nodes, Root} from 'mdast'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import type {ResolvedConfig} from '../config/types.js'
import {severityOfMessage} from '../diagnostics.js'
import type {Section} from '../stages/parse/remark-sections.js'
import {skipChildren, walk} from '../tree-walk.js'
import type {Citation, Sentence} from '../types.js'
import {schemaVersion, type CitationGroupRecord, type ClaimRecord, type DiagnosticRecord, type DocumentRecord, type EntityTypeRecord, type OutputPoint, type ReferenceRecord, type SentenceRecord} from './records.js'

export {schemaVersion, writtenSchemaVersions} from './records.js'
export type {
  CitationGroupRecord,
  ClaimRecord,
  DiagnosticRecord,
  DocumentRecord,
  EntityTypeRecord,
  OutputPoint,
  ReferenceEntryRecord,
  ReferenceRecord,
  SectionRecord,
  SentenceRecord
} from './records.js'

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
  const builder = new RecordBuilder(file, config)
  walk(tree, visitForRecord, builder)
  const sections = file.data.sections ?? []
  const first = tree.children[0]
  const title = file.data.frontMatter?.title ?? (first?.type === 'heading' && first.depth === 1 ? (first.data?.title ?? null) : null)

  return {
    schemaVersion,
    document: {
      id: file.data.id ?? file.stem ?? 'document',
      source: file.data.source ?? file.path ?? '',
      sha256: file.data.sha256 ?? '',
      title,
      sections: sections.map((section: Section) => ({...section, start: point(section.start)}))
    },
    citationGroups: builder.groups,
    references: [...builder.references.values()].sort((a, b) => a.number - b.number),
    sentences: builder.sentences,
    claims: builder.claims,
    entityTypes: config.entityTypes.map((type) => {
      const stats = builder.typeStats.get(type.id)!
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

/**
 * The record's lists, filled by a walk over the tree. A class, not closures made per document: V8
 * keeps a function's optimised code only while a function object that uses it lives, so the
 * closures of one document's walk were optimised again, on a background thread, for a document
 * that came after a full garbage collection (after 100 warm-up documents, the walk three more times
 * and the citation collector twice over the next 300); methods live as long as the class.
 */
class RecordBuilder {
  readonly groups: CitationGroupRecord[] = []
  readonly sentences: SentenceRecord[] = []
  readonly claims: ClaimRecord[] = []
  readonly references = new Map<number, ReferenceRecord>()
  readonly typeStats: Map<string, {mentions: number; claimIds: string[]; references: Set<number>}>
  readonly #printed: Map<number, NonNullable<ReferenceRecord['entry']>>
  readonly #cited: ReadonlyMap<number, ReferenceRecord['csl']> | undefined
  #sectionId: string | null = null

  constructor(file: VFile, config: ResolvedConfig) {
    this.#printed = new Map((file.data.referenceList ?? []).map(({number, raw, doi, pmid, year}) => [number, {raw, doi, pmid, year}]))
    this.#cited = file.data.references
    this.typeStats = new Map(config.entityTypes.map((type) => [type.id, {mentions: 0, claimIds: [] as string[], references: new Set<number>()}]))
  }

  /** The record of reference `n`, made when first met. */
  reference(n: number): ReferenceRecord {
    let record = this.references.get(n)
    if (!record) {
      const entry = this.#printed.get(n)
      record = {number: n, csl: this.#cited?.get(n) ?? null, ...(entry ? {entry} : {}), sentenceIds: [], claimIds: []}
      this.references.set(n, record)
    }
    return record
  }

  visit(node: Nodes): boolean | void {
    if (node.type === 'heading') {
      this.#sectionId = node.data?.sectionId ?? this.#sectionId
      this.collectCitations(node, null)
      return skipChildren
    }
    if (node.type !== 'sentence') return
    const sentence = node as Sentence
    const {id, claim, mentions} = sentence.data
    // Printed as the input writes it (Markdown markup kept); the analysis read `data.text`.
    const text = sentence.data.written ?? sentence.data.text
    this.sentences.push({id, sectionId: sentence.data.sectionId, text, start: point(sentence.position?.start), end: point(sentence.position?.end)})
    for (const mention of mentions ?? []) {
      const stats = this.typeStats.get(mention.typeId)
      if (stats) stats.mentions++
    }
    const sentenceGroups = this.collectCitations(sentence, id)
    const citations = [...new Set(sentenceGroups.flatMap((group) => group.numbers))]
    // A reference's contexts are the sentences citing it, once each however often they cite it.
    for (const n of citations) this.reference(n).sentenceIds.push(id)
    if (claim) {
      this.claims.push({
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
      for (const n of citations) this.reference(n).claimIds.push(claim.id)
      for (const typeId of claim.entityTypes) {
        const stats = this.typeStats.get(typeId)
        if (!stats) continue
        stats.claimIds.push(claim.id)
        for (const n of citations) stats.references.add(n)
      }
    }
    return skipChildren
  }

  collectCitations(parent: Nodes, sentenceId: string | null): CitationGroupRecord[] {
    const collecting: CitationCollection = {builder: this, sentenceId, found: []}
    walk(parent, collectCitation, collecting)
    return collecting.found
  }

  citationGroup(citation: Citation, sentenceId: string | null): CitationGroupRecord {
    const record: CitationGroupRecord = {
      id: citation.data.id,
      raw: citation.data.raw,
      numbers: citation.data.numbers,
      valid: citation.data.valid,
      ...(citation.data.pandoc ? {keys: citation.data.pandoc.items.map((item) => item.key)} : {}),
      sectionId: this.#sectionId,
      sentenceId,
      start: point(citation.position?.start),
      ...(citation.data.authorYear ? {authorYear: citation.data.authorYear} : {})
    }
    this.groups.push(record)
    // Every number a group cites is a reference, even in a heading (no sentence).
    for (const n of record.numbers) this.reference(n)
    return record
  }
}

/** The file's messages as diagnostic records, in document order. */
export function diagnosticsOf(file: VFile): DiagnosticRecord[] {
  return file.messages
    .map((message) => ({
      severity: severityOfMessage(message),
      code: message.ruleId ?? 'unknown',
      message: message.reason,
      start: message.place ? point('start' in message.place ? message.place.start : message.place) : null
    }))
    .sort((a, b) => (a.start?.offset ?? -1) - (b.start?.offset ?? -1) || a.code.localeCompare(b.code) || a.message.localeCompare(b.message))
}

function visitForRecord(node: Nodes, _parent: unknown, builder: RecordBuilder): boolean | void {
  return builder.visit(node)
}

/** The citation groups below a node, as `RecordBuilder.collectCitations` finds them. */
interface CitationCollection {
  builder: RecordBuilder
  sentenceId: string | null
  found: CitationGroupRecord[]
}

function collectCitation(node: Nodes, _parent: unknown, collecting: CitationCollection): void {
  if (node.type === 'citation') collecting.found.push(collecting.builder.citationGroup(node, collecting.sentenceId))
}
