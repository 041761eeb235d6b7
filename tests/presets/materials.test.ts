import {describe, expect, it} from 'vitest'
import {resolveConfig} from '../../src/config/resolve-config.js'
import {readAnnotations} from '../../src/emit/read-annotations.js'
import {materials} from '../../src/presets/materials.js'
import {analyseText} from '../helpers/analyse.js'

/*
 * A second field is a second config (issue 10, point 5): an invented review of carbon and 2D
 * nanomaterials for gas sensing, analysed with the materials preset. The expected types, categories
 * and evidence were decided by hand, sentence by sentence, before the run.
 */

const references = Array.from({length: 12}, (_, index) => `${index + 1}. A. Author${index + 1}. Title ${index + 1}. J Mater Chem ${2001 + index}.`)

const review = [
  'Carbon and two-dimensional nanomaterials for gas sensing',
  '',
  '1. Introduction',
  '',
  'Graphene has attracted attention for its high carrier mobility and large surface area [1, 2]. Compared to graphene and GO, rGO shows higher conductivity [3]. Graphene oxide (GO) is prepared by the oxidation and exfoliation of graphite [4]. Reduced graphene oxide (rGO) sensors detected NO2 at 50 ppb at room temperature [5]. However, the stability of MXene films remains unclear, because they oxidize in humid air [6].',
  '',
  '2. Other materials',
  '',
  'Ti3C2Tx MXene nanosheets were synthesized by etching the Al layer of Ti3AlC2 with HF [7]. Carbon nanotubes (CNTs) form conductive networks in polymer composites [8]. Density functional theory calculations predict that NO2 adsorbs more strongly on CNTs than on graphene [9]. These nanotubes also suffer from poor dispersion in water [10]. Metal–organic frameworks (MOFs) offer a large surface area and tunable pores for gas adsorption [11]. In PAN-GO fibres, the polymer dominates the humidity response [12].',
  '',
  'References',
  '',
  ...references,
  ''
].join('\n')

const config = resolveConfig({...materials})
const {record, markdown} = analyseText(review, {source: 'materials-review.txt', config})
const claimOf = (start: string) => {
  const claim = record.claims.find((candidate) => candidate.text.startsWith(start))
  if (!claim) throw new Error(`no claim for "${start}"`)
  return claim
}

describe('a materials review analysed with the materials preset', () => {
  it('finds every citation group and no diagnostics', () => {
    expect(record.citationGroups.map((group) => group.numbers)).toEqual([[1, 2], [3], [4], [5], [6], [7], [8], [9], [10], [11], [12]])
    expect(record.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')).toEqual([])
  })

  it('attributes each claim to the material it is about, and only that one', () => {
    expect(record.claims.map((claim) => [claim.text.slice(0, 40), claim.entityTypes])).toEqual([
      ['Graphene has attracted attention for its', ['graphene']],
      // graphene and GO are points of comparison: the claim is about rGO only.
      ['Compared to graphene and GO, rGO shows h', ['rGO']],
      ['Graphene oxide (GO) is prepared by the o', ['GO']],
      ['Reduced graphene oxide (rGO) sensors det', ['rGO']],
      ['However, the stability of MXene films re', ['MXene']],
      ['Ti3C2Tx MXene nanosheets were synthesize', ['MXene']],
      ['Carbon nanotubes (CNTs) form conductive ', ['CNT']],
      // "than on graphene" compares: the claim is about CNTs.
      ['Density functional theory calculations p', ['CNT']],
      // "These nanotubes" refers back to the CNTs.
      ['These nanotubes also suffer from poor di', ['CNT']],
      ['Metal–organic frameworks (MOFs) offer a ', ['MOF']]
    ])
  })

  it('reads PAN-GO as a composite, not as GO: no claim there', () => {
    expect(record.claims.some((claim) => claim.text.includes('PAN-GO'))).toBe(false)
    expect(record.entityTypes.find((type) => type.id === 'GO')?.claimIds).toEqual([claimOf('Graphene oxide (GO)').id])
  })

  it('gives the field categories and evidence levels', () => {
    expect(claimOf('Compared to graphene').category).toBe('property')
    expect(claimOf('Graphene oxide (GO)').category).toBe('synthesis')
    expect(claimOf('Reduced graphene oxide').category).toBe('sensing')
    expect(claimOf('Reduced graphene oxide').evidence).toBe('device')
    expect(claimOf('However, the stability')).toMatchObject({category: 'limitation', hedged: true})
    expect(claimOf('Ti3C2Tx MXene').category).toBe('synthesis')
    expect(claimOf('Density functional').evidence).toBe('computational')
    expect(claimOf('These nanotubes').category).toBe('limitation')
    expect(claimOf('Metal–organic').category).toBe('structure')
  })

  it('writes the claims under the preset title and reads them back by it', () => {
    expect(markdown).toMatch(/^## Claims by material$/m)
    expect(markdown).toMatch(/^### rGO: Reduced graphene oxide$/m)
    expect(readAnnotations(markdown, config.markdown).claims.map((claim) => claim.entityTypes)).toEqual(record.claims.map((claim) => claim.entityTypes))
  })
})
