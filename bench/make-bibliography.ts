/**
 * Synthetic bibliographies for the bench, deterministic like the documents: a work is made from its
 * number alone, and a document's bibliography lists, under its own numbers 1..n, the works its
 * citations came from, then uncited works up to the bibliography's size.
 */
import type {CslItem} from '@citation-js/core'
import {random} from './make-corpus.js'

const surnames = [
  'Adams', 'Baker', 'Chen', 'Dubois', 'Eriksson', 'Fischer', 'García', 'Hansen', 'Ito', 'Jansen', 'Kim', 'López',
  'Müller', 'Nakamura', 'Olsen', 'Petrov', 'Quinn', 'Rossi', 'Schmidt', 'Tanaka', 'Ueda', 'Varga', 'Wang', 'Xu',
  'Yamamoto', 'Zhang', 'van der Berg', 'de Souza', "O'Brien", 'Novák', 'Kowalski', 'Li', 'Liu', 'Park', 'Singh', 'Kumar'
]
const journals = [
  'Stem Cells', 'Cell Stem Cell', 'Nat Med', 'Blood', 'J Clin Invest', 'Cell', 'Nature', 'Science', 'Stem Cell Res Ther',
  'Cytotherapy', 'Tissue Eng Part A', 'Biomaterials', 'J Cell Physiol', 'PLoS One', 'Sci Rep', 'Front Immunol'
]
const words = [
  'mesenchymal', 'stem', 'cells', 'differentiation', 'regeneration', 'therapy', 'bone', 'marrow', 'adipose', 'tissue',
  'engraftment', 'paracrine', 'signalling', 'osteogenic', 'chondrogenic', 'clinical', 'trial', 'immunomodulation',
  'pluripotent', 'induced', 'repair', 'cardiac', 'neural', 'hepatic', 'in vivo', 'in vitro', 'mouse', 'human', 'model'
]
const types = ['JOUR', 'BOOK', 'CHAP'] as const

/** Work number `k`: a journal article most of the time, now and then a book or a chapter. */
export function syntheticWork(k: number): CslItem {
  const draw = random(k * 2654435761 + 17)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(draw() * list.length)]!
  const kind = draw() < 0.85 ? types[0] : pick(types)
  const authors = Array.from({length: 1 + Math.floor(draw() * 8)}, () => ({family: pick(surnames), given: String.fromCharCode(65 + Math.floor(draw() * 26)) + (draw() < 0.5 ? String.fromCharCode(65 + Math.floor(draw() * 26)) : '')}))
  const title = Array.from({length: 5 + Math.floor(draw() * 8)}, () => pick(words)).join(' ').replace(/^./, (c) => c.toUpperCase())
  const year = 1975 + Math.floor(draw() * 50)
  const first = 1 + Math.floor(draw() * 900)
  const item: CslItem = {id: `work-${k}`, type: kind === 'JOUR' ? 'article-journal' : kind === 'BOOK' ? 'book' : 'chapter', title, author: authors, issued: {'date-parts': [[year]]}}
  if (kind === 'JOUR') Object.assign(item, {'container-title': pick(journals), volume: String(1 + Math.floor(draw() * 120)), issue: String(1 + Math.floor(draw() * 12)), page: `${first}-${first + 3 + Math.floor(draw() * 20)}`, DOI: `10.${1000 + (k % 9000)}/synthetic.${k}`})
  else if (kind === 'BOOK') Object.assign(item, {publisher: 'Academic Press', 'publisher-place': 'London'})
  else Object.assign(item, {'container-title': `Handbook of ${pick(words)} ${pick(words)}`, publisher: 'Springer', page: `${first}-${first + 20}`})
  return item
}

/** A document's bibliography: the works `cited` under numbers 1..n, then uncited works up to `size` entries. */
export function documentBibliography(cited: readonly number[], size: number, fillerSeed: number): CslItem[] {
  const items = cited.map((work, index) => ({...syntheticWork(work), id: `ref-${index + 1}`}))
  for (let n = cited.length + 1; n <= size; n++) items.push({...syntheticWork(1_000_000 + fillerSeed * 1000 + n), id: `ref-${n}`})
  return items
}

type Name = {family: string; given: string}
const names = (item: CslItem): Name[] => (item['author'] as Name[] | undefined) ?? []
const year = (item: CslItem): number => (item['issued'] as {'date-parts': number[][]})['date-parts'][0]![0]!
const text = (item: CslItem, field: string): string | undefined => item[field] as string | undefined

/** The items as BibTeX, one `@type{key,` entry each, braces around every value. */
export function toBibtex(items: readonly CslItem[]): string {
  const kinds: Record<string, string> = {'article-journal': 'article', book: 'book', chapter: 'incollection'}
  return items
    .map((item) => {
      const fields: Array<[string, string | undefined]> = [
        ['author', names(item).map((name) => `${name.family}, ${name.given}`).join(' and ')],
        ['title', item.title],
        [item.type === 'chapter' ? 'booktitle' : 'journal', text(item, 'container-title')],
        ['year', String(year(item))],
        ['volume', text(item, 'volume')],
        ['number', text(item, 'issue')],
        ['pages', text(item, 'page')?.replace('-', '--')],
        ['publisher', text(item, 'publisher')],
        ['address', text(item, 'publisher-place')],
        ['doi', text(item, 'DOI')]
      ]
      const body = fields.filter(([, value]) => value !== undefined).map(([key, value]) => `\t${key} = {${value}},`).join('\n')
      return `@${kinds[item.type!] ?? 'misc'}{${item.id},\n${body}\n}\n`
    })
    .join('\n')
}

/** The items as RIS records, `ID` lines carrying the ids. */
export function toRis(items: readonly CslItem[]): string {
  const kinds: Record<string, string> = {'article-journal': 'JOUR', book: 'BOOK', chapter: 'CHAP'}
  return items
    .map((item) => {
      const lines = [`TY  - ${kinds[item.type!] ?? 'GEN'}`, `ID  - ${item.id}`, ...names(item).map((name) => `AU  - ${name.family}, ${name.given}`), `TI  - ${item.title}`, `PY  - ${year(item)}`]
      const add = (tag: string, value: string | undefined): void => void (value !== undefined && lines.push(`${tag}  - ${value}`))
      add('T2', text(item, 'container-title'))
      add('VL', text(item, 'volume'))
      add('IS', text(item, 'issue'))
      const [start, end] = (text(item, 'page') ?? '').split('-')
      if (start) add('SP', start)
      if (end) add('EP', end)
      add('PB', text(item, 'publisher'))
      add('CY', text(item, 'publisher-place'))
      add('DO', text(item, 'DOI'))
      return lines.join('\n') + '\nER  - \n'
    })
    .join('\n')
}
