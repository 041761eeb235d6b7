import {readFileSync} from 'node:fs'
import {Cite, type CslItem} from '@citation-js/core'
import '@citation-js/plugin-csl'
import {describe, expect, it} from 'vitest'
import {normalizePages, parseReferenceEntry} from '../../src/stages/bibliography/reference-entry.js'

// The self-check of the reference-entry parser: the examples' bibliographies are formatted by
// citation-js in three styles, each entry is parsed back, and the fields are compared with the
// originals. What the style does not print cannot come back, so each field is compared with what
// the style prints of it (families only when the style shortens given names to one initial; the
// authors before "et al." when it truncates).
const bibliographies = ['ohip-nl/example.csl.json', 'ehp-author-year/references.csl.json'].map((path) => ({
  path,
  items: JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')) as CslItem[]
}))
const styles = ['vancouver', 'apa', 'harvard1'] as const
const fields = ['author', 'title', 'container-title', 'year'] as const
/** Compared too, where the style prints them: the entry formats differently without the field. */
const printedFields = ['volume', 'issue', 'page', 'DOI', 'PMID'] as const
type Field = (typeof fields)[number] | (typeof printedFields)[number]

const norm = (value: unknown): string => String(value ?? '').normalize('NFKC').toLowerCase().replace(/[‘’']/g, "'").replace(/[^\p{L}\p{N}']+/gu, ' ').trim()
const families = (names: unknown): string[] => (Array.isArray(names) ? names.map((name: Record<string, string>) => norm(name.family ?? name.literal)) : [])
const yearOf = (item: CslItem): string => String((item.issued as {'date-parts'?: number[][]} | undefined)?.['date-parts']?.[0]?.[0] ?? '')

/** Whether `parsed` has the field as `original` has it, as far as the formatted text shows it. */
function same(field: Field, original: CslItem, parsed: CslItem, text: string): boolean {
  if (field === 'author') {
    const want = families(original.author)
    const got = families(parsed.author)
    return /et al/.test(text) ? got.length > 0 && got.every((name, i) => name === want[i]) : got.join('|') === want.join('|')
  }
  if (field === 'year') return yearOf(parsed) === yearOf(original)
  if (field === 'page') return normalizePages(String(parsed.page ?? '')) === normalizePages(String(original.page).replace(/[–—]/g, '-'))
  return norm(parsed[field]) === norm(original[field])
}

function formatted(items: CslItem[], style: string): Array<[string, string]> {
  return new Cite(items).format('bibliography', {format: 'text', template: style, lang: 'en-US', asEntryArray: true}) as unknown as Array<[string, string]>
}

describe('parseReferenceEntry over formatted bibliographies (vancouver, apa, harvard1)', () => {
  const tally = new Map<string, {right: number; total: number; wrong: string[]}>()
  for (const {path, items} of bibliographies) {
    const byId = new Map(items.map((item) => [item.id, item]))
    for (const style of styles) {
      const without = new Map(printedFields.map((field) => [field, new Map(formatted(items.map(({[field]: _, ...rest}) => rest as CslItem), style))]))
      for (const [id, text] of formatted(items, style)) {
        const original = byId.get(id)!
        const parsed = parseReferenceEntry(text.trim(), {layout: style === 'vancouver' ? 'numbered' : 'author-year'})
        for (const field of [...fields, ...printedFields]) {
          // A field the original lacks, or the style does not print, is not there to recover.
          if (field === 'year' ? yearOf(original) === '' : original[field] === undefined) continue
          if (without.get(field as (typeof printedFields)[number])?.get(id) === text) continue
          const key = `${style} ${field}`
          const entry = tally.get(key) ?? {right: 0, total: 0, wrong: []}
          entry.total++
          if (same(field, original, parsed, text)) entry.right++
          else entry.wrong.push(`${path} ${id}: ${JSON.stringify(parsed[field === 'year' ? 'issued' : field])} from ${text.trim()}`)
          tally.set(key, entry)
        }
      }
    }
  }

  for (const style of styles) {
    it(`recovers at least 95% of author, title, container and year fields in ${style}`, () => {
      for (const field of fields) {
        const {right, total, wrong} = tally.get(`${style} ${field}`)!
        expect(total).toBeGreaterThan(50)
        expect(right / total, `${style} ${field}: ${right}/${total}\n${wrong.join('\n')}`).toBeGreaterThanOrEqual(0.95)
      }
    })
  }

  it('recovers volume, issue, pages, DOI and PMID where the style prints them, at ≥ 95% each', () => {
    for (const style of styles) {
      for (const field of printedFields) {
        const entry = tally.get(`${style} ${field}`)
        if (!entry) continue
        expect(entry.right / entry.total, `${style} ${field}: ${entry.right}/${entry.total}\n${entry.wrong.join('\n')}`).toBeGreaterThanOrEqual(0.95)
      }
    }
    expect(tally.get('vancouver PMID')!.total).toBeGreaterThan(50)
    expect(tally.get('apa DOI')!.total).toBeGreaterThan(10)
  })

  it('recovers every field over all three styles together at ≥ 95%', () => {
    let right = 0
    let total = 0
    for (const entry of tally.values()) {
      right += entry.right
      total += entry.total
    }
    expect(right / total).toBeGreaterThanOrEqual(0.95)
    console.log(`reference-entry self-check: ${right}/${total} fields (${((100 * right) / total).toFixed(1)}%); ${[...tally].map(([key, value]) => `${key} ${value.right}/${value.total}`).join(', ')}`)
  })
})
