import {describe, expect, it} from 'vitest'
import {attributeTypes, documentTopic, withoutConstituents, type SentenceFacts} from '../../src/stages/claims/attribution.js'
import {claimTag} from '../../src/emit/markdown.js'
import {readAnnotations} from '../../src/emit/read-annotations.js'
import type {Mention} from '../../src/types.js'
import {resolveConfig} from '../../src/config/resolve-config.js'
import shipped from '../../pipeline.config.js'
import {analyseText} from '../helpers/analyse.js'

// Every rule of the discourse model on invented sentences (none is taken from a gold file): first the
// pure function, then whole invented documents through the pipeline with the shipped config.

const mention = (typeId: string, extra: Partial<Mention> = {}): Mention => ({typeId, start: 0, end: 3, text: typeId, via: 'abbreviation', comparison: false, ...extra})
const facts = (extra: Partial<SentenceFacts> = {}): SentenceFacts => ({mentions: [], impliedTypes: [], namesDistractor: false, anaphoric: false, cellAnaphor: false, propertyCue: false, ...extra})
const topic = (type: string) => new Map([[type, 'mention' as const]])

describe('attributeTypes', () => {
  it('takes named types first, with how they were named', () => {
    const result = attributeTypes(facts({mentions: [mention('MSC'), mention('EPC', {via: 'name'})]}), {sectionTopic: ['HSC'], paragraphTopic: topic('ESC')})
    expect(Object.fromEntries(result)).toEqual({MSC: 'abbreviation', EPC: 'mention'})
  })

  it('does not list a type named only as a comparison or an origin', () => {
    const result = attributeTypes(facts({mentions: [mention('MSC', {comparison: true}), mention('HSC', {origin: true})], propertyCue: true}), {sectionTopic: [], paragraphTopic: topic('ESC')})
    // … and the sentence is about that other thing, so no topic carries over either.
    expect(result.size).toBe(0)
  })

  it('lists an origin when the sentence names what derives from it (a distractor implying a type)', () => {
    const result = attributeTypes(facts({mentions: [mention('iPSC', {origin: true})], impliedTypes: ['GENERAL']}), {sectionTopic: [], general: 'GENERAL'})
    expect(Object.fromEntries(result)).toEqual({iPSC: 'abbreviation'})
  })

  it('carries the previous claim over by a back-reference, and the paragraph topic when the previous sentence was none', () => {
    expect(Object.fromEntries(attributeTypes(facts({anaphoric: true}), {previous: topic('EPC'), paragraphTopic: topic('MSC'), sectionTopic: []}))).toEqual({EPC: 'anaphora'})
    expect(Object.fromEntries(attributeTypes(facts({cellAnaphor: true}), {paragraphTopic: topic('MSC'), sectionTopic: []}))).toEqual({MSC: 'anaphora'})
  })

  it('needs a property cue to take a paragraph, list or section topic, in that order', () => {
    expect(attributeTypes(facts(), {paragraphTopic: topic('MSC'), sectionTopic: ['HSC']}).size).toBe(0)
    expect(Object.fromEntries(attributeTypes(facts({propertyCue: true}), {paragraphTopic: topic('MSC'), sectionTopic: ['HSC']}))).toEqual({MSC: 'paragraph-topic'})
    expect(Object.fromEntries(attributeTypes(facts({propertyCue: true}), {listHead: topic('EPC'), sectionTopic: ['HSC']}))).toEqual({EPC: 'list-head'})
    expect(Object.fromEntries(attributeTypes(facts({propertyCue: true}), {sectionTopic: ['HSC']}))).toEqual({HSC: 'section-topic'})
  })

  it('gives no topic to a sentence whose subject is something else (a distractor first, a technique)', () => {
    expect(attributeTypes(facts({propertyCue: true, namesDistractor: true}), {paragraphTopic: topic('MSC'), sectionTopic: []}).size).toBe(0)
    expect(attributeTypes(facts({propertyCue: true, otherSubject: true}), {paragraphTopic: topic('MSC'), sectionTopic: ['MSC']}).size).toBe(0)
  })

  it('reads the general type as the document’s one type when it has one, and never combines it', () => {
    const general = facts({mentions: [mention('GENERAL', {via: 'name'})]})
    expect(Object.fromEntries(attributeTypes(general, {sectionTopic: [], general: 'GENERAL'}))).toEqual({GENERAL: 'mention'})
    expect(Object.fromEntries(attributeTypes(general, {sectionTopic: [], general: 'GENERAL', documentTopic: 'HSC'}))).toEqual({HSC: 'document-topic'})
    const both = facts({mentions: [mention('GENERAL', {via: 'name'}), mention('MSC')]})
    expect(Object.fromEntries(attributeTypes(both, {sectionTopic: [], general: 'GENERAL'}))).toEqual({MSC: 'abbreviation'})
  })
})

