import {ambiguousNesting, ambiguousRepetition, claimPatterns, nestedRepetition} from './pattern-safety.js'
import {checkPatterns, type CheckedPattern, type PatternVerdictStats} from './pattern-verdicts.js'

/** Key paths of the cue lists, checked with the strict nested-repetition rule since it was introduced. */
const cueListPath = /^claims\.(?:categories|evidence|hedgeCues|nonClaimPatterns|studyOnlyPatterns|comparisonCues)\./

/** The claims options `claimPatterns` reads: resolved (every list present). */
type Claims = Parameters<typeof claimPatterns>[0]

/** Where `unsafePatterns` may remember the pattern lists that passed. */
export interface UnsafePatternsOptions {
  /** The private cache folder (see `privateCacheFolder`); without it every pattern is checked. */
  cacheFolder?: string | undefined
  /** Counts the cache's hits and misses. */
  stats?: PatternVerdictStats
}

/** Every pattern of the claims config with its key path and whether the strict cue-list rule applies. */
export function patternsToCheck(claims: Claims): Array<CheckedPattern & {path: string}> {
  return claimPatterns(claims).map(({path, source}) => ({path, source, strict: cueListPath.test(path)}))
}

/**
 * What is wrong with the claims config's patterns that could take exponential time on some
 * sentences, one message per pattern (`<key path>: …`); empty when every one is safe. Cue lists get
 * the strict star-height check, every pattern the ambiguity checks. With a cache folder, a list of
 * patterns that passed the same checks in an earlier run is not parsed again (`pattern-verdicts.ts`).
 */
export function unsafePatterns(claims: Claims, options: UnsafePatternsOptions = {}): string[] {
  const patterns = patternsToCheck(claims)
  return checkPatterns(options.cacheFolder, patterns, () => patterns.flatMap(({path, source, strict}) => {
    // Cue lists keep the strict star-height check; every pattern gets the ambiguity checks.
    const part = (strict ? nestedRepetition(source) : undefined) ?? ambiguousNesting(source)
    if (part !== undefined) return [`${path}: "${part}" repeats a part that itself repeats, which can take exponential time on some sentences; repeat only single characters or fixed runs, or make the outer part optional (?)`]
    const ambiguous = ambiguousRepetition(source)
    if (ambiguous !== undefined) return [`${path}: "${ambiguous}" repeats alternatives that can match the same characters (or a part that can match nothing), which can take exponential time on some sentences; make the alternatives start differently, or use one character class`]
    return []
  }), options.stats)
}
