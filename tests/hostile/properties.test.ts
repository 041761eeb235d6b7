import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {rangeDashes} from '../../src/stages/citations/parse-citation-group.js'
import {analyseText} from '../helpers/analyse.js'
import {schemaErrors} from '../helpers/schema.js'
import {markdownProblems, positionProblems} from './checks.js'
import {fuzzRuns} from '../helpers/scale.js'

/*
 * Property-based tests: the pipeline on arbitrary text. The seed is fixed so every CI run tries the
 * same cases and a failure replays; CITECLAIM_FUZZ_SEED tries others, CITECLAIM_FUZZ_RUNS more of them.
 * 200 runs per property in `npm test`, 1,000 in `npm run test:stress`.
 * fast-check prints the seed and the shrunk counterexample of a failure.
 */
const seed = Number(process.env.CITECLAIM_FUZZ_SEED ?? 20_261_125)
const numRuns = fuzzRuns(200, 1000)
const parameters: fc.Parameters<unknown> = {seed, numRuns}
console.log(`fast-check: seed ${seed}, ${numRuns} runs per property (replay with CITECLAIM_FUZZ_SEED=${seed}; more runs with CITECLAIM_FUZZ_RUNS)`)

/**
 * The text positions refer to: the input after UTF-8 encoding (a lone surrogate becomes U+FFFD)
 * without its byte-order mark, if it has one. Only one: a second U+FEFF is text.
 */
function asDecoded(text: string): string {
  return new TextDecoder('utf-8', {ignoreBOM: true}).decode(new TextEncoder().encode(text)).replace(/^\uFEFF/, '')
}

/** Everything that must hold for any input: no throw, schema-valid JSON, positions, safe Markdown. */
function checkInvariants(text: string, source: string): void {
  const {output, record, markdown} = analyseText(text, {source})
  if (text.includes('\u0000')) {
    // A NUL byte means binary input: one error, and no output files rather than garbage.
    expect(output.files).toEqual([])
    expect(output.diagnostics.map((diagnostic) => [diagnostic.severity, diagnostic.code])).toEqual([['error', 'input-binary']])
    return
  }
  expect(record, 'a JSON record').toBeDefined()
  expect(schemaErrors(record)).toEqual([])
  const decoded = asDecoded(text)
  expect(positionProblems(decoded, record)).toEqual([])
  expect(markdownProblems(markdown, {inputLinks: source.endsWith('.md')})).toEqual([])
}

/** Pieces of text that meet the scanners' edge cases: brackets, numbers, dashes, line ends, periods, markup. */
const piece = fc.constantFrom(
  '[', ']', '[1]', '[2-5]', '[3–]', '[1,,2]', '[ ]', '1', '23', '999999999999999999999', '0', '-', '–', '—', '−', ',', ';',
  ' ', '  ', '\t', '\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '-\n', '–\n', '.', '. ', '.\n', '?', 'A', 'Cells', 'cells', 'e.g.',
  'et al.', 'Dr.', '(', ')', '(MSCs)', 'MSC', 'mesenchymal stem cells', 'pro-', 'longed', '2.3 ', '1. ', 'Mesenchymal Stem Cells',
  '<', '>', '<script>', '<a href="javascript:x">', '&', '&lt;', '*', '_', '`', '#', '!', '![i](data:x)', '[x](javascript:alert(1))',
  '\\', '|', '~', '\u00a0', '\ufeff', 'é', '𝛼', '\u200b'
)
const grammarText = fc.array(piece, {maxLength: 60}).map((pieces) => pieces.join(''))
const unicodeText = fc.string({unit: 'binary', maxLength: 200})
const anyText = fc.oneof(grammarText, unicodeText, fc.tuple(grammarText, unicodeText, grammarText).map((parts) => parts.join('')))

describe('properties of the pipeline on arbitrary text', () => {
  it('never throws, and gives schema-valid JSON, positions that match the input and safe Markdown (.txt)', () => {
    fc.assert(
      fc.property(anyText, (text) => checkInvariants(text, 'fuzz.txt')),
      parameters
    )
  })

  it('never throws, and gives schema-valid JSON, positions that match the input and safe Markdown (.md)', () => {
    fc.assert(
      fc.property(anyText, (text) => checkInvariants(text, 'fuzz.md')),
      parameters
    )
  })
})

/** One item of a citation group: a number or a range, as numbers and as text. */
interface Item {
  numbers: number[]
  text: string
}

/** White space that may sit inside a group, line breaks included (never a blank line: that ends the paragraph). */
const space = fc.constantFrom('', '', ' ', '  ', '\n', '\r\n', '\r', ' \n ')
const dash = fc.constantFrom(...rangeDashes.split(''))
const separator = fc.constantFrom(',', ';')

const singleItem: fc.Arbitrary<Item> = fc.integer({min: 1, max: 99_999}).map((n) => ({numbers: [n], text: String(n)}))
const rangeItem: fc.Arbitrary<Item> = fc
  .tuple(fc.integer({min: 1, max: 99_000}), fc.integer({min: 1, max: 40}), space, dash, space)
  .map(([from, width, before, sign, after]) => ({
    numbers: Array.from({length: width + 1}, (_, index) => from + index),
    text: `${from}${before}${sign}${after}${from + width}`
  }))
const group = fc
  .tuple(fc.array(fc.oneof(singleItem, rangeItem), {minLength: 1, maxLength: 6}), fc.array(fc.tuple(space, separator, space), {minLength: 6, maxLength: 6}), space, space)
  .map(([items, separators, lead, trail]) => ({
    numbers: [...new Set(items.flatMap((item) => item.numbers))],
    text: `[${lead}${items.map((item, index) => (index === 0 ? '' : separators[index - 1]!.join('')) + item.text).join('')}${trail}]`
  }))

describe('citation groups round-trip: numbers → text → numbers', () => {
  it('parses a generated group back to its numbers, with raw equal to the text written', () => {
    fc.assert(
      fc.property(group, fc.constantFrom('Cells were studied ', 'It was shown\r\nthat ', 'A b '), fc.constantFrom(' here.', '.', ' and more\ntext.'), (generated, before, after) => {
        const text = `${before}${generated.text}${after}`
        const {record} = analyseText(text, {source: 'roundtrip.txt'})
        expect(record.citationGroups).toHaveLength(1)
        const [found] = record.citationGroups
        expect(found!.raw).toBe(generated.text)
        expect(found!.valid).toBe(true)
        expect(found!.numbers).toEqual(generated.numbers)
        expect(found!.start.offset).toBe(before.length)
        expect(positionProblems(text, record)).toEqual([])
      }),
      parameters
    )
  })

  it('reads the joined form [a]–[b] as one group from a to b', () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 99_000}), fc.integer({min: 1, max: 40}), dash, (from, width, sign) => {
        const raw = `[${from}]${sign}[${from + width}]`
        const {record} = analyseText(`Cells were studied ${raw}.`, {source: 'joined.txt'})
        expect(record.citationGroups.map((found) => ({raw: found.raw, numbers: found.numbers}))).toEqual([
          {raw, numbers: Array.from({length: width + 1}, (_, index) => from + index)}
        ])
      }),
      parameters
    )
  })
})
