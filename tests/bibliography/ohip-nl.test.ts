import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {analyseText} from '../helpers/analyse.js'
import {schemaErrors} from '../helpers/schema.js'

interface Gold {
  groups: Array<{raw: string; line: number; column: number; numbers: number[]; valid: boolean}>
  citedNumbers: number[]
  referenceCount: number
}

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/ohip-nl/${name}`, import.meta.url), 'utf8')
const gold = JSON.parse(fixture('gold.json')) as Gold
const input = fixture('input.txt')
const example = JSON.parse(fixture('example.csl.json')) as Array<{id: string; title: string}>
const titleOf = new Map(example.map((item) => [Number(item.id.replace('ref-', '')), item.title]))

const analyse = (bibliography: string, text = input) => analyseText(text, {source: 'ohip.txt', bibliography: {source: bibliography, text: fixture(bibliography)}})
const cslFile = (output: ReturnType<typeof analyse>['output']) => output.files.find((file) => file.suffix === '.references.csl.json')?.content

describe('ohip-nl with its CSL-JSON bibliography', () => {
  const {record, output} = analyse('example.csl.json')

  it('finds every gold group with its exact raw text and start line/column, and no other', () => {
    expect(record.citationGroups.map((group) => ({raw: group.raw, line: group.start.line, column: group.start.column, numbers: group.numbers}))).toEqual(
      gold.groups.map(({raw, line, column, numbers}) => ({raw, line, column, numbers}))
    )
  })

  it('links every cited number to the entry with the same title, with no dangling link', () => {
    expect(record.references.map((reference) => reference.number)).toEqual(gold.citedNumbers)
    for (const reference of record.references) expect(reference.csl?.title).toBe(titleOf.get(reference.number))
    expect(record.diagnostics.filter((d) => d.code === 'reference-unresolved' || d.code === 'citation-number-out-of-range')).toEqual([])
    expect(output.bibliographyDiagnostics).toEqual([])
  })

  it('lists, per reference, the ids of the sentences whose groups cite it, once each, in document order', () => {
    const sentenceIds = record.sentences.map((sentence) => sentence.id)
    for (const reference of record.references) {
      const citing = record.citationGroups.filter((group) => group.numbers.includes(reference.number) && group.sentenceId !== null).map((group) => group.sentenceId!)
      expect(reference.sentenceIds.length).toBeGreaterThan(0)
      expect(reference.sentenceIds).toEqual([...new Set(citing)])
      expect(reference.sentenceIds.map((id) => sentenceIds.indexOf(id))).toEqual([...reference.sentenceIds.map((id) => sentenceIds.indexOf(id))].sort((a, b) => a - b))
    }
  })

  it('writes <id>.references.csl.json: the cited entries in number order, ids ref-<n>, nothing of citation-js inside', () => {
    const items = JSON.parse(cslFile(output)!) as Array<Record<string, unknown>>
    expect(items.map((item) => item.id)).toEqual(gold.citedNumbers.map((n) => `ref-${n}`))
    expect(items.map((item) => item.title)).toEqual(gold.citedNumbers.map((n) => titleOf.get(n)))
    expect(items.flatMap((item) => Object.keys(item)).filter((key) => key.startsWith('_'))).toEqual([])
  })

  it('ends the Markdown with the Vancouver reference list, one entry per cited number', () => {
    const {markdown} = analyse('example.csl.json')
    const section = markdown.slice(markdown.lastIndexOf('## References'))
    for (const n of gold.citedNumbers) {
      const line = section.split('\n').find((l) => l.includes(`<a id="ref:${n}"></a>`))
      expect(line).toBeDefined()
      expect(line).toContain(`**${n}.**`)
    }
    // Vancouver: family name and initials, no "1." of its own after our number.
    expect(section).toContain('**1.** Locker D. Measuring oral health: a conceptual framework. Community Dent Health.')
  })

  it('validates against the JSON Schema', () => {
    expect(schemaErrors(record)).toEqual([])
  })
})

describe('ohip-nl in BibTeX, RIS and CSL-JSON', () => {
  const forms = ['references.csl.json', 'references.bib', 'references.ris'].map((name) => ({name, ...analyse(name)}))

  it('gives the same references[].csl titles in all three forms', () => {
    const titles = forms.map((form) => form.record.references.map((reference) => [reference.number, reference.csl?.title]))
    expect(titles[0]).toEqual(gold.citedNumbers.map((n) => [n, titleOf.get(n)]))
    expect(titles[1]).toEqual(titles[0])
    expect(titles[2]).toEqual(titles[0])
  })

  it('writes the same <id>.references.csl.json in all three forms', () => {
    const files = forms.map((form) => cslFile(form.output))
    expect(files[0]).toBeDefined()
    expect(files[1]).toBe(files[0])
    expect(files[2]).toBe(files[0])
  })

  it('writes the same formatted reference list in all three forms', () => {
    const lists = forms.map((form) => form.markdown.slice(form.markdown.lastIndexOf('## References')))
    expect(lists[1]).toBe(lists[0])
    expect(lists[2]).toBe(lists[0])
  })
})

describe('a malformed bibliography', () => {
  const bib = fixture('references.bib')
  // Break entry 5 (a missing closing brace) and drop the TY line of RIS record 7.
  const keys = [...bib.matchAll(/^@\w+\{([^,]+),/gm)].map((match) => match[1]!)
  const brokenBib = bib.replace(/(@article\{Slade1994Development,[\s\S]*?)\n\}\n/, '$1\n\n')
  const risRecords = fixture('references.ris').split(/(?=^TY {2}- )/m)
  const brokenRis = risRecords.map((record, index) => (index === 6 ? record.replace(/^TY {2}- \w+\n/, '') : record)).join('')

  it('names the BibTeX file and the entry, and the document goes through with the other entries', () => {
    expect(keys[4]).toBe('Slade1994Development')
    const {output, record} = analyseText(input, {source: 'ohip.txt', bibliography: {source: 'lib/ohip.bib', text: brokenBib}})
    expect(output.files.map((file) => file.suffix)).toEqual(['.json', '.md', '.references.csl.json', '.html'])
    const problems = output.bibliographyDiagnostics.filter((d) => d.severity === 'error')
    expect(problems).toHaveLength(1)
    expect(problems[0]!.code).toBe('bibliography-entry-invalid')
    expect(problems[0]!.message).toContain('lib/ohip.bib')
    expect(problems[0]!.message).toContain('Slade1994Development')
    expect(problems[0]!.start?.line).toBe(bib.split('\n').findIndex((line) => line.startsWith('@article{Slade1994Development')) + 1)
    // Entry 5 is lost; every other number keeps its own entry.
    for (const reference of record.references) {
      if (reference.number === 5) expect(reference.csl).toBeNull()
      else expect(reference.csl?.title).toBe(titleOf.get(reference.number))
    }
    const unresolved = record.diagnostics.filter((d) => d.code === 'reference-unresolved')
    expect(unresolved.length).toBeGreaterThan(0)
    const groupWith5 = record.citationGroups.find((group) => group.numbers.includes(5))!
    expect(unresolved[0]!.start).toEqual(groupWith5.start)
    expect(schemaErrors(record)).toEqual([])
  })

  it('names the RIS file and the record without TY, and keeps the other records in place', () => {
    const {output, record} = analyseText(input, {source: 'ohip.txt', bibliography: {source: 'ohip.ris', text: brokenRis}})
    const problems = output.bibliographyDiagnostics.filter((d) => d.severity === 'error')
    expect(problems.map((d) => d.code)).toEqual(['bibliography-entry-invalid'])
    expect(problems[0]!.message).toMatch(/^ohip\.ris: record "ref-7" at line \d+/)
    expect(record.references.find((reference) => reference.number === 7)?.csl).toBeNull()
    expect(record.references.find((reference) => reference.number === 8)?.csl?.title).toBe(titleOf.get(8))
  })
})

describe('unresolved, uncited and out-of-range numbers', () => {
  const bibliography = JSON.stringify([
    {id: 'ref-1', type: 'book', title: 'One'},
    {id: 'ref-2', type: 'book', title: 'Two'},
    {id: 'ref-4', type: 'book', title: 'Four'},
    {id: 'ref-5', type: 'book', title: 'Five'}
  ])
  const text = 'Stem cells were studied first [1, 3].\n\nThey were studied again [2] and again [9].\n'
  const {record} = analyseText(text, {bibliography: {source: 'refs.csl.json', text: bibliography}})

  it('reports a cited number without an entry at its group, and keeps the group valid', () => {
    const unresolved = record.diagnostics.filter((d) => d.code === 'reference-unresolved')
    expect(unresolved).toHaveLength(1)
    expect(unresolved[0]).toMatchObject({severity: 'warning', start: {line: 1, column: 31}})
    expect(record.citationGroups[0]).toMatchObject({raw: '[1, 3]', valid: true, numbers: [1, 3]})
    expect(record.references.find((reference) => reference.number === 3)?.csl).toBeNull()
  })

  it('makes a group citing beyond the bibliography invalid', () => {
    expect(record.citationGroups.find((group) => group.raw === '[9]')).toMatchObject({valid: false, numbers: []})
    expect(record.diagnostics.some((d) => d.code === 'citation-number-out-of-range')).toBe(true)
  })

  it('reports entries never cited as info', () => {
    const uncited = record.diagnostics.filter((d) => d.code === 'reference-uncited')
    expect(uncited.map((d) => d.severity)).toEqual(['info', 'info'])
    expect(uncited.map((d) => d.message).join(' ')).toMatch(/reference 4 .*never cited.*reference 5 .*never cited/)
  })
})

describe('ohip-nl with its reference list at the end and no bibliography file', () => {
  const text = fixture('with-reference-list.txt')
  const listStart = text.indexOf('8. References')
  const {record, output} = analyseText(text, {source: 'ohip.txt'})

  it('records the printed entries on the cited references: raw text, DOI, PMID, year', () => {
    expect(record.references.map((reference) => reference.number)).toEqual(gold.citedNumbers)
    for (const reference of record.references) {
      expect(reference.entry?.raw.replace(/’/g, "'")).toContain(titleOf.get(reference.number)!.slice(0, 25))
      expect(text.replace(/\s+/g, ' ')).toContain(reference.entry!.raw.slice(0, 40))
    }
    const second = record.references.find((reference) => reference.number === 2)!.entry!
    expect(second).toMatchObject({doi: '10.1111/j.1600-0528.1989.tb01816.x', pmid: '2645088', year: 1989})
    expect(record.references.find((reference) => reference.number === 27)!.entry).toMatchObject({doi: null, pmid: null, year: null})
  })

  it('keeps the list out of sentences, claims and citation groups', () => {
    // The section after the list is body text again: its heading "Figures", then one sentence.
    expect(record.document.sections.at(-1)?.title).toBe('Figures')
    for (const sentence of record.sentences) expect(sentence.start.offset < listStart || sentence.text === 'Figure 1 shows the flow of the translation procedure.').toBe(true)
    const sentenceStart = new Map(record.sentences.map((sentence) => [sentence.id, sentence.start.offset]))
    for (const claim of record.claims) expect(sentenceStart.get(claim.sentenceId)).toBeLessThan(listStart)
    for (const group of record.citationGroups) expect(group.start.offset).toBeLessThan(listStart)
    expect(record.sentences.some((sentence) => /Locker D|PubMed PMID/.test(sentence.text))).toBe(false)
    expect(record.sentences.at(-1)?.text).toMatch(/Figure 1 shows the flow of the translation procedure\.$/)
  })

  it('still finds every gold group at its place, and links nothing beyond the list', () => {
    expect(record.citationGroups.map((group) => `${group.raw}@${group.start.line}:${group.start.column}`)).toEqual(gold.groups.map((g) => `${g.raw}@${g.line}:${g.column}`))
    expect(record.diagnostics.filter((d) => d.code === 'reference-unresolved' || d.code === 'reference-uncited')).toEqual([])
  })

  it('reads each cited entry into a CSL item: the title, authors and year of the bibliography it was printed from', () => {
    const byNumber = new Map(example.map((item) => [Number(item.id.replace('ref-', '')), item as unknown as Record<string, unknown>]))
    const quotes = (value: unknown): string => String(value).replace(/[‘’]/g, "'")
    const families = (names: unknown): string[] => ((names as Array<{family?: string; literal?: string}> | undefined) ?? []).map((name) => name.family ?? name.literal ?? '')
    for (const reference of record.references) {
      const original = byNumber.get(reference.number)!
      expect(reference.csl?.id).toBe(`ref-${reference.number}`)
      expect(quotes(reference.csl?.title)).toBe(quotes(original.title))
      expect(families(reference.csl?.author)).toEqual(families(original.author))
      expect(reference.csl?.issued).toEqual(original.issued)
    }
    expect(record.references.find((reference) => reference.number === 2)?.csl).toMatchObject({'container-title': 'Community Dent Oral Epidemiol', page: '7-10', DOI: '10.1111/j.1600-0528.1989.tb01816.x', PMID: '2645088'})
  })

  it('prints the raw entries as the Markdown reference list and writes the parsed entries as CSL-JSON', () => {
    const {markdown} = analyseText(text, {source: 'ohip.txt'})
    expect(markdown).toContain('**2.** Reisine S, Fertig J, Weber J, Leder S. Impact of dental conditions')
    expect(output.files.map((file) => file.suffix)).toEqual(['.json', '.md', '.references.csl.json', '.html'])
    const items = JSON.parse(output.files[2]!.content) as Array<{id: string; title: string}>
    expect(items.map((item) => item.id)).toEqual(record.references.map((reference) => `ref-${reference.number}`))
    expect(items.map((item) => item.title)).toEqual(record.references.map((reference) => reference.csl?.title))
    expect(schemaErrors(record)).toEqual([])
  })

  it('makes a number beyond the list invalid', () => {
    const extended = text.replace('\n8. References', '\nOne more study is cited here [32].\n\n8. References')
    const {record: withExtra} = analyseText(extended, {source: 'ohip.txt'})
    expect(extended).not.toBe(text)
    expect(withExtra.citationGroups.find((group) => group.raw === '[32]')).toMatchObject({valid: false})
  })

  it('prefers a bibliography file and warns when the counts differ', () => {
    const items = (JSON.parse(fixture('example.csl.json')) as unknown[]).slice(0, 30)
    const {record: both} = analyseText(text, {source: 'ohip.txt', bibliography: {source: 'ohip.csl.json', text: JSON.stringify(items)}})
    const mismatch = both.diagnostics.filter((d) => d.code === 'reference-list-count-mismatch')
    expect(mismatch).toHaveLength(1)
    expect(mismatch[0]).toMatchObject({severity: 'warning', start: {offset: listStart}})
    expect(both.references.find((reference) => reference.number === 3)?.csl?.title).toBe(titleOf.get(3))
    expect(both.references.find((reference) => reference.number === 3)?.entry?.raw).toMatch(/^Cushing A/)
  })
})
