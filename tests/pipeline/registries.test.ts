import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {afterAll, describe, expect, it} from 'vitest'
import {runBatch} from '../../src/batch/run-batch.js'
import {ConfigError, resolveConfig} from '../../src/config/resolve-config.js'
import {emitters, registerEmitter, type Emitter} from '../../src/emit/emitters.js'
import {analyseDocument, createProcessor} from '../../src/pipeline.js'
import {registerCitationSyntax, keysOfNumbers, type CitationSyntax} from '../../src/stages/citations/citation-syntax.js'
import type {FoundGroup} from '../../src/stages/citations/find-citation-groups.js'
import {parseCitationGroup} from '../../src/stages/citations/parse-citation-group.js'
import {citationsOf} from '../helpers/citation-nodes.js'
// Analyses documents with src's pipeline directly: prepare it, as the package's entry point does.
import '../helpers/prepare-pipeline.js'

/**
 * Issue 11, registries: a newcomer adds an output format or a citation syntax by adding one entry.
 * Each toy below is one entry, and everything that reads the registries picks it up.
 */

/** A toy format: one line per claim, `<id>.claims.txt`. */
const toyEmitter: Emitter = {name: 'claims-txt', suffix: '.claims.txt', emit: ({record}) => record.claims.map((claim) => `${claim.id}\t${claim.entityTypes.join(',')}\n`).join('')}
registerEmitter(toyEmitter)

/** A toy syntax: citation numbers in double braces, `{{12}}` or `{{3-5}}`. */
const toySyntax: CitationSyntax = {
  name: 'double-braces',
  find(text) {
    const groups: FoundGroup[] = []
    for (const match of text.matchAll(/\{\{([^{}]*)\}\}/g)) groups.push({start: match.index, end: match.index + match[0].length, body: match[1]!, malformed: false})
    return groups
  },
  parse: parseCitationGroup,
  resolve: keysOfNumbers
}
registerCitationSyntax(toySyntax)

const folders: string[] = []
afterAll(() => {
  for (const folder of folders) rmSync(folder, {recursive: true, force: true})
})

const config = (outputs?: string[]) => resolveConfig({entityTypes: [{id: 'MSC', label: 'Mesenchymal stem cells', names: ['mesenchymal stem cell'], abbreviations: ['MSC']}], ...(outputs ? {outputs} : {})})
const text = 'Mesenchymal stem cells reduce fibrosis in mice {{2}}. MSCs also secrete cytokines [3].\n'
const bibliography = JSON.stringify([
  {id: 'alpha1999', type: 'article-journal', title: 'Alpha', issued: {'date-parts': [[1999]]}},
  {id: 'beta2004', type: 'article-journal', title: 'Beta', issued: {'date-parts': [[2004]]}},
  {id: 'gamma2010', type: 'article-journal', title: 'Gamma', issued: {'date-parts': [[2010]]}}
])

