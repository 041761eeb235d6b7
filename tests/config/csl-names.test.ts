import {plugins} from '@citation-js/core'
import '@citation-js/plugin-csl'
import {describe, expect, it} from 'vitest'
import {bundledCslLocales, bundledCslStyles} from '../../src/config/csl-names.js'

describe('the CSL names a config is checked against', () => {
  it('are exactly the styles and locales citation-js bundles (an upgrade that changes them fails here)', () => {
    const csl = plugins.config.get('@csl') as {styles: {list(): string[]}; locales: {list(): string[]}}
    expect([...bundledCslStyles].sort()).toEqual([...csl.styles.list()].sort())
    expect([...bundledCslLocales].sort()).toEqual([...csl.locales.list()].sort())
  })
})
