import {createRequire} from 'node:module'
import type {AST} from '@eslint-community/regexpp'

/**
 * The regexpp parser, loaded by the first pattern checked (through its CommonJS entry: the checks are
 * synchronous). A config of citeclaim's own patterns checks none (see `unsafe-patterns.ts`).
 */
let regexpp: {parser: import('@eslint-community/regexpp').RegExpParser; visitRegExpAST: typeof import('@eslint-community/regexpp').visitRegExpAST} | undefined
function loadRegexpp(): NonNullable<typeof regexpp> {
  if (regexpp) return regexpp
  const module = createRequire(import.meta.url)('@eslint-community/regexpp') as typeof import('@eslint-community/regexpp')
  return (regexpp = {parser: new module.RegExpParser({ecmaVersion: 2024}), visitRegExpAST: module.visitRegExpAST})
}

/**
 * The part of a cue pattern that can make matching take exponential time, or undefined: a repetition
 * (`*`, `+`, `{2,}`, `{1,5}`) of something that itself contains a repetition, such as `(\w+\s?)+`.
 * On a text that almost matches, a backtracking engine tries every way of splitting the text between
 * the inner and the outer repetition (the "nested quantifier" or star-height check of ReDoS
 * checkers). An optional part (`?`, `{0,1}`) repeats nothing and is allowed anywhere, so
 * `(?:\w+ )?been` passes, and so does a fixed count inside a repetition (`(?:\d{3})+`). `source` must be a valid pattern with the `u` flag (the schema checks that).
 */
export function nestedRepetition(source: string): string | undefined {
  return outerOfInnerRepetition(source, () => true)
}

/**
 * The outer repetition (its text) of the first variable repetition inside a repetition for which
 * `counts(inner, outer)` holds, or undefined. A fixed count (`{3}`) splits a text one way only: only
 * a variable repetition inside counts.
 */
function outerOfInnerRepetition(source: string, counts: (inner: AST.Quantifier, outer: AST.Quantifier) => boolean): string | undefined {
  const {parser, visitRegExpAST} = loadRegexpp()
  const pattern = parser.parsePattern(source, 0, source.length, {unicode: true})
  let found: string | undefined
  visitRegExpAST(pattern, {
    onQuantifierEnter(node: AST.Quantifier) {
      if (found !== undefined || node.max <= 1 || node.min === node.max) return
      const outer = repeatingAncestor(node)
      if (outer && counts(node, outer)) found = outer.raw
    }
  })
  return found
}

/**
 * A repetition inside a repetition that can split one text in more than one way, or undefined: the
 * refined form of `nestedRepetition`, for patterns whose bounded word runs (`(?:[\w-]+\s+){0,2}`)
 * are unambiguous. An inner repetition is ambiguous when what may follow it inside the outer body
 * (the next element, or the body's start again when it is last) can begin with a character the inner
 * one repeats, or cannot be told (an optional next element): `(\w+\s?)+` and `(?:[a-z]+ly )*` are,
 * `(?:\S+\s+){0,3}` is not.
 */
export function ambiguousNesting(source: string): string | undefined {
  return outerOfInnerRepetition(source, (node, outer) => {
    const parent = node.parent
    let follow: RegExp | undefined
    if (parent.type === 'Alternative' && minLength(node.element) > 0) {
      const next = parent.elements[parent.elements.indexOf(node) + 1]
      const bodyStart = outer.element.type === 'Group' || outer.element.type === 'CapturingGroup' ? startOf(outer.element.alternatives) : elementCharacters(outer.element)
      follow = next === undefined ? (parent.parent === outer.element ? bodyStart : undefined) : minLength(next) > 0 ? elementCharacters(next) : undefined
    }
    return overlap(elementCharacters(node.element), follow)
  })
}

/** The characters any of `alternatives` can begin with (undefined when one cannot be told). */
function startOf(alternatives: readonly AST.Alternative[]): RegExp | undefined {
  const parts = alternatives.map(firstCharacters)
  if (parts.some((part) => part === undefined)) return undefined
  return new RegExp(parts.map((part) => `(?:${part!.source})`).join('|'), 'iu')
}

/** The characters one element can begin with, as `firstCharacters` tells them. */
function elementCharacters(element: AST.Node): RegExp | undefined {
  if (element.type === 'Alternative') return firstCharacters(element)
  return element.type === 'Group' || element.type === 'CapturingGroup' || element.type === 'Character' || element.type === 'CharacterClass' || element.type === 'CharacterSet' || element.type === 'Quantifier'
    ? firstCharacters({type: 'Alternative', elements: [element], parent: element.parent, start: element.start, end: element.end, raw: element.raw} as unknown as AST.Alternative)
    : undefined
}

/**
 * A repetition whose body can match one text in two ways, or undefined: alternatives that can begin
 * with the same character (`(?:\w|\d)+`, `(a|a)*`, `(?:[a-z]|[a-z0-9])+`), or a body that can match
 * nothing (`(?:a?){30}`). On a run of such characters that does not end as the pattern needs, a
 * backtracking engine tries every way of assigning them to the alternatives: exponential time,
 * though nothing repeats inside the repetition. Checked conservatively: an alternative whose first
 * character cannot be told (it may be empty, or starts with an assertion or a back-reference)
 * overlaps every other.
 */
