import {defaults} from './defaults.js'
import {ambiguousNesting, ambiguousRepetition, claimPatterns, nestedRepetition} from './pattern-safety.js'
import type {ClaimOptions} from './types.js'
import {materials} from '../presets/materials.js'
import {stemCells} from '../presets/stem-cells.js'

/** Key paths of the cue lists, checked with the strict nested-repetition rule since it was introduced. */
const cueListPath = /^claims\.(?:categories|evidence|hedgeCues|nonClaimPatterns|studyOnlyPatterns|comparisonCues)\./

/** The claims options `claimPatterns` reads: resolved (every list present). */
type Claims = Parameters<typeof claimPatterns>[0]

/**
 * The patterns citeclaim ships (its defaults and presets) by the checks they pass: `strict` those
 * that stand in a cue list (all checks), `lenient` the others (the ambiguity checks). Made once.
 */
let shipped: {strict: ReadonlySet<string>; lenient: ReadonlySet<string>} | undefined

function shippedPatterns(): NonNullable<typeof shipped> {
  if (shipped) return shipped
  const strict = new Set<string>()
  const lenient = new Set<string>()
  for (const claims of shippedClaims()) {
    for (const {path, source} of claimPatterns(claims)) (cueListPath.test(path) ? strict : lenient).add(source)
  }
  // A pattern that passes all checks passes the ambiguity checks too.
  for (const source of strict) lenient.add(source)
  return (shipped = {strict, lenient})
}

/** The claims options of the defaults and of each preset, as a config using it resolves them. */
export function shippedClaims(): Claims[] {
  return [defaults.claims, ...[stemCells, materials].map((preset): Claims => ({...defaults.claims, ...(preset.claims as Partial<ClaimOptions>)}))]
}

/**
 * What is wrong with the claims config's patterns that could take exponential time on some
 * sentences, one message per pattern (`<key path>: …`); empty when every one is safe. Cue lists get
 * the strict star-height check, every pattern the ambiguity checks. A pattern citeclaim ships, at a
 * place where it passed the same checks, is not checked again (`trustShipped`, the default): the
 * checks parse every pattern, about a tenth of a one-document run, and tests/config/
 * unsafe-patterns.test.ts checks the shipped ones with them.
 */
export function unsafePatterns(claims: Claims, options: {trustShipped?: boolean} = {}): string[] {
  const trusted = options.trustShipped === false ? undefined : shippedPatterns()
  return claimPatterns(claims).flatMap(({path, source}) => {
    const cueList = cueListPath.test(path)
    if (trusted && (cueList ? trusted.strict : trusted.lenient).has(source)) return []
    // Cue lists keep the strict star-height check; every pattern gets the ambiguity checks.
    const part = (cueList ? nestedRepetition(source) : undefined) ?? ambiguousNesting(source)
    if (part !== undefined) return [`${path}: "${part}" repeats a part that itself repeats, which can take exponential time on some sentences; repeat only single characters or fixed runs, or make the outer part optional (?)`]
    const ambiguous = ambiguousRepetition(source)
    if (ambiguous !== undefined) return [`${path}: "${ambiguous}" repeats alternatives that can match the same characters (or a part that can match nothing), which can take exponential time on some sentences; make the alternatives start differently, or use one character class`]
    return []
  })
}
