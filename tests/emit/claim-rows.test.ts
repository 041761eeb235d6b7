import {describe, expect, it} from 'vitest'
import {toClaimRows} from '../../src/emit/claim-rows.js'
import {analyseText} from '../helpers/analyse.js'
import {schemaErrorsOf} from '../helpers/schema.js'

// An invented review: a claim before the first heading, one in a numbered section citing two
// references, and a printed reference list where only the first entry gives a DOI.
const text = [
  'Stem cells may repair tissue [3].',
  '',
  '1. Introduction',
  '',
  'Mesenchymal stem cells improved liver function in mice [1, 2].',
  '',
  'References',
  '',
  '1. Smith A. Cells in the liver. J Hep. 2001;1:1-2. doi:10.1000/one',
  '2. Jones B. Marrow. J Hep. 2002;2:3-4.',
  '3. Brown C. Blood. J Hep. 2003;3:5-6.',
  ''
].join('\n')

describe('claims.jsonl rows', () => {
  const {record} = analyseText(text)
  const rows = toClaimRows(record)

  it('carry the section id and title of the claim\'s sentence, null before the first heading', () => {
    expect(rows.map((row) => [row.id, row.sectionId, row.sectionTitle])).toEqual([
      ['c1', null, null],
      ['c2', 'sec-1', 'Introduction']
    ])
  })

  it('carry the cited references\' ids and DOIs, in the order of the citations', () => {
    expect(rows.map((row) => [row.citations, row.references])).toEqual([
      [[3], [{id: 'ref-3', doi: null}]],
      [[1, 2], [{id: 'ref-1', doi: '10.1000/one'}, {id: 'ref-2', doi: null}]]
    ])
  })

  it('carry the document id, the claim as the record has it and the position of its sentence', () => {
    for (const [index, row] of rows.entries()) {
      const claim = record.claims[index]!
      const sentence = record.sentences.find((candidate) => candidate.id === claim.sentenceId)!
      expect(row).toMatchObject({documentId: 'test', ...claim, start: sentence.start, end: sentence.end})
      expect(text.slice(row.start.offset, row.end.offset)).toBe(claim.text)
    }
  })

  it('validate against schema/claims-row.schema.json', () => {
    for (const row of rows) expect(schemaErrorsOf('claimsRow', JSON.parse(JSON.stringify(row)))).toEqual([])
    expect(schemaErrorsOf('claimsRow', {...rows[0], cellTypes: rows[0]!.entityTypes})).not.toEqual([])
  })

  it('take the DOI of a bibliography entry before the one its printed entry gives', () => {
    const bibliography = JSON.stringify([
      {id: 'ref-1', type: 'article-journal', title: 'Cells in the liver', DOI: '10.1000/from-csl'},
      {id: 'ref-2', type: 'article-journal', title: 'Marrow'}
    ])
    const withBibliography = analyseText(text, {source: 'test.txt', bibliography: {source: 'test.csl.json', text: bibliography}}).record
    expect(toClaimRows(withBibliography)[1]!.references).toEqual([{id: 'ref-1', doi: '10.1000/from-csl'}, {id: 'ref-2', doi: null}])
  })
})
