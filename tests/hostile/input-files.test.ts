import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {maxInputBytes, readRegularFile} from '../../src/batch/read-regular-file.js'
import {stackLine} from './catalogue.js'
import {runBuiltCli, runIn, withBibliographyFiles} from './input-run.js'

/*
 * Which files citeclaim reads (issue 9, points 6, 7 and 9): regular files only, each at most
 * maxInputBytes, checked before it is read; a symbolic link only where the user named it, for
 * documents and bibliographies alike; no hidden files (macOS `._name` files) from folders.
 */

let work: string
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'citeclaim-input-files-'))
})
afterAll(() => {
  if (work) rmSync(work, {recursive: true, force: true})
})

const document = 'Mesenchymal stem cells repair damaged tissue [1].\n'
const secret = 'TOP-SECRET-TITLE'

/** A fresh folder with `in/` (one document, review.txt) and `elsewhere/` (files outside the input). */
function scratch(name: string): string {
  const dir = join(work, name)
  mkdirSync(join(dir, 'in'), {recursive: true})
  mkdirSync(join(dir, 'elsewhere'), {recursive: true})
  writeFileSync(join(dir, 'in', 'review.txt'), document)
  return dir
}

/** Every output file's text, joined: whatever leaked into the outputs is in here. */
function outputsOf(dir: string): string {
  const out = join(dir, 'out')
  if (!existsSync(out)) return ''
  return readdirSync(out, {withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(out, entry.name), 'utf8'))
    .join('\n')
}

/** The same secret reference in each bibliography format. */
const secretBibliographies: Record<string, string> = {
  '.csl.json': JSON.stringify([{id: 'ref-1', type: 'article-journal', title: secret}]),
  '.bib': `@article{ref1,\n  title = {${secret}},\n  year = {2001}\n}\n`,
  '.ris': `TY  - JOUR\nID  - 1\nTI  - ${secret}\nER  - \n`
}

describe('symbolic links: followed only where named, for documents and bibliographies alike', () => {
  for (const [extension, text] of Object.entries(secretBibliographies)) {
    it(`does not read a ${extension} bibliography beside a document that links elsewhere, and says so`, async () => {
      const dir = scratch(`bibliography-link${extension}`)
      writeFileSync(join(dir, 'elsewhere', 'private' + extension), text)
      symlinkSync(join(dir, 'elsewhere', 'private' + extension), join(dir, 'in', 'review' + extension))
      const {result, diagnostics} = await runIn(dir, ['in'])
      expect(outputsOf(dir)).not.toContain(secret)
      expect(existsSync(join(dir, 'out', 'review.json')), 'the document is still analysed').toBe(true)
      expect(diagnostics).toContainEqual(expect.objectContaining({file: `in/review${extension}`, severity: 'warning', code: 'input-symlink'}))
      expect(result.analysed).toBe(1)
    })
  }

  it('does not read a bibliography link beside a document named on the command line either', async () => {
    const dir = scratch('bibliography-link-named-document')
    writeFileSync(join(dir, 'elsewhere', 'private.csl.json'), secretBibliographies['.csl.json']!)
    symlinkSync(join(dir, 'elsewhere', 'private.csl.json'), join(dir, 'in', 'review.csl.json'))
    const {diagnostics} = await runIn(dir, ['in/review.txt'])
    expect(outputsOf(dir)).not.toContain(secret)
    expect(diagnostics).toContainEqual(expect.objectContaining({file: 'in/review.csl.json', code: 'input-symlink'}))
  })

  it('reports a document link and a folder link found in a folder, and reads neither', async () => {
    const dir = scratch('document-link')
    writeFileSync(join(dir, 'elsewhere', 'other.txt'), `Stem cells ${secret} [1].\n`)
    symlinkSync(join(dir, 'elsewhere', 'other.txt'), join(dir, 'in', 'other.txt'))
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'in', 'more'))
    const {diagnostics} = await runIn(dir, ['in'])
    expect(outputsOf(dir)).not.toContain(secret)
    expect(existsSync(join(dir, 'out', 'other.json'))).toBe(false)
    expect(diagnostics.filter((d) => d.code === 'input-symlink').map((d) => [d.file, d.severity]).sort()).toEqual([['in/more', 'warning'], ['in/other.txt', 'warning']])
  })

  it('follows a link the user named: a document on the command line, a bibliography in bibliography.files', async () => {
    const dir = scratch('named-links')
    writeFileSync(join(dir, 'elsewhere', 'mine.txt'), document)
    writeFileSync(join(dir, 'elsewhere', 'mine.csl.json'), JSON.stringify([{id: 'ref-1', type: 'article-journal', title: 'Named on purpose'}]))
    symlinkSync(join(dir, 'elsewhere', 'mine.txt'), join(dir, 'mine-link.txt'))
    symlinkSync(join(dir, 'elsewhere', 'mine.csl.json'), join(dir, 'refs-link.csl.json'))
    const {diagnostics} = await runIn(dir, ['mine-link.txt'], withBibliographyFiles({'mine-link': 'refs-link.csl.json'}))
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([])
    expect(readFileSync(join(dir, 'out', 'mine-link.references.csl.json'), 'utf8')).toContain('Named on purpose')
  })

  it('refuses a path that is a link when links are not followed, and reads it when they are (readRegularFile)', async () => {
    const dir = scratch('read-link')
    symlinkSync(join(dir, 'in', 'review.txt'), join(dir, 'link.txt'))
    expect(await readRegularFile(join(dir, 'link.txt'), {followLinks: false})).toEqual({ok: false, reason: 'symlink'})
    const followed = await readRegularFile(join(dir, 'link.txt'), {followLinks: true})
    expect(followed.ok && Buffer.from(followed.bytes).toString('utf8')).toBe(document)
  })
})

