import {spawn} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {mergeOutputs} from '../../src/batch/merge-outputs.js'
import {runBatch} from '../../src/batch/run-batch.js'
import {analyseText, shippedConfig} from '../helpers/analyse.js'
// Two tests analyse with src's pipeline directly (html outputs, a Markdown document).
import '../helpers/prepare-pipeline.js'
import {liveHtml, renderers} from './render.js'
import {runIn} from './input-run.js'
import {outputProblems, snapshot} from './output-checks.js'
import {buildPrivateCli, repo, type PrivateCli} from './private-cli.js'
import {ambiguousNesting, ambiguousRepetition} from '../../src/config/pattern-safety.js'
import {ConfigError, resolveConfig} from '../../src/config/resolve-config.js'
import shipped from '../../pipeline.config.js'

/*
 * Cases an outside check of issue 9 found that the rest of tests/hostile/ did not have. Each failed
 * on the code before its fix.
 */

/** The message of the ConfigError that resolving `config` throws (fails when it does not throw). */
function refusal(config: unknown): string {
  try {
    resolveConfig(config as Parameters<typeof resolveConfig>[0], 'bad.config.ts')
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as ConfigError).message
  }
  throw new Error('the config was accepted')
}

describe('cue patterns: every list is checked, and repeated alternatives that overlap are refused', () => {
  it('finds a repetition whose alternatives can begin with the same character, or whose body can match nothing', () => {
    expect(ambiguousRepetition('(?:\\w|\\d)+$')).toBe('(?:\\w|\\d)+')
    expect(ambiguousRepetition('\\b(?:[a-z]|[a-z0-9])+\\.')).toBe('(?:[a-z]|[a-z0-9])+')
    expect(ambiguousRepetition('(a|a)*x')).toBe('(a|a)*')
    // Case-insensitive, as cues run: `b` and `B` are one letter.
    expect(ambiguousRepetition('(?:b|B)+')).toBe('(?:b|B)+')
    expect(ambiguousRepetition('(?:a?){20}a{20}')).toBe('(?:a?){20}')
    // Alternatives that start differently split a text one way only.
    expect(ambiguousRepetition('\\b(?:(?:very|so) )*good')).toBeUndefined()
    expect(ambiguousRepetition('(?:ab|cd)+')).toBeUndefined()
    expect(ambiguousRepetition('(?:\\d{3})+')).toBeUndefined()
  })

  it('tells unambiguous bounded word runs from ambiguous nesting', () => {
    expect(ambiguousNesting('(?:[\\w-]+\\s+){0,2}derived')).toBeUndefined()
    expect(ambiguousNesting('(?:\\S+\\s+){0,3}?they')).toBeUndefined()
    expect(ambiguousNesting('(?: [\\w-]+){0,3}')).toBeUndefined()
    expect(ambiguousNesting('(\\w+\\s?)+$')).toBe('(\\w+\\s?)+')
    expect(ambiguousNesting('(?:a+a)+')).toBe('(?:a+a)+')
    expect(ambiguousNesting('((?:a|b)+b)+')).toBe('((?:a|b)+b)+')
  })

  it('accepts the shipped config and the defaults', () => {
    expect(() => resolveConfig(shipped)).not.toThrow()
    expect(() => resolveConfig({})).not.toThrow()
  })

  it('refuses an overlapping alternation under repetition in a cue, naming its key path', () => {
    const message = refusal({claims: {hedgeCues: ['\\bmay\\b', '(?:\\w|\\d)+$']}})
    expect(message).toContain('claims.hedgeCues.1: "(?:\\w|\\d)+" repeats alternatives that can match the same characters')
  })

  it('refuses super-linear patterns in every pattern list of the config, not only the cue lists', () => {
    const bad = '(\\w+\\s?)+$'
    const message = refusal({
      claims: {
        originCues: [bad],
        anaphoraPatterns: [bad],
        cellAnaphoraPatterns: [bad],
        compositeCues: [bad],
        otherSubjectPatterns: [bad],
        sectionEvidence: [{level: 'clinical', headings: [bad]}],
        clauses: {reported: bad, continuation: '(?:\\w|\\d)+$'}
      }
    })
    for (const path of ['originCues.0', 'anaphoraPatterns.0', 'cellAnaphoraPatterns.0', 'compositeCues.0', 'otherSubjectPatterns.0', 'sectionEvidence.0.headings.0', 'clauses.reported', 'clauses.continuation']) {
      expect(message).toContain(`claims.${path}: `)
    }
  })
})

