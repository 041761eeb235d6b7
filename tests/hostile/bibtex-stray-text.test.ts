import {describe, expect, it} from 'vitest'
import {loadBibliography, type LoadedBibliography} from '../../src/stages/bibliography/load-bibliography.js'
import {splitBibtex} from '../../src/stages/bibliography/split-bibtex.js'
import {severityOfMessage} from '../../src/diagnostics.js'
/** The bibliography file's messages in the order reported, as code, severity, line and text. */
function problemsOf(loaded: LoadedBibliography): Array<{code: string | undefined; severity: string; line: number | undefined; start: {line: number; column: number; offset?: number} | undefined; message: string}> {
  return loaded.file.messages.map((message) => {
    const place = message.place && 'start' in message.place ? message.place.start : message.place
    return {code: message.ruleId, severity: severityOfMessage(message), line: message.line ?? undefined, start: place ? {line: place.line, column: place.column, offset: place.offset} : undefined, message: message.reason}
  })
}

/** The stray-text warnings of a .bib, as `line:column code`. */
function strays(text: string): string[] {
  return problemsOf(loadBibliography('refs.bib', text))
    .filter((problem) => problem.code === 'bibliography-garbage')
    .map((problem) => `${problem.start?.line}:${problem.start?.column} ${problem.severity}`)
}

describe('BibTeX text between entries', () => {
  it('warns at the text left after an entry closed too early, and still reads the entry', () => {
    const loaded = loadBibliography('refs.bib', '@article{broken, title={x\n@@@ }}} garbage {{{')
    expect(strays('@article{broken, title={x\n@@@ }}} garbage {{{')).toEqual(['2:7 warning'])
    expect(loaded.entries.map((entry) => entry.item.id)).toEqual(['broken'])
    expect(problemsOf(loaded)[0]!.message).toContain('refs.bib')
    expect(problemsOf(loaded)[0]!.message).toContain('"} garbage {{{"')
  })

  it('accepts white space and % comment lines between entries', () => {
    expect(strays('% JabRef header\n@article{a, title={A}}\n\n  % a comment\n\n@book{b, title={B}}\n% trailing\n')).toEqual([])
  })

  it('finds stray text on a later line, and after a parenthesised entry', () => {
    expect(strays('@article{a, title={A}}\n\nnot a comment\n@book{b, title={B}}\n')).toEqual(['3:1 warning'])
    expect(strays('@article(a, title={A (1)}) junk\n')).toEqual(['1:28 warning'])
  })

  it('leaves an entry that never closes to bibliography-entry-invalid', () => {
    const text = '@article{a, title={A}\n\n@article{b, title={B}}\n'
    expect(splitBibtex(text).map((chunk) => chunk.stray)).toEqual([null, null])
  })
})
