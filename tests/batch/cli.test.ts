import {describe, expect, it} from 'vitest'
import {main} from '../../src/cli.js'

async function cli(...argv: string[]): Promise<{code: number; stderr: string}> {
  const lines: string[] = []
  const code = await main(argv, (line) => lines.push(line), () => {}, {isTTY: false, write: () => true})
  return {code, stderr: lines.join('\n')}
}

describe('command line', () => {
  it('refuses a shard that is not i/n with exit code 2', async () => {
    const result = await cli('run', '--shard', '4/3')
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/--shard expects i\/n/)
  })

  it('refuses a concurrency that is not a whole number', async () => {
    expect((await cli('run', '--concurrency', '-1')).code).toBe(2)
    expect((await cli('run', '--concurrency', 'many')).code).toBe(2)
  })

  it('needs folders to merge, and no run-only options there', async () => {
    expect((await cli('merge')).stderr).toMatch(/merge needs the output folders/)
    expect((await cli('merge', 'a', '--force')).code).toBe(2)
  })

  it('documents the new options', async () => {
    let help = ''
    await main(['--help'], () => {}, (line) => void (help += line))
    for (const option of ['--force', '--shard I/N', '--quiet', '--concurrency', 'citeclaim merge DIR...']) expect(help).toContain(option)
  })
})
