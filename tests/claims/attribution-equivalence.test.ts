import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {attributeTypes, type Attribution, type Discourse, type SentenceFacts} from '../../src/stages/claims/attribution.js'
import type {AttributionReason, Mention} from '../../src/types.js'

/*
 * `attributeTypes` reads the property cue only when a topic is in scope (finding it scores the
 * sentence). Its answers must be those of the version that read it first: compared on random
 * sentences and discourse states.
 */
const seed = Number(process.env.CITECLAIM_FUZZ_SEED ?? 20_261_201)

function relabel(attribution: Attribution, reason: AttributionReason): Attribution {
  return new Map([...attribution.keys()].map((type) => [type, reason]))
}

/** attributeTypes as it was before the property cue was read last. */
function previousAttributeTypes(facts: SentenceFacts, discourse: Discourse): Attribution {
  const result: Attribution = new Map()
  const {general} = discourse
  const subjects = facts.mentions.filter((mention) => !mention.comparison && (!mention.origin || facts.impliedTypes.length > 0))
  for (const mention of subjects) {
    if (mention.typeId === general || result.has(mention.typeId)) continue
    result.set(mention.typeId, mention.via === 'abbreviation' ? 'abbreviation' : 'mention')
  }
  if (result.size > 0) return result
  for (const type of facts.impliedTypes) if (type !== general) result.set(type, 'implied')
  if (result.size > 0) return result
  const namesGeneral = general !== undefined && subjects.some((mention) => mention.typeId === general)
  const namesOther = facts.namesDistractor || facts.otherSubject === true || facts.mentions.length > subjects.length
  if ((facts.anaphoric || facts.cellAnaphor) && !namesGeneral) {
    const antecedent = discourse.previous ?? discourse.paragraphTopic
    if (antecedent) return relabel(antecedent, 'anaphora')
  }
  if (namesGeneral) {
    if (discourse.documentTopic) return new Map([[discourse.documentTopic, 'document-topic']])
    return new Map([[general!, facts.impliedTypes.includes(general!) ? 'implied' : 'mention']])
  }
  for (const type of facts.impliedTypes) result.set(type, 'implied')
  if (result.size > 0 || namesOther || !facts.propertyCue) return result
  if (discourse.paragraphTopic) return relabel(discourse.paragraphTopic, 'paragraph-topic')
  if (discourse.listHead) return relabel(discourse.listHead, 'list-head')
  if (discourse.sectionTopic.length > 0) return new Map(discourse.sectionTopic.map((type) => [type, 'section-topic']))
  if (facts.cellAnaphor && discourse.documentTopic) return new Map([[discourse.documentTopic, 'document-topic']])
  return result
}

const typeId = fc.constantFrom('MSC', 'HSC', 'iPSC', 'SC')
const mention: fc.Arbitrary<Mention> = fc.record({
  typeId,
  start: fc.nat(100),
  end: fc.nat(100),
  text: fc.constant('x'),
  via: fc.constantFrom('name', 'abbreviation', 'subtype') as fc.Arbitrary<Mention['via']>,
  comparison: fc.boolean(),
  origin: fc.boolean()
})
const attribution = fc.option(
  fc.uniqueArray(typeId, {minLength: 1, maxLength: 2}).map((types) => new Map(types.map((type) => [type, 'mention' as AttributionReason]))),
  {nil: undefined, freq: 2}
)
const facts: fc.Arbitrary<SentenceFacts> = fc.record({
  mentions: fc.array(mention, {maxLength: 2}),
  impliedTypes: fc.uniqueArray(typeId, {maxLength: 2}),
  namesDistractor: fc.boolean(),
  anaphoric: fc.boolean(),
  cellAnaphor: fc.boolean(),
  propertyCue: fc.boolean(),
  otherSubject: fc.option(fc.boolean(), {nil: undefined, freq: 2})
})
const discourse: fc.Arbitrary<Discourse> = fc.record({
  previous: attribution,
  paragraphTopic: attribution,
  listHead: attribution,
  sectionTopic: fc.uniqueArray(typeId, {maxLength: 2}),
  documentTopic: fc.option(typeId, {nil: undefined, freq: 2}),
  general: fc.option(fc.constant('SC'), {nil: undefined, freq: 2})
})

describe('attributeTypes', () => {
  it('attributes as it did when it read the property cue first', () => {
    fc.assert(
      fc.property(facts, discourse, (f, d) => {
        expect([...attributeTypes(f, d)]).toEqual([...previousAttributeTypes(f, d)])
      }),
      {seed, numRuns: 20_000}
    )
  })
})
