import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {analyseDocument} from '../../src/pipeline.js'
import {decodeInput} from '../../src/stages/parse/decode-input.js'
import {shippedConfig} from '../helpers/analyse.js'

/*
 * Every encoding gets the same checks (issue 9, point 8): UTF-16 with a BOM used to skip the NUL and
 * bad-encoding checks, so NULs and unpaired surrogates reached the outputs with exit code 0.
 */
const seed = Number(process.env.CITECLAIM_FUZZ_SEED ?? 20_261_201)
const numRuns = Math.max(1000, Number(process.env.CITECLAIM_FUZZ_RUNS ?? 1000))
console.log(`fast-check: seed ${seed}, ${numRuns} runs per property (replay with CITECLAIM_FUZZ_SEED=${seed}; more runs with CITECLAIM_FUZZ_RUNS)`)

type Encoding = 'utf-8' | 'utf-8 with BOM' | 'utf-16le' | 'utf-16be'
const encodings: Encoding[] = ['utf-8', 'utf-8 with BOM', 'utf-16le', 'utf-16be']

/** The bytes of `text` (valid UTF-16: no lone surrogate) in `encoding`, with a BOM for UTF-16. */
function encode(text: string, encoding: Encoding): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text)
  if (encoding === 'utf-8 with BOM') return new TextEncoder().encode('\uFEFF' + text)
  const le = Buffer.from('\uFEFF' + text, 'utf16le')
  if (encoding === 'utf-16le') return new Uint8Array(le)
  const be = new Uint8Array(le.length)
  for (let index = 0; index < le.length; index += 2) {
    be[index] = le[index + 1]!
    be[index + 1] = le[index]!
  }
  return be
}

/** UTF-16 code units as bytes after a BOM, for inputs that cannot be written as a JS string's encoding. */
function utf16(units: number[], encoding: 'utf-16le' | 'utf-16be'): Uint8Array {
  const bytes = [encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff]]
  for (const unit of units) bytes.push(encoding === 'utf-16le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff])
  return new Uint8Array(bytes.flat())
}

const units = (text: string): number[] => Array.from({length: text.length}, (_, index) => text.charCodeAt(index))

/** Text of letters, line ends of every kind and characters outside the BMP. */
const lineText = fc.array(fc.constantFrom('a', 'é', '日', '😀', ' ', '[1]', '\n', '\r\n', '\r'), {maxLength: 40}).map((parts) => parts.join(''))

describe('the same checks in every encoding', () => {
  it('refuses a NUL as input-binary in UTF-8 and UTF-16 alike, at the same line and column', () => {
    fc.assert(
      fc.property(lineText, lineText, (before, after) => {
        const places = encodings.map((encoding) => {
          const decoded = decodeInput(encode(before + '\u0000' + after, encoding))
          return decoded.ok ? `${encoding}: decoded` : `${decoded.code} ${decoded.start.line}:${decoded.start.column}`
        })
        expect(new Set(places).size, places.join(' | ')).toBe(1)
        expect(places[0]).toMatch(/^input-binary /)
      }),
      {seed, numRuns}
    )
  })

  it('refuses an unpaired surrogate, high or low, in UTF-16 as input-encoding at its line, column and byte offset', () => {
    fc.assert(
      fc.property(lineText, lineText, fc.constantFrom(0xd800, 0xdbff, 0xdc00, 0xdfff), fc.constantFrom('utf-16le' as const, 'utf-16be' as const), (before, after, surrogate, encoding) => {
        // A high surrogate followed by a low one would be a pair: after a lone high one comes a letter.
        const decoded = decodeInput(utf16([...units(before), surrogate, 0x61, ...units(after)], encoding))
        const lines = before.split(/\r\n|\r|\n/)
        expect(decoded.ok).toBe(false)
        if (decoded.ok) return
        expect({code: decoded.code, line: decoded.start.line, column: decoded.start.column, offset: decoded.offset}).toEqual({
          code: 'input-encoding',
          line: lines.length,
          column: lines.at(-1)!.length + 1,
          offset: 2 + 2 * before.length
        })
      }),
      {seed, numRuns}
    )
  })

  it('refuses UTF-16 with an odd number of bytes, and a surrogate cut off at the end', () => {
    const odd = decodeInput(new Uint8Array([...utf16(units('ab\ncd'), 'utf-16le'), 0x41]))
    expect(odd.ok ? 'decoded' : [odd.code, odd.start.line, odd.start.column, odd.offset]).toEqual(['input-encoding', 2, 3, 12])
    const cut = decodeInput(utf16([0x61, 0xd83d], 'utf-16be'))
    expect(cut.ok ? 'decoded' : [cut.code, cut.start.line, cut.start.column]).toEqual(['input-encoding', 1, 2])
  })

  it('still decodes valid UTF-16, astral characters included, and keeps a second BOM as text', () => {
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      expect(decodeInput(encode('Stem 😀 cells [1].\r\n', encoding))).toEqual({ok: true, text: 'Stem 😀 cells [1].\r\n', encoding})
      expect(decodeInput(utf16([0xfeff, 0x61], encoding))).toEqual({ok: true, text: '\uFEFFa', encoding})
    }
  })

  it('writes no output for a UTF-16 document with a NUL, and reports it as an error', () => {
    const output = analyseDocument({id: 'nul', source: 'nul.txt', bytes: encode('Stem cells repair tissue [1].\nMore\u0000text.\n', 'utf-16le')}, shippedConfig)
    expect(output.files).toEqual([])
    expect(output.diagnostics).toEqual([{severity: 'error', code: 'input-binary', message: expect.stringContaining('NUL'), start: {line: 2, column: 5, offset: 70}}])
  })

  it('checks a bibliography the same way: UTF-16 is read, a NUL or bad byte is refused with its place and no entries used', () => {
    const document = new TextEncoder().encode('Stem cells repair tissue [1].\n')
    const csl = JSON.stringify([{id: 'ref-1', type: 'article-journal', title: 'Sixteen bits'}])
    const good = analyseDocument({id: 'd', source: 'd.txt', bytes: document, bibliography: {source: 'd.csl.json', bytes: encode(csl, 'utf-16be')}}, shippedConfig)
    expect(good.bibliographyDiagnostics).toEqual([])
    expect(good.files.find((file) => file.suffix === '.references.csl.json')?.content).toContain('Sixteen bits')

    for (const [bytes, code, line, column] of [
      [encode('[{"id": "ref-1",\n "title": "A\u0000"}]', 'utf-16le'), 'input-binary', 2, 13],
      [encode('[{"id": "ref-1",\n "title": "A\u0000"}]', 'utf-8'), 'input-binary', 2, 13],
      [new Uint8Array([...new TextEncoder().encode('@article{a,\n title = {B'), 0xff, ...new TextEncoder().encode('}}\n')]), 'input-encoding', 2, 12]
    ] as const) {
      const output = analyseDocument({id: 'd', source: 'd.txt', bytes: document, bibliography: {source: code === 'input-encoding' ? 'd.bib' : 'd.csl.json', bytes}}, shippedConfig)
      expect(output.bibliographyDiagnostics.map((d) => [d.severity, d.code, d.start?.line, d.start?.column])).toEqual([['error', 'bibliography-invalid', line, column]])
      expect(output.bibliographyDiagnostics[0]!.message).toMatch(code === 'input-binary' ? /NUL/ : /not valid UTF-8/)
      expect(output.files.map((file) => file.content).join('')).not.toContain('\u0000')
      expect(output.files.map((file) => file.content).join('')).not.toContain('\\u0000')
    }
  })
})
