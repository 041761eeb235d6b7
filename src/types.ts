import type {Data, Literal, Parent, PhrasingContent} from 'mdast'
import type {PandocCitationItem} from './stages/citations/pandoc-citations.js'
import type {OffsetMap} from './stages/parse/offset-map.js'

/** A citation group found in the text by one of the citation syntaxes (`[19, 21-23]`). */
export interface Citation extends Literal {
  type: 'citation'
  /** The cleaned text of the group (line breaks folded), as shown in sentences. */
  value: string
  data: CitationData
}

export interface CitationData extends Data {
  /** Group id, `g1`, `g2`, … in document order. */
  id: string
  /** The exact substring of the original input, line breaks included. */
  raw: string
  /** Expanded reference numbers; empty when the group is invalid. */
  numbers: number[]
  valid: boolean
  /** Name of the citation syntax that found the group (absent in groups read back from annotated Markdown). */
  syntax?: string
  /**
   * The bibliography keys the group cites, set by the bibliography stage through its syntax's
   * `resolve`: each cited entry's id in the bibliography file, or `ref-<n>` for an entry of the
   * document's own reference list; empty for an invalid group or numbers with no entry.
   */
  keys?: string[]
  /**
   * Set for a pandoc citation (`[@smith2020; see @lee2018, p. 3]`, `@smith2020`): bracketed or
   * in-text, and each citation's key as written, prefix, locator and `-`.
   */
  pandoc?: {bracketed: boolean; items: PandocCitationItem[]}
  /** Set for an author–year callout (`(Smith et al., 2020)`, `Smith et al. (2020)`): the works as written. */
  authorYear?: AuthorYearCitationData
}

/** An author–year callout's cites, each with the citation number of its entry (null: none or several fit). */
export interface AuthorYearCitationData {
  /** True for `Smith et al. (2020)`, false for `(Smith et al., 2020)`. */
  narrative: boolean
  cites: Array<{names: string[]; etAl: boolean; year: string; suffix: string; number: number | null}>
}

/** One sentence of a paragraph; its children are the paragraph's phrasing content. */
export interface Sentence extends Parent {
  type: 'sentence'
  children: PhrasingContent[]
  data: SentenceData
}

/** A mention of an entity type inside a sentence, at offsets of the sentence text. */
export interface Mention {
  typeId: string
  start: number
  end: number
  text: string
  /** How it was recognised: a full name, an abbreviation, or a subtype name. */
  via: 'name' | 'abbreviation' | 'subtype'
  /** True when the mention is only a point of comparison ("compared to HSCs"). */
  comparison: boolean
  /** True when the mention is only an origin ("… are derived from HSCs"): the sentence is about what derives from it. */
  origin?: boolean
}

/**
 * Why a claim is about a type: named (`mention`), abbreviated (`abbreviation`), implied by a
 * distractor that derives from it (`implied`), referred to by a pronoun or "these cells" (`anaphora`),
 * the topic of the paragraph, section or list head, or the one type a document is about, taken for
 * its mentions of the general type (`document-topic`).
 */
export type AttributionReason = 'mention' | 'abbreviation' | 'implied' | 'anaphora' | 'paragraph-topic' | 'section-topic' | 'list-head' | 'document-topic'

/** What the claims stage decided about a sentence. */
export interface ClaimData {
  id: string
  entityTypes: string[]
  /** Per type in `entityTypes`, why the claim is about it. */
  attribution: Record<string, AttributionReason>
  category: string
  evidence: string
  hedged: boolean
}

export interface SentenceData extends Data {
  /** Sentence id, `s1`, `s2`, … in document order. */
  id: string
  /** The sentence's cleaned text, white space folded, citation groups included. */
  text: string
  /**
   * The sentence as the input writes it, when that differs from `text`: Markdown input with inline
   * markup (`_emphasis_`, links) keeps it here. The analysis reads `text`; the JSON output prints this.
   */
  written?: string
  /** Id of the section the sentence belongs to, or null before the first heading. */
  sectionId: string | null
  mentions?: Mention[]
  /** Ids of the distractors (not entity types) the sentence mentions, e.g. hepatic stellate cells. */
  distractors?: string[]
  /** True when a distractor is named near the sentence's start, where its subject stands. */
  leadingDistractor?: boolean
  claim?: ClaimData
}

declare module 'mdast' {
  interface TextData {
    /** From cleaned `value` offsets to offsets in the original input. */
    offsetMap?: OffsetMap
  }
  interface HeadingData {
    /** Section number as printed (`"2.3"`), or null for an unnumbered heading. */
    number?: string | null
    /** Heading text without its number. */
    title?: string
    /** True when the heading opened a paragraph in the input ("2.3. Title. Text…"). */
    runIn?: boolean
    /** Section id. */
    sectionId?: string
  }
  interface PhrasingContentMap {
    citation: Citation
  }
  interface RootContentMap {
    citation: Citation
    sentence: Sentence
  }
  interface ParagraphData {
    sentences?: true
  }
}
