import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {analyseText, readSeed} from '../helpers/analyse.js'
import {scoreClaims, type GoldClaim, type GoldSentence} from '../helpers/claim-score.js'

const json = (path: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8'))
const labelsOf = (path: string): Map<string, GoldClaim> => new Map((json(path) as GoldClaim[]).map((label) => [label.id, label]))

// Thresholds, not the figures the rules reach today: the rules are unit-tested on invented sentences
// (tests/claims/), and these documents only check that they carry over to real text. The seed's dev
// sections are what the rules were first written on; the wiki article is a second field's layout and
// vocabulary (Markdown, citations after the period, one cell type).
describe('claims on the dev sections of the seed (abstract, 1, 2, 2.1–2.3)', () => {
  const {record} = analyseText(readSeed())
  const result = scoreClaims(record, json('seed/sentences.gold.json') as GoldSentence[], labelsOf('seed/claims.dev.gold.json'))

  it('scores (sentence, type) pairs at F1 ≥ 0.95 over the 52 gold pairs', () => {
    expect(result.goldPairs).toBe(52)
    expect(result.f1).toBeGreaterThanOrEqual(0.95)
  })

  it('gets category, evidence and hedging right on at least 90% of the true claims found', () => {
    expect(result.category).toBeGreaterThanOrEqual(0.9)
    expect(result.evidence).toBeGreaterThanOrEqual(0.9)
    expect(result.hedged).toBeGreaterThanOrEqual(0.9)
  })

  it('records why each type of each claim is there', () => {
    for (const claim of record.claims) expect(Object.keys(claim.attribution).sort()).toEqual([...claim.entityTypes].sort())
    const reasons = new Set(record.claims.flatMap((claim) => Object.values(claim.attribution)))
    for (const reason of ['mention', 'abbreviation', 'anaphora', 'paragraph-topic']) expect(reasons).toContain(reason)
  })
})

describe('claims on the wiki-haematopoiesis example (Markdown, one cell type, mostly non-claims)', () => {
  const input = readFileSync(new URL('../fixtures/wiki-haematopoiesis/input.md', import.meta.url), 'utf8')
  const {record} = analyseText(input, {source: 'wiki.md'})
  const result = scoreClaims(record, json('wiki-haematopoiesis/sentences.json') as GoldSentence[], labelsOf('wiki-haematopoiesis/claims.json'))

  it('scores (sentence, type) pairs at F1 ≥ 0.85 over the 28 gold pairs', () => {
    expect(result.goldPairs).toBe(28)
    expect(result.f1).toBeGreaterThanOrEqual(0.85)
  })

  it('keeps precision on the 80 non-claims: at most 4 predicted pairs are wrong', () => {
    expect(result.predictedPairs - Math.round(result.precision * result.predictedPairs)).toBeLessThanOrEqual(4)
  })
})