describe('emitter registry', () => {
  it('lists the built-in formats in the order they are written, then a registered one', () => {
    expect(emitters().map((emitter) => [emitter.name, emitter.suffix])).toEqual([
      ['json', '.json'],
      ['md', '.md'],
      ['csl', '.references.csl.json'],
      ['html', '.html'],
      ['claims-txt', '.claims.txt']
    ])
  })

  it('refuses an emitter whose name or suffix is taken, or whose files could not be told apart', () => {
    expect(() => registerEmitter({...toyEmitter, suffix: '.other.txt'})).toThrow(/already registered/)
    expect(() => registerEmitter({...toyEmitter, name: 'other'})).toThrow(/already registered/)
    expect(() => registerEmitter({name: 'upper', suffix: '.TXT', emit: () => ''})).toThrow(/must be a dot and lower-case/)
    expect(() => registerEmitter({name: 'jsonl', suffix: '.jsonl', emit: () => ''})).toThrow(/claims\.jsonl/)
    expect(emitters()).toHaveLength(5)
  })

  it('writes a registered format when the config names it in outputs, and only then', () => {
    const input = {id: 'doc', source: 'doc.txt', bytes: new TextEncoder().encode(text)}
    const named = analyseDocument(input, config(['json', 'claims-txt']))
    expect(named.files.map((file) => file.suffix)).toEqual(['.json', '.claims.txt'])
    expect(named.files[1]!.content).toBe('c1\tMSC\nc2\tMSC\n')
    expect(analyseDocument(input, config()).files.map((file) => file.suffix)).toEqual(['.json', '.md'])
    // The evidence map is the built-in `html` entry: written when named, after the formats before it.
    const page = analyseDocument(input, config(['json', 'md', 'html']))
    expect(page.files.map((file) => file.suffix)).toEqual(['.json', '.md', '.html'])
    expect(page.files[2]!.content).toMatch(/^<!doctype html>[^]*<mark id="claim-c1">[^]*<\/html>\n$/)
  })

  it('refuses an outputs list without json, and a name no emitter has', () => {
    expect(() => config(['md'])).toThrow(ConfigError)
    expect(() => config(['md'])).toThrow(/outputs: must include "json"/)
    expect(() => config(['json', 'JSON'])).toThrow(/outputs\.1: must match pattern/)
    // Names are checked against the registry when a run starts, before anything is written.
    return expect(runBatch({paths: ['nowhere'], out: join(tmpdir(), 'never-written'), config: config(['json', 'htm'])})).rejects.toThrow(/outputs\.1: unknown output "htm"; expected one of "json", "md", "csl", "html", "claims-txt"/)
  })

  it('makes the CLI exit 2 naming the config file and key for an unknown output, writing nothing (built CLI)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'citeclaim-outputs-'))
    folders.push(dir)
    writeFileSync(join(dir, 'pipeline.config.ts'), `export default {outputs: ['json', 'htm']}\n`)
    mkdirSync(join(dir, 'input'))
    writeFileSync(join(dir, 'input', 'doc.txt'), text)
    const bin = fileURLToPath(new URL('../../bin/citeclaim.js', import.meta.url))
    const result = spawnSync(process.execPath, [bin, 'run'], {cwd: dir, encoding: 'utf8', env: {...process.env, CI: 'true', NO_COLOR: '1'}})
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/pipeline\.config\.ts: error invalid config: outputs\.1: unknown output "htm"; expected one of "json", "md", "csl", "html" \[config-invalid\]/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(existsSync(join(dir, 'output'))).toBe(false)
  })

  it('is read by batch runs: the new file is written, cached, checked and cleaned up like the others', async () => {
    const root = mkdtempSync(join(tmpdir(), 'citeclaim-registry-'))
    folders.push(root)
    const input = join(root, 'input')
    const out = join(root, 'output')
    mkdirSync(input)
    writeFileSync(join(input, 'doc.txt'), text)
    const withToy = config(['json', 'md', 'claims-txt'])
    const run = (options: {check?: boolean; paths?: string[]} = {}) => runBatch({paths: options.paths ?? [input], out, config: withToy, concurrency: 1, cwd: root, ...(options.check ? {check: true} : {})})
    const toyFile = join(out, 'doc.claims.txt')

    expect(await run()).toMatchObject({analysed: 1, skipped: 0})
    expect(readFileSync(toyFile, 'utf8')).toBe('c1\tMSC\nc2\tMSC\n')
    // The cache (manifest) records the file: an unchanged run skips the document...
    expect(await run()).toMatchObject({analysed: 0, skipped: 1})
    // ...and vouches for its bytes: a changed toy file makes --check report it and a run rewrite it.
    writeFileSync(toyFile, 'edited by hand\n')
    expect(await run({check: true})).toMatchObject({changed: [toyFile]})
    expect(await run()).toMatchObject({analysed: 1, changed: [toyFile]})
    expect(readFileSync(toyFile, 'utf8')).toBe('c1\tMSC\nc2\tMSC\n')

    // Stale cleanup: with the input gone, the toy file goes with the others (from the manifest)...
    rmSync(join(input, 'doc.txt'))
    expect(await run({check: true})).toMatchObject({removed: expect.arrayContaining([toyFile])})
    expect(await run()).toMatchObject({removed: [join(out, 'doc.claims.txt'), join(out, 'doc.json'), join(out, 'doc.md')]})
    expect(existsSync(toyFile)).toBe(false)

    // ...and without a manifest (a fresh clone), from the registered suffixes.
    writeFileSync(join(input, 'doc.txt'), text)
    await run()
    rmSync(join(out, '.citeclaim-cache'), {recursive: true})
    rmSync(join(input, 'doc.txt'))
    expect(await run()).toMatchObject({removed: [join(out, 'doc.claims.txt'), join(out, 'doc.json'), join(out, 'doc.md')]})
  })
})

