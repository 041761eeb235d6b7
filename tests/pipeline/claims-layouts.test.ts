import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import type {DocumentRecord} from '../../src/emit/document.js'
import {analyseText, readSeed} from '../helpers/analyse.js'

/** A claim without its citation callouts and end mark: what must not change when citations move. */
const claimKeys = (record: DocumentRecord): string[] =>
  record.claims.map((claim) => {
    const text = claim.text.replace(/\s*\[[^\]]*\]/g, '').replace(/[.;:]$/, '')
    return `${text} → ${claim.entityTypes.map((type) => `${type}:${claim.attribution[type]}`).join(', ')} (${claim.category}, ${claim.evidence}, ${claim.hedged})`
  })

describe('claims do not depend on where the citations stand', () => {
  it('gives the seed the same claims with its citations moved after the period', () => {
    const seed = readSeed()
    const moved = seed.replace(/ (\[[\d,\s–-]+\])([.;:])/g, '$2$1')
    expect(moved).not.toBe(seed)
    expect(claimKeys(analyseText(moved).record)).toEqual(claimKeys(analyseText(seed).record))
  })

  it('gives the wiki example the same claims with its citations moved before the period', () => {
    const wiki = readFileSync(new URL('../fixtures/wiki-haematopoiesis/input.md', import.meta.url), 'utf8')
    const moved = wiki.replace(/\.((?:\[\d+\])+)(?=\s)/g, '$1.')
    expect(moved).not.toBe(wiki)
    expect(claimKeys(analyseText(moved, {source: 'wiki.md'}).record)).toEqual(claimKeys(analyseText(wiki, {source: 'wiki.md'}).record))
  })
})

describe('claims do not depend on how a heading is written', () => {
  const body = '\n\nThe precise mechanism of immunomodulation remains unclear [1]. They secrete trophic factors in culture [2].\n\n# Outlook\n\nTheir paracrine action is promising.\n'
  const variants = ['# 2.3. Mesenchymal Stem Cells', '# Mesenchymal Stem Cells', '# MESENCHYMAL STEM CELLS', '# mesenchymal stem cells']
  it.each(variants)('takes the section topic from "%s"', (heading) => {
    const keys = claimKeys(analyseText(heading + body, {source: 'invented.md'}).record)
    expect(keys).toEqual([
      'The precise mechanism of immunomodulation remains unclear → MSC:section-topic (limitation, unspecified, true)',
      'They secrete trophic factors in culture → MSC:anaphora (mechanism, in-vitro, false)'
    ])
  })
})
