import type {Heading, Nodes, Parents, Root} from 'mdast'
import type {Parent} from 'unist'
import type {VFile} from 'vfile'
import {toString} from 'mdast-util-to-string'
import type {ClaimOptions, Distractor, EntityType} from '../../config/types.js'
import {attributeTypes, documentTopic, withoutConstituents, type Attribution, type Discourse, type SentenceFacts} from './attribution.js'
import {compileClaimRules, type ClaimRules} from './claim-rules.js'
import {defaultClauses} from '../../config/defaults.js'
import {skipChildren, walk} from '../../tree-walk.js'
import type {ClaimData, Mention, Sentence} from '../../types.js'
import {pushAll} from '../../push-all.js'

export interface ClaimsOptions {
  entityTypes: readonly EntityType[]
  distractors?: readonly Distractor[]
  claims: ClaimOptions
}

/** A sentence that introduces a list ("… the following:"). */
const introducesList = /:\s*$/

/**
 * Decides which sentences are claims and about which entity types, with category, evidence level
 * and hedging. The types come from a small discourse model (`attributeTypes`): mentions first, then
 * back-references, then the topics in scope (paragraph, list head, section, document), each type
 * recorded with why. Topics have scopes: a paragraph's topic holds for its paragraph until a sentence
 * names another subject; a list head for its list; a section heading's types for its section.
 */
export function remarkClaims(options: ClaimsOptions) {
  const compiled: CompiledClaims = {
    rules: compileClaimRules(options.claims),
    implied: new Map((options.distractors ?? []).filter((d) => d.impliesType).map((d) => [d.id, d.impliesType!])),
    anaphora: (options.claims.anaphoraPatterns ?? []).map((source) => new RegExp(source, 'i')),
    cellAnaphora: (options.claims.cellAnaphoraPatterns ?? []).map((source) => new RegExp(source, 'i')),
    otherSubject: (options.claims.otherSubjectPatterns ?? []).map((source) => new RegExp(source, 'i'))
  }
  const rules = compiled.rules
  const general = options.entityTypes.find((type) => type.general)?.id
  // A sentence that opens with a pronoun continues the one before it ("They also…", "These effects…"): it takes that study's evidence.
  const continuation = new RegExp({...defaultClauses, ...options.claims.clauses}.continuation, 'i')
  const composites = new Set(options.entityTypes.filter((type) => type.composite).map((type) => type.id))
  const compositeCues = (options.claims.compositeCues ?? []).map((source) => new RegExp(source, 'i'))
  const sectionEvidence = (options.claims.sectionEvidence ?? []).map((rule) => ({level: rule.level, headings: rule.headings.map((source) => new RegExp(source, 'i'))}))
  return function transform(tree: Root, file: VFile): void {
    const subjects = file.data.sectionSubjects ?? {}
    // One pass to learn the document's topic, the paragraphs inside lists and each section's default evidence.
    const found: FoundSentences = {sentences: [], parents: [], listParagraphs: new Set(), evidenceBySection: new Map(), sectionEvidence}
    walk(tree, findSentence, found)
    const {sentences, parents, listParagraphs, evidenceBySection} = found
    const allMentions: Mention[] = []
    for (const sentence of sentences) if (sentence.data.mentions) pushAll(allMentions, sentence.data.mentions)
    const docTopic = documentTopic(allMentions, general)

    let previousSentence: Sentence | undefined
    let previousClaim: Attribution | undefined
    let previousEvidence: string | undefined
    let paragraph: Parent | undefined
    let paragraphTopic: Attribution | undefined
    let listHead: Attribution | undefined
    let pendingListHead: Attribution | undefined
    let count = 0
    for (const [index, sentence] of sentences.entries()) {
      const parent = parents[index]
      if (parent !== paragraph) {
        const inList = parent !== undefined && listParagraphs.has(parent)
        // A list head holds for the list that follows it; any other paragraph ends it.
        listHead = inList ? (listHead ?? pendingListHead) : undefined
        pendingListHead = undefined
        paragraph = parent
        paragraphTopic = undefined
      }
      const sameSection = previousSentence?.data.sectionId === sentence.data.sectionId
      const text = sentence.data.text
      const mentions = withoutConstituents(sentence.data.mentions ?? [], text, composites, compositeCues)
      const impliedTypes = impliedBy(sentence.data.distractors, compiled.implied)
      const discourse: Discourse = {
        previous: sameSection ? previousClaim : undefined,
        paragraphTopic,
        listHead,
        sectionTopic: subjects[sentence.data.sectionId ?? ''] ?? [],
        documentTopic: docTopic,
        general
      }
      const attribution = attributeTypes(new LazySentenceFacts(mentions, impliedTypes, sentence.data.leadingDistractor ?? false, text, compiled), discourse)
      let claim: ClaimData | undefined
      if (attribution.size > 0 && rules.isClaim(text)) {
        const evidence = rules.evidence(text)
        const carried = evidence === rules.defaultEvidence && continuation.test(text) && discourse.previous ? previousEvidence : undefined
        claim = {
          id: `c${++count}`,
          entityTypes: [...attribution.keys()],
          attribution: Object.fromEntries(attribution),
          category: rules.category(text),
          evidence: carried ?? (evidence === rules.defaultEvidence ? evidenceBySection.get(sentence.data.sectionId ?? '') : undefined) ?? evidence,
          hedged: rules.hedged(text)
        }
        sentence.data.claim = claim
        // A type named only late in a sentence (an object: "… the proliferation of neural progenitor
        // cells") does not become what the paragraph is about; a back-reference or topic keeps it.
        paragraphTopic = setsTopic(mentions, attribution, text) ? attribution : undefined
        if (introducesList.test(text)) pendingListHead = attribution
      } else if (endsTopic(sentence, mentions, general)) {
        paragraphTopic = undefined
      }
      previousSentence = sentence
      previousClaim = claim ? attribution : undefined
      previousEvidence = claim?.evidence
    }
  }
}