describe('SIGTERM and SIGHUP stop a run as Ctrl-C does', () => {
  let work: string
  let cli: PrivateCli
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'citeclaim-outside-signals-'))
    cli = buildPrivateCli(join(work, 'cli'))
    mkdirSync(join(work, 'in'))
    const seed = readFileSync(join(repo, 'input/000_a1b4395412355638.txt'))
    for (let index = 1; index <= 12; index++) writeFileSync(join(work, 'in', `seed-${String(index).padStart(2, '0')}.txt`), seed)
  }, 120_000)
  afterAll(() => {
    if (work) rmSync(work, {recursive: true, force: true})
  })

  /** Runs the CLI into `out` and sends `signal` once `out` has a document record. */
  function runAndSignal(out: string, signal: NodeJS.Signals): Promise<{status: number | null; killedBy: NodeJS.Signals | null; stderr: string}> {
    const child = spawn(process.execPath, [cli.bin, 'run', 'in', '--out', out, '--config', cli.config, '--quiet', '-j', '1'], {cwd: work, stdio: ['ignore', 'ignore', 'pipe']})
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text))
    let sent = false
    const poll = setInterval(() => {
      if (sent) return
      let names: string[] = []
      try {
        names = readdirSync(join(work, out)).filter((name) => /^seed-\d+\.json$/.test(name))
      } catch {}
      if (names.length === 0) return
      child.kill(signal)
      sent = true
    }, 2)
    return new Promise((resolve, reject) => {
      child.on('error', reject)
      child.on('close', (status, killedBy) => {
        clearInterval(poll)
        resolve({status, killedBy, stderr})
      })
    })
  }

  for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    it(`${signal}: exit code ${code}, no temp file left, the corpus files describe the documents written`, async () => {
      const out = `out-${signal}`
      const stopped = await runAndSignal(out, signal)
      expect(stopped.killedBy, stopped.stderr).toBeNull()
      expect(stopped.status, stopped.stderr).toBe(code)
      expect(stopped.stderr).toMatch(/^citeclaim: interrupted: \d+ of 12 documents done/)
      const files = snapshot(join(work, out))
      const {problems, temps} = outputProblems(files)
      expect(problems).toEqual([])
      expect(temps).toEqual([])
      const records = [...files.keys()].filter((name) => /^seed-\d+\.json$/.test(name)).map((name) => name.replace(/\.json$/, '')).sort()
      const index = JSON.parse(files.get('index.json')!.toString('utf8')) as {documents: Array<{id: string}>}
      expect(index.documents.map((entry) => entry.id)).toEqual(records)
    }, 120_000)
  }
})

describe('merge: a shard file that is a symbolic link is reported, not dropped in silence', () => {
  let work: string
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'citeclaim-outside-merge-'))
    for (const [shard, name] of [['s1', 'a'], ['s2', 'b']] as const) {
      mkdirSync(join(work, shard, 'in'), {recursive: true})
      writeFileSync(join(work, shard, 'in', `${name}.txt`), `Mesenchymal stem cells (MSCs) reduce inflammation in mice ${name} [1].\n\nReferences\n\n1. Smith J. A study. Nature. 2010;1:1-2.\n`)
      const {result} = await runIn(join(work, shard), ['in'])
      expect(result.errors).toBe(0)
    }
  }, 60_000)
  afterAll(() => {
    if (work) rmSync(work, {recursive: true, force: true})
  })

  for (const file of ['b.json', 'b.md']) {
    it(`${file} as a link to a copy outside the shard: a merge-unreadable problem naming it, the target not read into the output`, async () => {
      const shard = join(work, `s2-${file}`)
      cpSync(join(work, 's2', 'out'), shard, {recursive: true})
      // The link points at a copy outside the shard, marked so that reading it through the link shows.
      const outside = join(work, `outside-${file}`)
      writeFileSync(outside, readFileSync(join(shard, file), 'utf8').replace('inflammation', 'INFLAMMATION-OUTSIDE'))
      rmSync(join(shard, file))
      symlinkSync(outside, join(shard, file))
      const problems: Array<{path: string; code: string}> = []
      const out = join(work, `merged-${file}`)
      const result = await mergeOutputs({dirs: [join(work, 's1', 'out'), shard], out, onProblem: (path, _message, code) => problems.push({path, code})})
      expect(problems).toEqual([{path: join(shard, file), code: 'merge-unreadable'}])
      expect(result.problems).toBe(1)
      for (const [name, bytes] of snapshot(out)) expect(bytes.toString('utf8'), name).not.toContain('INFLAMMATION-OUTSIDE')
    })
  }
})

