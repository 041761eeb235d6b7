import type {Root} from 'mdast'
import type {Parent} from 'unist'
import type {VFile} from 'vfile'
import type {ClaimOptions, Distractor, EntityType} from '../config/types.js'
import {compileClaimRules, type ClaimRules} from '../claims/claim-rules.js'
import {skipChildren, walk} from '../tree-walk.js'
import type {ClaimData, Sentence} from '../types.js'

export interface ClaimsOptions {
  entityTypes: readonly EntityType[]
  distractors?: readonly Distractor[]
  claims: ClaimOptions
}

/** A sentence that opens with a pronoun continues the one before it ("They also…", "These effects…"). */
const continuation = /^(?:(?:furthermore|moreover|in addition|also|however|rather|thus|therefore),?\s+)?(?:they|these|this|such|those|their|its|both)\b/i
/** A pronoun among the first words refers back to the previous claim's types. */
const earlyPronoun = /^(?:\S+\s+){0,3}?(?:they|these|their|this|its|such)\b/i

/** What the claims stage knows while walking the sentences in order. */
interface Context {
  subjects: string[]
  /** The previous sentence's claim, if the previous sentence was in the same section. */
  previous: ClaimData | undefined
  /** The latest claim in the same paragraph. */
  paragraphTopic: ClaimData | undefined
}

/**
 * Decides which sentences are claims and about which entity types, with category, evidence level
 * and hedging (the rules are in the README). A type is, in order of preference: mentioned; carried
 * over by a pronoun from the previous claim; implied by a distractor (a sentence about hepatocyte-like
 * cells alone); the topic of the latest claim in the same paragraph; the subject of the section. The
 * last two need a property or outcome cue in the sentence. The general type is used only when nothing
 * more specific applies.
 */
export function remarkClaims(options: ClaimsOptions) {
  const rules = compileClaimRules(options.claims)
  const general = options.entityTypes.find((type) => type.general)?.id
  const implied = new Map((options.distractors ?? []).filter((d) => d.impliesType).map((d) => [d.id, d.impliesType!]))
  return function transform(tree: Root, file: VFile): void {
    const subjects = file.data.sectionSubjects ?? {}
    let previousSentence: Sentence | undefined
    let previousClaim: ClaimData | undefined
    let paragraph: Parent | undefined
    let paragraphTopic: ClaimData | undefined
    let count = 0
    walk(tree, (sentence, parent) => {
      if (sentence.type !== 'sentence') return
      if (parent !== paragraph) {
        paragraph = parent
        paragraphTopic = undefined
      }
      const sameSection = previousSentence?.data.sectionId === sentence.data.sectionId
      const context: Context = {subjects: subjects[sentence.data.sectionId ?? ''] ?? [], previous: sameSection ? previousClaim : undefined, paragraphTopic}
      const text = sentence.data.text
      const types = claimTypes(sentence, context, rules, general, implied)
      let claim: ClaimData | undefined
      if (types.length > 0 && rules.isClaim(text)) {
        const evidence = rules.evidence(text)
        claim = {
          id: `c${++count}`,
          cellTypes: types,
          category: rules.category(text),
          evidence: evidence === rules.defaultEvidence && continuation.test(text) && context.previous ? context.previous.evidence : evidence,
          hedged: rules.hedged(text)
        }
        sentence.data.claim = claim
        paragraphTopic = claim
      }
      previousSentence = sentence
      previousClaim = claim
      // Nothing below a sentence is one: its text and citations are most of the tree.
      return skipChildren
    })
  }
}

function claimTypes(sentence: Sentence, context: Context, rules: ClaimRules, general: string | undefined, implied: ReadonlyMap<string, string>): string[] {
  const mentions = (sentence.data.mentions ?? []).filter((mention) => !mention.comparison)
  const specific = [...new Set(mentions.filter((mention) => mention.typeId !== general).map((mention) => mention.typeId))]
  if (specific.length > 0) return specific
  const text = sentence.data.text
  if (context.previous && earlyPronoun.test(text)) return context.previous.cellTypes
  const impliedTypes = [...new Set((sentence.data.distractors ?? []).flatMap((id) => (implied.has(id) ? [implied.get(id)!] : [])))]
  if (impliedTypes.length > 0) return impliedTypes
  if (general && mentions.some((mention) => mention.typeId === general)) return [general]
  if (!rules.hasPropertyCue(text)) return []
  if (context.paragraphTopic) return context.paragraphTopic.cellTypes
  return context.subjects
}
