import {pushAll} from '../../push-all.js'

/**
 * A configured cue (a regular-expression source). Literal texts one of which every match of it
 * contains, when it has such: `\bimprov(?:e|ed)\b|\bamelior` → `improv`, `amelior`. Most cues do
 * not occur in most sentences, and substring searches rule a cue out far faster than running its
 * regular expression; a cue without such literals is always run. The check never changes what
 * matches.
 */
export interface CuePattern {
  regex: RegExp
}

/** A literal of a cue: lower-case text every match of one branch contains. */
export interface CueLiteral {
  text: string
  /** Whether the branch's matches start with it at a word start (the branch opens with `\b`). */
  atWordStart: boolean
}

/** Characters that stand for themselves in a pattern (outside a class); literals are built from them. */
const plain = /[A-Za-z0-9 \-'"’,:;=<>@#%&~`]/
/** An escaped character that stands for itself: `\.`, `\(`, … */
const escapedPlain = /[-.()[\]{}*+?|^$/\\]/
/** Quantifiers that make what is before them optional or repeatable from zero times. */
const optionalQuantifier = /[?*{]/

/**
 * Literals one of which every match of `source` contains: for each top-level branch, its leading run
 * of plain characters after a leading `\b` (without a last character a quantifier makes optional),
 * or, when the branch opens with a group, the leading run of each of the group's branches. Undefined
 * when some branch has no such run, or when the pattern needs the unicode flag: there case folding
 * maps some non-ASCII characters onto ASCII letters (U+212A KELVIN SIGN to k), which a lower-case
 * search would miss. Without the unicode flag an ASCII letter matches only its own two cases.
 */
export function requiredLiterals(source: string, flags: string): CueLiteral[] | undefined {
  if (flags.includes('u') || flags.includes('v')) return undefined
  const literals: CueLiteral[] = []
  for (const branch of topLevelBranches(source)) {
    const found = branchLiterals(branch)
    if (!found) return undefined
    pushAll(literals, found)
  }
  return literals.length > 0 ? literals : undefined
}

function branchLiterals(branch: string): CueLiteral[] | undefined {
  const bounded = branch.startsWith('\\b')
  const start = bounded ? 2 : 0
  const literal = (text: string): CueLiteral => ({text, atWordStart: bounded && wordCharacter.test(text[0]!)})
  const run = leadingRun(branch, start)
  if (run !== '') return [literal(run)]
  const group = /^\((?:\?:)?/.exec(branch.slice(start))
  if (!group || (branch[start + 1] === '?' && group[0] !== '(?:')) return undefined
  const end = closingParen(branch, start)
  if (end === -1 || optionalQuantifier.test(branch[end + 1] ?? '')) return undefined
  const literals: CueLiteral[] = []
  for (const inner of topLevelBranches(branch.slice(start + group[0].length, end))) {
    // An inner `\b` right after the outer one changes nothing: both sit at the group's start.
    const innerRun = leadingRun(inner, inner.startsWith('\\b') ? 2 : 0)
    if (innerRun === '') return undefined
    literals.push(literal(innerRun))
  }
  return literals
}

/** A character of `\w`, what `\b` tells from the rest (without the unicode flag). */
const wordCharacter = /\w/

/** The lower-case run of plain characters from `index`, without a last one made optional. */
function leadingRun(source: string, index: number): string {
  let run = ''
  while (index < source.length) {
    const char = source[index]!
    if (plain.test(char)) {
      run += char
      index++
    } else if (char === '\\' && index + 1 < source.length && escapedPlain.test(source[index + 1]!)) {
      run += source[index + 1]
      index += 2
    } else {
      break
    }
  }
  if (index < source.length && optionalQuantifier.test(source[index]!)) run = run.slice(0, -1)
  return run.toLowerCase()
}

/** `source` split at each `|` outside every group and class. */
function topLevelBranches(source: string): string[] {
  const branches: string[] = []
  let depth = 0
  let inClass = false
  let from = 0
  for (let index = 0; index < source.length; index++) {
    const char = source[index]
    if (char === '\\') index++
    else if (inClass) inClass = char !== ']'
    else if (char === '[') inClass = true
    else if (char === '(') depth++
    else if (char === ')') depth--
    else if (char === '|' && depth === 0) {
      branches.push(source.slice(from, index))
      from = index + 1
    }
  }
  branches.push(source.slice(from))
  return branches
}

/** The index of the `)` closing the group that opens at `open`, or -1. */
function closingParen(source: string, open: number): number {
  let depth = 0
  let inClass = false
  for (let index = open; index < source.length; index++) {
    const char = source[index]
    if (char === '\\') index++
    else if (inClass) inClass = char !== ']'
    else if (char === '[') inClass = true
    else if (char === '(') depth++
    else if (char === ')' && --depth === 0) return index
  }
  return -1
}

/** How long the word-start keys of `CueIndex` are. */
const keyLength = 3

/**
 * The cues of a rule set, indexed by their literals, to tell which of them can match a text without
 * running them. A literal at a word start is looked up by its first three characters among the
 * text's word starts (a few map lookups per word); other literals are searched for in the text.
 */
export class CueIndex {
  /** Cues without literals: always candidates. */
  private readonly unfiltered: CuePattern[] = []
  /** Key (`keyAt`) of the first `keyLength` characters of word-start literals → their cues. */
  private readonly byWordStart = new Map<number, CuePattern[]>()
  /** Literals found anywhere in a text (not at a word start, or shorter than a key). */
  private readonly anywhere: Array<{text: string; cue: CuePattern}> = []
  private lastText: string | undefined
  private lastCandidates = new Set<CuePattern>()

  /** Compiles a cue with `flags` and indexes it. */
  add(source: string, flags: string): CuePattern {
    const cue: CuePattern = {regex: new RegExp(source, flags)}
    const literals = requiredLiterals(source, flags)
    if (!literals) {
      this.unfiltered.push(cue)
      return cue
    }
    for (const literal of literals) {
      if (literal.atWordStart && literal.text.length >= keyLength) {
        const key = keyAt(literal.text, 0)
        const cues = this.byWordStart.get(key) ?? []
        if (!cues.includes(cue)) cues.push(cue)
        this.byWordStart.set(key, cues)
      } else {
        this.anywhere.push({text: literal.text, cue})
      }
    }
    return cue
  }

  /** The cues that may match `text`; every cue that does match is among them. */
  candidates(text: string): ReadonlySet<CuePattern> {
    if (text === this.lastText) return this.lastCandidates
    const found = new Set(this.unfiltered)
    if (this.anywhere.length > 0) {
      const lower = text.toLowerCase()
      for (const {text: literal, cue} of this.anywhere) if (!found.has(cue) && lower.includes(literal)) found.add(cue)
    }
    let previousIsWord = false
    const last = text.length - keyLength
    for (let index = 0; index <= last; index++) {
      const isWord = isWordCode(text.charCodeAt(index))
      if (isWord && !previousIsWord) {
        const cues = this.byWordStart.get(keyAt(text, index))
        if (cues) for (const cue of cues) found.add(cue)
      }
      previousIsWord = isWord
    }
    this.lastText = text
    this.lastCandidates = found
    return found
  }
}

/**
 * The `keyLength` characters of `text` from `index` as one number, ASCII capitals lower-cased: no
 * string is made per word. Lower-casing ASCII alone is exact: without the unicode flag no other
 * character matches an ASCII letter case-insensitively, and the literals' other characters match
 * only themselves. Three ASCII characters make a small integer (7 bits each), which a Map hashes
 * without allocating; any other three make one from 2^48 up, so two different keys never collide.
 */
// Written out for `keyLength` = 3.
export function keyAt(text: string, index: number): number {
  const a = lowerAscii(text.charCodeAt(index))
  const b = lowerAscii(text.charCodeAt(index + 1))
  const c = lowerAscii(text.charCodeAt(index + 2))
  if ((a | b | c) < 128) return (a << 14) | (b << 7) | c
  return 2 ** 48 + (a * 65_536 + b) * 65_536 + c
}

function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code
}

function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95
}

/** Whether any of `cues` matches `text`, given the candidates of `text`. The regexes must not be global. */
export function anyMatches(cues: readonly CuePattern[], text: string, candidates: ReadonlySet<CuePattern>): boolean {
  for (const cue of cues) if (candidates.has(cue) && cue.regex.test(text)) return true
  return false
}