describe("citeclaim's annotated Markdown moved out of its output folder is not read as a document", () => {
  let work: string
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'citeclaim-outside-copy-'))
  })
  afterAll(() => {
    if (work) rmSync(work, {recursive: true, force: true})
  })

  it('a copy of <id>.md (or the same text renamed to .txt) in a folder of its own: input-is-output at its first anchor, no outputs', async () => {
    mkdirSync(join(work, 'in'))
    writeFileSync(join(work, 'in', 'a.txt'), 'Mesenchymal stem cells (MSCs) reduce inflammation in mice [1].\n\nReferences\n\n1. Smith J. A study. Nature. 2010;1:1-2.\n')
    expect((await runIn(work, ['in'])).result.errors).toBe(0)
    const annotated = readFileSync(join(work, 'out', 'a.md'), 'utf8')
    const copies = join(work, 'copies')
    mkdirSync(copies)
    writeFileSync(join(copies, 'a.md'), annotated)
    writeFileSync(join(copies, 'renamed.txt'), annotated)
    const anchorLine = annotated.split('\n').findIndex((line) => line.startsWith('- <a id="')) + 1
    const copyRun = join(work, 'copy-run')
    mkdirSync(copyRun)
    const {result, diagnostics} = await runIn(copyRun, [copies])
    expect(result.errors).toBe(2)
    // In file order: documents report as they finish.
    expect(diagnostics.map((d) => [d.file, d.code, d.start?.line, d.start?.column]).sort()).toEqual([
      ['../copies/a.md', 'input-is-output', anchorLine, 1],
      ['../copies/renamed.txt', 'input-is-output', anchorLine, 1]
    ])
    expect(readdirSync(join(copyRun, 'out')).filter((name) => /^(?:a|renamed)\./.test(name))).toEqual([])
  })

  it('an input that quotes such an anchor as text, or uses it mid-line, is a document', async () => {
    const dir = join(work, 'quotes')
    mkdirSync(join(dir, 'in'), {recursive: true})
    writeFileSync(join(dir, 'in', 'q.md'), 'Mesenchymal stem cells repair tissue [1]. The tag `- <a id="claim:c1"></a>` is citeclaim\'s.\n\n- see <a id="ref:1"></a> here\n')
    const {result, diagnostics} = await runIn(dir, ['in'])
    expect(diagnostics.filter((d) => d.code === 'input-is-output')).toEqual([])
    expect(result.errors).toBe(0)
  })
})

