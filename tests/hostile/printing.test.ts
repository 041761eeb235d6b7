import fc from 'fast-check'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {printable} from '../../src/batch/printable.js'
import {formatDiagnostic} from '../../src/batch/report.js'
import {main} from '../../src/cli.js'
import {repo} from './private-cli.js'

/*
 * What citeclaim prints never carries control characters from the input (issue 9, point 10): a
 * newline in a file name or bibliography key used to forge a diagnostic line, an ESC sequence used to
 * reach the terminal.
 */
const seed = Number(process.env.CITECLAIM_FUZZ_SEED ?? 20_261_201)
const numRuns = Math.max(1000, Number(process.env.CITECLAIM_FUZZ_RUNS ?? 1000))
console.log(`fast-check: seed ${seed}, ${numRuns} runs per property (replay with CITECLAIM_FUZZ_SEED=${seed}; more runs with CITECLAIM_FUZZ_RUNS)`)

/** Characters that must never be printed as they are. */
const unsafe = /[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\p{Cs}/u
/** One printed diagnostic line: `file:line:column: severity message [code]`. */
const diagnosticLine = /^.+:\d+:\d+: (?:error|warning|info) .* \[[a-z-]+\]$/

let work: string
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'citeclaim-printing-'))
})
afterAll(() => {
  if (work) rmSync(work, {recursive: true, force: true})
})

describe('printable', () => {
  it('escapes C0 and C1 controls, DEL, separators, bidi controls and lone surrogates', () => {
    expect(printable('a\nb\r\tc\u001b[31md\u009b2Je\u007f\u0000f\u2028g\u202eh\u2066i\ud800j')).toBe('a\\nb\\r\\tc\\x1b[31md\\x9b2Je\\x7f\\x00f\\u2028g\\u202eh\\u2066i\\ud800j')
  })

  it('keeps printable Unicode, astral characters and joiners as they are', () => {
    const text = 'Revue — étude 日本語 😀 👩‍🔬 [53–57] \\n stays two characters'
    expect(printable(text)).toBe(text)
  })

  it('leaves no unsafe character in any string, and changes nothing in a string without one', () => {
    fc.assert(
      fc.property(fc.string({unit: 'binary', maxLength: 60}), (text) => {
        const printed = printable(text)
        expect(printed).not.toMatch(unsafe)
        if (!unsafe.test(text)) expect(printed).toBe(text)
      }),
      {seed, numRuns}
    )
  })
})

describe('diagnostics stay one line each', () => {
  it('escapes the file name and the message of a diagnostic', () => {
    const line = formatDiagnostic('in/a\nin/b.txt:1:1: error forged [x]\u001b[2J.txt', {severity: 'warning', code: 'input-symlink', message: 'quoted \u001b]0;title\u0007 and\nmore', start: null})
    expect(line.split('\n')).toHaveLength(1)
    expect(line).not.toMatch(unsafe)
    expect(line).toBe('in/a\\nin/b.txt:1:1: error forged [x]\\x1b[2J.txt:1:1: warning quoted \\x1b]0;title\\x07 and\\nmore [input-symlink]')
  })

  it('prints file names and bibliography ids from a real run escaped: every stderr line a diagnostic, no control character', async () => {
    const dir = join(work, 'run')
    mkdirSync(join(dir, 'in'), {recursive: true})
    const hostileName = 'evil\nforged.txt:1:1: error fake [input-binary]\u001b[31m\u202e'
    // NUL bytes: an input-binary error, reported against the hostile name.
    writeFileSync(join(dir, 'in', hostileName + '.txt'), 'Stem\u0000 cells.\n')
    // Two CSL items claim reference 1: the diagnostic quotes both ids.
    writeFileSync(join(dir, 'in', 'review.txt'), 'Mesenchymal stem cells repair tissue [1].\n')
    writeFileSync(join(dir, 'in', 'review.csl.json'), JSON.stringify([
      {id: 'a\n\u001b[2Jforged', 'citation-number': 1, type: 'book', title: 'One'},
      {id: 'b\u009b31m\u2028c', 'citation-number': 1, type: 'book', title: 'Two'}
    ]))
    const lines: string[] = []
    const cwd = process.cwd()
    process.chdir(dir)
    let code: number
    try {
      code = await main(['run', 'in', '--out', 'out', '--quiet', '-j', '1', '--config', join(repo, 'pipeline.config.ts')], (line) => lines.push(line), () => {}, {isTTY: false, write: () => true})
    } finally {
      process.chdir(cwd)
    }
    expect(code).toBe(1)
    const printed = lines.join('\n').split('\n')
    for (const line of printed) {
      expect(line).not.toMatch(unsafe)
      expect(line).toMatch(diagnosticLine)
    }
    expect(printed.filter((line) => line.endsWith('[input-binary]'))).toEqual([expect.stringMatching(/^in\/evil\\nforged\.txt:1:1: error fake \[input-binary\]\\x1b\[31m\\u202e\.txt:1:5: error /)])
    expect(printed.filter((line) => line.endsWith('[bibliography-number-duplicate]'))).toEqual([expect.stringContaining('"b\\x9b31m\\u2028c"')])
  })

  it('escapes what the command line echoes back: an unknown command or option', async () => {
    const lines: string[] = []
    const out = (line: string): void => void lines.push(line)
    expect(await main(['r\u001b[2Jun'], out, out, {isTTY: false, write: () => true})).toBe(2)
    expect(await main(['run', '--\u001b]0;x\u0007'], out, out, {isTTY: false, write: () => true})).toBe(2)
    // The usage text that follows is several lines; none has a control character.
    for (const line of lines.join('\n').split('\n')) expect(line).not.toMatch(unsafe)
    expect(lines.join('\n')).toContain('unknown command "r\\x1b[2Jun"')
  })
})