describe('only regular files are read, and not past the size limit', () => {
  const canMakeFifo = process.platform !== 'win32'
  const fifo = (path: string): void => void execFileSync('mkfifo', [path])

  it.runIf(canMakeFifo)('refuses a FIFO named on the command line instead of waiting for a writer; the other document is written', () => {
    const dir = scratch('fifo-named')
    fifo(join(dir, 'in', 'pipe.txt'))
    const {status, stderr} = runBuiltCli(dir, ['run', 'in/pipe.txt', 'in/review.txt', '--out', 'out', '--quiet'])
    expect(status, stderr).toBe(1)
    expect(stderr).not.toMatch(stackLine)
    expect(stderr).toMatch(/^in\/pipe\.txt:1:1: error cannot read in\/pipe\.txt: it is a FIFO .*only regular files are read \[input-not-file\]$/m)
    expect(existsSync(join(dir, 'out', 'review.json'))).toBe(true)
  })

  it.runIf(canMakeFifo)('refuses FIFOs as bibliographies, found beside a document or named in the config, and analyses the documents without them', () => {
    const dir = scratch('fifo-bibliography')
    fifo(join(dir, 'in', 'review.bib'))
    writeFileSync(join(dir, 'in', 'other.txt'), document)
    fifo(join(dir, 'elsewhere', 'other.csl.json'))
    const config = join(dir, 'fifo.config.ts')
    writeFileSync(config, `export default {input: 'in', output: 'out', bibliography: {files: {other: 'elsewhere/other.csl.json'}}}\n`)
    const {status, stderr} = runBuiltCli(dir, ['run', 'in', '--out', 'out', '--quiet', '--config', config])
    expect(status, stderr).toBe(1)
    expect(stderr).toMatch(/^in\/review\.bib:1:1: error cannot read bibliography in\/review\.bib: it is a FIFO .* \[bibliography-unreadable\]$/m)
    expect(stderr).toMatch(/^elsewhere\/other\.csl\.json:1:1: error cannot read bibliography elsewhere\/other\.csl\.json: it is a FIFO .* \[bibliography-unreadable\]$/m)
    expect(existsSync(join(dir, 'out', 'review.json'))).toBe(true)
    expect(existsSync(join(dir, 'out', 'other.json'))).toBe(true)
  })

  it.runIf(existsSync('/dev/zero'))('refuses /dev/zero named on the command line, through a link, and as a bibliography in the config', async () => {
    const dir = scratch('dev-zero')
    symlinkSync('/dev/zero', join(dir, 'zero.txt'))
    const named = await runIn(dir, ['/dev/zero', 'zero.txt', 'in'], withBibliographyFiles({review: '/dev/zero'}))
    const codes = named.diagnostics.map((d) => `${d.file} ${d.severity} ${d.code}`).sort()
    expect(codes).toContain('zero.txt error input-not-file')
    expect(codes.some((code) => /dev\/zero error bibliography-unreadable$/.test(code))).toBe(true)
    expect(named.diagnostics.some((d) => d.code === 'input-not-file' && d.file.endsWith('dev/zero'))).toBe(true)
    expect(existsSync(join(dir, 'out', 'review.json'))).toBe(true)
  })

  it(`refuses a document over ${maxInputBytes / 2 ** 20} MiB as document-too-large without reading it (a sparse file of zeros: reading it would say input-binary)`, async () => {
    const dir = scratch('too-large')
    const path = join(dir, 'in', 'huge.txt')
    writeFileSync(path, '')
    truncateSync(path, maxInputBytes + 1)
    writeFileSync(join(dir, 'in', 'huge.bib'), '')
    truncateSync(join(dir, 'in', 'huge.bib'), maxInputBytes + 1)
    const {diagnostics} = await runIn(dir, ['in'])
    expect(diagnostics.map((d) => `${d.file} ${d.code}`)).toContain('in/huge.txt document-too-large')
    expect(diagnostics.find((d) => d.code === 'document-too-large')?.message).toBe(`document too large to analyse: ${maxInputBytes + 1} bytes, more than the 64 MiB (${maxInputBytes} bytes) an input may have; split it into smaller files`)
    expect(existsSync(join(dir, 'out', 'review.json'))).toBe(true)
  })

  it('refuses a bibliography over the limit and stops reading a file that grows past it (readRegularFile)', async () => {
    const dir = scratch('limit')
    writeFileSync(join(dir, 'in', 'review.bib'), '')
    truncateSync(join(dir, 'in', 'review.bib'), maxInputBytes + 1)
    const {diagnostics} = await runIn(dir, ['in'])
    expect(diagnostics).toContainEqual(expect.objectContaining({file: 'in/review.bib', code: 'bibliography-unreadable', message: expect.stringMatching(/more than the 64 MiB/)}))
    writeFileSync(join(dir, 'small.txt'), 'x'.repeat(100))
    expect(await readRegularFile(join(dir, 'small.txt'), {followLinks: false, maxBytes: 99})).toEqual({ok: false, reason: 'too-large', size: 100})
    const exact = await readRegularFile(join(dir, 'small.txt'), {followLinks: false, maxBytes: 100})
    expect(exact.ok && exact.bytes.length).toBe(100)
  })

  it('refuses a folder given where a file is read (readRegularFile)', async () => {
    const dir = scratch('folder-read')
    expect(await readRegularFile(join(dir, 'in'), {followLinks: false})).toEqual({ok: false, reason: 'not-regular', kind: 'a folder'})
  })
})

