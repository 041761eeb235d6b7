import {spawnSync} from 'node:child_process'
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const bin = join(root, 'bin/citeclaim.js')
const seed = join(root, 'input/000_a1b4395412355638.txt')

function citeclaim(args: string[], cwd = root): {status: number | null; stdout: string; stderr: string} {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8', env: {...process.env, CI: 'true', NO_COLOR: '1'}})
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

describe('citeclaim CLI', () => {
  it('finds the committed output/ up to date (run --check)', () => {
    const result = citeclaim(['run', '--check'])
    expect(result.stdout).not.toMatch(/would change/)
    expect(result.status).toBe(0)
  })

  it('with --check, writes nothing, lists what would change and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'citeclaim-cli-'))
    copyFileSync(seed, join(dir, 'review.txt'))
    const result = citeclaim(['run', dir, '--out', join(dir, 'out'), '--check'])
    expect(result.status).toBe(1)
    expect(result.stdout).toMatch(/review\.json: would change/)
    expect(existsSync(join(dir, 'out', 'review.json'))).toBe(false)
  })

  it('processes good documents, reports a bad one as file:line:column: severity message [code], exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'citeclaim-cli-'))
    copyFileSync(seed, join(dir, 'good.txt'))
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x41, 0x00, 0x42]))
    writeFileSync(join(dir, 'reversed.txt'), 'Some text\nwith a reversed range [9-3] here.\n')
    const out = join(dir, 'out')
    const result = citeclaim(['run', dir, '--out', out])
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/binary\.txt:1:2: error .* \[input-binary\]/)
    expect(result.stderr).toMatch(/reversed\.txt:2:23: warning .* \[citation-reversed-range\]/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    const good = JSON.parse(readFileSync(join(out, 'good.json'), 'utf8')) as {citationGroups: unknown[]; document: {source: string}}
    expect(good.citationGroups).toHaveLength(118)
    expect(good.document.source.startsWith('/')).toBe(false)
    expect(existsSync(join(out, 'binary.json'))).toBe(false)
  })

  it('exits 2 with the key path for a bad config, without a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'citeclaim-cli-'))
    writeFileSync(join(dir, 'pipeline.config.ts'), `export default {citations: {maxRange: -1}}\n`)
    mkdirSync(join(dir, 'input'))
    const result = citeclaim(['run'], dir)
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/citations\.maxRange/)
    expect(result.stderr).toMatch(/\[config-invalid\]/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  it('exits 2 on bad usage and prints help and version', () => {
    expect(citeclaim(['frobnicate']).status).toBe(2)
    expect(citeclaim(['run', '--no-such-flag']).status).toBe(2)
    const help = citeclaim(['--help'])
    expect(help.status).toBe(0)
    expect(help.stdout).toMatch(/Usage: citeclaim run/)
    const version = citeclaim(['--version'])
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {version: string}).version)
  })

  it('does not read its own output folder as input when it sits inside the input folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'citeclaim-cli-'))
    writeFileSync(join(dir, 'review.md'), 'Mesenchymal stem cells reduce fibrosis [1].\n')
    for (let run = 0; run < 2; run++) {
      const result = citeclaim(['run', dir, '--out', join(dir, 'out')])
      expect(result.stderr).not.toMatch(/input-duplicate-id/)
      expect(result.status).toBe(0)
    }
  })

  it('refuses two inputs with one id, naming both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'citeclaim-cli-'))
    writeFileSync(join(dir, 'same.txt'), 'One text [1].\n')
    writeFileSync(join(dir, 'same.md'), 'Other text [1].\n')
    const result = citeclaim(['run', dir, '--out', join(dir, 'out')])
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/same\.md.*same\.txt|same\.txt.*same\.md/)
    expect(result.stderr).toMatch(/\[input-duplicate-id\]/)
  })
})
