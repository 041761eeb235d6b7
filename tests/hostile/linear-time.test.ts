import {describe, expect, it} from 'vitest'
import {decodeInput} from '../../src/batch/decode-input.js'
import {findCitationGroups} from '../../src/citations/find-citation-groups.js'
import {isMalformedCitationBody, parseCitationGroup} from '../../src/citations/parse-citation-group.js'
import {EntityMatcher} from '../../src/entities/entity-matcher.js'
import {findAbbreviationDefinitions} from '../../src/entities/schwartz-hearst.js'
import {isSafeUrl} from '../../src/emit/sanitize.js'
import {collectVocabulary} from '../../src/parse/hyphenation.js'
import {pdfTextParse} from '../../src/parse/pdf-text.js'
import {splitSentences} from '../../src/sentences/split-sentences.js'
import {analyseText, shippedConfig} from '../helpers/analyse.js'

/*
 * Linear time on adversarial input: each scanner runs on an input built to make a backtracking
 * regular expression or a nested loop blow up, at two sizes ten times apart. Linear code takes about
 * ten times longer on the bigger one, quadratic code a hundred times. The bound of 40 leaves room for
 * noise, GC and caches, and only super-linear behaviour breaks it. Ratios of medians, never absolute
 * times, so a slow CI machine does not fail the test.
 */
const maxRatio = 40

/** `unit` repeated to exactly `size` characters. */
function repeat(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size)
}

/** Milliseconds per call of `run`, calling it until 30 ms have passed so tiny times are not noise. */
function timePerCall(run: () => unknown): number {
  let calls = 0
  const start = performance.now()
  let elapsed = 0
  do {
    run()
    calls++
    elapsed = performance.now() - start
  } while (elapsed < 30)
  return elapsed / calls
}

function median(run: () => unknown, times = 3): number {
  const samples = Array.from({length: times}, () => timePerCall(run)).sort((a, b) => a - b)
  return samples[Math.floor(times / 2)]!
}

/**
 * How much longer `scan` takes when its input grows tenfold: the worst of the steps `big / 100` →
 * `big / 10` → `big`. Stepping up stops a quadratic scanner at the middle size instead of letting
 * it run for minutes on the biggest one.
 */
function growth(scan: (input: string) => unknown, build: (size: number) => string, big: number): number {
  let worst = 0
  let previous = build(big / 100)
  scan(previous)
  let previousTime = median(() => scan(previous))
  for (const size of [big / 10, big]) {
    const input = build(size)
    const time = median(() => scan(input))
    worst = Math.max(worst, time / previousTime)
    if (worst >= maxRatio) break
    previous = input
    previousTime = time
  }
  return worst
}

interface Case {
  name: string
  build: (size: number) => string
}

const KB = 1000
const MB = 1000 * KB

const citationInputs: Case[] = [
  {name: 'a run of [', build: (n) => repeat('[', n)},
  {name: 'a run of ]', build: (n) => repeat(']', n)},
  {name: '[1,1,1,… never closed', build: (n) => '[' + repeat('1,', n - 1)},
  {name: 'a run of -', build: (n) => repeat('-', n)},
  {name: 'near-miss bodies just under the length cap ([1,1,…,1x])', build: (n) => repeat('[' + repeat('1,', 4990) + 'x]', n)},
  {name: 'near-miss bodies of spaced numbers ([1 1 … 1x])', build: (n) => repeat('[' + repeat('1 ', 4990) + 'x]', n)},
  {name: 'bodies of dashes and numbers ([1-1-…])', build: (n) => repeat('[' + repeat('1-', 4990) + ']', n)},
  {name: 'unclosed groups followed by long space runs', build: (n) => repeat('[1' + repeat(' ', 9990) + 'x', n)},
  {name: 'joined ranges [1]–[2]–[3]…', build: (n) => repeat('[1]–', n)}
]

