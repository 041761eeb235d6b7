import type {Heading, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import type {Distractor, EntityType} from '../config/types.js'
import {EntityMatcher, type Match, type Sense} from '../entities/entity-matcher.js'
import {findAbbreviationDefinitions} from '../entities/schwartz-hearst.js'
import {skipChildren, walk} from '../tree-walk.js'
import type {Mention, Sentence} from '../types.js'

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
  const comparisons = (options.comparisonCues ?? []).map((cue) => new RegExp(cue, 'iu'))
  const origins = (options.originCues ?? []).map((cue) => new RegExp(cue, 'iu'))

  return function transform(tree: Root, file: VFile): void {
    const sentences: Sentence[] = []
    const headings: Heading[] = []
    // Not below them: no sentence or heading is inside another (and a sentence's text and citations are most of the tree).
    walk(tree, (node) => {
      if (node.type === 'heading') headings.push(node)
      else if (node.type === 'sentence') sentences.push(node)
      else return
      return skipChildren
    })
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
      for (const match of matcher.match(text)) {
        const sense = resolve(match, text)
        if (sense?.kind === 'distractor') {
          distractors.add(sense.id)
          if (match.start < subjectWindow) leadingDistractor = true
        }
        if (!sense || sense.kind !== 'type') continue
        const before = text.slice(Math.max(0, match.start - 40), match.start)
        mentions.push({
          typeId: sense.id,
          start: match.start,
          end: match.end,
          text: match.text,
          via: match.via,
          comparison: comparisons.some((cue) => cue.test(before)),
          origin: origins.some((cue) => cue.test(before))
        })
      }
      sentence.data.mentions = mentions
      sentence.data.distractors = [...distractors]
      sentence.data.leadingDistractor = leadingDistractor
    }
  }
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
