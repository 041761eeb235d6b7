import {RegExpParser, visitRegExpAST, type AST} from '@eslint-community/regexpp'

const parser = new RegExpParser({ecmaVersion: 2024})

/**
 * The part of a cue pattern that can make matching take exponential time, or undefined: a repetition
 * (`*`, `+`, `{2,}`, `{1,5}`) of something that itself contains a repetition, such as `(\w+\s?)+`.
 * On a text that almost matches, a backtracking engine tries every way of splitting the text between
 * the inner and the outer repetition (the "nested quantifier" or star-height check of ReDoS
 * checkers). An optional part (`?`, `{0,1}`) repeats nothing and is allowed anywhere, so
 * `(?:\w+ )?been` passes, and so does a fixed count inside a repetition (`(?:\d{3})+`). `source` must be a valid pattern with the `u` flag (the schema checks that).
 */
export function nestedRepetition(source: string): string | undefined {
  const pattern = parser.parsePattern(source, 0, source.length, {unicode: true})
  let found: string | undefined
  visitRegExpAST(pattern, {
    onQuantifierEnter(node: AST.Quantifier) {
      // A fixed count (`{3}`) splits a text one way only: only a variable repetition inside counts.
      if (found !== undefined || node.max <= 1 || node.min === node.max) return
      const outer = repeatingAncestor(node)
      if (outer) found = outer.raw
    }
  })
  return found
}

/** The outermost quantifier above `node` that repeats (max above 1). */
function repeatingAncestor(node: AST.Node): AST.Quantifier | undefined {
  let outer: AST.Quantifier | undefined
  for (let parent = node.parent; parent; parent = parent.parent) if (parent.type === 'Quantifier' && parent.max > 1) outer = parent
  return outer
}

/** One configured pattern and the key path it came from (`claims.hedgeCues.2`). */
export interface PatternAt {
  path: string
  source: string
}

/** Every regular-expression source of the claims config, with its key path. */
export function claimPatterns(claims: {
  categories: ReadonlyArray<{cues: ReadonlyArray<string | {pattern: string}>}>
  evidence: ReadonlyArray<{cues: readonly string[]}>
  hedgeCues: readonly string[]
  nonClaimPatterns: readonly string[]
  studyOnlyPatterns?: readonly string[] | undefined
  comparisonCues: readonly string[]
}): PatternAt[] {
  const out: PatternAt[] = []
  for (const [index, category] of claims.categories.entries()) {
    for (const [at, cue] of category.cues.entries()) out.push(typeof cue === 'string' ? {path: `claims.categories.${index}.cues.${at}`, source: cue} : {path: `claims.categories.${index}.cues.${at}.pattern`, source: cue.pattern})
  }
  for (const [index, level] of claims.evidence.entries()) for (const [at, cue] of level.cues.entries()) out.push({path: `claims.evidence.${index}.cues.${at}`, source: cue})
  for (const key of ['hedgeCues', 'nonClaimPatterns', 'studyOnlyPatterns', 'comparisonCues'] as const) {
    for (const [at, source] of (claims[key] ?? []).entries()) out.push({path: `claims.${key}.${at}`, source})
  }
  return out
}
