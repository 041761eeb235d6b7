import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import * as citeclaim from '../../src/index.js'

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const api = /^## API\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? ''
const index = readFileSync(new URL('../../src/index.ts', import.meta.url), 'utf8')

/** Every name `src/index.ts` exports, values and types. */
function exportedNames(): string[] {
  const names: string[] = []
  for (const block of index.matchAll(/^export (?:type )?\{([^}]*)\}/gm)) {
    for (const part of block[1]!.split(',')) {
      const name = part.trim().replace(/^type /, '').split(/\s+as\s+/).pop()!
      if (name) names.push(name)
    }
  }
  return names
}

describe('the README API section', () => {
  it('reads the exports of src/index.ts (a guard against a parse that reads nothing)', () => {
    expect(exportedNames().length).toBeGreaterThan(60)
  })

  it('names every export, value or type', () => {
    const missing = exportedNames().filter((name) => !api.includes(`\`${name}\``))
    expect(missing).toEqual([])
  })

  it('gives every value export a row with its signature, and lists nothing that is not exported', () => {
    const rows = new Map([...api.matchAll(/^\| `(\w+)` \| `([^`]+)` \|/gm)].map((row) => [row[1]!, row[2]!]))
    expect([...rows.keys()].sort()).toEqual(Object.keys(citeclaim).sort())
  })
})
