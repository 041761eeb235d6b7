import {copyFileSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {CslItem} from '@citation-js/core'
import {describe, expect, it} from 'vitest'
import {formatReferences} from '../../src/stages/bibliography/format-references.js'

const example = JSON.parse(readFileSync(new URL('../fixtures/ohip-nl/example.csl.json', import.meta.url), 'utf8')) as CslItem[]
const references = new Map(example.map((item, index) => [index + 1, item]))
const bundledVancouver = fileURLToPath(new URL('../../styles/vancouver.csl', import.meta.url))

describe('formatReferences', () => {
  it('formats every entry in Vancouver by default, without the style’s own numbering', () => {
    const {entries, problem} = formatReferences(references, {style: 'vancouver'})
    expect(problem).toBeUndefined()
    expect([...entries.keys()]).toEqual([...references.keys()])
    expect(entries.get(1)).toBe('Locker D. Measuring oral health: a conceptual framework. Community Dent Health. 1988. p. 3–18. PubMed PMID: 3285972.')
    for (const text of entries.values()) expect(text).not.toMatch(/^\d+\./)
  })

  it('keys entries by their citation number even when the numbers have gaps', () => {
    const some = new Map([
      [3, references.get(3)!],
      [17, references.get(17)!]
    ])
    const {entries} = formatReferences(some, {style: 'vancouver'})
    expect(entries.get(3)).toMatch(/^Cushing A/)
    expect(entries.get(17)).toMatch(/^Szentpétery A/)
  })

  it('formats in APA and harvard1, author-year styles, entry by entry', () => {
    const apa = formatReferences(references, {style: 'apa'}).entries
    expect(apa.get(1)).toMatch(/^Locker, D\. \(1988\)\. Measuring oral health/)
    const harvard = formatReferences(references, {style: 'harvard1'}).entries
    expect(harvard.get(2)).toMatch(/^Reisine, S\. et al\. \(1989\)/)
  })

  it('reads a style from a .csl file given by path, and formats like the bundled one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'citeclaim-csl-'))
    const path = join(dir, 'my-vancouver.csl')
    copyFileSync(bundledVancouver, path)
    const fromFile = formatReferences(references, {style: path})
    expect(fromFile.problem).toBeUndefined()
    expect(fromFile.entries).toEqual(formatReferences(references, {style: 'vancouver'}).entries)
  })

  it('falls back to Vancouver, with a problem, for a style it cannot read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'citeclaim-csl-'))
    const notCsl = join(dir, 'not.csl')
    writeFileSync(notCsl, 'hello')
    for (const style of ['no-such-style', join(dir, 'missing.csl'), notCsl]) {
      const result = formatReferences(references, {style})
      expect(result.problem?.code).toBe('bibliography-style-invalid')
      expect(result.problem?.message).toContain(style)
      expect(result.entries.get(1)).toMatch(/^Locker D\. Measuring/)
    }
  })

  it('is deterministic and leaves the input items alone', () => {
    const before = JSON.stringify([...references])
    const first = formatReferences(references, {style: 'vancouver'})
    const second = formatReferences(references, {style: 'vancouver'})
    expect(second.entries).toEqual(first.entries)
    expect(JSON.stringify([...references])).toBe(before)
  })

  it('formats nothing for no references', () => {
    expect(formatReferences(new Map(), {style: 'vancouver'}).entries.size).toBe(0)
  })
})
