/** One kind of thing the review makes claims about (in the shipped config: a stem cell type). */
export interface EntityType {
  /** Stable id used in the output (`"MSC"`). */
  id: string
  /** Human-readable label (`"Mesenchymal stem cells"`). */
  label: string
  /** Ontology id (`"CL:0000134"`) or null when none fits. */
  ontologyId?: string | null
  /**
   * Full names, singular, lower case where case does not matter (`"mesenchymal stem cell"`).
   * Plurals (`-s`) and hyphen/space variants are matched automatically.
   */
  names: string[]
  /** Abbreviations, case-sensitive (`"MSC"`); plurals (`MSCs`) are matched automatically. */
  abbreviations?: string[]
  /**
   * Whether an abbreviation may carry a source prefix of up to four letters and a hyphen (`BM-MSC`,
   * `hUC-MSC` are MSCs). Off by default: in other fields such a prefix names something else
   * (`PAN-GO`, polyaniline on graphene oxide, is no GO).
   */
  abbreviationPrefix?: boolean
  /** Names of subtypes that count as this type (`"umbilical cord-derived MSC"`). */
  subtypes?: string[]
  /**
   * A catch-all type (e.g. "stem cells in general"): used only when no other type is mentioned, and
   * never combined with another type.
   */
  general?: boolean
  /**
   * A composite type (cells of mixed or unspecified kind, "bone marrow-derived cells"): types named
   * after it as its constituents ("… probably a mix of HSCs, MSCs and EPCs", `claims.compositeCues`)
   * are not claim types of their own.
   */
  composite?: boolean
}

/**
 * Something that is not an entity type but shares a name or abbreviation with one (hepatic stellate
 * cells are "HSCs" too). Words near a mention decide which sense is meant.
 */
export interface Distractor {
  id: string
  label: string
  names: string[]
  abbreviations?: string[]
  /** Words that, right before or after an ambiguous abbreviation, point to this sense. */
  contextCues?: string[]
  /**
   * An entity type that a sentence about this distractor alone is a claim about (hepatocyte-like
   * cells in general → stem cells in general).
   */
  impliesType?: string
}

/** Cue patterns for one claim category; the category with the most weight wins. */
export interface CategoryRule {
  id: string
  /** Regular-expression sources (case-insensitive), each adding `weight` when it matches. */
  cues: Array<string | {pattern: string; weight: number}>
}

export interface ClaimOptions {
  /** Categories in tie-break order (first wins a tie); the first is also the fallback. */
  categories: CategoryRule[]
  /** The category used when no cue matches. */
  defaultCategory: string
  /** Evidence levels, strongest first, each with cue patterns. */
  evidence: Array<{id: string; cues: string[]}>
  /** Evidence value when no cue matches and nothing carries over. */
  defaultEvidence: string
  /** Uncertainty cues (regular-expression sources, case-insensitive) that make a claim hedged. */
  hedgeCues: string[]
  /** Patterns of sentences that are never claims (roadmap sentences, "has been studied"…). */
  nonClaimPatterns: string[]
  /**
   * Patterns of sentences that only say a type was studied, used or attracted attention; such a
   * sentence is a claim only if it also has a category cue of at least `strongCueWeight`.
   */
  studyOnlyPatterns?: string[]
  /** The weight a category cue needs to count as a property or outcome (default 2). */
  strongCueWeight?: number
  /** Patterns that turn a mention into a point of comparison, written before the mention (`compared (?:to|with)`). */
  comparisonCues: string[]
  /**
   * Patterns that turn a mention into an origin only, written before the mention (`derived from\\s*$`):
   * "Lymphocytes are derived from lymphoid progenitors" is about lymphocytes.
   */
  originCues?: string[]
  /**
   * Patterns of a sentence that refers back to the cells of the claim before it (`\\bthey\\b`,
   * `\\bthese cells\\b`): it carries that claim's types over.
   */
  anaphoraPatterns?: string[]
  /**
   * Patterns of a noun phrase that refers back to the cells themselves (`\\bthese cells\\b`,
   * `\\bthis subpopulation\\b`): a back-reference, and with no claim before it in scope, to the
   * one type a document is about.
   */
  cellAnaphoraPatterns?: string[]
  /** Patterns, between a composite type's mention and a later mention, that make the later one its constituent (`\\bmix(?:ture)? of\\b`). */
  compositeCues?: string[]
  /**
   * Patterns of a sentence whose subject is something other than the cells (a technique, a drug):
   * it takes no topic from its paragraph or section.
   */
  otherSubjectPatterns?: string[]
  /**
   * Patterns of a heading that makes its section's claims `clinical` (or another level) by default:
   * `{level: 'clinical', headings: ['clinical (?:trials?|studies|applications?)']}`.
   */
  sectionEvidence?: Array<{level: string; headings: string[]}>
  /** The language's clause patterns (defaults: English); any left out keeps its default. */
  clauses?: Partial<ClauseOptions>
}

