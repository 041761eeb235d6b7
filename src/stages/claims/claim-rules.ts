import {defaultClauses} from '../../config/defaults.js'
import type {ClaimOptions} from '../../config/types.js'
import {anyMatches, CueIndex, type CuePattern} from '../entities/cue-pattern.js'

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

/** The English clause patterns of `ClaimOptions.clauses`, compiled. */
interface ClausePatterns {
  leadingSubordinate: RegExp
  trailingSubordinate: RegExp
  reported: RegExp
}

/** Where each clause of the sentence ends, and the weight its category cues get. */
function clauseWeights(text: string, clauses: ClausePatterns): Array<{end: number; weight: number}> {
  const spans: Array<{end: number; weight: number}> = []
  const leading = clauses.leadingSubordinate.exec(text)?.[0].length ?? 0
  if (leading > 0) spans.push({end: leading, weight: 0.5})
  const trailingAt = text.slice(leading).search(clauses.trailingSubordinate)
  const mainEnd = trailingAt === -1 ? text.length : leading + trailingAt
  const reported = clauses.reported.exec(text.slice(leading, mainEnd))
  if (reported) spans.push({end: leading + reported.index + reported[0].length, weight: 1}, {end: mainEnd, weight: 2})
  else spans.push({end: mainEnd, weight: 1})
  if (mainEnd < text.length) spans.push({end: text.length, weight: 0.5})
  return spans
}

/** Regular-expression flags for a config pattern: the unicode flag only when the pattern needs it (it is slower). */
function flagsFor(source: string, flags: string): string {
  return /\\[pP]\{|\\u\{/.test(source) ? flags + 'u' : flags
}

/** Compiles `ClaimOptions` into `ClaimRules`; every pattern is case-insensitive. */
export function compileClaimRules(options: ClaimOptions): ClaimRules {
  // In a sentence most cues of most lists cannot occur: the index rules them out by their literals
  // before their expressions run (cue-pattern.ts).
  const index = new CueIndex()
  const compile = (source: string, flags = 'i'): CuePattern => index.add(source, flagsFor(source, flags))
  const listOf = (sources: readonly string[]): CuePattern[] => sources.map((source) => compile(source))
  const categories = options.categories.map((category) => ({
    id: category.id,
    cues: category.cues.map((cue) => (typeof cue === 'string' ? {pattern: cue, weight: 1} : cue)).map((cue) => ({pattern: compile(cue.pattern, 'gi'), weight: cue.weight}))
  }))
  const evidence = options.evidence.map((level) => ({id: level.id, cues: listOf(level.cues)}))
  const hedges = listOf(options.hedgeCues)
  const nonClaims = listOf(options.nonClaimPatterns)
  const studyOnly = listOf(options.studyOnlyPatterns ?? [])
  const strongCue = options.strongCueWeight ?? 2
  const clauseSources = {...defaultClauses, ...options.clauses}
  const clauses: ClausePatterns = {
    leadingSubordinate: new RegExp(clauseSources.leadingSubordinate, 'i'),
    trailingSubordinate: new RegExp(clauseSources.trailingSubordinate, 'i'),
    reported: new RegExp(clauseSources.reported, 'i')
  }

  // The main assertion decides the category: cues in subordinate clauses count for less, cues in
  // what a reporting verb reports ("… suggested that they are pluripotent") for more.
  // The claims stage asks several questions of one sentence in a row: score it once.
  let lastText: string | undefined
  let lastScores: Array<{id: string; score: number; strongest: number}> = []
  const scores = (text: string): Array<{id: string; score: number; strongest: number}> => {
    if (text !== lastText) {
      lastScores = computeScores(text)
      lastText = text
    }
    return lastScores
  }
  const computeScores = (text: string): Array<{id: string; score: number; strongest: number}> => {
    const spans = clauseWeights(text, clauses)
    const weightAt = (index: number): number => spans.find((span) => index < span.end)?.weight ?? 1
    const candidates = index.candidates(text)
    return categories.map((category) => {
      let score = 0
      let strongest = 0
      for (const cue of category.cues) {
        if (!candidates.has(cue.pattern)) continue
        // exec in a loop, not matchAll: matchAll copies the expression on every call.
        const regex = cue.pattern.regex
        regex.lastIndex = 0
        for (let match = regex.exec(text); match; match = regex.exec(text)) {
          if (match[0] === '') regex.lastIndex += regex.unicode && text.codePointAt(regex.lastIndex)! > 0xffff ? 2 : 1
          score += cue.weight * weightAt(match.index)
          strongest = Math.max(strongest, cue.weight)
        }
      }
      return {id: category.id, score, strongest}
    })
  }

  return {
    defaultEvidence: options.defaultEvidence,
    isClaim(text) {
      if (anyMatches(nonClaims, text, index.candidates(text))) return false
      // "X has been studied" is a claim only with a clear outcome or property: one strong cue.
      if (anyMatches(studyOnly, text, index.candidates(text))) return scores(text).some((s) => s.strongest >= strongCue)
      return true
    },
    category(text) {
      let best = {id: options.defaultCategory, score: 0}
      for (const candidate of scores(text)) if (candidate.score > best.score) best = candidate
      return best.id
    },
    evidence(text) {
      return evidence.find((level) => anyMatches(level.cues, text, index.candidates(text)))?.id ?? options.defaultEvidence
    },
    hasPropertyCue(text) {
      return scores(text).some((s) => s.score >= strongCue)
    },
    hedged(text) {
      return anyMatches(hedges, text, index.candidates(text))
    }
  }
}
