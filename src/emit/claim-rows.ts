import type {AttributionReason} from '../types.js'
import type {DocumentRecord, OutputPoint} from './document.js'

/** A reference a claim cites, as a `claims.jsonl` row names it. */
export interface ClaimRowReference {
  /** `ref-<number>`: the reference's id in `<id>.references.csl.json` and pandoc citations. */
  id: string
  /** From the bibliography entry, else from the document's printed reference list; null when neither has one. */
  doi: string | null
}

/**
 * One line of `claims.jsonl` (`schema/claims-row.schema.json`): a claim with what a dataframe row
 * needs to stand alone, copied from the rest of its document's record: the document, the section
 * (id and title), the cited references (ids and DOIs) and the position of the claim's sentence.
 */
export interface ClaimRow {
  documentId: string
  id: string
  sectionId: string | null
  sectionTitle: string | null
  sentenceId: string
  text: string
  entityTypes: string[]
  attribution: Record<string, AttributionReason>
  category: string
  evidence: string
  hedged: boolean
  citations: number[]
  references: ClaimRowReference[]
  start: OutputPoint
  end: OutputPoint
}

/** The `claims.jsonl` rows of a document record, in document order. */
export function toClaimRows(record: DocumentRecord): ClaimRow[] {
  const sentences = new Map(record.sentences.map((sentence) => [sentence.id, sentence]))
  const sectionTitles = new Map(record.document.sections.map((section) => [section.id, section.title]))
  const references = new Map(record.references.map((reference) => [reference.number, reference]))
  return record.claims.map((claim) => {
    const sentence = sentences.get(claim.sentenceId)
    const sectionId = sentence?.sectionId ?? null
    return {
      documentId: record.document.id,
      id: claim.id,
      sectionId,
      sectionTitle: sectionId === null ? null : (sectionTitles.get(sectionId) ?? null),
      sentenceId: claim.sentenceId,
      text: claim.text,
      entityTypes: claim.entityTypes,
      attribution: claim.attribution,
      category: claim.category,
      evidence: claim.evidence,
      hedged: claim.hedged,
      citations: claim.citations,
      references: claim.citations.map((number) => ({id: `ref-${number}`, doi: doiOf(references.get(number))})),
      // A record citeclaim wrote has every claim's sentence; a hand-made one may not.
      start: sentence?.start ?? {line: 1, column: 1, offset: 0},
      end: sentence?.end ?? {line: 1, column: 1, offset: 0}
    }
  })
}

/** The DOI of a reference: its bibliography entry's, else the one its printed entry gives. */
function doiOf(reference: DocumentRecord['references'][number] | undefined): string | null {
  const fromBibliography = reference?.csl?.['DOI']
  if (typeof fromBibliography === 'string' && fromBibliography !== '') return fromBibliography
  return reference?.entry?.doi ?? null
}
