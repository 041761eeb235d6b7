import type {ClaimOptions} from '../config/types.js'

/** Claim options compiled once per processor: the regular expressions behind each decision. */
export interface ClaimRules {
  defaultEvidence: string
  /** False for roadmap sentences and sentences that only say something was studied. */
  isClaim(text: string): boolean
  category(text: string): string
  evidence(text: string): string
  hedged(text: string): boolean
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

  const scores = (text: string): Array<{id: string; score: number; strongest: number}> =>
    categories.map((category) => {
      let score = 0
      let strongest = 0
      for (const cue of category.cues) {
        const hits = text.match(cue.regex)?.length ?? 0
        score += hits * cue.weight
        if (hits > 0) strongest = Math.max(strongest, cue.weight)
      }
      return {id: category.id, score, strongest}
    })

  return {
    defaultEvidence: options.defaultEvidence,
    isClaim(text) {
      if (nonClaims.some((regex) => regex.test(text))) return false
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
    hedged(text) {
      return hedges.some((regex) => regex.test(text))
    }
  }
}
