import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {analyseDocument} from '../../src/batch/analyse-document.js'
import type {DocumentRecord} from '../../src/emit/document.js'
import {shippedConfig} from '../helpers/analyse.js'
import {schemaErrors} from '../helpers/schema.js'
import {positionProblems} from './checks.js'

/*
 * The big cases of the hostile-input catalogue, generated at run time into a temp folder rather
 * than committed. The 50 MB document takes minutes: it runs only with CITECLAIM_SLOW=1.
 */

let work: string
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'citeclaim-big-'))
})
afterAll(() => {
  if (work) rmSync(work, {recursive: true, force: true})
})

/** Writes `text` to a file in the temp folder and analyses the file's bytes, as the batch would. */
function analyseFile(name: string, text: string): {record: DocumentRecord; text: string} {
  const path = join(work, name)
  writeFileSync(path, text)
  const bytes = readFileSync(path)
  const output = analyseDocument({id: name.replace(/\.txt$/, ''), source: name, bytes}, shippedConfig)
  const json = output.files.find((file) => file.suffix === '.json')?.content
  expect(json, 'JSON output').toBeDefined()
  return {record: JSON.parse(json!) as DocumentRecord, text}
}

describe('big inputs', () => {
  it('analyses a 2 MB single line: every group on line 1, at column offset + 1', () => {
    const sentences: string[] = []
    let length = 0
    let cited = 0
    for (let index = 0; length < 2_000_000; index++) {
      const sentence = `Stem cells repair tissue and home to injury sites${index % 50 === 0 ? ` [${++cited}]` : ''}. `
      sentences.push(sentence)
      length += sentence.length
    }
    const {record, text} = analyseFile('two-mb-line.txt', sentences.join(''))
    expect(text.includes('\n')).toBe(false)
    expect(schemaErrors(record)).toEqual([])
    expect(record.citationGroups).toHaveLength(cited)
    for (const group of record.citationGroups) expect([group.start.line, group.start.column]).toEqual([1, group.start.offset + 1])
    expect(positionProblems(text, record)).toEqual([])
  })

  it('analyses 100,000 citation groups in one document: all found, in order, with their numbers', () => {
    const total = 100_000
    const parts: string[] = []
    for (let first = 1; first <= total; first += 10) {
      const groups = Array.from({length: 10}, (_, index) => `[${first + index}]`).join(' ')
      parts.push(`Cells ${groups}.${first % 200 === 191 ? '\n\n' : ' '}`)
    }
    const {record, text} = analyseFile('many-groups.txt', parts.join(''))
    expect(schemaErrors(record)).toEqual([])
    expect(record.citationGroups).toHaveLength(total)
    expect(record.citationGroups.every((group, index) => group.id === `g${index + 1}` && group.numbers.length === 1 && group.numbers[0] === index + 1)).toBe(true)
    expect(positionProblems(text, record)).toEqual([])
  })

  it.runIf(process.env.CITECLAIM_SLOW === '1')(
    'analyses a 50 MB document (CITECLAIM_SLOW=1)',
    () => {
      const paragraph = (index: number): string => {
        const n = (index % 300) + 1
        return `Mesenchymal stem cells (MSCs) repair damaged tissue in models of injury [${n}]. They also secrete factors that modulate immune responses [${n}, ${n + 1}]. Hematopoietic stem cells re-\nconstitute the marrow after transplantation [${n + 2}-${n + 6}].\n\n`
      }
      const parts: string[] = []
      let length = 0
      for (let index = 0; length < 50_000_000; index++) {
        parts.push(paragraph(index))
        length += parts[index]!.length
      }
      const {record, text} = analyseFile('fifty-mb.txt', parts.join(''))
      expect(schemaErrors(record)).toEqual([])
      expect(record.citationGroups).toHaveLength(parts.length * 3)
      expect(positionProblems(text, record)).toEqual([])
    },
    60 * 60_000
  )
})