export function ambiguousRepetition(source: string): string | undefined {
  const {parser, visitRegExpAST} = loadRegexpp()
  const pattern = parser.parsePattern(source, 0, source.length, {unicode: true})
  let found: string | undefined
  visitRegExpAST(pattern, {
    onQuantifierEnter(node: AST.Quantifier) {
      if (found !== undefined || node.max <= 1) return
      const body = node.element
      if (minLength(body) === 0) {
        found = node.raw
        return
      }
      const alternatives = body.type === 'Group' || body.type === 'CapturingGroup' ? body.alternatives : []
      const firsts = alternatives.map(firstCharacters)
      for (let i = 0; i < firsts.length && found === undefined; i++) {
        for (let j = i + 1; j < firsts.length; j++) {
          if (overlap(firsts[i], firsts[j])) {
            found = node.raw
            break
          }
        }
      }
    }
  })
  return found
}

/** The fewest characters `node` can match (0 for assertions, back-references count as 0). */
function minLength(node: AST.Node): number {
  switch (node.type) {
    case 'Character':
    case 'CharacterClass':
    case 'CharacterSet':
    case 'ExpressionCharacterClass':
      return 1
    case 'Quantifier':
      return node.min === 0 ? 0 : node.min * minLength(node.element)
    case 'Group':
    case 'CapturingGroup':
    case 'Pattern':
      return Math.min(...node.alternatives.map(minLength))
    case 'Alternative':
      return node.elements.reduce((sum, element) => sum + minLength(element), 0)
    default:
      return 0
  }
}

/**
 * A regular expression for the characters an alternative can begin with, or undefined when that
 * cannot be told simply (an empty or optional start, an assertion, a back-reference).
 */
function firstCharacters(alternative: AST.Alternative): RegExp | undefined {
  const first = alternative.elements[0]
  if (!first) return undefined
  let element: AST.Node = first
  while (element.type === 'Quantifier' && element.min > 0) element = element.element
  if (element.type === 'Group' || element.type === 'CapturingGroup') {
    return startOf(element.alternatives)
  }
  if (element.type === 'Character' || element.type === 'CharacterClass' || element.type === 'CharacterSet') return new RegExp(`^(?:${element.raw})`, 'iu')
  return undefined
}

/**
 * Characters tried when comparing two first-character sets: ASCII, Latin-1 letters, a few other
 * scripts' letters and digits, and white space. Two sets overlap when one of these is in both.
 */
const probeCharacters: readonly string[] = [
  ...Array.from({length: 0x7f - 0x09}, (_, index) => String.fromCharCode(0x09 + index)),
  '\u00a0', '\u00df', '\u00e9', '\u00f1', '\u0131', '\u03b1', '\u0430', '\u0663', '\u05d0', '\u4e00', '\u2003', '\u2013', '\u00b5'
]

/** Whether two first-character sets share a character (unknown sets overlap everything). */
function overlap(a: RegExp | undefined, b: RegExp | undefined): boolean {
  if (a === undefined || b === undefined) return true
  return probeCharacters.some((character) => a.test(character) && b.test(character))
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

/** Keys of the claims config that hold lists of regular-expression sources. */
const patternListKeys = ['hedgeCues', 'nonClaimPatterns', 'studyOnlyPatterns', 'comparisonCues', 'originCues', 'anaphoraPatterns', 'cellAnaphoraPatterns', 'compositeCues', 'otherSubjectPatterns'] as const

/**
 * Every regular-expression source of the claims config, with its key path: cues, the sentence
 * pattern lists, section-evidence headings and the clause patterns. Each runs on every sentence (or
 * heading), so each is checked the same way.
 */
export function claimPatterns(claims: {
  categories: ReadonlyArray<{cues: ReadonlyArray<string | {pattern: string}>}>
  evidence: ReadonlyArray<{cues: readonly string[]}>
  sectionEvidence?: ReadonlyArray<{headings: readonly string[]}> | undefined
  clauses?: Readonly<Record<string, string | undefined>> | undefined
} & {readonly [key in (typeof patternListKeys)[number]]?: readonly string[] | undefined}): PatternAt[] {
  const out: PatternAt[] = []
  for (const [index, category] of claims.categories.entries()) {
    for (const [at, cue] of category.cues.entries()) out.push(typeof cue === 'string' ? {path: `claims.categories.${index}.cues.${at}`, source: cue} : {path: `claims.categories.${index}.cues.${at}.pattern`, source: cue.pattern})
  }
  for (const [index, level] of claims.evidence.entries()) for (const [at, cue] of level.cues.entries()) out.push({path: `claims.evidence.${index}.cues.${at}`, source: cue})
  for (const key of patternListKeys) {
    for (const [at, source] of (claims[key] ?? []).entries()) out.push({path: `claims.${key}.${at}`, source})
  }
  for (const [index, section] of (claims.sectionEvidence ?? []).entries()) {
    for (const [at, source] of section.headings.entries()) out.push({path: `claims.sectionEvidence.${index}.headings.${at}`, source})
  }
  for (const [key, source] of Object.entries(claims.clauses ?? {})) if (typeof source === 'string') out.push({path: `claims.clauses.${key}`, source})
  return out
}