describe('documentTopic', () => {
  it('is the one specific type a document names (three times or more), else none', () => {
    expect(documentTopic([mention('HSC'), mention('GENERAL'), mention('HSC'), mention('HSC'), mention('MSC', {comparison: true})], 'GENERAL')).toBe('HSC')
    expect(documentTopic([mention('HSC'), mention('HSC'), mention('HSC'), mention('MSC')], 'GENERAL')).toBeUndefined()
    expect(documentTopic([mention('HSC'), mention('HSC')], 'GENERAL')).toBeUndefined()
  })
})

describe('withoutConstituents', () => {
  it('drops the types listed as what a composite is made of, and only those', () => {
    const text = 'Bone marrow cells, a mix of HSCs and MSCs, helped; EPCs did too.'
    const at = (needle: string, typeId: string, via: Mention['via'] = 'abbreviation'): Mention => mention(typeId, {start: text.indexOf(needle), end: text.indexOf(needle) + needle.length, via})
    const mentions = [at('Bone marrow cells', 'BMC', 'name'), at('HSCs', 'HSC'), at('MSCs', 'MSC'), at('EPCs', 'EPC')]
    const kept = withoutConstituents(mentions, text, new Set(['BMC']), [/\bmix of\b/i])
    expect(kept.map((m) => m.typeId)).toEqual(['BMC', 'EPC'])
  })
})

/** The claims of an invented Markdown document, as `text → types`. */
function claimsOf(markdown: string): Map<string, {types: string[]; attribution: Record<string, string>; evidence: string}> {
  const {record} = analyseText(markdown, {source: 'invented.md'})
  return new Map(record.claims.map((claim) => [claim.text, {types: claim.entityTypes, attribution: claim.attribution, evidence: claim.evidence}]))
}

