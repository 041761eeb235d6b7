import type {AttributionReason, Mention} from '../../types.js'

/** Types a claim is about, each with why; insertion order is the order of `entityTypes`. */
export type Attribution = Map<string, AttributionReason>

/** What one sentence offers the discourse model, read off its text and mentions. */
export interface SentenceFacts {
  /** The sentence's mentions of entity types (comparison and origin mentions included; they are flagged). */
  mentions: readonly Mention[]
  /** Types implied by a distractor it names (hepatocyte-like cells → stem cells in general). */
  impliedTypes: readonly string[]
  /** Whether it names a distractor: something that is not an entity type is its subject. */
  namesDistractor: boolean
  /** Whether it refers back to the claim before it ("they", "these", or a phrase of `cellAnaphor`). */
  anaphoric: boolean
  /** Whether it refers to the cells by a noun phrase ("these cells", "the transplanted cells", "this subpopulation"). */
  cellAnaphor: boolean
  /** Whether it states a property or outcome (category cues adding up to the strong weight). */
  propertyCue: boolean
  /** Whether its subject is something other than the cells (a technique, a drug): no topic carries over to it. */
  otherSubject?: boolean
}

/** What the walk knows when it reaches a sentence: the topics in scope. */
export interface Discourse {
  /** The previous sentence's claim types, when that sentence is in the same section and was a claim. */
  previous?: Attribution | undefined
  /** The paragraph's topic: the types of its latest claim, until a sentence names another subject. */
  paragraphTopic?: Attribution | undefined
  /** The types of a claim ending in a colon that introduces the list the sentence is in. */
  listHead?: Attribution | undefined
  /** The types the section heading (or an enclosing heading) names. */
  sectionTopic: readonly string[]
  /** The one specific type the whole document is about, if it names only one. */
  documentTopic?: string | undefined
  /** The general type ("stem cells in general"): never combined with another. */
  general?: string | undefined
}

/**
 * The types a sentence is about and why, from most to least direct evidence:
 * 1. the types it names as a subject (not only as a point of comparison or an origin; an origin
 *    counts when a distractor it implies is named, "HLCs derived from iPSCs");
 * 2. types implied by a distractor it names;
 * 3. a back-reference ("they", "these cells") to the previous claim, or to the paragraph's topic;
 * 4. the general type, when it names stem cells in general; in a document about one type only, the
 *    general name stands for that type (`document-topic`);
 * 5. with a property or outcome cue: the paragraph's topic, the list head, the section topic.
 * A sentence that names anything else as its subject (another type, a distractor) takes no topic.
 */
export function attributeTypes(facts: SentenceFacts, discourse: Discourse): Attribution {
  const result: Attribution = new Map()
  const {general} = discourse
  const subjects = facts.mentions.filter((mention) => !mention.comparison && (!mention.origin || facts.impliedTypes.length > 0))
  for (const mention of subjects) {
    if (mention.typeId === general || result.has(mention.typeId)) continue
    result.set(mention.typeId, mention.via === 'abbreviation' ? 'abbreviation' : 'mention')
  }
  if (result.size > 0) return result
  for (const type of facts.impliedTypes) if (type !== general) result.set(type, 'implied')
  if (result.size > 0) return result
  const namesGeneral = general !== undefined && subjects.some((mention) => mention.typeId === general)
  // A type named only as a comparison or an origin is not the subject, and the sentence is about that other thing.
  const namesOther = facts.namesDistractor || facts.otherSubject === true || facts.mentions.length > subjects.length
  if ((facts.anaphoric || facts.cellAnaphor) && !namesGeneral) {
    const antecedent = discourse.previous ?? discourse.paragraphTopic
    if (antecedent) return relabel(antecedent, 'anaphora')
  }
  if (namesGeneral) {
    if (discourse.documentTopic) return new Map([[discourse.documentTopic, 'document-topic']])
    return new Map([[general!, facts.impliedTypes.includes(general!) ? 'implied' : 'mention']])
  }
  for (const type of facts.impliedTypes) result.set(type, 'implied')
  if (result.size > 0 || namesOther) return result
  // With no topic in scope the property cue decides nothing: it is not read (finding it scores the sentence).
  if (!discourse.paragraphTopic && !discourse.listHead && discourse.sectionTopic.length === 0 && !(facts.cellAnaphor && discourse.documentTopic)) return result
  if (!facts.propertyCue) return result
  if (discourse.paragraphTopic) return relabel(discourse.paragraphTopic, 'paragraph-topic')
  if (discourse.listHead) return relabel(discourse.listHead, 'list-head')
  if (discourse.sectionTopic.length > 0) return new Map(discourse.sectionTopic.map((type) => [type, 'section-topic']))
  // "These cells" with no claim before it in scope: the document's one type, when it has one.
  if (facts.cellAnaphor && discourse.documentTopic) return new Map([[discourse.documentTopic, 'document-topic']])
  return result
}

function relabel(attribution: Attribution, reason: AttributionReason): Attribution {
  return new Map([...attribution.keys()].map((type) => [type, reason]))
}

/**
 * The one specific type a document names as a subject, if it names exactly one (comparison and
 * origin mentions aside), at least `minMentions` times; the general type does not count.
 */
export function documentTopic(mentions: Iterable<Mention>, general: string | undefined, minMentions = 3): string | undefined {
  let topic: string | undefined
  let count = 0
  for (const mention of mentions) {
    if (mention.comparison || mention.origin || mention.typeId === general) continue
    if (topic !== undefined && mention.typeId !== topic) return undefined
    topic = mention.typeId
    count++
  }
  return count >= minMentions ? topic : undefined
}

/**
 * The mentions without the constituents of a composite: a mention of another type that follows a
 * composite type's mention with a composite cue between them ("bone marrow-derived cells … probably
 * a mix of HSCs, MSCs and EPCs") is part of what the composite names, not a subject of its own.
 */
export function withoutConstituents(mentions: readonly Mention[], text: string, composites: ReadonlySet<string>, cues: readonly RegExp[]): readonly Mention[] {
  const composite = mentions.find((mention) => composites.has(mention.typeId) && !mention.comparison)
  if (!composite || cues.length === 0) return mentions
  return mentions.filter((mention) => {
    if (mention.start <= composite.start || composites.has(mention.typeId)) return true
    const between = text.slice(composite.end, mention.start)
    return !cues.some((cue) => {
      const found = cue.exec(between)
      // The constituents follow the cue as one list: no clause break between the cue and the mention.
      return found !== null && !clauseBreak.test(between.slice(found.index + found[0].length))
    })
  })
}

/** What ends a list of constituents: a semicolon, colon, closing parenthesis or sentence end. */
const clauseBreak = /[;:)\]]|\.\s/
