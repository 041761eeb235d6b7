import type {Text} from 'mdast'
import type {VFile} from 'vfile'
import {offsetMapOf, positionOf} from '../parse/positions.js'
import type {Citation} from '../types.js'
import {citeLabel, type AuthorYearGroup} from './author-year-groups.js'

/**
 * The `citation` node of an author–year group found in `node`, like a numeric group's (its numbers
 * are the cited entries'), with the cites as written in `data.authorYear`. A cite that names no entry
 * or several is reported where the callout stands.
 */
export function authorYearCitation(node: Text, group: AuthorYearGroup, file: VFile, id: string, sourceName: string | undefined): Citation {
  const position = positionOf(file, offsetMapOf(node), group.start, group.end)
  const raw = String(file.value).slice(position.start.offset!, position.end.offset!)
  const shown = raw.replace(/\s+/g, ' ').slice(0, 80)
  for (const cite of group.cites) {
    if (sourceName === undefined) continue
    if (cite.problem === 'missing') {
      file.message(`\`${citeLabel(cite)}\` in \`${shown}\` matches no entry of ${sourceName}`, {place: position, ruleId: 'author-year-unresolved', source: 'citeclaim'})
    } else if (cite.problem === 'ambiguous') {
      file.message(`\`${citeLabel(cite)}\` in \`${shown}\` fits entries ${cite.candidates!.join(', ')} of ${sourceName} alike: not linked`, {place: position, ruleId: 'author-year-ambiguous', source: 'citeclaim'})
    }
  }
  return {
    type: 'citation',
    value: node.value.slice(group.start, group.end),
    position,
    data: {
      id,
      raw,
      numbers: group.numbers,
      valid: true,
      authorYear: {
        narrative: group.narrative,
        cites: group.cites.map((cite) => ({names: cite.names, etAl: cite.etAl, year: cite.year, suffix: cite.suffix, number: cite.number}))
      }
    }
  }
}
