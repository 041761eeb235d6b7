import {describe, expect, it} from 'vitest'
import {decodeInput} from '../../src/stages/parse/decode-input.js'
import {findCitationGroups} from '../../src/stages/citations/find-citation-groups.js'
import {isMalformedCitationBody, parseCitationGroup} from '../../src/stages/citations/parse-citation-group.js'
import {EntityMatcher} from '../../src/stages/entities/entity-matcher.js'
import {findAbbreviationDefinitions} from '../../src/stages/entities/schwartz-hearst.js'
import {isSafeUrl} from '../../src/emit/sanitize.js'
import {collectVocabulary} from '../../src/stages/parse/hyphenation.js'
import {pdfTextParse} from '../../src/stages/parse/pdf-text.js'
import {splitSentences} from '../../src/stages/sentences/split-sentences.js'
import {analyseText, shippedConfig} from '../helpers/analyse.js'
import {scaled} from '../helpers/scale.js'

/*
 * Linear time on adversarial input: each scanner runs once on an input built to make a backtracking
 * regular expression or a nested loop blow up, and must finish within the test's timeout (`budget`).
 * The tests measure and compare no time; only the budget bounds them, and it is one that only
 * super-linear work can break: the input is big enough that quadratic work cannot finish within it
 * even on an idle machine (at 512 KB, n² / 2 is over 10¹¹ steps, minutes at a step per nanosecond;
 * a quadratic `lastIndexOf` at each `[` of a run of `[` took 78 s at 256 KB), while the slowest
 * linear case takes a fraction of a second idle and 2.5 s at load 14 on two cores.
 * `npm run test:stress` runs the same cases at 4 MB.
 */
const KB = 1000
const MB = 1000 * KB

/** The size of each adversarial input (the whole pipeline gets a smaller one: it does more per character). */
const size = scaled(512 * KB, 4 * MB)
const pipelineSize = scaled(200 * KB, 2 * MB)

/** Milliseconds a test may take: vitest fails a test that runs longer, synchronous or not. */
const budget = scaled(30_000, 240_000)

/** `unit` repeated to exactly `size` characters. */
function repeat(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size)
}

interface Case {
  name: string
  build: (size: number) => string
}

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

/** A test that scans `build(inputSize)` once within the budget; the scan throwing fails it too. */
function linear(name: string, scan: (input: string) => unknown, build: (size: number) => string, inputSize = size): void {
  it(`stays linear on ${name} (${inputSize / KB} KB)`, () => {
    scan(build(inputSize))
  }, budget)
}

describe('linear time on adversarial input', () => {
  describe('findCitationGroups', () => {
    for (const input of citationInputs) linear(input.name, findCitationGroups, input.build)
  })

  describe('citation group bodies', () => {
    // A body is checked only up to the length cap (10 KB), too short for one call to show quadratic
    // work: many calls on a capped body do, as the scanner calls it once per candidate group.
    const calls = scaled(1000, 10_000)
    linear(`${calls} malformed bodies at the length cap`, (body) => {
      for (let call = 0; call < calls; call++) isMalformedCitationBody(body)
    }, (n) => repeat('1,', n - 1) + 'x', 10 * KB)
    const numbers = (n: number): string => Array.from({length: n / 6}, (_, index) => String(10_000 + index)).join(',')
    linear('a long list of numbers to expand', (text) => parseCitationGroup(text, {maxRange: 1000}), numbers)
  })

  describe('pdfTextParse', () => {
    for (const input of parserInputs) linear(input.name, pdfTextParse, input.build)
    linear('hyphen chains (vocabulary)', collectVocabulary, (n) => repeat('a-', n) + '-')
  })

  describe('splitSentences', () => {
    for (const input of sentenceInputs) linear(input.name, splitSentences, input.build)
  })

  describe('splitSentences with citation groups', () => {
    const splitWithCitations = (text: string) => splitSentences(text, {citations: findCitationGroups(text).filter((group) => !group.malformed && !group.lookalike)})
    for (const input of sentenceWithCitationInputs) linear(input.name, splitWithCitations, input.build)
  })

  describe('findAbbreviationDefinitions (Schwartz–Hearst)', () => {
    for (const input of abbreviationInputs) linear(input.name, findAbbreviationDefinitions, input.build)
  })

  describe('EntityMatcher', () => {
    const matcher = new EntityMatcher(shippedConfig.entityTypes, shippedConfig.distractors).withDefinitions([])
    linear('long runs of spaces between the words of a name', (text) => matcher.match(text), (n) => repeat('mesenchymal' + ' '.repeat(1000) + 'x ', n))
    linear('one long word', (text) => matcher.match(text), (n) => repeat('M', n))
  })

  describe('decodeInput and URL checks', () => {
    /** The UTF-8 bytes of `text` and one invalid byte after them. */
    const withBadEnd = (text: string): Uint8Array => {
      const encoded = new TextEncoder().encode(text)
      const out = new Uint8Array(encoded.length + 1)
      out.set(encoded)
      out[encoded.length] = 0xff
      return out
    }
    linear('invalid UTF-8 at the end of the input', (text) => decodeInput(withBadEnd(text)), (n) => repeat('é', n))
    linear('a URL whose scheme is a long run of letters and white space', isSafeUrl, (n) => repeat(' \ta', n - 1) + ':')
  })

  // The whole pipeline, on a smaller input: it also covers the stages between the scanners.
  describe('the whole pipeline', () => {
    const inputs: Case[] = [
      {name: '[1,1,1,… never closed', build: (n) => 'Text [' + repeat('1,', n)},
      {name: 'hyphenated line ends', build: (n) => repeat('prolon-\nged ', n)},
      {name: 'capitals and periods', build: (n) => repeat('A. ', n)}
    ]
    for (const input of inputs) linear(input.name, (text) => analyseText(text), input.build, pipelineSize)
  })
})
