import {spawnSync} from 'node:child_process'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'

const url = (path: string): string => pathToFileURL(new URL(path, import.meta.url).pathname).href

// In a process of its own: in this one, other tests may have loaded citation-js already.
const script = `
import {createRequire} from 'node:module'
const {analyseDocument} = await import(${JSON.stringify(url('../../src/pipeline.ts'))})
const {resolveConfig} = await import(${JSON.stringify(url('../../src/config/resolve-config.ts'))})
const config = resolveConfig({})
const loaded = () => Object.keys(createRequire(import.meta.url).cache).filter((path) => path.includes('@citation-js')).length
const text = Buffer.from('Mesenchymal stem cells improved liver function in rats [1].\\n')
analyseDocument({id: 'plain', source: 'plain.txt', bytes: text}, config)
const before = loaded()
const bibliography = Buffer.from(JSON.stringify([{id: 'ref1', type: 'book', title: 'A book'}]))
const output = analyseDocument({id: 'cited', source: 'cited.txt', bytes: text, bibliography: {source: 'cited.csl.json', bytes: bibliography}}, config)
console.log(JSON.stringify({before, after: loaded(), formatted: output.files.some((file) => file.content.includes('A book'))}))
`

describe('citation-js', () => {
  it('is loaded only by the first document with a bibliography', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {encoding: 'utf8'})
    expect(child.stderr).toBe('')
    const result = JSON.parse(child.stdout) as {before: number; after: number; formatted: boolean}
    expect(result.before).toBe(0)
    expect(result.after).toBeGreaterThan(0)
    expect(result.formatted).toBe(true)
  })
})
