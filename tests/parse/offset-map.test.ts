import fc from 'fast-check'
import type {Paragraph, Text} from 'mdast'
import {describe, expect, it} from 'vitest'
import {OffsetMap, OffsetMapBuilder} from '../../src/stages/parse/offset-map.js'
import {pdfTextParse} from '../../src/stages/parse/pdf-text.js'
import {fuzzRuns} from '../helpers/scale.js'

/*
 * The builder extends a run when a piece continues the original text where the last one stopped, and
 * the parser copies a line in as few pieces as it can. Neither may change an offset: both are
 * compared with what they replaced, a builder that starts a run per inserted character and a parser
 * that copies word by word, space by space.
 */
class RunPerPieceBuilder {
  private readonly parts: string[] = []
  private readonly cleanStarts: number[] = []
  private readonly originalStarts: number[] = []
  private length = 0
  private nextOriginal = -1

  copy(text: string, originalOffset: number): void {
    if (text.length === 0) return
    if (originalOffset !== this.nextOriginal) {
      this.cleanStarts.push(this.length)
      this.originalStarts.push(originalOffset)
    }
    this.parts.push(text)
    this.length += text.length
    this.nextOriginal = originalOffset + text.length
  }

  insert(char: string, originalOffset: number): void {
    this.cleanStarts.push(this.length)
    this.originalStarts.push(originalOffset)
    this.parts.push(char)
    this.length += char.length
    this.nextOriginal = -1
  }

  dropLast(): void {
    const last = this.parts.pop()
    if (last === undefined) return
    if (last.length > 1) this.parts.push(last.slice(0, -1))
    this.length -= 1
    if (this.cleanStarts[this.cleanStarts.length - 1] === this.length) {
      this.cleanStarts.pop()
      this.originalStarts.pop()
    }
    this.nextOriginal = -1
  }

  get size(): number {
    return this.length
  }

  build(): {text: string; map: OffsetMap} {
    const cleanStarts = this.cleanStarts.length > 0 ? this.cleanStarts : [0]
    const originalStarts = this.originalStarts.length > 0 ? this.originalStarts : [0]
    return {text: this.parts.join(''), map: new OffsetMap(cleanStarts, originalStarts, this.length)}
  }
}

/** Every offset a map gives, for every index and every slice. */
function offsets(map: OffsetMap): number[][] {
  const all: number[][] = []
  for (let index = 0; index <= map.length + 1; index++) all.push([map.toOriginal(index), map.toOriginalEnd(index)])
  for (let start = 0; start <= map.length; start++) {
    for (let end = start; end <= map.length; end++) {
      const slice = map.slice(start, end)
      for (let index = 0; index <= slice.length; index++) all.push([start, end, slice.toOriginal(index), slice.toOriginalEnd(index)])
    }
  }
  return all
}

const seed = Number(process.env.CITECLAIM_FUZZ_SEED ?? 20_261_125)

type Step = {op: 'copy'; text: string; gap: number} | {op: 'insert'; gap: number} | {op: 'drop'}
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({op: fc.constant('copy' as const), text: fc.constantFrom('', 'a', 'ab', 'abc-', 'word '), gap: fc.integer({min: -1, max: 2})}),
  fc.record({op: fc.constant('insert' as const), gap: fc.integer({min: -1, max: 2})}),
  fc.record({op: fc.constant('drop' as const)})
)

describe('OffsetMapBuilder', () => {
  it('maps every offset as a builder with one run per inserted character does', () => {
    fc.assert(
      fc.property(fc.array(step, {maxLength: 12}), (steps) => {
        const builder = new OffsetMapBuilder()
        const reference = new RunPerPieceBuilder()
        let original = 0
        for (const s of steps) {
          if (s.op === 'drop') {
            if (reference.size === 0) continue
            builder.dropLast()
            reference.dropLast()
            continue
          }
          original = Math.max(0, original + s.gap)
          const text = s.op === 'copy' ? s.text : ' '
          if (s.op === 'copy') {
            builder.copy(text, original)
            reference.copy(text, original)
          } else {
            builder.insert(text, original)
            reference.insert(text, original)
          }
          original += text.length
        }
        const built = builder.build()
        const expected = reference.build()
        expect(built.text).toBe(expected.text)
        expect(offsets(built.map)).toEqual(offsets(expected.map))
      }),
      {seed, numRuns: fuzzRuns(300, 2000)}
    )
  })
})

/** The parser's old way: every run of white space in a line inserted as one space, every word copied. */
function foldWordByWord(lines: Array<{text: string; offset: number}>): {text: string; map: OffsetMap} {
  const builder = new RunPerPieceBuilder()
  for (const [index, line] of lines.entries()) {
    const leading = line.text.length - line.text.trimStart().length
    const content = line.text.trim()
    const start = line.offset + leading
    if (index > 0 && builder.size > 0) builder.insert(' ', line.offset - 1)
    for (const piece of content.matchAll(/\S+|\s+/g)) {
      if (/^\s/.test(piece[0])) builder.insert(' ', start + piece.index)
      else builder.copy(piece[0], start + piece.index)
    }
  }
  return builder.build()
}

describe('pdfTextParse folding white space', () => {
  // No digits, dashes or capitals: no heading, title or hyphenation, one paragraph of the lines.
  const piece = fc.constantFrom('w', 'cell', 'x.', ' ', '  ', '\t', '\u00a0', '\u3000', '\u2028', '\ufeff', '\v', ' \t ')
  const line = fc.array(piece, {maxLength: 8}).map((parts) => `${parts.join('')} w ${parts.reverse().join('')}`)
  it('gives the text and offsets that copying word by word gave', () => {
    fc.assert(
      fc.property(fc.array(line, {minLength: 1, maxLength: 4}), (lineTexts) => {
        const source = lineTexts.join('\n')
        let offset = 0
        const lines = lineTexts.map((text) => {
          const at = offset
          offset += text.length + 1
          return {text, offset: at}
        })
        const expected = foldWordByWord(lines)
        const tree = pdfTextParse(source)
        expect(tree.children).toHaveLength(1)
        const text = (tree.children[0] as Paragraph).children[0] as Text
        expect(text.value).toBe(expected.text)
        expect(offsets(text.data!.offsetMap!)).toEqual(offsets(expected.map))
      }),
      {seed, numRuns: fuzzRuns(100, 500)}
    )
  })
})
