import type {CslItem} from '@citation-js/core'
import {perWork} from './parse-each.js'

/** Fields that name an entry in its source file rather than describe the work. */
const sourceOnly = new Set(['id', 'citation-key', 'citation-number'])

/**
 * A cited entry as written to `<id>.references.csl.json`: id `ref-<n>` (the key of the pandoc
 * citations `[@ref-n]`), the source file's own key and number dropped, name particles folded into
 * the family name, keys sorted at every level: the same work gives the same bytes whichever format
 * it was read from.
 */
export function toOutputCslItem(number: number, item: CslItem): CslItem {
  const out: Record<string, unknown> = {id: `ref-${number}`}
  for (const key of Object.keys(item).sort()) {
    if (sourceOnly.has(key) || key.startsWith('_')) continue
    out[key] = sortKeys(foldParticles(item[key]))
  }
  return out as CslItem
}

/**
 * BibTeX readers split "van der Meulen" into a particle and "Meulen", RIS and CSL-JSON exports keep
 * it whole; citeproc reads the particle off a whole family name anyway, so whole is the common form.
 */
function foldParticles(value: unknown): unknown {
  if (!Array.isArray(value)) return value
  return value.map((name: unknown) => {
    if (name === null || typeof name !== 'object' || !('non-dropping-particle' in name)) return name
    const {'non-dropping-particle': particle, ...rest} = name as Record<string, unknown>
    return typeof rest.family === 'string' ? {...rest, family: `${String(particle)} ${rest.family}`} : name
  })
}

/**
 * `<id>.references.csl.json`: the cited entries as a CSL-JSON array in citation-number order, each
 * with the document's own number, so that a rendering keeps it (`withDocumentNumber`). One item per
 * line, compact (no spaces), as the JSON record prints its arrays: a line per entry in a diff, and
 * a third fewer bytes than `JSON.stringify(items, null, 2)` (the 243 cited entries of a bench
 * document: 110,545 bytes against 175,862). Put together from each work's text as printed once per thread (`printedWork`):
 * documents citing the same works (under any numbers) print them once, and an item costs the three
 * numbered values and seven string joins.
 */
export function toReferencesCslJson(references: ReadonlyMap<number, CslItem>): string {
  const sorted = [...references].sort((a, b) => a[0] - b[0])
  if (sorted.length === 0) return '[]\n'
  const width = String(sorted.at(-1)![0]).length
  let out = '[\n'
  for (let index = 0; index < sorted.length; index++) {
    const [number, item] = sorted[index]!
    const [beforeLabel, beforeNumber, beforeId, afterId] = printedWork(item)
    // The label and the id are digits and `ref-` only: no character JSON would escape.
    out += (index === 0 ? '' : ',\n') + beforeLabel + '"' + String(number).padStart(width, '0') + '"' + beforeNumber + String(number) + beforeId + '"ref-' + String(number) + '"' + afterId
  }
  return out + '\n]\n'
}

/** The fields `withDocumentNumber` sets from the document's number (and `toOutputCslItem` the id), in `sortKeys` order. */
const numberedFields = ['citation-label', 'citation-number', 'id'] as const
/** An item's indent inside the pretty-printed array. */
const itemIndent = '  '

/**
 * A work's printed item cut at the values of its numbered fields: the text up to the label's value,
 * from there to the number's value, to the id's value, and after it to the item's closing brace.
 */
type PrintedWork = readonly [string, string, string, string]

/** Each work's printed item, by the item it shares (see `sharedItem`). */
const printed = new WeakMap<CslItem, PrintedWork>()

/**
 * An item as `JSON.stringify` prints it with its keys in `sortKeys` order, cut where the numbered
 * values go. The three numbered keys sort in that order whatever the work's other keys, so the cuts
 * fall in that order too. Depends only on the fields `toOutputCslItem` keeps, so it is kept per work.
 */
function printedWork(item: CslItem): PrintedWork {
  return perWork(printed, item, (work) => {
    const fields = toOutputCslItem(0, work) as Record<string, unknown>
    const keys = [...Object.keys(fields).filter((key) => !(numberedFields as readonly string[]).includes(key) && fields[key] !== undefined), ...numberedFields].sort()
    const cuts: string[] = []
    let text = `${itemIndent}{`
    keys.forEach((key, index) => {
      text += `${index === 0 ? '' : ','}${JSON.stringify(key)}:`
      if ((numberedFields as readonly string[]).includes(key)) {
        cuts.push(text)
        text = ''
      } else text += JSON.stringify(fields[key])
    })
    return [cuts[0]!, cuts[1]!, cuts[2]!, `${text}}`] as const
  })
}

/**
 * The item with the document's number as `citation-number` and as `citation-label`, zero-padded to
 * `width` digits. citeproc engines number entries by first citation and ignore a given
 * `citation-number`; a style that prints and sorts by the label keeps the document's numbers
 * (`styles/vancouver-document-numbers.csl` prints the label as a number, `007` as 7). The padding
 * is for sorting: CSL sorts a label as text, where "10" comes before "2".
 */
export function withDocumentNumber(item: CslItem, number: number, width: number): CslItem {
  const out: Record<string, unknown> = {...item, 'citation-label': String(number).padStart(width, '0'), 'citation-number': number}
  return sortKeys(out) as CslItem
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key])
  return out
}
