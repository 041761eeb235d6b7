import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {main} from '../../src/cli.js'
import type {JsonReport} from '../../src/cli/reporter.js'
import {optionSpecs} from '../../src/cli/usage.js'

const repoConfig = new URL('../../pipeline.config.ts', import.meta.url).pathname
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')

/** Runs the CLI in this process from `cwd` (one thread: `-j 1` where documents are analysed). */
async function cli(args: string[], cwd = process.cwd()): Promise<{status: number; stdout: string; stderr: string}> {
  const out: string[] = []
  const err: string[] = []
  const before = process.cwd()
  process.chdir(cwd)
  try {
    const status = await main(args, (line) => err.push(line), (line) => out.push(line), {isTTY: false, write: (text) => err.push(String(text))})
    return {status, stdout: out.join('\n'), stderr: err.join('\n')}
  } finally {
    process.chdir(before)
  }
}

const folders: string[] = []
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'citeclaim-ergonomics-'))
  folders.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, {recursive: true, force: true})
})

describe('usage errors', () => {
  it('answers an unknown option with one line naming the nearest option, exit 2', async () => {
    const result = await cli(['run', '--frce'])
    expect(result.status).toBe(2)
    expect(result.stderr).toBe('citeclaim: error unknown option --frce; did you mean --force? (citeclaim --help lists every option) [usage-invalid]')
    expect(result.stdout).toBe('')
  })

  it('answers an unknown command with one line naming the nearest command, exit 2', async () => {
    const result = await cli(['rnu'])
    expect(result.status).toBe(2)
    expect(result.stderr.split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(/unknown command "rnu"; did you mean "run"\?.*\[usage-invalid\]$/)
  })

  it('guesses nothing for a word far from every option', async () => {
    const result = await cli(['run', '--completely-different'])
    expect(result.stderr).not.toMatch(/did you mean/)
    expect(result.status).toBe(2)
  })

  it('refuses a --concurrency that is not written in digits (empty, hex, exponent, signed, spaced), exit 2', async () => {
    for (const value of ['', '0x2', '1e1', '+2', ' 2', '-1', '1.5']) {
      const result = await cli(['run', `--concurrency=${value}`, '--no-config', 'no-such-input'])
      expect(result.status).toBe(2)
      expect(result.stderr).toBe(`citeclaim: error --concurrency expects a whole number ≥ 0, not "${value}" [usage-invalid]`)
      expect(result.stdout).toBe('')
    }
  })

  it('says which option lacks its value', async () => {
    expect((await cli(['run', '--out'])).stderr).toMatch(/--out needs a value \(--out DIR\) \[usage-invalid\]/)
  })
})

describe('help', () => {
  it('prints the help for `citeclaim help` and --help, listing every option the parser accepts', async () => {
    const help = await cli(['help'])
    expect(help.status).toBe(0)
    expect((await cli(['--help'])).stdout).toBe(help.stdout)
    for (const spec of optionSpecs) expect(help.stdout).toContain(`--${spec.name}`)
  })

  it('has every option documented in the README too', () => {
    for (const spec of optionSpecs) expect(readme.includes(`--${spec.name}`), spec.name).toBe(true)
  })
})

describe('reporting a run', () => {
  /** A folder with a document holding a warning (a reversed range) and an info (a formula). */
  function inputs(): string {
    const dir = folder()
    mkdirSync(join(dir, 'in'))
    writeFileSync(join(dir, 'in', 'b.txt'), 'Cells grew well in culture.\nThe range [9-3] is reversed, and F[1,12] = 8.42 is a statistic.\n')
    writeFileSync(join(dir, 'in', 'a.txt'), 'Some text\nwith [5-2] and [8-1] here.\n')
    return dir
  }

  it('hides infos unless --verbose, and the summary counts them', async () => {
    const dir = inputs()
    const quiet = await cli(['run', 'in', '--out', 'out', '--config', repoConfig, '-j', '1'], dir)
    expect(quiet.status).toBe(0)
    expect(quiet.stderr).not.toMatch(/\[citation-lookalike\]/)
    expect(quiet.stderr).toMatch(/3 warnings, 0 errors, 1 info \(--verbose prints them\)/)
    const verbose = await cli(['run', 'in', '--out', 'out', '--config', repoConfig, '-j', '1', '--verbose'], dir)
    expect(verbose.stderr).toMatch(/^in\/b\.txt:2:\d+: info .* \[citation-lookalike\]$/m)
    expect(verbose.stderr).toMatch(/3 warnings, 0 errors, 1 info in/)
  })

  it('prints diagnostics sorted by file and position, not in the order they were found', async () => {
    const dir = inputs()
    // A link in the folder is found (and reported) while looking for inputs, before any document runs.
    symlinkSync(join(dir, 'in', 'a.txt'), join(dir, 'in', '0-link.txt'))
    writeFileSync(join(dir, 'in', 'c.txt'), 'Text [4-1].\n')
    symlinkSync(join(dir, 'in', 'c.txt'), join(dir, 'in', 'z-link.txt'))
    const result = await cli(['run', 'in', '--out', 'out', '--config', repoConfig, '-j', '1'], dir)
    const lines = result.stderr.split('\n').filter((line) => / \[[a-z-]+\]$/.test(line))
    expect(lines.map((line) => line.replace(/: (?:warning|error|info) .* \[/, ' ['))).toEqual([
      'in/0-link.txt:1:1 [input-symlink]',
      'in/a.txt:2:6 [citation-reversed-range]',
      'in/a.txt:2:16 [citation-reversed-range]',
      'in/b.txt:2:11 [citation-reversed-range]',
      'in/c.txt:1:6 [citation-reversed-range]',
      'in/z-link.txt:1:1 [input-symlink]'
    ])
  })

  it('prints the summary and every diagnostic as JSON on stdout with --json, and nothing on stderr', async () => {
    const dir = inputs()
    const result = await cli(['run', 'in', '--out', 'out', '--config', repoConfig, '-j', '1', '--json'], dir)
    expect(result.status).toBe(0)
    expect(result.stderr).toBe('')
    const report = JSON.parse(result.stdout) as {command: string; exitCode: number; summary: Record<string, number | boolean>; changed: string[]; diagnostics: Array<{file: string; severity: string; code: string; start: {line: number} | null}>}
    expect(report.command).toBe('run')
    expect(report.exitCode).toBe(0)
    expect(report.summary).toMatchObject({documents: 2, analysed: 2, skipped: 0, errors: 0, warnings: 3, infos: 1, interrupted: false})
    expect(report.changed).toContain(join('out', 'a.json'))
    expect(report.diagnostics.map((d) => [d.file, d.code, d.start?.line])).toEqual([
      ['in/a.txt', 'citation-reversed-range', 2],
      ['in/a.txt', 'citation-reversed-range', 2],
      ['in/b.txt', 'citation-reversed-range', 2],
      ['in/b.txt', 'citation-lookalike', 2]
    ])
  })

  it('reports a config error as JSON too with --json, exit 2', async () => {
    const dir = folder()
    writeFileSync(join(dir, 'pipeline.config.ts'), 'export default {citations: {maxRange: 0}}\n')
    const result = await cli(['run', '--json'], dir)
    expect(result.status).toBe(2)
    const report = JSON.parse(result.stdout) as {exitCode: number; diagnostics: Array<{code: string}>}
    expect(report.exitCode).toBe(2)
    expect(report.diagnostics.map((d) => d.code)).toEqual(['config-invalid'])
  })

  it('lists what --check finds on stdout, the summary on stderr', async () => {
    const dir = inputs()
    const result = await cli(['run', 'in', '--out', 'out', '--config', repoConfig, '-j', '1', '--check'], dir)
    expect(result.status).toBe(1)
    expect(result.stdout.split('\n')).toContain(`${join('out', 'a.json')}: would change`)
    expect(result.stderr).not.toMatch(/would change/)
    expect(existsSync(join(dir, 'out'))).toBe(false)
  })
})

describe('merge', () => {
  it('reports as JSON and lists what --check finds on stdout', async () => {
    const dir = folder()
    mkdirSync(join(dir, 'in'))
    for (const name of ['a', 'b', 'c']) writeFileSync(join(dir, 'in', `${name}.txt`), `Text ${name} cites [1].\n`)
    for (const shard of ['1/2', '2/2']) {
      expect((await cli(['run', 'in', '--out', `shard-${shard[0]}`, '--shard', shard, '--config', repoConfig, '-j', '1', '--quiet'], dir)).status).toBe(0)
    }
    const check = await cli(['merge', 'shard-1', 'shard-2', '--out', 'all', '--config', repoConfig, '--check'], dir)
    expect(check.status).toBe(1)
    expect(check.stdout).toMatch(/^\S*all\/a\.json: would change$/m)
    expect(check.stderr).not.toMatch(/would change/)
    const merged = await cli(['merge', 'shard-1', 'shard-2', '--out', 'all', '--config', repoConfig, '--json'], dir)
    expect(merged.status).toBe(0)
    expect(merged.stderr).toBe('')
    const report = JSON.parse(merged.stdout) as JsonReport
    expect(report).toMatchObject({command: 'merge', exitCode: 0, summary: {documents: 3, errors: 0}, diagnostics: []})
  })
})

describe('finding the config', () => {
  it('walks up from the working directory and resolves the config paths from its folder', async () => {
    const dir = folder()
    mkdirSync(join(dir, 'docs'))
    mkdirSync(join(dir, 'deep', 'er'), {recursive: true})
    writeFileSync(join(dir, 'docs', 'review.txt'), 'Mesenchymal stem cells reduce fibrosis [1].\n')
    writeFileSync(join(dir, 'pipeline.config.ts'), `export default {input: 'docs', output: 'dataset'}\n`)
    const result = await cli(['run', '-j', '1', '--quiet'], join(dir, 'deep', 'er'))
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(existsSync(join(dir, 'dataset', 'review.json'))).toBe(true)
    expect(existsSync(join(dir, 'deep', 'er', 'dataset'))).toBe(false)
    // Sources are named from the working directory, as on the command line.
    const record = JSON.parse(readFileSync(join(dir, 'dataset', 'review.json'), 'utf8')) as {document: {source: string}}
    expect(record.document.source).toBe('../../docs/review.txt')
  })

  it('refuses to run without a config (exit 2) unless told to use the defaults', async () => {
    const dir = folder()
    writeFileSync(join(dir, 'review.txt'), 'Stem cells grew [1].\n')
    const refused = await cli(['run', 'review.txt', '--out', 'out'], dir)
    expect(refused.status).toBe(2)
    expect(refused.stderr).toMatch(/^citeclaim: error no config file: .* --no-config .*\[config-invalid\]$/)
    expect(existsSync(join(dir, 'out'))).toBe(false)
    const defaults = await cli(['run', 'review.txt', '--out', 'out', '--no-config', '-j', '1', '--quiet'], dir)
    expect(defaults.status).toBe(0)
    expect(existsSync(join(dir, 'out', 'review.json'))).toBe(true)
  })

  it('refuses an unknown CSL style or locale when the config is loaded (exit 2), before any document', async () => {
    for (const bibliography of [`{style: 'chicago-fullnote'}`, `{lang: 'xx-YY'}`, `{style: 'styles/missing.csl'}`]) {
      const dir = folder()
      writeFileSync(join(dir, 'review.txt'), 'Stem cells grew [1].\n')
      writeFileSync(join(dir, 'pipeline.config.ts'), `export default {bibliography: ${bibliography}}\n`)
      const result = await cli(['run', 'review.txt', '--out', 'out'], dir)
      expect(result.status, bibliography).toBe(2)
      expect(result.stderr).toMatch(/pipeline\.config\.ts: error invalid config: bibliography\.(style|lang): .*\[config-invalid\]/)
      expect(existsSync(join(dir, 'out'))).toBe(false)
    }
  })
})
