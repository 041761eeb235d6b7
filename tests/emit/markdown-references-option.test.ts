import {describe, expect, it} from 'vitest'
import {resolveConfig} from '../../src/config/resolve-config.js'
import type {ResolvedConfig} from '../../src/config/types.js'
import {analyseText, shippedConfig} from '../helpers/analyse.js'

const text = 'Mesenchymal stem cells (MSCs) reduce inflammation in mice [2] and rats [1].\n\nReferences\n\n1. Smith J. A study of rats. Nature. 2010;1:1-2.\n2. Lee K. A study of mice. Cell. 2011;2:3-4.\n'
const withReferences = (references: 'list' | 'none'): ResolvedConfig => ({...shippedConfig, markdown: {...shippedConfig.markdown, references}})

describe('markdown.references', () => {
  it('is `list` by default: the Markdown ends with a References section', () => {
    expect(resolveConfig({}).markdown.references).toBe('list')
    expect(analyseText(text).markdown).toMatch(/^## References\n\n- <a id="ref:1"><\/a>\*\*1\.\*\* Smith J\. A study of rats/m)
  })

  it('`none` leaves the References section out and changes nothing else', () => {
    const list = analyseText(text, {config: withReferences('list')}).markdown
    const none = analyseText(text, {config: withReferences('none')}).markdown
    expect(none).not.toContain('## References')
    expect(list.startsWith(none.trimEnd())).toBe(true)
  })

  it('accepts only `list` or `none`', () => {
    expect(resolveConfig({markdown: {references: 'none'}}).markdown.references).toBe('none')
    expect(() => resolveConfig({markdown: {references: 'both' as never}})).toThrow(/markdown\.references/)
  })
})