describe('the discourse model on invented documents', () => {
  it('carries a pronoun back to the previous claim, and a cell-free "this" does not', () => {
    const claims = claimsOf(
      '# Results\n\nEndothelial progenitor cells home to injured vessels in mice. They also secrete angiogenic growth factors. This is called homing.\n'
    )
    expect(claims.get('They also secrete angiogenic growth factors.')).toMatchObject({types: ['EPC'], attribution: {EPC: 'anaphora'}, evidence: 'preclinical'})
    expect(claims.has('This is called homing.')).toBe(false)
  })

  it('holds a section heading’s type for its section, for a sentence with a property cue', () => {
    const claims = claimsOf('# Mesenchymal stem cells\n\nThe precise mechanism of immunomodulation remains unclear.\n\n# Outlook\n\nThe precise mechanism of paracrine action remains unclear.\n')
    expect(claims.get('The precise mechanism of immunomodulation remains unclear.')).toMatchObject({types: ['MSC'], attribution: {MSC: 'section-topic'}})
    expect(claims.has('The precise mechanism of paracrine action remains unclear.')).toBe(false)
  })

  it('keeps a paragraph’s topic until a sentence puts something else first', () => {
    const claims = claimsOf(
      '# Findings\n\nMSCs secrete trophic factors in culture. The secretion of cytokines promotes hepatocyte proliferation. Hepatocytes proliferate faster after partial hepatectomy. The secretion of cytokines also promotes angiogenesis.\n'
    )
    expect(claims.get('The secretion of cytokines promotes hepatocyte proliferation.')).toMatchObject({types: ['MSC'], attribution: {MSC: 'paragraph-topic'}})
    expect(claims.has('The secretion of cytokines also promotes angiogenesis.')).toBe(false)
  })

  it('takes the paragraph topic from a type named as a subject, not from one named late as an object', () => {
    const late = claimsOf(
      '# Hormones\n\nThyroid hormones regulate brain growth in fish by mediating the proliferation of mesenchymal stem cells. The precise mechanism of hormone signalling remains unclear.\n'
    )
    expect(late.has('The precise mechanism of hormone signalling remains unclear.')).toBe(false)
    const early = claimsOf('# Hormones\n\nIn fish, mesenchymal stem cells proliferate in response to thyroid hormones. The precise mechanism of hormone signalling remains unclear.\n')
    expect(early.get('The precise mechanism of hormone signalling remains unclear.')).toMatchObject({types: ['MSC'], attribution: {MSC: 'paragraph-topic'}})
  })

  it('does not carry a paragraph topic into the next paragraph', () => {
    const claims = claimsOf('# Findings\n\nMSCs secrete trophic factors.\n\nThe secretion of cytokines promotes angiogenesis.\n')
    expect(claims.has('The secretion of cytokines promotes angiogenesis.')).toBe(false)
  })

  it('gives the items of a list the types of the claim that introduces it', () => {
    const claims = claimsOf('# Findings\n\nEndothelial progenitor cells have two known mechanisms:\n\n- secretion of growth factors\n- direct incorporation into new vessels through angiogenesis\n\nThe paracrine secretion of growth factors is common.\n')
    expect(claims.get('secretion of growth factors')).toMatchObject({types: ['EPC'], attribution: {EPC: 'list-head'}})
  })

  it('does not list a type named only as an origin or an end point', () => {
    const claims = claimsOf('# Bone\n\nOsteoblasts are derived from mesenchymal stem cells and express osteocalcin. Embryonic stem cells differentiate into endothelial progenitor cells in culture.\n')
    expect(claims.has('Osteoblasts are derived from mesenchymal stem cells and express osteocalcin.')).toBe(false)
    expect(claims.get('Embryonic stem cells differentiate into endothelial progenitor cells in culture.')?.types).toEqual(['ESC'])
  })

  it('makes a claim about a composite source, not about each of its listed constituents', () => {
    const claims = claimsOf('# Trials\n\nBone marrow-derived cells, a heterogeneous mixture of HSCs and MSCs, improved liver function in patients.\n')
    expect(claims.get('Bone marrow-derived cells, a heterogeneous mixture of HSCs and MSCs, improved liver function in patients.')?.types).toEqual(['BMC'])
  })

  it('reads "stem cells" as the one type of a document that names only that type', () => {
    const claims = claimsOf(
      '# Blood\n\nHaematopoietic stem cells reside in the bone marrow. HSCs self-renew. HSCs give rise to every blood lineage.\n\n# Ageing\n\nAged stem cells lose their self-renewal capacity.\n'
    )
    expect(claims.get('Aged stem cells lose their self-renewal capacity.')).toMatchObject({types: ['HSC'], attribution: {HSC: 'document-topic'}})
    const mixed = claimsOf('# Cells\n\nHSCs self-renew. MSCs secrete cytokines. HSCs engraft.\n\n# Ageing\n\nAged stem cells lose their self-renewal capacity.\n')
    expect(mixed.get('Aged stem cells lose their self-renewal capacity.')?.types).toEqual(['GENERAL'])
  })

  it('makes no claim of figure pointers, method steps, patents or technique statements', () => {
    const claims = claimsOf(
      [
        '# Mesenchymal stem cells',
        '',
        'MSCs suppress T cell proliferation in vitro.',
        'Figure 2 shows the differentiation of MSCs into adipocytes.',
        'The MSCs were injected into the tail vein of each mouse.',
        'A patent on MSC expansion media was filed in 2012.',
        'Single-cell sequencing is a powerful technique that reveals heterogeneity.',
        ''
      ].join('\n')
    )
    expect([...claims.keys()]).toEqual(['MSCs suppress T cell proliferation in vitro.'])
  })

  it('does not take "stem cell factor" (a cytokine) for stem cells', () => {
    const claims = claimsOf('# Factors\n\nStem cell factor binds the c-kit receptor and promotes survival.\n')
    expect(claims.size).toBe(0)
  })
})

describe('section evidence (config: claims.sectionEvidence)', () => {
  const document = '# Clinical trials in cirrhosis\n\nMSC infusion improved liver function.\n\n# Biology\n\nMSC infusion improved liver function markedly.\n'
  it('makes a heading’s level the default evidence of its section’s claims', () => {
    const config = resolveConfig({...shipped, claims: {...shipped.claims, sectionEvidence: [{level: 'clinical', headings: ['\\bclinical trials?\\b']}]}})
    const {record} = analyseText(document, {source: 'invented.md', config})
    expect(record.claims.map((claim) => claim.evidence)).toEqual(['clinical', 'unspecified'])
  })

  it('is off in the shipped config: the guidelines take evidence from the sentence, never from its section', () => {
    const {record} = analyseText(document, {source: 'invented.md'})
    expect(record.claims.map((claim) => claim.evidence)).toEqual(['unspecified', 'unspecified'])
  })
})