describe('document ids that differ only in case (one file on macOS and Windows) are duplicates', () => {
  let work: string
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'citeclaim-outside-case-'))
  })
  afterAll(() => {
    if (work) rmSync(work, {recursive: true, force: true})
  })

  const text = (marker: string): string => `Mesenchymal stem cells (MSCs) reduce inflammation in ${marker} [1].\n\nReferences\n\n1. Smith J. A study. Nature. 2010;1:1-2.\n`

  it('run: the second of `Review-A.txt` and `review a.txt` is input-duplicate-id; one document is written', async () => {
    const dir = join(work, 'run')
    mkdirSync(join(dir, 'in'), {recursive: true})
    writeFileSync(join(dir, 'in', 'Review-A.txt'), text('mice'))
    writeFileSync(join(dir, 'in', 'review a.txt'), text('rats'))
    const {diagnostics} = await runIn(dir, ['in'])
    expect(diagnostics.map((d) => d.code)).toEqual(['input-duplicate-id'])
    expect(diagnostics[0]!.message).toMatch(/differ only in case/)
    const records = readdirSync(join(dir, 'out')).filter((name) => /^review-a\.json$/i.test(name))
    expect(records).toHaveLength(1)
  })

  it('run: `Index.txt` is input-reserved-id, as `index.txt` is: its record would be the corpus file index.json', async () => {
    const dir = join(work, 'reserved')
    mkdirSync(join(dir, 'in'), {recursive: true})
    writeFileSync(join(dir, 'in', 'Index.txt'), text('mice'))
    writeFileSync(join(dir, 'in', 'other.txt'), text('rats'))
    const {diagnostics} = await runIn(dir, ['in'])
    expect(diagnostics.map((d) => [d.file, d.code])).toEqual([['in/Index.txt', 'input-reserved-id']])
    expect(readdirSync(join(dir, 'out')).filter((name) => /^index\./i.test(name))).toEqual(['index.html', 'index.json'])
    const index = JSON.parse(readFileSync(join(dir, 'out', 'index.json'), 'utf8')) as {documents: Array<{id: string}>}
    expect(index.documents.map((entry) => entry.id)).toEqual(['other'])
  })

  it('merge: a shard with `Review-A` and another with `review-a` is a merge-conflict, and one of them is merged', async () => {
    const shards: string[] = []
    for (const [shard, name, marker] of [['s1', 'Review-A', 'mice'], ['s2', 'review-a', 'rats']] as const) {
      const dir = join(work, shard)
      mkdirSync(join(dir, 'in'), {recursive: true})
      writeFileSync(join(dir, 'in', `${name}.txt`), text(marker))
      expect((await runIn(dir, ['in'])).result.errors).toBe(0)
      shards.push(join(dir, 'out'))
    }
    const problems: string[] = []
    const out = join(work, 'merged')
    const result = await mergeOutputs({dirs: shards, out, onProblem: (_path, _message, code) => problems.push(code)})
    expect(problems).toEqual(['merge-conflict'])
    expect(result.documents).toBe(1)
    expect(readdirSync(out).filter((name) => /^review-a\.json$/i.test(name))).toEqual(['Review-A.json'])
  })
})

describe('a cache folder swapped for a symbolic link while a run is going', () => {
  let work: string
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'citeclaim-outside-swap-'))
  })
  afterAll(() => {
    if (work) rmSync(work, {recursive: true, force: true})
  })

  for (const swapped of ['.citeclaim-cache/corpus', '.citeclaim-cache'] as const) {
    it(`${swapped}: nothing is written or deleted where the link points; the next run rebuilds and agrees with --check`, async () => {
      const dir = join(work, swapped.replace(/\W/g, '_'))
      mkdirSync(join(dir, 'in'), {recursive: true})
      for (const name of ['a', 'b', 'c', 'd']) writeFileSync(join(dir, 'in', `${name}.txt`), `Mesenchymal stem cells (MSCs) reduce inflammation in ${name} mice [1].\n\nReferences\n\n1. Smith J. A study. Nature. 2010;1:1-2.\n`)
      // Outside the output folder: a folder with a file of a name citeclaim would write or delete there.
      const victim = join(dir, 'victim')
      mkdirSync(victim)
      writeFileSync(join(victim, 'd.jsonl'), 'not citeclaim\'s\n')
      writeFileSync(join(victim, 'manifest.json'), 'not citeclaim\'s\n')
      const out = join(dir, 'out')
      const options = {paths: ['in'], config: shippedConfig, out, cwd: dir, concurrency: 1}
      expect((await runBatch(options)).errors).toBe(0)
      for (const name of ['a', 'b', 'c', 'd']) writeFileSync(join(dir, 'in', `${name}.txt`), `Mesenchymal stem cells (MSCs) repair tissue in ${name} rats [1].\n\nReferences\n\n1. Smith J. A study. Nature. 2010;1:1-2.\n`)
      rmSync(join(dir, 'in', 'd.txt'))
      let documents = 0
      const result = await runBatch({
        ...options,
        onDocument: () => {
          // After the first document: the folder is moved away and a link to the victim takes its place.
          if (documents++ !== 0) return
          renameSync(join(out, swapped), join(dir, 'moved-away'))
          symlinkSync(swapped === '.citeclaim-cache' ? victim : join('..', '..', 'victim'), join(out, swapped))
        }
      })
      expect(documents).toBe(3)
      expect(result.errors).toBe(0)
      expect(readdirSync(victim).sort()).toEqual(['d.jsonl', 'manifest.json'])
      expect(readFileSync(join(victim, 'd.jsonl'), 'utf8')).toBe('not citeclaim\'s\n')
      expect(readFileSync(join(victim, 'manifest.json'), 'utf8')).toBe('not citeclaim\'s\n')
      // The next run removes the link, rebuilds the cache, and then a check finds nothing to change.
      expect((await runBatch(options)).errors).toBe(0)
      expect(existsSync(join(victim, 'd.jsonl'))).toBe(true)
      expect(readdirSync(victim).sort()).toEqual(['d.jsonl', 'manifest.json'])
      const check = await runBatch({...options, check: true})
      expect([...check.changed, ...check.removed]).toEqual([])
    })
  }
})

