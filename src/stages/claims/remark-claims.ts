import type {Heading, Root} from 'mdast'
import type {Parent} from 'unist'
import type {VFile} from 'vfile'
import {toString} from 'mdast-util-to-string'
import type {ClaimOptions, Distractor, EntityType} from '../../config/types.js'
import {attributeTypes, documentTopic, withoutConstituents, type Attribution, type Discourse} from './attribution.js'
import {compileClaimRules} from './claim-rules.js'
import {defaultClauses} from '../../config/defaults.js'
import {skipChildren, walk} from '../../tree-walk.js'
import type {ClaimData, Mention, Sentence} from '../../types.js'

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
  const rules = compileClaimRules(options.claims)
  const general = options.entityTypes.find((type) => type.general)?.id
  const implied = new Map((options.distractors ?? []).filter((d) => d.impliesType).map((d) => [d.id, d.impliesType!]))
  // A sentence that opens with a pronoun continues the one before it ("They also…", "These effects…"): it takes that study's evidence.
  const continuation = new RegExp({...defaultClauses, ...options.claims.clauses}.continuation, 'i')
  const anaphora = (options.claims.anaphoraPatterns ?? []).map((source) => new RegExp(source, 'i'))
  const cellAnaphora = (options.claims.cellAnaphoraPatterns ?? []).map((source) => new RegExp(source, 'i'))
  const composites = new Set(options.entityTypes.filter((type) => type.composite).map((type) => type.id))
  const compositeCues = (options.claims.compositeCues ?? []).map((source) => new RegExp(source, 'i'))
  const otherSubject = (options.claims.otherSubjectPatterns ?? []).map((source) => new RegExp(source, 'i'))
  const sectionEvidence = (options.claims.sectionEvidence ?? []).map((rule) => ({level: rule.level, headings: rule.headings.map((source) => new RegExp(source, 'i'))}))
  return function transform(tree: Root, file: VFile): void {
    const subjects = file.data.sectionSubjects ?? {}
    // One pass to learn the document's topic, the paragraphs inside lists and each section's default evidence.
    const sentences: Sentence[] = []
    const parents: Array<Parent | undefined> = []
    const listParagraphs = new Set<Parent>()
    const evidenceBySection = new Map<string, string>()
    walk(tree, (node, parent) => {
      if (node.type === 'sentence') {
        sentences.push(node)
        parents.push(parent)
        // Nothing below a sentence is one: its text and citations are most of the tree.
        return skipChildren
      }
      if (node.type === 'listItem') for (const child of node.children) if (child.type === 'paragraph') listParagraphs.add(child)
      if (node.type === 'heading') {
        const heading = node as Heading
        const id = heading.data?.sectionId
        const title = heading.data?.title ?? toString(heading)
        const rule = sectionEvidence.find((candidate) => candidate.headings.some((pattern) => pattern.test(title)))
        if (id && rule) evidenceBySection.set(id, rule.level)
        return skipChildren
      }
    })
    const allMentions = function* (): Generator<Mention> {
      for (const sentence of sentences) yield* sentence.data.mentions ?? []
    }
    const docTopic = documentTopic(allMentions(), general)

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
      const impliedTypes = [...new Set((sentence.data.distractors ?? []).flatMap((id) => (implied.has(id) ? [implied.get(id)!] : [])))]
      const discourse: Discourse = {
        previous: sameSection ? previousClaim : undefined,
        paragraphTopic,
        listHead,
        sectionTopic: subjects[sentence.data.sectionId ?? ''] ?? [],
        documentTopic: docTopic,
        general
      }
      // Most sentences name their subject, and then the pattern facts are never read: each is found when first read.
      let anaphoric: boolean | undefined
      let cellAnaphor: boolean | undefined
      let propertyCue: boolean | undefined
      let namesOtherSubject: boolean | undefined
      const attribution = attributeTypes(
        {
          mentions,
          impliedTypes,
          namesDistractor: sentence.data.leadingDistractor ?? false,
          get anaphoric() {
            return (anaphoric ??= anaphora.some((pattern) => pattern.test(text)))
          },
          get cellAnaphor() {
            return (cellAnaphor ??= cellAnaphora.some((pattern) => pattern.test(text)))
          },
          get propertyCue() {
            return (propertyCue ??= rules.hasPropertyCue(text))
          },
          get otherSubject() {
            return (namesOtherSubject ??= otherSubject.some((pattern) => pattern.test(text)))
          }
        },
        discourse
      )
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