describe('citation syntax registry', () => {
  it('finds a registered syntax beside numeric brackets, each group resolved to bibliography keys', () => {
    const {citations} = citationsOf(text, {
      config: config(),
      format: 'text',
      path: 'doc.txt',
      bibliography: {path: 'doc.csl.json', entries: (JSON.parse(bibliography) as Array<{id: string}>).map((item, index) => ({number: index + 1, item}))}
    })
    const groups = citations.map((citation) => citation.data)
    expect(groups.map(({id, raw, numbers, valid, syntax, keys}) => ({id, raw, numbers, valid, syntax, keys}))).toEqual([
      {id: 'g1', raw: '{{2}}', numbers: [2], valid: true, syntax: 'double-braces', keys: ['beta2004']},
      {id: 'g2', raw: '[3]', numbers: [3], valid: true, syntax: 'numeric-brackets', keys: ['gamma2010']}
    ])
  })

  it('gives the new syntax the same record, validity checks and links as numeric brackets', () => {
    const output = analyseDocument(
      {id: 'doc', source: 'doc.txt', bytes: new TextEncoder().encode(text + 'Reversed {{5-4}} and beyond {{9}}.\n'), bibliography: {source: 'doc.csl.json', bytes: new TextEncoder().encode(bibliography)}},
      config()
    )
    const record = output.record!
    expect(record.citationGroups.map(({raw, numbers, valid}) => ({raw, numbers, valid}))).toEqual([
      {raw: '{{2}}', numbers: [2], valid: true},
      {raw: '[3]', numbers: [3], valid: true},
      {raw: '{{5-4}}', numbers: [], valid: false},
      {raw: '{{9}}', numbers: [], valid: false}
    ])
    expect(record.references.map((reference) => reference.number)).toEqual([2, 3])
    expect(output.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(expect.arrayContaining(['citation-reversed-range', 'citation-number-out-of-range', 'reference-uncited']))
  })

  it('keeps numeric brackets first: a callout two syntaxes both find goes to the earlier one', () => {
    // A syntax finding `[n]` too: the registered numeric brackets keep it.
    const greedy: CitationSyntax = {...toySyntax, name: 'greedy', find: (value) => [...value.matchAll(/\[(\d+)\]/g)].map((match) => ({start: match.index, end: match.index + match[0].length, body: match[1]!, malformed: false}))}
    registerCitationSyntax(greedy)
    const output = analyseDocument({id: 'doc', source: 'doc.txt', bytes: new TextEncoder().encode(text)}, config())
    expect(output.record!.citationGroups.map((group) => group.raw)).toEqual(['{{2}}', '[3]'])
    const file = new VFile({path: 'doc.txt', value: 'Cells [3] grew.\n'})
    const processor = createProcessor(config(), 'text')
    const tree = processor.runSync(processor.parse(file), file) as Root
    expect(JSON.stringify(tree)).toContain('"syntax":"numeric-brackets"')
    expect(JSON.stringify(tree)).not.toContain('"syntax":"greedy"')
  })
})