describe('strings from the config in the annotated Markdown stay text', () => {
  it('a category or evidence id, an entity label or ontology id holding blank lines and HTML makes nothing live in any renderer', () => {
    const category = 'biology\n\n<img src=x onerror=alert(1)> {onclick=alert(2)}\n\n'
    const evidence = 'preclinical\r\n\r\n<svg onload=alert(3)>'
    const config = resolveConfig({
      ...shipped,
      entityTypes: shipped.entityTypes!.map((type) => (type.id === 'MSC' ? {...type, label: 'MSC\n\n<img src=x onerror=alert(4)>\n\n', ontologyId: 'CL:1\n\n<script>alert(5)</script>'} : type)),
      claims: {
        ...shipped.claims!,
        defaultCategory: category,
        categories: shipped.claims!.categories!.map((entry) => (entry.id === 'biology' ? {...entry, id: category} : entry)),
        evidence: shipped.claims!.evidence!.map((entry) => (entry.id === 'preclinical' ? {...entry, id: evidence} : entry))
      }
    })
    const {markdown, record} = analyseText('1. Introduction\n\nMesenchymal stem cells (MSCs) reduce inflammation in mice [1].\n\nReferences\n\n1. Smith J. A study. Nature. 2010;1:1-2.\n', {source: 'a.txt', config})
    // The case is the one wanted: a claim whose tag carries both ids.
    expect(record.claims.map((claim) => [claim.category, claim.evidence])).toEqual([[category, evidence]])
    for (const [name, render] of Object.entries(renderers)) {
      expect(liveHtml(render(markdown), {inputLinks: false}), name).toEqual([])
    }
  })
})

describe('a list item that begins with `[ ]` or `[x]` in a .md input', () => {
  it('is no task-list checkbox under pandoc (which reads escaped brackets as one), nor under GFM; the text is kept', () => {
    const input = '# Introduction\n\n- [ ] Mesenchymal stem cells reduce inflammation in mice [1].\n- [x] MSCs are safe in rats.\n\n1. [X] MSCs home to the liver.\n\n## References\n\n1. Smith J. A study. Nature. 2010;1:1-2.\n'
    const {markdown} = analyseText(input, {source: 'tasks.md'})
    for (const [name, render] of Object.entries(renderers)) {
      const html = render(markdown)
      expect(liveHtml(html, {inputLinks: true}), name).toEqual([])
      expect(html, name).not.toMatch(/<input|task-list/)
      expect(html.replace(/<[^>]*>/g, ''), name).toMatch(/\[ \] Mesenchymal[\s\S]*\[x\] MSCs are safe[\s\S]*\[X\] MSCs home/)
    }
  })
})

