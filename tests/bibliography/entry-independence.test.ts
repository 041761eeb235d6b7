import {readFileSync} from 'node:fs'
import {plugins} from '@citation-js/core'
import '@citation-js/plugin-csl'
import {describe, expect, it} from 'vitest'
import {entriesAreIndependent} from '../../src/stages/bibliography/entry-independence.js'

const bundled = (name: string): string => (plugins.config.get('@csl').styles as {get(name: string): string}).get(name)

/** An invented style: `citation` and `bibliography` attributes and the bibliography's layout are given. */
function style({citation = '', bibliography = '', layout = '<text variable="title"/>', macro = '<text variable="author"/>'} = {}): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <macro name="m">${macro}</macro>
  <citation${citation}><layout><text variable="citation-number"/></layout></citation>
  <bibliography${bibliography}><sort><key variable="citation-number"/></sort><layout>${layout}</layout></bibliography>
</style>`
}

describe('entriesAreIndependent', () => {
  it('is true for Vancouver (the bundled copy and styles/vancouver.csl) and false for APA and harvard1', () => {
    expect(entriesAreIndependent(bundled('vancouver'))).toBe(true)
    expect(entriesAreIndependent(readFileSync(new URL('../../styles/vancouver.csl', import.meta.url), 'utf8'))).toBe(true)
    expect(entriesAreIndependent(bundled('apa'))).toBe(false)
    expect(entriesAreIndependent(bundled('harvard1'))).toBe(false)
  })

  it('accepts a plain style, and a leading "N." or "[N]" label (citeclaim strips it)', () => {
    expect(entriesAreIndependent(style())).toBe(true)
    expect(entriesAreIndependent(style({layout: '<text variable="citation-number" suffix=". "/><text macro="m"/>'}))).toBe(true)
    expect(entriesAreIndependent(style({layout: '<text variable="citation-number" prefix="[" suffix="]"/><text macro="m"/>'}))).toBe(true)
  })

  it('refuses a citation number that stays in the text: another label, not first, twice, or in a macro', () => {
    expect(entriesAreIndependent(style({layout: '<text variable="citation-number" prefix="(" suffix=")"/><text macro="m"/>'}))).toBe(false)
    expect(entriesAreIndependent(style({layout: '<text macro="m"/><text variable="citation-number" suffix="."/>'}))).toBe(false)
    expect(entriesAreIndependent(style({layout: '<text variable="citation-number" suffix="."/><text variable="citation-number"/>'}))).toBe(false)
    expect(entriesAreIndependent(style({macro: '<text variable="citation-number"/>'}))).toBe(false)
  })

  it('refuses disambiguation, a disambiguate condition, year suffixes and the author substitute', () => {
    expect(entriesAreIndependent(style({citation: ' disambiguate-add-year-suffix="true"'}))).toBe(false)
    expect(entriesAreIndependent(style({citation: ' disambiguate-add-names="true"'}))).toBe(false)
    expect(entriesAreIndependent(style({citation: ' disambiguate-add-givenname="true"'}))).toBe(false)
    expect(entriesAreIndependent(style({citation: ' givenname-disambiguation-rule="all-names"'}))).toBe(false)
    expect(entriesAreIndependent(style({macro: '<choose><if disambiguate="true"><text variable="title"/></if></choose>'}))).toBe(false)
    expect(entriesAreIndependent(style({layout: '<date variable="issued"><date-part name="year"/></date><text variable="year-suffix"/>'}))).toBe(false)
    expect(entriesAreIndependent(style({bibliography: ' subsequent-author-substitute="———"'}))).toBe(false)
  })

  it('accepts options set to false, and ignores what is in comments', () => {
    expect(entriesAreIndependent(style({citation: ' disambiguate-add-year-suffix="false"'}))).toBe(true)
    expect(entriesAreIndependent(style({layout: '<!-- <text variable="year-suffix"/> --><text variable="title"/>'}))).toBe(true)
  })

  it('refuses a style without a bibliography', () => {
    expect(entriesAreIndependent(style().replace(/<bibliography[\s\S]*<\/bibliography>/, ''))).toBe(false)
  })
})