describe('attribution in the outputs', () => {
  it('is in the JSON record and in the Markdown hover title, and the tag still reads back', () => {
    const {record, markdown} = analyseText('# Results\n\nEPCs home to injured vessels. They also secrete growth factors.\n', {source: 'invented.md'})
    expect(record.claims.map((claim) => claim.attribution)).toEqual([{EPC: 'abbreviation'}, {EPC: 'anaphora'}])
    expect(markdown).toContain('"mechanism; unspecified; not hedged; EPC: anaphora"')
    expect(readAnnotations(markdown, resolveConfig(shipped).markdown).claims.map((claim) => claim.entityTypes)).toEqual([['EPC'], ['EPC']])
  })

  it('prints every type’s reason in the tag title, in the order of the types', () => {
    const tag = claimTag({id: 'c1', entityTypes: ['MSC', 'HSC'], attribution: {HSC: 'section-topic', MSC: 'mention'}, category: 'biology', evidence: 'clinical', hedged: true})
    expect(tag).toBe('[claim c1: MSC, HSC](#claim:c1 "biology; clinical; hedged; MSC: mention, HSC: section-topic")')
  })
})

describe('comparison and origin cues before a coordinated list', () => {
  it('hold for every member of the list ("compared to A and B, C …" is about C)', () => {
    const claims = claimsOf('# Sources\n\nCompared to embryonic stem cells and HSCs, MSCs are easily expanded in culture. Unlike ESCs, iPSCs or HSCs, MSCs rarely form tumours.\n')
    expect(claims.get('Compared to embryonic stem cells and HSCs, MSCs are easily expanded in culture.')?.types).toEqual(['MSC'])
    expect(claims.get('Unlike ESCs, iPSCs or HSCs, MSCs rarely form tumours.')?.types).toEqual(['MSC'])
  })

  it('leave a plain list of subjects alone', () => {
    const claims = claimsOf('# Sources\n\nHSCs, EPCs and MSCs secrete growth factors.\n')
    expect(claims.get('HSCs, EPCs and MSCs secrete growth factors.')?.types).toEqual(['HSC', 'EPC', 'MSC'])
  })
})

describe('clause patterns (config: claims.clauses)', () => {
  const document = '# Results\n\nEndothelial progenitor cells home to injured vessels in mice. Again they secrete angiogenic growth factors.\n'
  it('carries a study’s evidence into a sentence the continuation pattern recognises, and only those', () => {
    const shippedClaims = claimsOf(document)
    expect(shippedClaims.get('Again they secrete angiogenic growth factors.')?.evidence).toBe('unspecified')
    const config = resolveConfig({...shipped, claims: {...shipped.claims, clauses: {continuation: '^(?:again,?\\s+)?they\\b'}}})
    const {record} = analyseText(document, {source: 'invented.md', config})
    expect(record.claims.find((claim) => claim.text.startsWith('Again'))?.evidence).toBe('preclinical')
  })

  it('weighs cues in a leading subordinate clause by the configured pattern', () => {
    const text = '# MSCs\n\nBesides their safety, MSCs differentiate into osteoblasts.\n'
    expect(claimsOf(text).size).toBe(1)
    const category = (clauses: Record<string, string>): string | undefined =>
      analyseText(text, {source: 'invented.md', config: resolveConfig({...shipped, claims: {...shipped.claims, clauses}})}).record.claims[0]?.category
    expect(category({})).toBe('safety')
    expect(category({leadingSubordinate: '^besides\\b[^,]*,'})).toBe('biology')
  })
})

describe('hedging by model framing (shipped hedge cues)', () => {
  it('hedges a claim stated as what a model or theory says, not a finding that supports one', () => {
    const {record} = analyseText(
      '# Models\n\nIn the branching model, MSCs first generate a bipotent precursor. The hierarchy model postulates that HSCs divide asymmetrically. HSCs divide asymmetrically in vivo, supporting the theory that the pool is stable.\n',
      {source: 'invented.md'}
    )
    expect(record.claims.map((claim) => claim.hedged)).toEqual([true, true, false])
  })
})