describe('hidden files are not inputs', () => {
  it('lets no macOS ._name file (or any hidden file) take a document id: review.txt is analysed, no duplicate-id error', async () => {
    const dir = scratch('apple-double')
    // An AppleDouble file: binary resource-fork data, named after the file it belongs to.
    writeFileSync(join(dir, 'in', '._review.txt'), Buffer.from([0x00, 0x05, 0x16, 0x07, 0x00, 0x02, 0x00, 0x00, 0x4d, 0x61, 0x63, 0x20, 0x4f, 0x53, 0x20, 0x58]))
    writeFileSync(join(dir, 'in', '.review.md'), 'Stem cells [1].\n')
    mkdirSync(join(dir, 'in', 'sub'))
    writeFileSync(join(dir, 'in', 'sub', 'notes.md'), 'Stem cells [2].\n')
    writeFileSync(join(dir, 'in', 'sub', '._notes.md'), Buffer.from([0x00, 0x05, 0x16, 0x07]))
    const {result, diagnostics} = await runIn(dir, ['in'])
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(result.analysed).toBe(2)
    const record = JSON.parse(readFileSync(join(dir, 'out', 'review.json'), 'utf8')) as {document: {source: string}}
    expect(record.document.source).toBe('in/review.txt')
    expect(JSON.parse(readFileSync(join(dir, 'out', 'notes.json'), 'utf8')).document.source).toBe('in/sub/notes.md')
  })
})
