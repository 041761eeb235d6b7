import {existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {discoverInputs} from '../../src/batch/discover-inputs.js'
import {ownOutputTest, realLocation} from '../../src/batch/input-output-overlap.js'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, {recursive: true, force: true})
})
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'citeclaim-discovery-'))
  folders.push(root)
  return root
}

describe('bibliographies found from a folder listing', () => {
  it('pairs a bibliography beside a walked document, a link or a file, and none where the folder has none', async () => {
    const root = project()
    mkdirSync(join(root, 'docs'))
    mkdirSync(join(root, 'elsewhere'))
    writeFileSync(join(root, 'docs', 'alpha.txt'), 'Cells grew [1].\n')
    writeFileSync(join(root, 'elsewhere', 'alpha.bib'), '@article{a, title={A}}\n')
    symlinkSync(join(root, 'elsewhere', 'alpha.bib'), join(root, 'docs', 'alpha.bib'))
    writeFileSync(join(root, 'docs', 'beta.md'), 'Cells died [1].\n')
    writeFileSync(join(root, 'docs', 'beta.ris'), 'TY  - JOUR\nER  -\n')
    writeFileSync(join(root, 'docs', 'gamma.txt'), 'Cells slept [1].\n')
    const {inputs} = await discoverInputs(['docs'], {}, root)
    expect(inputs.map((input) => [input.id, input.bibliographySource])).toEqual([['alpha', 'docs/alpha.bib'], ['beta', 'docs/beta.ris'], ['gamma', undefined]])
  })

  it('asks the disk about a bibliography listed only in another case, which answers as its file system does', async () => {
    const root = project()
    mkdirSync(join(root, 'docs'))
    writeFileSync(join(root, 'docs', 'eta.txt'), 'Cells split [1].\n')
    writeFileSync(join(root, 'docs', 'ETA.BIB'), '@article{a, title={A}}\n')
    const {inputs} = await discoverInputs(['docs'], {}, root)
    // Whether eta.bib is ETA.BIB is the file system's call: this one's (the disk's) is the answer.
    const caseBlind = existsSync(join(root, 'docs', 'eta.bib'))
    expect(inputs.map((input) => [input.id, input.bibliographySource])).toEqual([['eta', caseBlind ? 'docs/eta.bib' : undefined]])
  })

  it('looks on disk beside a document named on its own, whose folder was not listed', async () => {
    const root = project()
    mkdirSync(join(root, 'docs'))
    writeFileSync(join(root, 'docs', 'delta.txt'), 'Cells moved [1].\n')
    writeFileSync(join(root, 'docs', 'delta.csl.json'), '[]\n')
    const {inputs} = await discoverInputs(['docs/delta.txt'], {}, root)
    expect(inputs.map((input) => [input.id, input.bibliographySource])).toEqual([['delta', 'docs/delta.csl.json']])
  })
})

describe('own outputs told through a folder real path', () => {
  it('sees a regular file reached through a link to the output folder as inside it', async () => {
    const root = project()
    mkdirSync(join(root, 'out'))
    writeFileSync(join(root, 'out', 'epsilon.md'), '# Epsilon\n')
    symlinkSync(join(root, 'out'), join(root, 'via'))
    const isOwn = ownOutputTest(await realLocation(join(root, 'out')))
    expect(await isOwn(join(root, 'via', 'epsilon.md'), true)).toBe(true)
    expect(await isOwn(join(root, 'via', 'epsilon.md'))).toBe(true)
  })

  it('follows a named document that is a link to the output folder, without the hint', async () => {
    const root = project()
    mkdirSync(join(root, 'out'))
    mkdirSync(join(root, 'docs'))
    writeFileSync(join(root, 'out', 'zeta.md'), '# Zeta\n')
    symlinkSync(join(root, 'out', 'zeta.md'), join(root, 'docs', 'zeta.md'))
    const isOwn = ownOutputTest(await realLocation(join(root, 'out')))
    expect(await isOwn(join(root, 'docs', 'zeta.md'))).toBe(true)
  })
})
