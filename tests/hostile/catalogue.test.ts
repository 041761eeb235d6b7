import {spawnSync} from 'node:child_process'
import {chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {analyseDocument, type DocumentOutput} from '../../src/pipeline.js'
import {distIsCurrent} from '../helpers/dist-current.js'
import {decodeInput} from '../../src/stages/parse/decode-input.js'
import type {DocumentRecord} from '../../src/emit/document.js'
import {shippedConfig} from '../helpers/analyse.js'
import {schemaErrors} from '../helpers/schema.js'
import {decodeCodes, decodeForPositions, loadCatalogue, stackLine, type CatalogueCase, type ExpectedDiagnostic} from './catalogue.js'
import {markdownProblems, positionProblems} from './checks.js'

const repo = fileURLToPath(new URL('../../', import.meta.url))
const cases = loadCatalogue()

/** A diagnostic as one comparable line; a diagnostic without a place is reported at 1:1. */
function describeDiagnostic(diagnostic: ExpectedDiagnostic, withPlace: boolean): string {
  const place = withPlace ? ` ${diagnostic.line ?? 1}:${diagnostic.column ?? 1}` : ''
  return `${diagnostic.file} ${diagnostic.severity} ${diagnostic.code}${place}`
}

function diagnosticsOf(output: DocumentOutput): ExpectedDiagnostic[] {
  return [
    ...output.bibliographyDiagnostics.map((d) => ({file: 'bibliography' as const, code: d.code, severity: d.severity, line: d.start?.line ?? 1, column: d.start?.column ?? 1})),
    ...output.diagnostics.map((d) => ({file: 'document' as const, code: d.code, severity: d.severity, line: d.start?.line ?? 1, column: d.start?.column ?? 1}))
  ]
}

/**
 * Expected and actual diagnostics side by side, sorted. Where the expectation gives no place, or the
 * place is in bytes (checked on `decodeInput` instead, see below), only file, severity and code count.
 */
function compareDiagnostics(actual: ExpectedDiagnostic[], expected: ExpectedDiagnostic[]): {actual: string[]; expected: string[]} {
  const placed = (d: ExpectedDiagnostic): boolean => !decodeCodes.has(d.code) && expected.some((e) => e.code === d.code && e.file === d.file && e.line !== undefined)
  return {
    actual: actual.map((d) => describeDiagnostic(d, placed(d))).sort(),
    expected: expected.map((d) => describeDiagnostic(d, placed(d))).sort()
  }
}

function recordOf(output: DocumentOutput): DocumentRecord | undefined {
  const json = output.files.find((file) => file.suffix === '.json')?.content
  return json === undefined ? undefined : (JSON.parse(json) as DocumentRecord)
}

/** What a reader sees of the annotated Markdown, and the link targets that did not come from citeclaim. */
function readMarkdown(markdown: string): {visible: string; inputLinks: string[]} {
  const tree: Root = unified().use(remarkParse).parse(markdown)
  const inputLinks: string[] = []
  visit(tree, 'link', (link) => {
    if (!/^#(?:ref|claim):/.test(link.url)) inputLinks.push(link.url)
  })
  return {visible: toString(tree).replace(/\s+/g, ' '), inputLinks}
}

describe('hostile-input catalogue, through analyseDocument', () => {
  for (const testCase of cases) {
    const {expected} = testCase
    it(`${testCase.name}: ${expected.title}`, () => {
      const output = analyseDocument(
        {
          id: expected.id ?? 'case',
          source: expected.document,
          bytes: testCase.bytes,
          ...(testCase.bibliographyBytes ? {bibliography: {source: expected.bibliography!, bytes: testCase.bibliographyBytes}} : {})
        },
        shippedConfig
      )

      const compared = compareDiagnostics(diagnosticsOf(output), expected.diagnostics)
      expect(compared.actual).toEqual(compared.expected)
      for (const diagnostic of [...output.diagnostics, ...output.bibliographyDiagnostics]) expect(diagnostic.message).not.toMatch(stackLine)

      // Undecodable input: the place of the first bad byte, line and column, comes from decodeInput.
      for (const diagnostic of expected.diagnostics.filter((d) => decodeCodes.has(d.code))) {
        const decoded = decodeInput(testCase.bytes)
        expect(decoded.ok).toBe(false)
        if (!decoded.ok) expect({code: decoded.code, line: decoded.start.line, column: decoded.start.column}).toEqual({code: diagnostic.code, line: diagnostic.line, column: diagnostic.column})
      }

      const record = recordOf(output)
      expect(record !== undefined, 'JSON output').toBe(expected.output)
      expect(output.files.length > 0).toBe(expected.output)
      if (!record) return
      expect(schemaErrors(record)).toEqual([])
      expect(positionProblems(decodeForPositions(testCase.bytes), record)).toEqual([])
      expect(record.citationGroups.map((group) => ({raw: group.raw, numbers: group.numbers, valid: group.valid, line: group.start.line, column: group.start.column}))).toEqual(expected.groups)
      if (expected.references) expect(record.references.map((reference) => reference.csl?.id ?? null)).toEqual(expected.references)
      if (expected.id) expect(record.document.id).toBe(expected.id)

      const markdown = output.files.find((file) => file.suffix === '.md')!.content
      const isMarkdownInput = /\.(?:md|markdown)$/i.test(expected.document)
      expect(markdownProblems(markdown, {inputLinks: expected.markdown?.inputLinks ?? isMarkdownInput})).toEqual([])
      if (expected.markdown) {
        const read = readMarkdown(markdown)
        for (const text of expected.markdown.shows) expect(read.visible).toContain(text)
        if (expected.markdown.links) expect(read.inputLinks).toEqual(expected.markdown.links)
      }
    })
  }

  it('leaves Object.prototype alone after every case ran (no __proto__ pollution)', () => {
    expect(Object.keys(Object.prototype)).toEqual([])
    expect(({} as Record<string, unknown>).title).toBeUndefined()
  })
})

/** Runs the built CLI in `cwd`, as `uid` when given; never throws. */
function runCli(args: string[], cwd: string, uid?: number): {status: number | null; stderr: string; stdout: string} {
  const result = spawnSync(process.execPath, [join(repo, 'bin/citeclaim.js'), ...args, '--config', join(repo, 'pipeline.config.ts')], {
    cwd,
    encoding: 'utf8',
    // Only a hang: a run takes seconds, several times more on a loaded machine.
    timeout: 300_000,
    ...(uid === undefined ? {} : {uid, gid: uid})
  })
  return {status: result.status, stderr: result.stderr, stdout: result.stdout}
}

/** Every file under `dir`, relative to it, `/`-separated. */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort()
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The stderr line the CLI must print for a diagnostic: `file:line:column: severity message [code]`. */
function diagnosticLine(file: string, diagnostic: ExpectedDiagnostic): RegExp {
  const place = diagnostic.line !== undefined && !decodeCodes.has(diagnostic.code) ? `${diagnostic.line}:${diagnostic.column}` : '\\d+:\\d+'
  return new RegExp(`^${escapeRegExp(file)}:${place}: ${diagnostic.severity} .*\\[${escapeRegExp(diagnostic.code)}\\]$`, 'm')
}

const asRoot = process.getuid?.() === 0
const nobody = 65_534
/**
 * Root reads a file whatever its mode, so as root the unreadable-file case runs the CLI as nobody.
 * That needs a repository nobody may read; where it may not (a private home folder), the case is
 * skipped rather than failing for a reason that has nothing to do with citeclaim.
 */
const canTestUnreadable =
  !asRoot || spawnSync(process.execPath, ['-e', `require('node:fs').accessSync(${JSON.stringify(join(repo, 'bin/citeclaim.js'))})`], {uid: nobody, gid: nobody}).status === 0

describe('hostile-input catalogue, through the built CLI', () => {
  let work: string

  beforeAll(() => {
    // The CLI under test is this tree's: the global setup (tests/helpers/build-cli-once.ts) built dist/ if a source was newer.
    expect(distIsCurrent(repo)).toBe(true)
    work = mkdtempSync(join(tmpdir(), 'citeclaim-hostile-'))
  })
  afterAll(() => {
    if (work) rmSync(work, {recursive: true, force: true})
  })

  /** A fresh folder `name` in the work folder with `in/` inside. */
  function scratch(name: string): string {
    const dir = join(work, name)
    mkdirSync(join(dir, 'in'), {recursive: true})
    return dir
  }

  it('runs one batch over every case (files renamed after their case): one report, the good documents written, exit code 1', () => {
    const dir = scratch('mixed')
    const byName = cases.filter((testCase) => !testCase.name.startsWith('file-name-'))
    const documentOf = (testCase: CatalogueCase): string => testCase.name + testCase.expected.document.slice(testCase.expected.document.indexOf('.'))
    const bibliographyOf = (testCase: CatalogueCase): string => testCase.name + testCase.expected.bibliography!.slice(testCase.expected.bibliography!.indexOf('.'))
    for (const testCase of byName) {
      copyFileSync(join(testCase.folder, testCase.expected.document), join(dir, 'in', documentOf(testCase)))
      if (testCase.expected.bibliography) copyFileSync(join(testCase.folder, testCase.expected.bibliography), join(dir, 'in', bibliographyOf(testCase)))
    }
    // --verbose: the catalogue's info diagnostics (citation-lookalike, reference-uncited) are printed too.
    const {status, stderr} = runCli(['run', 'in', '--out', 'out', '--verbose'], dir)

    expect(stderr).not.toMatch(stackLine)
    expect(stderr).not.toMatch(/internal error/)
    expect(status, stderr).toBe(1)
    for (const testCase of byName) {
      for (const diagnostic of testCase.expected.diagnostics) {
        const file = `in/${diagnostic.file === 'document' ? documentOf(testCase) : bibliographyOf(testCase)}`
        expect(stderr, `${testCase.name}: ${diagnostic.code}`).toMatch(diagnosticLine(file, diagnostic))
      }
      const jsonPath = join(dir, 'out', `${testCase.name}.json`)
      expect(existsSync(jsonPath), `${testCase.name}.json`).toBe(testCase.expected.output)
      if (!testCase.expected.output) continue
      const record = JSON.parse(readFileSync(jsonPath, 'utf8')) as DocumentRecord
      expect(schemaErrors(record), testCase.name).toEqual([])
      expect(positionProblems(decodeForPositions(testCase.bytes), record), testCase.name).toEqual([])
      expect(record.citationGroups.map((group) => group.raw), testCase.name).toEqual(testCase.expected.groups.map((group) => group.raw))
    }
  })

  for (const testCase of cases.filter((c) => c.name.startsWith('file-name-'))) {
    it(`${testCase.name}: writes ${testCase.expected.id}.json inside the output folder and nothing outside it`, () => {
      const dir = scratch(testCase.name)
      copyFileSync(join(testCase.folder, testCase.expected.document), join(dir, 'in', testCase.expected.document))
      // A hidden file (`...txt`) is not an input when a folder is read; named, it is.
      const path = testCase.expected.document.startsWith('.') ? `in/${testCase.expected.document}` : 'in'
      const {status, stderr} = runCli(['run', path, '--out', 'out'], dir)
      expect(stderr).not.toMatch(stackLine)
      expect(status, stderr).toBe(0)
      expect(listFiles(dir).filter((file) => !file.startsWith('out/'))).toEqual([`in/${testCase.expected.document}`])
      const record = JSON.parse(readFileSync(join(dir, 'out', `${testCase.expected.id}.json`), 'utf8')) as DocumentRecord
      expect(schemaErrors(record)).toEqual([])
      expect(record.document.source).toBe(`in/${testCase.expected.document}`)
      expect(record.citationGroups.map((group) => group.raw)).toEqual(['[1]'])
    })
  }

  it.runIf(canTestUnreadable)('reports an unreadable document with input-unreadable and still writes the others (exit code 1)', () => {
    const dir = scratch('unreadable')
    writeFileSync(join(dir, 'in', 'good.txt'), 'Stem cells repair tissue [1].\n')
    writeFileSync(join(dir, 'in', 'secret.txt'), 'Stem cells repair tissue [2].\n')
    chmodSync(join(dir, 'in', 'secret.txt'), 0o000)
    // As root: run the CLI as nobody, in folders nobody may use.
    if (asRoot) for (const path of [work, dir, join(dir, 'in')]) chmodSync(path, 0o777)
    const {status, stderr} = runCli(['run', 'in', '--out', 'out'], dir, asRoot ? nobody : undefined)
    expect(stderr).not.toMatch(stackLine)
    expect(stderr).toMatch(/^in\/secret\.txt:1:1: error .*EACCES.* \[input-unreadable\]$/m)
    expect(status, stderr).toBe(1)
    expect(existsSync(join(dir, 'out', 'good.json'))).toBe(true)
    expect(existsSync(join(dir, 'out', 'secret.json'))).toBe(false)
  })

  it('fails without a stack trace, and without touching it, when the output folder is an existing file', () => {
    const dir = scratch('unwritable')
    writeFileSync(join(dir, 'in', 'good.txt'), 'Stem cells repair tissue [1].\n')
    writeFileSync(join(dir, 'out'), 'not a folder\n')
    const {status, stderr} = runCli(['run', 'in', '--out', 'out'], dir)
    expect(stderr).not.toMatch(stackLine)
    expect(status, stderr).not.toBe(0)
    expect(stderr).toMatch(/\bout\b/)
    expect(statSync(join(dir, 'out')).isFile()).toBe(true)
    expect(readFileSync(join(dir, 'out'), 'utf8')).toBe('not a folder\n')
    expect(listFiles(dir)).toEqual(['in/good.txt', 'out'])
  })
})

