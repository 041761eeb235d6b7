import {describe, expect, it} from 'vitest'
import {findCitationGroups} from '../../src/stages/citations/find-citation-groups.js'
import {splitSentences, type SentenceRange} from '../../src/stages/sentences/split-sentences.js'

/** Splits `text` given the citation groups the citations stage finds in it, as the sentences stage does. */
const split = (text: string): string[] => {
  const citations = findCitationGroups(text).filter((group) => !group.malformed && !group.lookalike)
  return splitSentences(text, {citations}).map((range) => text.slice(range.start, range.end))
}
/** Splits `text` with the given inline-node ranges and no citations. */
const splitWithAtoms = (text: string, atoms: SentenceRange[]): string[] => splitSentences(text, {atoms}).map((range) => text.slice(range.start, range.end))

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

describe('splitSentences and citation groups after the end mark', () => {
  it('keeps a group glued to the period with the sentence before it', () => {
    expect(split('Fibrosis regressed in cirrhosis.[12] The next study differed.')).toEqual(['Fibrosis regressed in cirrhosis.[12]', 'The next study differed.'])
  })

  it('keeps several groups after the period, glued or spaced, with the sentence before them', () => {
    expect(split('It grows in the uterus.[16][17] In human tissue it does not.')).toEqual(['It grows in the uterus.[16][17]', 'In human tissue it does not.'])
    expect(split('It grows in the uterus. [16] [17] In human tissue it does not.')).toEqual(['It grows in the uterus. [16] [17]', 'In human tissue it does not.'])
    expect(split('It was shown twice!\n[3, 4] Then it was not.')).toEqual(['It was shown twice!\n[3, 4]', 'Then it was not.'])
  })

  it('reads only the groups it is given: brackets that are not citation nodes stay with the next sentence', () => {
    const text = 'Fibrosis regressed.[12] The next study differed.'
    expect(splitSentences(text).map((range) => text.slice(range.start, range.end))).toEqual([text])
  })

  it('does not split after a group followed by a lower-case word, nor at a group inside a sentence', () => {
    expect(split('It regressed.[12] and then it came back.')).toEqual(['It regressed.[12] and then it came back.'])
    expect(split('These are approved treatments [26], however, there is more. Next one.')).toEqual(['These are approved treatments [26], however, there is more.', 'Next one.'])
  })
})

describe('splitSentences and abbreviations', () => {
  it('ends a sentence after a unit symbol such as °C', () => {
    expect(split('It melts at 194.3 °C. Gozutok et al. showed that it does not.')).toEqual(['It melts at 194.3 °C.', 'Gozutok et al. showed that it does not.'])
  })

  it('does not end a sentence at "a.k.a.", "(e.g." or an initial in brackets', () => {
    expect(split('The factor (a.k.a. Steel factor) acts. Others (e.g. Flt3) do too.')).toEqual(['The factor (a.k.a. Steel factor) acts.', 'Others (e.g. Flt3) do too.'])
    expect(split('As shown by (J. Smith) it holds. Next.')).toEqual(['As shown by (J. Smith) it holds.', 'Next.'])
  })

  it('splits a sentence glued to the period before it, but not a dotted name or file name', () => {
    expect(split('The pool is not depleted.This is called division.')).toEqual(['The pool is not depleted.', 'This is called division.'])
    expect(split('Expression of PU.1 rises. See growth factors.png for more.')).toEqual(['Expression of PU.1 rises.', 'See growth factors.png for more.'])
    expect(split('Agents, e.g.Flt3, act.')).toEqual(['Agents, e.g.Flt3, act.'])
  })
})

describe('splitSentences and other inline nodes', () => {
  it('never ends a sentence inside an inline node, but may end with one', () => {
    const text = 'See Fig. A. Then more. It ends here.'
    expect(splitWithAtoms(text, [{start: 4, end: 22}])).toEqual(['See Fig. A. Then more.', 'It ends here.'])
  })
})

