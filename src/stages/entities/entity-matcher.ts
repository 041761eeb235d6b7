import type {Distractor, EntityType} from '../../config/types.js'
import type {AbbreviationDefinition} from './schwartz-hearst.js'

/** What a name or abbreviation stands for: an entity type, or a distractor (not a type). */
export interface Sense {
  kind: 'type' | 'distractor'
  id: string
  contextCues: string[]
  /** Whether its abbreviations may carry a source prefix (`BM-MSC`): `EntityType.abbreviationPrefix`. */
  prefix?: boolean
}

/** A raw match in a text before ambiguity is resolved. */
export interface Match {
  start: number
  end: number
  text: string
  via: 'name' | 'abbreviation' | 'subtype'
  /** For names: the one sense. For abbreviations: every sense it may have. */
  senses: Sense[]
  /** The abbreviation's base form (`HSC` for `BM-HSCs`), for abbreviations. */
  abbreviation?: string
}

interface NamePattern {
  /** Regular-expression source of the name, without groups of its own. */
  source: string
  /** The name's words as written in the config. */
  words: string[]
  sense: Sense
  via: 'name' | 'subtype'
}

/** Matches entity types and distractors by name, subtype name and abbreviation in a text. */
export class EntityMatcher {
  private readonly names: NamePattern[] = []
  /** Abbreviation base form → senses from the config. */
  private readonly abbreviations = new Map<string, Sense[]>()
  /** The base forms that may carry a source prefix (`BM-` in `BM-MSC`). */
  private readonly prefixed = new Set<string>()
  private readonly abbreviationPattern: AbbreviationPattern
  private readonly nameRegex: RegExp
  /** Which name a match is, by its `nameKey` (see `nameOf`); undefined when a key could mislead. */
  private readonly nameByKey: Map<string, NamePattern> | undefined
  /** Each name's pattern alone, whole-text, for matches the key map cannot place. */
  private wholeNames: RegExp[] | undefined