const parserInputs: Case[] = [
  {name: 'hyphenated line ends', build: (n) => repeat('prolon-\nged ', n)},
  {name: 'a long word ending in -- before a line break', build: (n) => repeat('a', n - 4) + '--\nb'},
  {name: 'lines of a lone hyphen', build: (n) => repeat('-\n', n)},
  {name: 'a run of -', build: (n) => repeat('-', n)},
  {name: 'a run of (', build: (n) => repeat('(', n)},
  {name: 'one long word', build: (n) => repeat('a', n)},
  {name: 'a long run of spaces', build: (n) => 'x' + repeat(' ', n - 2) + 'y'},
  {name: 'run-in heading look-alikes', build: (n) => repeat('1.1 Aa ', n)},
  {name: 'capitals and periods', build: (n) => repeat('A. ', n)},
  {name: 'blank-line separated short lines', build: (n) => repeat('Aa bb\n\n', n)}
]

const sentenceInputs: Case[] = [
  {name: 'a run of periods', build: (n) => repeat('.', n)},
  {name: 'periods and spaces', build: (n) => repeat('. ', n)},
  {name: 'capitals and periods', build: (n) => repeat('A. ', n)},
  {name: 'abbreviations', build: (n) => repeat('e.g. Dr. et al. ', n)},
  {name: 'citations after periods', build: (n) => repeat('x. [1] ', n)},
  {name: 'a citation look-alike that never closes after each period', build: (n) => repeat('x. [1 1 1 1 1 1 ', n)},
  {name: 'closing quotes and brackets after periods', build: (n) => repeat('."\')”’', n)},
  {name: 'one long word', build: (n) => repeat('a', n)},
  {name: 'a long run of spaces', build: (n) => 'x.' + repeat(' ', n - 3) + 'Y'}
]

/** Inputs for the splitter given the citation groups found in them, as the sentences stage gives them. */
const sentenceWithCitationInputs: Case[] = [
  {name: 'groups glued after periods', build: (n) => repeat('x.[1] ', n)},
  {name: 'runs of groups after one period', build: (n) => 'It ends.' + repeat('[1] ', n - 9) + 'Y'},
  {name: 'groups after periods before lower-case words', build: (n) => repeat('x. [1] y ', n)},
  {name: 'sentences glued to periods', build: (n) => repeat('ab.Cd', n)},
  {name: 'table rows', build: (n) => repeat('a  b  c\n', n)},
  {name: 'one line of column gaps', build: (n) => repeat('a  ', n)},
  {name: 'bulleted items', build: (n) => repeat('• a. ', n)},
  {name: 'bullets between table rows', build: (n) => repeat('a  b  c\n• x\n', n)},
  {name: 'long words before periods', build: (n) => repeat('abcdefghijklmnopqrstuvwxyzabcdefghij. ', n)}
]

const abbreviationInputs: Case[] = [
  {name: 'a run of (', build: (n) => repeat('(', n)},
  {name: 'definitions', build: (n) => repeat('mesenchymal stem cells (MSCs) ', n)},
  {name: 'parentheses after short words', build: (n) => repeat('a b c (ABC) (', n)},
  {name: 'short forms with no long form', build: (n) => repeat('(XYZW) ', n)},
  {name: 'one long word then a short form', build: (n) => repeat('a', n - 7) + ' (ABC)'},
  {name: 'unclosed parentheses of 14 characters', build: (n) => repeat('(ABCDEFGHIJKLMN', n)}
]

