import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {analyseText} from '../helpers/analyse.js'
import {schemaErrors} from '../helpers/schema.js'

/**
 * Each `tests/fixtures/author-year-*` folder: `input.txt`, perhaps a bibliography (`input.bib`,
 * `input.csl.json`, `input.ris`), and `expected.json` with every citation group the text holds (raw
 * text, 1-based line and column, numbers) and the diagnostic codes it must give. Groups are compared
 * exactly: a missing, extra or misplaced group fails.
 */
const root = new URL('../fixtures/', import.meta.url)
const cases = readdirSync(root).filter((name) => name.startsWith('author-year-')).sort()

interface Expected {
  groups: Array<{raw: string; line: number; column: number; numbers: number[]}>
  diagnostics: string[]
}

describe('author–year fixtures', () => {
  it('has the cases the issue asks for', () => {
    expect(cases).toEqual(['author-year-letters', 'author-year-lookalikes', 'author-year-mixed', 'author-year-particles', 'author-year-text-list'])
  })

  it.each(cases)('%s: every group exact, nothing else', (name) => {
    const folder = new URL(`${name}/`, root)
    const text = readFileSync(new URL('input.txt', folder), 'utf8')
    const bibliographyName = ['input.csl.json', 'input.bib', 'input.ris'].find((file) => existsSync(new URL(file, folder)))
    const expected = JSON.parse(readFileSync(new URL('expected.json', folder), 'utf8')) as Expected
    const {record} = analyseText(text, {source: `${name}.txt`, ...(bibliographyName ? {bibliography: {source: `${name}/${bibliographyName}`, text: readFileSync(new URL(bibliographyName, folder), 'utf8')}} : {})})
    expect(record.citationGroups.map((group) => ({raw: group.raw, line: group.start.line, column: group.start.column, numbers: group.numbers}))).toEqual(expected.groups)
    expect(record.diagnostics.filter((diagnostic) => diagnostic.code.startsWith('author-year') || diagnostic.code.startsWith('citation')).map((diagnostic) => diagnostic.code)).toEqual(expected.diagnostics)
    expect(schemaErrors(record)).toEqual([])
  })
})
