import {describe, expect, it} from 'vitest'
import {createProgress, isInteractive, useColor} from '../../src/batch/progress.js'

const summary = {documents: 3, skipped: 1, warnings: 2, errors: 0, seconds: 1.2}

function recorder(): {write: (text: string) => void; text: () => string} {
  let out = ''
  return {write: (text) => void (out += text), text: () => out}
}

describe('progress', () => {
  it('prints only one summary line when it cannot animate (CI, a pipe)', () => {
    const out = recorder()
    const progress = createProgress({total: 3, write: out.write, interactive: false})
    progress.tick()
    progress.log('input/a.txt:1:1: warning something [code]')
    progress.tick()
    progress.tick()
    progress.done(summary)
    expect(out.text()).toBe('input/a.txt:1:1: warning something [code]\nciteclaim: 3 documents (2 analysed, 1 skipped), 2 warnings, 0 errors in 1.2 s\n')
  })

  it('redraws a line with done/total, rate and ETA on a terminal, and clears it around diagnostics', () => {
    const out = recorder()
    let clock = 0
    const progress = createProgress({total: 4, write: out.write, interactive: true, now: () => clock})
    clock = 1000
    progress.tick()
    expect(out.text()).toBe('\r\u001B[2Kciteclaim 1/4 documents · 1.0 docs/s · ETA 3s')
    progress.log('a diagnostic')
    expect(out.text()).toMatch(/ETA 3s\r\u001B\[2Ka diagnostic\n\r\u001B\[2Kciteclaim 1\/4/)
    progress.done(summary)
    expect(out.text().endsWith('\r\u001B[2Kciteclaim: 3 documents (2 analysed, 1 skipped), 2 warnings, 0 errors in 1.2 s\n')).toBe(true)
  })

  it('colours only when allowed', () => {
    const plain = recorder()
    createProgress({total: 1, write: plain.write, interactive: true, color: false, now: () => 1}).done(summary)
    expect(plain.text()).not.toMatch(/\u001B\[\d+m/)
    const coloured = recorder()
    createProgress({total: 1, write: coloured.write, interactive: true, color: true, now: () => 1}).done(summary)
    expect(coloured.text()).toMatch(/\u001B\[33m2 warnings/)
  })

  it('says nothing of its own when quiet, but still passes diagnostics through', () => {
    const out = recorder()
    const progress = createProgress({total: 2, write: out.write, interactive: true, quiet: true})
    progress.tick()
    progress.log('input/a.txt:1:1: error bad [code]')
    progress.tick()
    progress.done(summary)
    expect(out.text()).toBe('input/a.txt:1:1: error bad [code]\n')
  })

  it('animates only on a terminal outside CI, and colours unless NO_COLOR is set', () => {
    expect(isInteractive({isTTY: true}, {})).toBe(true)
    expect(isInteractive({isTTY: true}, {CI: 'true'})).toBe(false)
    expect(isInteractive({isTTY: true}, {CI: 'false'})).toBe(true)
    expect(isInteractive({isTTY: false}, {})).toBe(false)
    expect(useColor({isTTY: true}, {})).toBe(true)
    expect(useColor({isTTY: true}, {NO_COLOR: '1'})).toBe(false)
    expect(useColor({isTTY: false}, {})).toBe(false)
  })
})
