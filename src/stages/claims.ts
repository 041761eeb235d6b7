import type {Root} from 'mdast'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import type {ClaimOptions, EntityType} from '../config/types.js'
import {compileClaimRules, type ClaimRules} from '../claims/claim-rules.js'
import type {ClaimData, Sentence} from '../types.js'

export interface ClaimsOptions {
  entityTypes: readonly EntityType[]
  claims: ClaimOptions
}

/** A sentence that opens with a pronoun continues the one before it ("They also…", "These effects…"). */
const continuation = /^(?:(?:furthermore|moreover|in addition|also|however|rather|thus|therefore),?\s+)?(?:they|these|this|such|those|their|its|both)\b/i

/**
 * Decides which sentences are claims and about which entity types, with category, evidence level
 * and hedging (see the annotation guidelines in the README). A type is explicit (a mention), carried
 * over by a pronoun from the previous claim, or the subject of the section; the general type is used
 * only when nothing more specific applies.
 */
export function remarkClaims(options: ClaimsOptions) {
  const rules = compileClaimRules(options.claims)
  const general = options.entityTypes.find((type) => type.general)?.id
  return function transform(tree: Root, file: VFile): void {
    const subjects = file.data.sectionSubjects ?? {}
    let previous: {sentence: Sentence; claim: ClaimData | undefined} | undefined
    let count = 0
    visit(tree, 'sentence', (sentence) => {
      const text = sentence.data.text
      const previousClaim = previous && previous.sentence.data.sectionId === sentence.data.sectionId ? previous.claim : undefined
      const types = claimTypes(sentence, previousClaim, subjects[sentence.data.sectionId ?? ''] ?? [], general)
      let claim: ClaimData | undefined
      if (types.length > 0 && rules.isClaim(text)) {
        const continues = continuation.test(text)
        const evidence = rules.evidence(text)
        claim = {
          id: `c${++count}`,
          cellTypes: types,
          category: rules.category(text),
          evidence: evidence === rules.defaultEvidence && continues && previousClaim ? previousClaim.evidence : evidence,
          hedged: rules.hedged(text)
        }
        sentence.data.claim = claim
      }
      previous = {sentence, claim}
    })
  }
}

function claimTypes(sentence: Sentence, previousClaim: ClaimData | undefined, subjects: string[], general: string | undefined): string[] {
  const mentions = (sentence.data.mentions ?? []).filter((mention) => !mention.comparison)
  const specific = [...new Set(mentions.filter((mention) => mention.typeId !== general).map((mention) => mention.typeId))]
  if (specific.length > 0) return specific
  const text = sentence.data.text
  if (previousClaim && /^(?:\S+\s+){0,3}?(?:they|these|their|this|its|such)\b/i.test(text)) return previousClaim.cellTypes
  if (subjects.length > 0) return subjects
  if (general && mentions.some((mention) => mention.typeId === general)) return [general]
  return []
}
