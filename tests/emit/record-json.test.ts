import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {printRecordJson} from '../../src/emit/record-json.js'
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
})
