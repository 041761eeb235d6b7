import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {diagnostic, diagnosticCodes, reportOn, severityOfMessage} from '../../src/diagnostics.js'
import {diagnosticsOf} from '../../src/emit/document.js'

describe('diagnostics from the one table', () => {
  it('gives a vfile message its code, source and the severity the table says, for each severity', () => {
    const file = new VFile({path: 'invented.txt', value: 'One line [9-3] and [1,,2].\n'})
    const info = reportOn(file, 'reference-uncited', 'reference 4 is never cited')
    const warning = reportOn(file, 'citation-malformed', 'malformed', {line: 1, column: 20, offset: 19})
    const error = reportOn(file, 'input-binary', 'binary')
    expect([info.fatal, warning.fatal, error.fatal]).toEqual([undefined, false, true])
    expect([info, warning, error].map((message) => [message.ruleId, message.source])).toEqual([
      ['reference-uncited', 'citeclaim'],
      ['citation-malformed', 'citeclaim'],
      ['input-binary', 'citeclaim']
    ])
    expect([info, warning, error].map(severityOfMessage)).toEqual(['info', 'warning', 'error'])
  })

  it('turns the messages into records with the same severities, placed ones by position', () => {
    const file = new VFile({path: 'invented.txt', value: 'abc\ndef\n'})
    reportOn(file, 'citation-unclosed', 'second', {line: 2, column: 2, offset: 5})
    reportOn(file, 'citation-reversed-range', 'first', {line: 1, column: 1, offset: 0})
    expect(diagnosticsOf(file).map((record) => [record.code, record.severity, record.start?.offset])).toEqual([
      ['citation-reversed-range', 'warning', 0],
      ['citation-unclosed', 'warning', 5]
    ])
  })

  it('builds a record for a code with its severity and no position by default', () => {
    expect(diagnostic('input-empty', 'empty')).toEqual({severity: 'warning', code: 'input-empty', message: 'empty', start: null})
    expect(diagnostic('merge-conflict', 'x').severity).toBe(diagnosticCodes['merge-conflict'].severity)
  })
})