describe('merge into a folder that holds files of the same names that citeclaim did not write', () => {
  it('a user\'s own <id>.md (a folder of documents given as --out) is not overwritten: merge-conflict, the document left out', async () => {
    const work = mkdtempSync(join(tmpdir(), 'citeclaim-outside-merge-foreign-'))
    try {
      mkdirSync(join(work, 'in'))
      writeFileSync(join(work, 'in', 'review.txt'), 'Mesenchymal stem cells (MSCs) reduce inflammation in mice [1].\n\nReferences\n\n1. Smith J. A study. Nature. 2010;1:1-2.\n')
      writeFileSync(join(work, 'in', 'other.txt'), 'Hematopoietic stem cells reconstitute the marrow [1].\n\nReferences\n\n1. Doe J. Another. Cell. 2011;2:3-4.\n')
      expect((await runIn(work, ['in'])).result.errors).toBe(0)
      const documents = join(work, 'documents')
      mkdirSync(documents)
      const draft = '# My review draft\n\nNot citeclaim output.\n'
      writeFileSync(join(documents, 'review.md'), draft)
      const problems: Array<[string, string]> = []
      const result = await mergeOutputs({dirs: [join(work, 'out')], out: documents, onProblem: (path, _message, code) => problems.push([path, code])})
      expect(problems).toEqual([[join(documents, 'review.md'), 'merge-conflict']])
      expect(result.problems).toBe(1)
      expect(readFileSync(join(documents, 'review.md'), 'utf8')).toBe(draft)
      // The other document is merged; the corpus files list only what is citeclaim's there.
      // `other.references.csl.json`: the CSL items of the document's own reference list.
      expect(readdirSync(documents).sort()).toEqual(['claims.jsonl', 'index.html', 'index.json', 'other.html', 'other.json', 'other.md', 'other.references.csl.json', 'review.md'])
      // Into a folder that already holds citeclaim's files of that document, the merge replaces them.
      const again = await mergeOutputs({dirs: [join(work, 'out')], out: join(work, 'out-copy')})
      expect(again.problems).toBe(0)
      writeFileSync(join(work, 'out-copy', 'review.md'), 'stale\n')
      expect((await mergeOutputs({dirs: [join(work, 'out')], out: join(work, 'out-copy')})).problems).toBe(0)
      expect(readFileSync(join(work, 'out-copy', 'review.md'))).toEqual(readFileSync(join(work, 'out', 'review.md')))
    } finally {
      rmSync(work, {recursive: true, force: true})
    }
  })
})

describe('run into a folder that holds files of the same names that citeclaim did not write', () => {
  it('a user\'s own <id>.md or <id>.json is not overwritten: output-not-ours, the other documents written; a link there is replaced', async () => {
    const work = mkdtempSync(join(tmpdir(), 'citeclaim-outside-run-foreign-'))
    try {
      mkdirSync(join(work, 'in'))
      for (const name of ['review', 'notes', 'linked', 'other']) writeFileSync(join(work, 'in', `${name}.txt`), `Mesenchymal stem cells (MSCs) reduce inflammation in ${name} mice [1].\n\nReferences\n\n1. Smith J. A study. Nature. 2010;1:1-2.\n`)
      const out = join(work, 'out')
      mkdirSync(out)
      const draft = '# My review draft\n'
      writeFileSync(join(out, 'review.md'), draft)
      writeFileSync(join(out, 'notes.json'), '{"mine": true}\n')
      writeFileSync(join(work, 'target'), 'outside\n')
      symlinkSync(join(work, 'target'), join(out, 'linked.md'))
      const {result, diagnostics} = await runIn(work, ['in'])
      expect(diagnostics.map((d) => [d.file, d.code]).sort()).toEqual([['in/notes.txt', 'output-not-ours'], ['in/review.txt', 'output-not-ours']])
      expect(result.errors).toBe(2)
      expect(readFileSync(join(out, 'review.md'), 'utf8')).toBe(draft)
      expect(readFileSync(join(out, 'notes.json'), 'utf8')).toBe('{"mine": true}\n')
      expect(readFileSync(join(work, 'target'), 'utf8')).toBe('outside\n')
      expect(readdirSync(out).filter((name) => !name.startsWith('.')).sort()).toEqual(['claims.jsonl', 'index.html', 'index.json', 'linked.html', 'linked.json', 'linked.md', 'linked.references.csl.json', 'notes.json', 'other.html', 'other.json', 'other.md', 'other.references.csl.json', 'review.md'])
      // citeclaim's own files of a document are replaced as ever, and a second run changes nothing else.
      writeFileSync(join(work, 'in', 'other.txt'), 'Hematopoietic stem cells reconstitute the marrow [1].\n\nReferences\n\n1. Doe J. Another. Cell. 2011;2:3-4.\n')
      const again = await runIn(work, ['in'])
      expect(again.diagnostics.map((d) => d.code).sort()).toEqual(['output-not-ours', 'output-not-ours'])
      expect(readFileSync(join(out, 'other.md'), 'utf8')).toContain('Hematopoietic')
    } finally {
      rmSync(work, {recursive: true, force: true})
    }
  })
})