  constructor(types: readonly EntityType[], distractors: readonly Distractor[]) {
    for (const type of types) {
      const sense: Sense = {kind: 'type', id: type.id, contextCues: [], ...(type.abbreviationPrefix ? {prefix: true} : {})}
      for (const name of type.names) this.names.push({...namePattern(name), sense, via: 'name'})
      for (const name of type.subtypes ?? []) this.names.push({...namePattern(name), sense, via: 'subtype'})
      for (const abbreviation of type.abbreviations ?? []) this.addAbbreviation(abbreviation, sense)
    }
    for (const distractor of distractors) {
      const sense: Sense = {kind: 'distractor', id: distractor.id, contextCues: distractor.contextCues ?? []}
      for (const name of distractor.names) this.names.push({...namePattern(name), sense, via: 'name'})
      for (const abbreviation of distractor.abbreviations ?? []) this.addAbbreviation(abbreviation, sense)
    }
    this.abbreviationPattern = abbreviationPattern([...this.abbreviations.keys()], this.prefixed)
    // One pass over the text for all names: longer names first, so at one position the longest wins.
    this.names.sort((a, b) => b.source.length - a.source.length)
    // The word-boundary checks stand outside the alternation: one check per position, not one per name.
    // No capturing group per name: with one, every match builds an array as long as the name list, and
    // the engine saves as many registers at each try. Which name matched is looked up afterwards.
    this.nameRegex =
      this.names.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${this.names.map((pattern) => pattern.source).join('|')})(?![\\p{L}\\p{N}])`, 'giu') : /(?!)/g
    this.nameByKey = nameKeys(this.names)
  }

  /**
   * A matcher that also knows the abbreviations a document defines (`umbilical cord-derived MSCs
   * (UC-MSCs)`): a short form whose long form names a type or distractor gets that sense, first.
   */
  withDefinitions(definitions: readonly AbbreviationDefinition[]): DocumentMatcher {
    const documentSenses = new Map<string, Sense>()
    const plain = new DocumentMatcher(this, new Map())
    for (const {short, long} of definitions) {
      const matches = plain.match(long).filter((match) => match.via !== 'abbreviation')
      const last = matches[matches.length - 1]
      // The long form must end in the name: "… hepatocyte-like cells (HLCs)", not "… cells with HLC (x)".
      if (!last || long.length - last.end > 2) continue
      documentSenses.set(baseForm(short), last.senses[0]!)
    }
    return new DocumentMatcher(this, documentSenses)
  }

  /** Name and subtype matches, leftmost first, the longest name at one position. */
  matchNames(text: string): Match[] {
    const matches: Match[] = []
    this.nameRegex.lastIndex = 0
    for (let m = this.nameRegex.exec(text); m; m = this.nameRegex.exec(text)) {
      const pattern = this.nameOf(m[0])
      matches.push({start: m.index, end: m.index + m[0].length, text: m[0], via: pattern.via, senses: [pattern.sense]})
    }
    return matches
  }

  /**
   * The name a match of `nameRegex` is: the first in the alternation's order that matches the whole
   * text (the alternation took the first that could match here, and that one matched this text).
   * Looked up by key for ASCII text; otherwise, or when the key is unknown, each name is tried in order.
   */
  private nameOf(text: string): NamePattern {
    if (this.nameByKey && ascii.test(text)) {
      const pattern = this.nameByKey.get(nameKey(text))
      if (pattern) return pattern
    }
    this.wholeNames ??= this.names.map((pattern) => new RegExp(`^(?:${pattern.source})$`, 'iu'))
    const index = this.wholeNames.findIndex((regex) => regex.test(text))
    // The alternation matched `text`, so one of its names matches it whole: none would be a bug here, not a guess to make.
    if (index === -1) throw new Error(`entity name match "${text}" matches no configured name alone`)
    return this.names[index]!
  }

  /**
   * The pattern for the configured abbreviations plus `extra` ones (compiled anew only when there are
   * new ones). An extra one takes a source prefix when its sense does.
   */
  abbreviationPatternWith(extra: ReadonlyMap<string, Sense>): AbbreviationPattern {
    const added = [...extra.keys()].filter((key) => !this.abbreviations.has(key))
    if (added.length === 0) return this.abbreviationPattern
    const prefixed = new Set([...this.prefixed, ...added.filter((key) => extra.get(key)!.prefix)])
    return abbreviationPattern([...this.abbreviations.keys(), ...added], prefixed)
  }

  /** Abbreviation matches (`HSCs`, `BM-MSCs`, `iPSC-derived`), with every configured sense. */
  matchAbbreviations(text: string, extra: ReadonlyMap<string, Sense>, pattern: AbbreviationPattern = this.abbreviationPatternWith(extra)): Match[] {
    const matches: Match[] = []
    if (!pattern.anyAbbreviation.test(text)) return matches
    const regex = pattern.regex
    regex.lastIndex = 0
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      const base = baseForm(m[1] ?? m[2]!)
      const senses = [...(extra.has(base) ? [extra.get(base)!] : []), ...(this.abbreviations.get(base) ?? [])]
      const unique = senses.filter((sense, index) => senses.findIndex((s) => s.id === sense.id) === index)
      matches.push({start: m.index, end: m.index + m[0].length, text: m[0], via: 'abbreviation', senses: unique, abbreviation: base})
    }
    return matches
  }

  private addAbbreviation(abbreviation: string, sense: Sense): void {
    const base = baseForm(abbreviation)
    const senses = this.abbreviations.get(base) ?? []
    if (!senses.some((s) => s.id === sense.id)) senses.push(sense)
    this.abbreviations.set(base, senses)
    if (sense.prefix) this.prefixed.add(base)
  }
}

/** An `EntityMatcher` plus the abbreviations one document defines. */
export class DocumentMatcher {
  private readonly abbreviationPattern: AbbreviationPattern

  constructor(
    private readonly matcher: EntityMatcher,
    readonly definedSenses: ReadonlyMap<string, Sense>
  ) {
    this.abbreviationPattern = matcher.abbreviationPatternWith(definedSenses)
  }

  /**
   * All matches in `text`, overlaps resolved: of two overlapping matches the longer wins, then the
   * earlier. Names never overlap names, nor abbreviations abbreviations (each list comes from one
   * regular-expression pass), so one sweep in start order with a stack settles it in linear time.
   */
  match(text: string): Match[] {
    const all = [...this.matcher.matchNames(text), ...this.matcher.matchAbbreviations(text, this.definedSenses, this.abbreviationPattern)]
    all.sort((a, b) => a.start - b.start || b.end - a.end)
    const kept: Match[] = []
    for (const match of all) {
      let wins = true
      while (kept.length > 0 && kept[kept.length - 1]!.end > match.start) {
        const top = kept[kept.length - 1]!
        if (top.end - top.start >= match.end - match.start) {
          wins = false
          break
        }
        kept.pop()
      }
      if (wins) kept.push(match)
    }
    return kept
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * A case-insensitive pattern for a name: spaces and hyphens interchangeable, an optional plural `s`
 * on the last word (or on the head noun before a trailing prepositional phrase).
 */
function namePattern(name: string): {source: string; words: string[]} {
  const words = name.trim().split(/[\s-]+/)
  const last = words.length - 1
  const source = words.map(escape).map((word, index) => (index === last && /\p{L}$/u.test(word) ? `${word}(?:s|es)?` : word)).join('[\\s\\u2010-]+')
  return {source, words}
}

const ascii = /^[\x00-\x7f]*$/
const separators = /[\s\u2010-]+/g

/** A name's text folded for lookup: lower case, each run of separators one space. For ASCII text only. */
function nameKey(text: string): string {
  return text.toLowerCase().replace(separators, ' ')
}

/**
 * Every text a name's pattern matches, by key, each to the first name (in the alternation's order)
 * that matches it. Undefined when a name is not ASCII: case-insensitive matching folds some
 * non-ASCII letters onto ASCII ones (`ſ` onto `s`), which lower-casing does not, so a key could name
 * the wrong pattern.
 */
function nameKeys(names: readonly NamePattern[]): Map<string, NamePattern> | undefined {
  const byKey = new Map<string, NamePattern>()
  for (const pattern of names) {
    if (!pattern.words.every((word) => ascii.test(word))) return undefined
    const base = nameKey(pattern.words.join(' '))
    const forms = /\p{L}$/u.test(base) ? [base, base + 's', base + 'es'] : [base]
    for (const form of forms) if (!byKey.has(form)) byKey.set(form, pattern)
  }
  return byKey
}

/** Base form of an abbreviation: without a plural `s` (`HSCs` → `HSC`), spaces folded. */
function baseForm(abbreviation: string): string {
  const folded = abbreviation.replace(/\s+/g, ' ')
  return /\p{Lu}s$/u.test(folded) ? folded.slice(0, -1) : folded
}

/** The pattern that finds abbreviations, and a quick test that a text has none. */
interface AbbreviationPattern {
  regex: RegExp
  /**
   * Whether any abbreviation occurs in a text, as a plain substring. Every match of `regex` contains
   * one, so a text without any needs no run of `regex`, whose look-behind and optional prefix are
   * tried at every position (about half the sentences of a review name no abbreviation).
   */
  anyAbbreviation: RegExp
}

/**
 * One pattern for all abbreviations, case-sensitive: optional plural `s`, never inside a longer word.
 * Those in `prefixed` may carry a source prefix (`BM-`, `hUC-`): group 1 is such an abbreviation with
 * its plural, after its prefix; group 2 any abbreviation with its plural, unprefixed. A prefix is a
 * convention of some fields only: in `PAN-GO` (polyaniline and graphene oxide) the `PAN-` is no
 * source of the GO.
 */
function abbreviationPattern(abbreviations: string[], prefixed: ReadonlySet<string>): AbbreviationPattern {
  const sorted = [...new Set(abbreviations)].sort((a, b) => b.length - a.length)
  if (sorted.length === 0) return {regex: /(?!)/g, anyAbbreviation: /(?!)/}
  const withPrefix = sorted.filter((abbreviation) => prefixed.has(abbreviation)).map(escape)
  const prefixedBranch = withPrefix.length > 0 ? `[\\p{L}]{1,4}-((?:${withPrefix.join('|')})s?)|` : '(?!)()|'
  const all = sorted.map(escape)
  return {
    regex: new RegExp(`(?<![\\p{L}\\p{N}-])(?:${prefixedBranch}((?:${all.join('|')})s?))(?![\\p{L}\\p{N}])`, 'gu'),
    // No `u`: code units, so it finds at least every place the pattern can match.
    anyAbbreviation: new RegExp(all.join('|'))
  }
}