describe('linear time on 1 MB adversarial input', () => {
  describe('findCitationGroups', () => {
    for (const input of citationInputs) {
      it(`stays linear on ${input.name}`, () => {
        expect(growth(findCitationGroups, input.build, MB)).toBeLessThan(maxRatio)
      })
    }
  })

  describe('citation group bodies', () => {
    it('checks a malformed body in linear time (up to the length cap)', () => {
      expect(growth(isMalformedCitationBody, (n) => repeat('1,', n - 1) + 'x', 10 * KB)).toBeLessThan(maxRatio)
    })
    it('expands a long list of numbers in linear time', () => {
      const body = (n: number): string => Array.from({length: n / 6}, (_, index) => String(10_000 + index)).join(',')
      expect(growth((text) => parseCitationGroup(text, {maxRange: 1000}), body, MB)).toBeLessThan(maxRatio)
    })
  })

  describe('pdfTextParse', () => {
    for (const input of parserInputs) {
      it(`stays linear on ${input.name}`, () => {
        expect(growth(pdfTextParse, input.build, MB)).toBeLessThan(maxRatio)
      })
    }
    it('collects the vocabulary of hyphen chains in linear time', () => {
      expect(growth(collectVocabulary, (n) => repeat('a-', n) + '-', MB)).toBeLessThan(maxRatio)
    })
  })

  describe('splitSentences', () => {
    for (const input of sentenceInputs) {
      it(`stays linear on ${input.name}`, () => {
        expect(growth(splitSentences, input.build, MB)).toBeLessThan(maxRatio)
      })
    }
  })

  describe('splitSentences with citation groups', () => {
    const splitWithCitations = (text: string) => splitSentences(text, {citations: findCitationGroups(text).filter((group) => !group.malformed && !group.lookalike)})
    for (const input of sentenceWithCitationInputs) {
      it(`stays linear on ${input.name}`, () => {
        expect(growth(splitWithCitations, input.build, MB)).toBeLessThan(maxRatio)
      })
    }
  })

  describe('findAbbreviationDefinitions (Schwartz–Hearst)', () => {
    for (const input of abbreviationInputs) {
      it(`stays linear on ${input.name}`, () => {
        expect(growth(findAbbreviationDefinitions, input.build, MB)).toBeLessThan(maxRatio)
      })
    }
  })

  describe('EntityMatcher', () => {
    const matcher = new EntityMatcher(shippedConfig.entityTypes, shippedConfig.distractors).withDefinitions([])
    it('stays linear on long runs of spaces between the words of a name', () => {
      expect(growth((text) => matcher.match(text), (n) => repeat('mesenchymal' + ' '.repeat(1000) + 'x ', n), MB)).toBeLessThan(maxRatio)
    })
    it('stays linear on one long word', () => {
      expect(growth((text) => matcher.match(text), (n) => repeat('M', n), MB)).toBeLessThan(maxRatio)
    })
  })

  describe('decodeInput and URL checks', () => {
    it('finds invalid UTF-8 at the end of the input in linear time', () => {
      const build = (n: number): string => repeat('é', n)
      const bytes = (text: string): Uint8Array => {
        const encoded = new TextEncoder().encode(text)
        const out = new Uint8Array(encoded.length + 1)
        out.set(encoded)
        out[encoded.length] = 0xff
        return out
      }
      expect(growth((text) => decodeInput(bytes(text)), build, MB)).toBeLessThan(maxRatio)
    })
    it('checks a URL whose scheme is a long run of letters and white space in linear time', () => {
      expect(growth(isSafeUrl, (n) => repeat(' \ta', n - 1) + ':', MB)).toBeLessThan(maxRatio)
    })
  })

  // The whole pipeline at half the size: it also covers the stages between the scanners.
  describe('the whole pipeline', () => {
    const inputs: Case[] = [
      {name: '[1,1,1,… never closed', build: (n) => 'Text [' + repeat('1,', n)},
      {name: 'hyphenated line ends', build: (n) => repeat('prolon-\nged ', n)},
      {name: 'capitals and periods', build: (n) => repeat('A. ', n)}
    ]
    for (const input of inputs) {
      it(`stays linear on ${input.name}`, () => {
        expect(growth((text) => analyseText(text), input.build, 200 * KB)).toBeLessThan(maxRatio)
      })
    }
  })
})
