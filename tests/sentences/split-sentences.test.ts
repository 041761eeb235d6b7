import {describe, expect, it} from 'vitest'
import {splitSentences} from '../../src/sentences/split-sentences.js'

const split = (text: string): string[] => splitSentences(text).map((range) => text.slice(range.start, range.end))

describe('splitSentences', () => {
  it('does not split after "et al.", "Dr.", "e.g.,", "i.e.", "vs." or an initial', () => {
    expect(split('Pai et al. [37] reported it. Thomson et al. derived ESCs.')).toEqual(['Pai et al. [37] reported it.', 'Thomson et al. derived ESCs.'])
    expect(split('First developed by Dr. Yamanaka in 2006. Next one.')).toEqual(['First developed by Dr. Yamanaka in 2006.', 'Next one.'])
    expect(split('Some factors, e.g., viruses, i.e. agents, vs. Drugs matter. J. Smith agreed.')).toEqual(['Some factors, e.g., viruses, i.e. agents, vs. Drugs matter.', 'J. Smith agreed.'])
  })

  it('keeps decimals whole', () => {
    expect(split('Activity was 0.3 to 10% of normal. It was low.')).toEqual(['Activity was 0.3 to 10% of normal.', 'It was low.'])
  })

  it('splits after a citation that precedes the period', () => {
    expect(split('Derived in 1998 [198]. ESCs have pluripotency.')).toEqual(['Derived in 1998 [198].', 'ESCs have pluripotency.'])
  })

  it('keeps a citation written after the period with its sentence', () => {
    expect(split('Fibrosis regressed. [12, 13] The next study differed.')).toEqual(['Fibrosis regressed. [12, 13]', 'The next study differed.'])
  })

  it('does not split before a lower-case word', () => {
    expect(split('The dose was 5 mg. per day in total.')).toEqual(['The dose was 5 mg. per day in total.'])
  })

  it('returns ranges that trim white space', () => {
    expect(splitSentences('  One. Two.  ')).toEqual([{start: 2, end: 6}, {start: 7, end: 11}])
  })
})

describe('splitSentences and brackets after a period', () => {
  it('keeps only a numeric group with the sentence before it, not a bracketed word', () => {
    expect(split('Fibrosis regressed. [See below] The next study differed.')).toEqual(['Fibrosis regressed.', '[See below] The next study differed.'])
    expect(split('Fibrosis regressed. [2–5] The next study differed.')).toEqual(['Fibrosis regressed. [2–5]', 'The next study differed.'])
  })
})
