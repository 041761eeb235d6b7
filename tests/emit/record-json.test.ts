import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {printRecordJson} from '../../src/emit/record-json.js'
import {documentBibliography} from '../../bench/make-bibliography.js'
import {analyseText} from '../helpers/analyse.js'
import {fuzzRuns} from '../helpers/scale.js'

describe('printRecordJson', () => {
  it('spreads objects over indented lines and prints each array element on one line', () => {
    const value = {schemaVersion: 2, document: {id: 'x', sections: [{id: 's', start: {line: 1, column: 1, offset: 0}}]}, claims: [{id: 'c1', types: ['A', 'B']}, {id: 'c2', types: []}], empty: [], none: {}}
    expect(printRecordJson(value)).toBe(
      [
        '{',
        '  "schemaVersion": 2,',
        '  "document": {',
        '    "id": "x",',
        '    "sections": [',
        '      {"id":"s","start":{"line":1,"column":1,"offset":0}}',
        '    ]',
        '  },',
        '  "claims": [',
        '    {"id":"c1","types":["A","B"]},',
        '    {"id":"c2","types":[]}',
        '  ],',
        '  "empty": [],',
        '  "none": {}',
        '}',
        ''
      ].join('\n')
    )
  })

  it('leaves out undefined members and keeps a line break inside a string escaped, as JSON.stringify does', () => {
    const printed = printRecordJson({a: undefined, b: [{text: 'two\nlines', gone: undefined}]})
    expect(printed).toBe('{\n  "b": [\n    {"text":"two\\nlines"}\n  ]\n}\n')
  })

  it('parses back to the value it printed', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const printed = printRecordJson(value)
        expect(JSON.parse(printed)).toEqual(JSON.parse(JSON.stringify(value)))
        expect(printed.endsWith('\n')).toBe(true)
      }),
      {numRuns: fuzzRuns(200, 1000)}
    )
  })

  it('takes the text of an array element from the caller, under the member it is in', () => {
    const seen: string[] = []
    const printed = printRecordJson({a: [1, 2], b: {a: [3]}}, (key, element) => {
      seen.push(`${key}:${String(element)}`)
      return element === 2 ? '"two"' : undefined
    })
    expect(printed).toBe('{\n  "a": [\n    1,\n    "two"\n  ],\n  "b": {\n    "a": [\n      3\n    ]\n  }\n}\n')
    expect(seen).toEqual(['a:1', 'a:2', 'a:3'])
  })
})

describe('reference lines of a record', () => {
  it('print each reference as JSON.stringify does (the emitted record equals the record printed plainly), for bibliography works cited by two documents under other numbers', () => {
    const text = (numbers: string[]): string => numbers.map((n, index) => `Mesenchymal stem cells reduced fibrosis in model ${index + 1} [${n}].`).join(' ') + '\n'
    for (const [cited, seed] of [[[14, 3, 15], 1], [[15, 14, 3, 92], 2]] as const) {
      const items = documentBibliography(cited, cited.length + 1, seed)
      const {output} = analyseText(text(cited.map((_, index) => String(index + 1))), {bibliography: {source: `refs-${seed}.csl.json`, text: JSON.stringify(items)}})
      const record = JSON.parse(output.files.find((file) => file.suffix === '.json')!.content)
      expect(record.references.filter((reference: {csl: unknown}) => reference.csl !== null)).toHaveLength(cited.length)
      expect(output.files.find((file) => file.suffix === '.json')!.content).toBe(printRecordJson(record))
    }
  })
})