/** Clause patterns (regular-expression sources, case-insensitive) the claim rules read a sentence by. */
export interface ClauseOptions {
  /** A sentence-initial subordinate clause, up to its comma: its category cues count half. */
  leadingSubordinate: string
  /** The start of a closing concessive clause (", though …"): its cues count half. */
  trailingSubordinate: string
  /** The end of a reporting verb's lead-in ("… suggested that"): the cues after it count double. */
  reported: string
  /** A sentence that continues the previous claim's study ("They also…"): it takes that claim's evidence. */
  continuation: string
}

export type MarkdownCitationStyle = 'links' | 'pandoc'

export interface CitationOptions {
  /** A range wider than this makes the group invalid (default 1000). */
  maxRange: number
  /** How citation groups are written in the annotated Markdown. */
  markdownStyle: MarkdownCitationStyle
  /**
   * Which callouts documents use: `numeric` (`[12]`), `author-year` (`(Smith et al., 2020)`), or
   * `auto` (default): numeric brackets, and author–year callouts in a document found to use them.
   */
  style: 'auto' | 'numeric' | 'author-year'
}

export interface BibliographyOptions {
  /** CSL style for the formatted reference list: `vancouver`, `apa`, `harvard1`, or a path to a .csl file. */
  style: string
  /** Locale for formatting. */
  lang: string
  /** Bibliography files per document id, overriding the `<name>.bib|.ris|.csl.json` pairing. */
  files: Record<string, string>
}

/** How the annotated Markdown is written. */
export interface MarkdownOutputOptions {
  /**
   * Title of the generated section that lists the claims per entity type (default `"Claims by
   * type"`; the stem-cell preset: `"Claims by cell type"`). Reading annotated Markdown back skips
   * the document from the last level-2 heading with this title on.
   */
  claimsTitle: string
  /**
   * The generated References section: `list` (default) writes it; `none` leaves it out, for
   * Markdown that pandoc `--citeproc` renders with its own reference list.
   */
  references: 'list' | 'none'
}

/** The field's words that the text stages (hyphen repair, sentence splitting) add to their general English ones. */
export interface TextOptions {
  /**
   * Second parts of hyphenated compounds in the field (`expressing`, `blind`): a hyphen at a line end
   * of PDF text before one is a compound's hyphen (`CD34-/expressing` → `CD34-expressing`).
   */
  compoundHeads: string[]
  /** Abbreviations that end in a period without ending a sentence (`spp` for `spp.`), without the period. */
  abbreviations: string[]
}

/** The whole configuration, as `defineConfig` accepts it (every key optional). */
export interface UserConfig {
  input?: string
  output?: string
  concurrency?: number
  citations?: Partial<CitationOptions>
  bibliography?: Partial<BibliographyOptions>
  entityTypes?: EntityType[]
  distractors?: Distractor[]
  claims?: Partial<ClaimOptions>
  markdown?: Partial<MarkdownOutputOptions>
  text?: Partial<TextOptions>
  /** Output formats written per document, by emitter name (default `['json', 'md', 'csl']`; `json` is required). */
  outputs?: string[]
}

/** The configuration after defaults are applied. */
export interface ResolvedConfig {
  input: string
  output: string
  concurrency: number
  citations: CitationOptions
  bibliography: BibliographyOptions
  entityTypes: EntityType[]
  distractors: Distractor[]
  claims: ClaimOptions
  markdown: MarkdownOutputOptions
  text: TextOptions
  outputs: string[]
}
