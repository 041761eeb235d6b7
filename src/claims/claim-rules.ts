import type {ClaimOptions} from '../config/types.js'

/** Claim options compiled once per processor: the regular expressions behind each decision. */
export interface ClaimRules {
  defaultEvidence: string
  /** False for roadmap sentences and sentences that only say something was studied. */
  isClaim(text: string): boolean
  category(text: string): string
  evidence(text: string): string
  hedged(text: string): boolean
  /** Whether the sentence says something about its subject: category cues adding up to the strong weight. */
  hasPropertyCue(text: string): boolean
}

/** A sentence-initial subordinate clause ("Although they remain unclear, …", "In cases where …, …"). */
const leadingSubordinateClause = /^(?:although|though|even though|while|whereas|despite|in cases? where|when|if|unless|since|because)\b[^,;]{0,200}[,;]/i
/** A concessive clause closing the sentence (", though early trials did not …"). */
const trailingSubordinateClause = /[,;]\s+(?:although|though|even though|whereas|while)\b/i
/** The complement of a reporting verb: what a study "suggested that" or "showed that". */
const reportedClause = /\b(?:suggest|show|demonstrat|indicat|reveal|confirm|report)\w* that\b/i

/** The sentence cut into parts with the weight their category cues get. */
function weightedParts(text: string): Array<{text: string; weight: number}> {
  const leading = leadingSubordinateClause.exec(text)?.[0] ?? ''
  let main = text.slice(leading.length)
  const trailingAt = main.search(trailingSubordinateClause)
  const trailing = trailingAt === -1 ? '' : main.slice(trailingAt)
  if (trailingAt !== -1) main = main.slice(0, trailingAt)
  const parts = [
    {text: leading, weight: 0.5},
    {text: trailing, weight: 0.5}
  ]
  const reported = reportedClause.exec(main)
  if (reported) {
    const at = reported.index + reported[0].length
    parts.push({text: main.slice(0, at), weight: 1}, {text: main.slice(at), weight: 2})
  } else parts.push({text: main, weight: 1})
  return parts.filter((part) => part.text !== '')
}

/** Compiles `ClaimOptions` into `ClaimRules`; every pattern is case-insensitive. */
export function compileClaimRules(options: ClaimOptions): ClaimRules {
  const compile = (source: string, flags = 'iu'): RegExp => new RegExp(source, flags)
  const categories = options.categories.map((category) => ({
    id: category.id,
    cues: category.cues.map((cue) => (typeof cue === 'string' ? {regex: compile(cue, 'giu'), weight: 1} : {regex: compile(cue.pattern, 'giu'), weight: cue.weight}))
  }))
  const evidence = options.evidence.map((level) => ({id: level.id, cues: level.cues.map((cue) => compile(cue))}))
  const hedges = options.hedgeCues.map((cue) => compile(cue))
  const nonClaims = options.nonClaimPatterns.map((pattern) => compile(pattern))
  const studyOnly = (options.studyOnlyPatterns ?? []).map((pattern) => compile(pattern))
  const strongCue = options.strongCueWeight ?? 2

  // The main assertion decides the category: cues in subordinate clauses count for less, cues in
  // what a reporting verb reports ("… suggested that they are pluripotent") for more.
  const scores = (text: string): Array<{id: string; score: number; strongest: number}> => {
    const parts = weightedParts(text)
    return categories.map((category) => {
      let score = 0
      let strongest = 0
      for (const cue of category.cues) {
        for (const part of parts) {
          const hits = part.text.match(cue.regex)?.length ?? 0
          score += hits * cue.weight * part.weight
          if (hits > 0) strongest = Math.max(strongest, cue.weight)
        }
      }
      return {id: category.id, score, strongest}
    })
  }

  return {
    defaultEvidence: options.defaultEvidence,
    isClaim(text) {
      if (nonClaims.some((regex) => regex.test(text))) return false
      // "X has been studied" is a claim only with a clear outcome or property: one strong cue.
      if (studyOnly.some((regex) => regex.test(text))) return scores(text).some((s) => s.strongest >= strongCue)
      return true
    },
    category(text) {
      let best = {id: options.defaultCategory, score: 0}
      for (const candidate of scores(text)) if (candidate.score > best.score) best = candidate
      return best.id
    },
    evidence(text) {
      return evidence.find((level) => level.cues.some((regex) => regex.test(text)))?.id ?? options.defaultEvidence
    },
    hasPropertyCue(text) {
      return scores(text).some((s) => s.score >= strongCue)
    },
    hedged(text) {
      return hedges.some((regex) => regex.test(text))
    }
  }
}
