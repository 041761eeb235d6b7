import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {claimLines, indexEntry, writeCorpus} from '../../src/batch/corpus.js'
import type {DocumentRecord} from '../../src/emit/document.js'
import {analyseText} from '../helpers/analyse.js'

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
        cellTypes: a.cellTypes.length
      },
      diagnostics: {error: 1, warning: 1, info: 0}
    })
  })

  it('writes one claim per line with its document id', () => {
    const lines = claimLines(b).trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(lines).toHaveLength(b.claims.length)
    expect(b.claims.length).toBeGreaterThan(0)
    expect(lines[0]).toEqual({documentId: 'b-doc', ...b.claims[0]})
  })

  it('builds index.json and claims.jsonl from the JSON files alone, sorted by document id', async () => {
    const changed = await writeCorpus(dir, [{id: 'b-doc', jsonPath: join(dir, 'b-doc.json')}, {id: 'a-doc', jsonPath: join(dir, 'a-doc.json')}])
    expect(changed).toEqual([join(dir, 'index.json'), join(dir, 'claims.jsonl')])
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
    expect(readFileSync(join(empty, 'index.json'), 'utf8')).toBe(JSON.stringify({schemaVersion: 1, documents: []}, null, 2) + '\n')
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
})