describe('splitSentences and plain-text tables', () => {
  it('makes each line with column gaps a unit of its own', () => {
    const text = 'Lineage    Lymphoid    Myeloid\nCFU    CFU-L    CFU-E. More\nProcess    lymphopoiesis    erythropoiesis'
    expect(split(text)).toEqual(['Lineage    Lymphoid    Myeloid', 'CFU    CFU-L    CFU-E. More', 'Process    lymphopoiesis    erythropoiesis'])
  })

  it('leaves prose lines with one double space alone', () => {
    expect(split('One line  with a gap\nand its end. Next.')).toEqual(['One line  with a gap\nand its end.', 'Next.'])
  })
})

describe('splitSentences and capitals before a period', () => {
  it('ends a sentence after a single capital when a sentence-opening word follows', () => {
    expect(split('They lack vitamin C. The effect is known. Type I. However, it varies.')).toEqual(['They lack vitamin C.', 'The effect is known.', 'Type I.', 'However, it varies.'])
  })

  it('keeps initials before names and before another initial', () => {
    expect(split('As J. A. Smith and R. Theodore found, it holds.')).toEqual(['As J. A. Smith and R. Theodore found, it holds.'])
  })
})

describe('splitSentences and lower-case names', () => {
  it('starts a sentence at a lower-case word with a capital or a digit in it', () => {
    expect(split('They were reprogrammed. iPSCs were made. p53 was low. mRNA rose.')).toEqual(['They were reprogrammed.', 'iPSCs were made.', 'p53 was low.', 'mRNA rose.'])
  })

  it('does not start one at a plain lower-case word or after an abbreviation', () => {
    expect(split('The dose was 5 mg. per day, e.g. mTOR and others.')).toEqual(['The dose was 5 mg. per day, e.g. mTOR and others.'])
  })
})

describe('splitSentences and list items', () => {
  it('keeps a list number with its item', () => {
    expect(split('1. Oral health status was asked. 2. Burning mouth was asked.')).toEqual(['1. Oral health status was asked.', '2. Burning mouth was asked.'])
    expect(split('iv. The fourth item.')).toEqual(['iv. The fourth item.'])
  })

  it('still ends a sentence that ends in a number', () => {
    expect(split('The score was 12. The range was wide.')).toEqual(['The score was 12.', 'The range was wide.'])
  })
})

describe('splitSentences and a callout after an abbreviation', () => {
  it('ends the sentence at "et al." when a callout and a capital follow, not when a lower-case word does', () => {
    expect(split('It was shown by Zhou et al.[12] These results hold.')).toEqual(['It was shown by Zhou et al.[12]', 'These results hold.'])
    expect(split('Zhou et al. [12] showed it. Next.')).toEqual(['Zhou et al. [12] showed it.', 'Next.'])
  })
})

describe('splitSentences and bulleted items', () => {
  it('starts a unit at each bullet glyph, also in text whose line breaks were folded', () => {
    expect(split('Cells form three lineages: • Red cells carry oxygen • Lymphocytes defend. They are many. ● Myeloid cells')).toEqual([
      'Cells form three lineages:',
      '• Red cells carry oxygen',
      '• Lymphocytes defend.',
      'They are many.',
      '● Myeloid cells'
    ])
  })

  it('does not start one at a bullet glyph inside a word', () => {
    expect(split('The dot•product stays one.')).toEqual(['The dot•product stays one.'])
  })
})

describe('splitSentences, units and inline nodes', () => {
  it('does not start a list item or a table row inside an inline node', () => {
    const text = 'A *bold • claim* here. Next.'
    expect(splitWithAtoms(text, [{start: 2, end: 16}])).toEqual(['A *bold • claim* here.', 'Next.'])
    const table = 'x  y  z\nmore'
    expect(splitWithAtoms(table, [{start: 5, end: 10}])).toEqual(['x  y  z\nmore'])
  })
})