/** A sentence that is no claim but names another subject (stem cells in general, a distractor first) ends the paragraph's topic. */
function endsTopic(sentence: Sentence, mentions: readonly Mention[], general: string | undefined): boolean {
  return (sentence.data.leadingDistractor ?? false) || mentions.some((mention) => mention.typeId === general && !mention.comparison)
}

/** How far into its main clause a claim must name a type for the type to become its paragraph's topic. */
const subjectReach = 60
/** A leading phrase up to its comma ("In rodents, …", "Although …, …"): the main clause starts after it. */
const leadingPhrase = /^[^,]{0,120},\s*/

/**
 * Whether a claim makes its types the paragraph's topic: when it names one of them near the start of
 * its main clause, where the subject stands. A type named only late (an object: "THs mediate the
 * proliferation of neural progenitor cells") makes the sentence a claim but not the paragraph's topic.
 * A claim whose types came from a back-reference or a topic keeps them as the topic.
 */
function setsTopic(mentions: readonly Mention[], attribution: Attribution, text: string): boolean {
  const named = mentions.filter((mention) => attribution.has(mention.typeId) && !mention.comparison)
  if (named.length === 0) return true
  const mainStart = leadingPhrase.exec(text)?.[0].length ?? 0
  return named.some((mention) => mention.start - mainStart <= subjectReach)
}

/** The claim options a sentence's facts are read with, compiled once per processor. */
interface CompiledClaims {
  rules: ClaimRules
  /** Distractor id → the type it implies (hepatocyte-like cells → stem cells in general). */
  implied: ReadonlyMap<string, string>
  anaphora: readonly RegExp[]
  cellAnaphora: readonly RegExp[]
  otherSubject: readonly RegExp[]
}

/**
 * A sentence's facts for `attributeTypes`, the pattern facts each found when first read: most
 * sentences name their subject, and then those are never read. A class, not an object of getters
 * made per sentence: V8 drops the optimised code of closures no live object holds at every full
 * collection, and compiled those getters again for the documents that followed.
 */
class LazySentenceFacts implements SentenceFacts {
  private anaphoricFound: boolean | undefined
  private cellAnaphorFound: boolean | undefined
  private propertyCueFound: boolean | undefined
  private otherSubjectFound: boolean | undefined

  constructor(
    readonly mentions: readonly Mention[],
    readonly impliedTypes: readonly string[],
    readonly namesDistractor: boolean,
    private readonly text: string,
    private readonly compiled: CompiledClaims
  ) {}

  get anaphoric(): boolean {
    return (this.anaphoricFound ??= anyTest(this.compiled.anaphora, this.text))
  }

  get cellAnaphor(): boolean {
    return (this.cellAnaphorFound ??= anyTest(this.compiled.cellAnaphora, this.text))
  }

  get propertyCue(): boolean {
    return (this.propertyCueFound ??= this.compiled.rules.hasPropertyCue(this.text))
  }

  get otherSubject(): boolean {
    return (this.otherSubjectFound ??= anyTest(this.compiled.otherSubject, this.text))
  }
}

function anyTest(patterns: readonly RegExp[], text: string): boolean {
  for (const pattern of patterns) if (pattern.test(text)) return true
  return false
}

/** The types the distractors a sentence names imply, once each, in the order named. */
function impliedBy(distractors: readonly string[] | undefined, implied: ReadonlyMap<string, string>): string[] {
  const types: string[] = []
  for (const id of distractors ?? []) {
    const type = implied.get(id)
    if (type !== undefined && !types.includes(type)) types.push(type)
  }
  return types
}

/** What the first pass over a document's tree collects (`findSentence`). */
interface FoundSentences {
  sentences: Sentence[]
  /** Each sentence's parent, at the sentence's index. */
  parents: Array<Parent | undefined>
  /** The paragraphs that are items of a list. */
  listParagraphs: Set<Parent>
  /** Section id → the evidence level its heading implies. */
  evidenceBySection: Map<string, string>
  sectionEvidence: ReadonlyArray<{level: string; headings: readonly RegExp[]}>
}

function findSentence(node: Nodes, parent: Parents | undefined, found: FoundSentences): boolean | undefined {
  if (node.type === 'sentence') {
    found.sentences.push(node)
    found.parents.push(parent)
    // Nothing below a sentence is one: its text and citations are most of the tree.
    return skipChildren
  }
  if (node.type === 'listItem') for (const child of node.children) if (child.type === 'paragraph') found.listParagraphs.add(child)
  if (node.type === 'heading') {
    const heading = node as Heading
    const id = heading.data?.sectionId
    const title = heading.data?.title ?? toString(heading)
    const rule = found.sectionEvidence.find((candidate) => candidate.headings.some((pattern) => pattern.test(title)))
    if (id && rule) found.evidenceBySection.set(id, rule.level)
    return skipChildren
  }
  return undefined
}
