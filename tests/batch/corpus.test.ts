import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {createHash} from 'node:crypto'
import {mkdirSync} from 'node:fs'
import {claimLines, corpusCache, corpusCachePath, indexEntry, writeCorpus} from '../../src/batch/corpus.js'
import {toClaimRows} from '../../src/emit/claim-rows.js'
import type {DocumentRecord} from '../../src/emit/document.js'
import {analyseText} from '../helpers/analyse.js'
// Analyses documents with src's pipeline directly: prepare it, as the package's entry point does.
import '../helpers/prepare-pipeline.js'

const dir = mkdtempSync(join(tmpdir(), 'citeclaim-corpus-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

function record(id: string, text: string): DocumentRecord {
  const {record} = analyseText(text, {source: `input/${id}.txt`})
  return {...record, document: {...record.document, id}}
}

const b = record('b-doc', 'Mesenchymal stem cells improved liver function [1]. Hematopoietic stem cells may be safe [2].\n')
const a = record('a-doc', 'Embryonic stem cells form teratomas [3].\n')
for (const r of [a, b]) writeFileSync(join(dir, `${r.document.id}.json`), JSON.stringify(r, null, 2) + '\n')

describe('corpus files', () => {
  it('counts what a document holds, diagnostics by severity', () => {
    const withWarning: DocumentRecord = {...a, diagnostics: [{severity: 'warning', code: 'x', message: 'm', start: null}, {severity: 'error', code: 'y', message: 'm', start: null}]}
    expect(indexEntry(withWarning)).toEqual({
      id: 'a-doc',
      source: 'input/a-doc.txt',
      sha256: a.document.sha256,
      title: a.document.title,
      counts: {
        sections: a.document.sections.length,
        citationGroups: a.citationGroups.length,
        references: a.references.length,
        sentences: a.sentences.length,
        claims: a.claims.length,
        entityTypes: a.entityTypes.length
      },
      diagnostics: {error: 1, warning: 1, info: 0}
    })
  })

  it('writes one claim per line: its row of toClaimRows, with its document id', () => {
    const lines = claimLines(b).trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(lines).toHaveLength(b.claims.length)
    expect(b.claims.length).toBeGreaterThan(0)
    expect(lines).toEqual(toClaimRows(b))
    expect(lines[0]).toMatchObject({documentId: 'b-doc', ...b.claims[0]})
  })

  it('builds index.json and claims.jsonl from the JSON files alone, sorted by document id', async () => {
    const changed = await writeCorpus(dir, [{id: 'b-doc', jsonPath: join(dir, 'b-doc.json')}, {id: 'a-doc', jsonPath: join(dir, 'a-doc.json')}])
    expect(changed).toEqual([join(dir, 'index.json'), join(dir, 'claims.jsonl')])
    // The corpus page only when the html output is on.
    expect(existsSync(join(dir, 'index.html'))).toBe(false)
    const indexText = readFileSync(join(dir, 'index.json'), 'utf8')
    const index = JSON.parse(indexText) as {schemaVersion: number; documents: Array<{id: string}>}
    // Streamed, yet the same bytes JSON.stringify would give.
    expect(indexText).toBe(JSON.stringify(index, null, 2) + '\n')
    expect(index.documents.map((entry) => entry.id)).toEqual(['a-doc', 'b-doc'])
    expect(readFileSync(join(dir, 'claims.jsonl'), 'utf8')).toBe(claimLines(a) + claimLines(b))
  })

  it('writes an empty corpus as valid JSON and leaves unchanged files alone', async () => {
    const empty = join(dir, 'empty')
    await writeCorpus(empty, [])
    expect(readFileSync(join(empty, 'index.json'), 'utf8')).toBe(JSON.stringify({schemaVersion: 2, documents: []}, null, 2) + '\n')
    expect(readFileSync(join(empty, 'claims.jsonl'), 'utf8')).toBe('')
    expect(await writeCorpus(empty, [])).toEqual([])
  })

  it('leaves out a file that is not a document record, and says so', async () => {
    writeFileSync(join(dir, 'c-doc.json'), '{"not": "a record"}')
    const problems: string[] = []
    await writeCorpus(join(dir, 'bad'), [{id: 'c-doc', jsonPath: join(dir, 'c-doc.json')}, {id: 'a-doc', jsonPath: join(dir, 'a-doc.json')}], {onProblem: (path) => problems.push(path)})
    expect(problems).toEqual([join(dir, 'c-doc.json')])
    const index = JSON.parse(readFileSync(join(dir, 'bad', 'index.json'), 'utf8')) as {documents: Array<{id: string}>}
    expect(index.documents.map((entry) => entry.id)).toEqual(['a-doc'])
  })

  it('takes a document from its corpus cache when the cache was made from the same record, else from the record', async () => {
    const out = join(dir, 'cached')
    const json = (r: DocumentRecord): string => JSON.stringify(r, null, 2) + '\n'
    const sha = (text: string): string => createHash('sha256').update(text).digest('hex')
    mkdirSync(join(out, '.citeclaim-cache', 'corpus'), {recursive: true})
    for (const r of [a, b]) writeFileSync(join(out, `${r.document.id}.json`), json(r))
    // A cache whose claims differ from the record's shows which source was read.
    const marked = {...b, claims: b.claims.slice(0, 1)}
    const caches = {'b-doc': corpusCache(marked, sha(json(b))), 'a-doc': corpusCache({...a, claims: []}, sha('something else'))}
    writeFileSync(corpusCachePath(out, 'b-doc'), caches['b-doc'])
    // a-doc's cache names another record: it is not used.
    writeFileSync(corpusCachePath(out, 'a-doc'), caches['a-doc'])
    const documents = [a, b].map((r) => ({
      id: r.document.id,
      jsonPath: join(out, `${r.document.id}.json`),
      cache: {out, jsonSha256: sha(json(r)), corpusSha256: sha(caches[r.document.id as 'a-doc' | 'b-doc']), jsonVerified: false}
    }))
    await writeCorpus(out, documents)
    expect(readFileSync(join(out, 'claims.jsonl'), 'utf8')).toBe(claimLines(a) + claimLines(marked))
    expect(b.claims.length).toBeGreaterThan(1)
    // Without what the manifest says of the cache, the cache is never read.
    await writeCorpus(out, documents.map(({id, jsonPath}) => ({id, jsonPath})))
    expect(readFileSync(join(out, 'claims.jsonl'), 'utf8')).toBe(claimLines(a) + claimLines(b))
  })

  it('makes the same corpus files from caches as from records', async () => {
    const fromRecords = join(dir, 'from-records')
    const fromCaches = join(dir, 'from-caches')
    for (const out of [fromRecords, fromCaches]) mkdirSync(join(out, '.citeclaim-cache', 'corpus'), {recursive: true})
    const documents = [a, b].map((r) => {
      const text = JSON.stringify(r, null, 2) + '\n'
      const jsonSha256 = createHash('sha256').update(text).digest('hex')
      for (const out of [fromRecords, fromCaches]) writeFileSync(join(out, `${r.document.id}.json`), text)
      const cache = corpusCache(r, jsonSha256)
      writeFileSync(corpusCachePath(fromCaches, r.document.id), cache)
      return {id: r.document.id, jsonSha256, corpusSha256: createHash('sha256').update(cache).digest('hex')}
    })
    await writeCorpus(fromRecords, documents.map(({id}) => ({id, jsonPath: join(fromRecords, `${id}.json`)})), {page: true})
    // The records are gone (the run vouched for their sha256 already): only the caches can give the entries.
    for (const {id} of documents) rmSync(join(fromCaches, `${id}.json`))
    await writeCorpus(fromCaches, documents.map(({id, jsonSha256, corpusSha256}) => ({id, jsonPath: join(fromCaches, `${id}.json`), cache: {out: fromCaches, jsonSha256, corpusSha256, jsonVerified: true}})), {page: true})
    for (const name of ['index.json', 'claims.jsonl', 'index.html']) expect(readFileSync(join(fromCaches, name), 'utf8'), name).toBe(readFileSync(join(fromRecords, name), 'utf8'))
  })
})
