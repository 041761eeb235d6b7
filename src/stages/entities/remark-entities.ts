import type {Heading, Nodes, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import type {Distractor, EntityType} from '../../config/types.js'
import {requiredLiterals} from './cue-pattern.js'
import {EntityMatcher, type Match, type Sense} from './entity-matcher.js'
import {findAbbreviationDefinitions} from './schwartz-hearst.js'
import {skipChildren, walk} from '../../tree-walk.js'
import {pushAll} from '../../push-all.js'
import type {Mention, Sentence} from '../../types.js'

export interface EntitiesOptions {
  entityTypes: readonly EntityType[]
  distractors?: readonly Distractor[]
  /** Regular-expression sources that, ending right before a mention, make it a point of comparison. */
  comparisonCues?: readonly string[]
  /** Regular-expression sources that, ending right before a mention, make it an origin only (`derived from`). */
  originCues?: readonly string[]
}

declare module 'vfile' {
  interface DataMap {
    /** Entity type ids a section is about, from its heading (`2.3. Mesenchymal Stem Cells` → MSC). */
    sectionSubjects: Record<string, string[]>
  }
}

/**
 * How many characters from a sentence's start a distractor must begin within to be read as its
 * subject ("Absence of SCF is lethal"): a subject comes first in an English sentence.
 */
const subjectWindow = 30

/** How many characters around an ambiguous abbreviation are read for context cues. */
const cueWindow = 24

/**
 * Finds mentions of the configured entity types in every sentence: names, plurals, abbreviations
 * (those of the config and those the document defines, Schwartz–Hearst), prefixed and derived forms.
 * An abbreviation with several senses (HSC: hematopoietic stem cell or hepatic stellate cell) is
 * resolved from the words around it. Mentions go to `sentence.data.mentions`; the types each section
 * heading names go to `file.data.sectionSubjects`.
 */
export function remarkEntities(options: EntitiesOptions) {
  const base = new EntityMatcher(options.entityTypes, options.distractors ?? [])
  const general = new Set(options.entityTypes.filter((type) => type.general).map((type) => type.id))
  const comparisons = (options.comparisonCues ?? []).map(contextCue)
  const origins = (options.originCues ?? []).map(contextCue)

  return function transform(tree: Root, file: VFile): void {
    const found: SentencesAndHeadings = {sentences: [], headings: []}
    walk(tree, findSentenceOrHeading, found)
    const {sentences, headings} = found
    const definitions = findAbbreviationDefinitions(sentences.map((sentence) => sentence.data.text).join(' '))
    const matcher = base.withDefinitions(definitions)

    const subjects: Record<string, string[]> = {}
    for (const heading of headings) {
      const id = heading.data?.sectionId
      if (!id) continue
      const title = heading.data?.title ?? toString(heading)
      const types = matcher.match(title).map((match) => resolve(match, title)).filter((sense) => sense?.kind === 'type' && !general.has(sense.id))
      subjects[id] = [...new Set(types.map((sense) => sense!.id))]
    }
    file.data.sectionSubjects = subjects

    for (const sentence of sentences) {
      const text = sentence.data.text
      const mentions: Mention[] = []
      const distractors = new Set<string>()
      let leadingDistractor = false
      // Every context below is a part of `text`: a cue none of whose literals `text` holds matches none.
      // Found at the sentence's first mention of a type: many sentences have none.
      let sentenceComparisons: RegExp[] | undefined
      let sentenceOrigins: RegExp[] = []
      for (const match of matcher.match(text)) {
        const sense = resolve(match, text)
        if (sense?.kind === 'distractor') {
          distractors.add(sense.id)
          if (match.start < subjectWindow) leadingDistractor = true
        }
        if (!sense || sense.kind !== 'type') continue
        if (sentenceComparisons === undefined) {
          const lower = lowerForLiterals(text)
          sentenceComparisons = possibleCues(comparisons, lower)
          sentenceOrigins = possibleCues(origins, lower)
        }
        const comparing = sentenceComparisons
        const originating = sentenceOrigins
        let comparison = false
        let origin = false
        if (comparing.length > 0 || originating.length > 0) {
          const before = text.slice(Math.max(0, match.start - 80), match.start)
          const contexts = [before, ...beforeConjuncts(before)]
          comparison = contexts.some((context) => comparing.some((cue) => cue.test(context)))
          origin = contexts.some((context) => originating.some((cue) => cue.test(context)))
        }
        mentions.push({typeId: sense.id, start: match.start, end: match.end, text: match.text, via: match.via, comparison, origin})
      }
      markListMembers(mentions, text)
      sentence.data.mentions = mentions
      sentence.data.distractors = [...distractors]
      sentence.data.leadingDistractor = leadingDistractor
    }
  }
}

/** The sentences and headings of a document, in document order. */
interface SentencesAndHeadings {
  sentences: Sentence[]
  headings: Heading[]
}

function findSentenceOrHeading(node: Nodes, _parent: unknown, found: SentencesAndHeadings): boolean | void {
  if (node.type === 'heading') found.headings.push(node)
  else if (node.type === 'sentence') found.sentences.push(node)
  else return
  // Not below them: no sentence or heading is inside another (and a sentence's text and citations are most of the tree).
  return skipChildren
}

/** A comparison or origin cue (flags `iu`), and lower-case literals one of which its every match holds (undefined: none known). */
export interface ContextCue {
  regex: RegExp
  literals: string[] | undefined
}

/**
 * Compiles a cue with flags `iu`. Its literals are read as without the unicode flag: the two differ
 * only in case folding, where the unicode flag also folds U+017F (ſ) onto s and U+212A (Kelvin sign)
 * onto k; `lowerForLiterals` leaves texts with those characters unfiltered.
 */
export function contextCue(source: string): ContextCue {
  return {regex: new RegExp(source, 'iu'), literals: requiredLiterals(source, 'i')?.map((literal) => literal.text)}
}

/** Characters the unicode flag folds onto an ASCII letter, besides the ASCII letters. */
const foldsOntoAscii = /[\u017F\u212A]/

/** `text` lower-cased for literal searches, or undefined when a literal search could miss a match of an `iu` cue. */
export function lowerForLiterals(text: string): string | undefined {
  return foldsOntoAscii.test(text) ? undefined : text.toLowerCase()
}

/** The cues that may match some part of the text `lower` was made from (`lowerForLiterals`): every cue that does is among them. */
export function possibleCues(cues: readonly ContextCue[], lower: string | undefined): RegExp[] {
  const found: RegExp[] = []
  for (const cue of cues) if (lower === undefined || cue.literals === undefined || cue.literals.some((literal) => lower.includes(literal))) found.push(cue.regex)
  return found
}

/**
 * The sense of a match. A name has one. An abbreviation with several takes the first sense whose
 * context cues occur next to it, else the first sense (the document's own definition comes first).
 */
function resolve(match: Match, text: string): Sense | undefined {
  if (match.senses.length <= 1) return match.senses[0]
  const context = (text.slice(Math.max(0, match.start - cueWindow), match.start) + ' ' + text.slice(match.end, match.end + cueWindow)).toLowerCase()
  const cued = match.senses.find((sense) => sense.contextCues.some((cue) => context.includes(cue.toLowerCase())))
  return cued ?? match.senses[0]
}

/**
 * The conjunction right before the last member of a list (" and ", " or ", ", and "), and a list
 * comma before an earlier member. A bare comma right before a mention ends a phrase instead
 * ("Compared to A and B, C …": C is the subject).
 */
const lastConjunction = /(?:,\s*)?\s(?:and|or)\s+$/i
const listComma = /(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$/i
/** How many conjuncts back, and how many words each, a cue before a coordinated list is looked for. */
const maxConjuncts = 2
const maxConjunctWords = 3

/**
 * The texts before the earlier members of a coordinated list that ends right before a mention, so a
 * cue before the list holds for every member: in "compared to graphene and GO", the text before "GO"
 * is "compared to graphene and ", and "compared to " is one of the returned texts. Bounded: at most
 * `maxConjuncts` conjunctions of at most `maxConjunctWords` words each are stepped over.
 */
export function beforeConjuncts(before: string): string[] {
  const found: string[] = []
  let frontier = [before]
  for (let step = 0; step < maxConjuncts; step++) {
    const next: string[] = []
    for (const text of frontier) {
      const conjunction = (step === 0 ? lastConjunction : listComma).exec(text)
      if (!conjunction) continue
      let rest = text.slice(0, conjunction.index)
      for (let words = 0; words < maxConjunctWords; words++) {
        const lastSpace = rest.search(/\S+\s*$/)
        if (lastSpace <= 0) break
        rest = rest.slice(0, lastSpace)
        next.push(rest)
      }
    }
    pushAll(found, next)
    frontier = next
  }
  return found
}

/** Only a conjunction or a list comma between two mentions: they are members of one list. */
const betweenListMembers = /^\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)$/i

/**
 * Members of one list share the later member's comparison or origin flag, which the cue before the
 * list gave it ("Unlike ESCs, iPSCs or HSCs, MSCs …": the cue reaches HSCs through the list; ESCs
 * and iPSCs are on the same list). Walked from the end, so the flag passes along the whole list.
 */
function markListMembers(mentions: Mention[], text: string): void {
  for (let index = mentions.length - 2; index >= 0; index--) {
    const current = mentions[index]!
    const next = mentions[index + 1]!
    if (!betweenListMembers.test(text.slice(current.end, next.start))) continue
    if (next.comparison) current.comparison = true
    if (next.origin) current.origin = true
  }
}
