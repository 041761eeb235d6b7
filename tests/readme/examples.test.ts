import {spawnSync} from 'node:child_process'
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/config/load-config.js'

const repo = fileURLToPath(new URL('../..', import.meta.url))
const readme = readFileSync(join(repo, 'README.md'), 'utf8')

/**
 * The README's runnable examples: code blocks whose info string is `ts test`, `js test` or `sh test`.
 * A ts/js block that default-exports a config is loaded as a config; any other runs as an ES module;
 * a sh block runs in `sh -e` with `npx citeclaim` as the built CLI. Each runs in a folder of its own
 * holding `review.txt` (the seed) and the shipped `pipeline.config.ts`, where `citeclaim` resolves to
 * this package (built: `npm run build`).
 */
const blocks = [...readme.matchAll(/^```(ts|js|sh) test\n([\s\S]*?)^```$/gm)].map((match) => ({
  lang: match[1] as 'ts' | 'js' | 'sh',
  code: match[2]!,
  line: readme.slice(0, match.index).split('\n').length
}))

/** A folder where `import … from 'citeclaim'` and the package's dependencies resolve as in a project using it. */
const sandboxes: string[] = []
afterAll(() => {
  for (const dir of sandboxes) rmSync(dir, {recursive: true, force: true})
})

function sandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), 'citeclaim-readme-'))
  sandboxes.push(dir)
  const modules = join(dir, 'node_modules')
  mkdirSync(modules)
  for (const name of readdirSync(join(repo, 'node_modules'))) symlinkSync(join(repo, 'node_modules', name), join(modules, name))
  symlinkSync(repo, join(modules, 'citeclaim'))
  copyFileSync(join(repo, 'input/000_a1b4395412355638.txt'), join(dir, 'review.txt'))
  copyFileSync(join(repo, 'pipeline.config.ts'), join(dir, 'pipeline.config.ts'))
  return dir
}

const tsx = ['--require', join(repo, 'node_modules/tsx/dist/preflight.cjs'), '--import', pathToFileURL(join(repo, 'node_modules/tsx/dist/loader.mjs')).href]

describe('the README examples', () => {
  it('finds the runnable blocks (a guard against a parse that reads none)', () => {
    expect(blocks.map((block) => block.lang).sort()).toEqual(['js', 'sh', 'ts', 'ts', 'ts'])
    expect(existsSync(join(repo, 'dist/index.js'))).toBe(true)
  })

  for (const block of blocks) {
    it(`runs the ${block.lang} block at README.md:${block.line}`, async () => {
      const dir = sandbox()
      if (block.lang !== 'sh' && /^export default /m.test(block.code)) {
        writeFileSync(join(dir, 'example.config.ts'), block.code)
        const {config} = await loadConfig('example.config.ts', dir)
        expect(config.entityTypes.length).toBeGreaterThan(0)
        return
      }
      const result =
        block.lang === 'sh'
          ? spawnSync('sh', ['-ec', block.code.replace(/^npx citeclaim /gm, `node ${JSON.stringify(join(repo, 'bin/citeclaim.js'))} `)], {cwd: dir, encoding: 'utf8', env: {...process.env, CI: 'true'}})
          : (writeFileSync(join(dir, `example.${block.lang === 'ts' ? 'mts' : 'mjs'}`), block.code),
            spawnSync(process.execPath, [...(block.lang === 'ts' ? tsx : []), join(dir, `example.${block.lang === 'ts' ? 'mts' : 'mjs'}`)], {cwd: dir, encoding: 'utf8'}))
      expect(result.stderr.replace(/^citeclaim: .* in [\d.]+ s$/gm, '').trim(), `README.md:${block.line}`).toBe('')
      expect(result.status, `README.md:${block.line}: ${result.stderr}`).toBe(0)
    }, 120_000)
  }
})
