import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import type {DocumentRecord} from '../../src/emit/document.js'
import {analyseText, readSeed} from '../helpers/analyse.js'

/*
 * The layout where a callout that ends a sentence stands after its period (AMA, Wikipedia, the
 * ehp-after-period example): `…wildlife.[21, 26] The …`, `…metabolism. [4, 36] Supporting …`.
 */

const sentences = (text: string): string[] => analyseText(text).record.sentences.map((sentence) => sentence.text)

describe('sentences in PDF text with callouts after the period', () => {
  it('keeps glued, spaced and line-broken callouts with the sentence they end', () => {
    const text = [
      'A study of flame retardants',
      '',
      'Flame retardants are added to plastics and foam. Studies',
      'have revealed rising levels in the tissues of humans and',
      'wildlife.[21, 26] The chemical structure resembles that of',
      'other pollutants, and they may act as disruptors of the',
      'axis.[4, 5, 36] In rats, exposure reduced plasma levels of',
      'thyroxine (T4).[18, 53] Weanling rats given mixtures at',
      '100–300 mg/kg/day showed reductions in T4 [56], and kes-',
      'trels showed reduced T4 proportional to their burdens.[12]',
      '',
      'It has been hypothesized that they might interfere with',
      'transport and metabolism.',
      '[4, 36] Supporting this idea, rats showed elevated',
      'activity. [19][37] Alternatively, some bind transthyretin.'
    ].join('\n')
    expect(sentences(text)).toEqual([
      'Flame retardants are added to plastics and foam.',
      'Studies have revealed rising levels in the tissues of humans and wildlife.[21, 26]',
      'The chemical structure resembles that of other pollutants, and they may act as disruptors of the axis.[4, 5, 36]',
      'In rats, exposure reduced plasma levels of thyroxine (T4).[18, 53]',
      'Weanling rats given mixtures at 100–300 mg/kg/day showed reductions in T4 [56], and kestrels showed reduced T4 proportional to their burdens.[12]',
      'It has been hypothesized that they might interfere with transport and metabolism. [4, 36]',
      'Supporting this idea, rats showed elevated activity. [19][37]',
      'Alternatively, some bind transthyretin.'
    ])
  })

  it('ends a sentence after a unit and keeps "et al." and initials inside one', () => {
    expect(sentences('A study of a compound\n\nThe compound melts at 194.3 °C.[3] Gozutok et al. showed that it is stable, as J. R. Smith had found.[4] It is not.')).toEqual([
      'The compound melts at 194.3 °C.[3]',
      'Gozutok et al. showed that it is stable, as J. R. Smith had found.[4]',
      'It is not.'
    ])
  })
})

/** A sentence without its citation groups and the space before them: the same in either layout. */
const withoutCitations = (text: string): string => text.replace(/\s*\[[^\][]*\]/g, '')

/**
 * The document with every callout that stands before a sentence-ending period moved after it,
 * glued (`cells.[12] Next`) and, every third one, with a space (`cells. [12] Next`).
 */
function moveCallsAfterPeriod(text: string): {text: string; moved: number} {
  let moved = 0
  const rewritten = text.replace(/ (\[[^\][]+\])\.(?=\s)/g, (_match, group: string) => `.${moved++ % 3 === 2 ? ' ' : ''}${group}`)
  return {text: rewritten, moved}
}

function claimsOf(record: DocumentRecord): unknown[] {
  return record.claims.map((claim) => [withoutCitations(claim.text), claim.entityTypes, claim.citations, claim.category, claim.evidence, claim.hedged])
}

describe.each([
  ['the seed review', readSeed()],
  ['the ohip-nl example', readFileSync(new URL('../fixtures/ohip-nl/input.txt', import.meta.url), 'utf8')]
])('%s rewritten with callouts after the period', (_name, original) => {
  const before = analyseText(original).record
  const rewritten = moveCallsAfterPeriod(original)
  const after = analyseText(rewritten.text).record

  it('moves callouts (the rewrite does something)', () => {
    expect(rewritten.moved).toBeGreaterThan(10)
  })

  it('has the same sentences, modulo the moved callouts, and the same citation groups', () => {
    expect(after.sentences.map((sentence) => withoutCitations(sentence.text))).toEqual(before.sentences.map((sentence) => withoutCitations(sentence.text)))
    expect(after.citationGroups.map((group) => [group.raw, group.numbers])).toEqual(before.citationGroups.map((group) => [group.raw, group.numbers]))
  })

  it('keeps every callout in the sentence it belonged to', () => {
    const sentenceOf = (record: DocumentRecord) => record.citationGroups.map((group) => record.sentences.findIndex((sentence) => sentence.id === group.sentenceId))
    expect(sentenceOf(after)).toEqual(sentenceOf(before))
  })

  it('has the same claims', () => {
    expect(claimsOf(after)).toEqual(claimsOf(before))
  })
})
