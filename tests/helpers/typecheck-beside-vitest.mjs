/*
 * `npm test` after the build: the typecheck (`tsc --noEmit -p tsconfig.json`, tests included) runs
 * beside `vitest run` instead of before it. The typecheck takes about 5 s of wall time for 3 s of
 * CPU (tsc is multi-threaded); beside the test run it fills the moments the test forks spend waiting
 * on their child processes and browsers. It runs at a lower priority, so the test forks are served
 * first: it has the whole test run to finish.
 *
 * The command fails when either fails: the exit code is vitest's when that is not 0, else tsc's.
 * tsc's output is printed after vitest's, so the two do not interleave. Arguments are passed to
 * vitest (`npm test -- tests/batch`); the typecheck always covers the whole project.
 */
import {spawn} from 'node:child_process'
import {setPriority} from 'node:os'
import {fileURLToPath} from 'node:url'

const repo = fileURLToPath(new URL('../../', import.meta.url))
const node = process.execPath

/** The children running, to pass on a SIGTERM or SIGHUP sent to this process alone (Ctrl-C reaches them from the terminal). */
const children = new Set()
for (const signal of ['SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal)
    process.exitCode = 128 + (signal === 'SIGTERM' ? 15 : 1)
  })
}

/** Runs `args` with node in the repository; resolves with the exit code (1 for a signal), the signal that ended it, and, when `capture`, the output. */
function run(args, {capture = false, nice = false} = {}) {
  const child = spawn(node, args, {cwd: repo, stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit'})
  children.add(child)
  child.on('close', () => children.delete(child))
  if (nice) {
    try {
      setPriority(child.pid, 10)
    } catch {
      // A platform or sandbox that refuses: the typecheck then runs at normal priority, which is only slower.
    }
  }
  let output = ''
  if (capture) {
    child.stdout.setEncoding('utf8').on('data', (text) => (output += text))
    child.stderr.setEncoding('utf8').on('data', (text) => (output += text))
  }
  return new Promise((resolve) => {
    child.on('error', (error) => resolve({code: 1, signal: null, output: `${output}${error.message}\n`}))
    child.on('close', (code, signal) => resolve({code: code ?? 1, signal, output}))
  })
}

const typecheck = run(['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json'], {capture: true, nice: true})
const tests = await run(['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)])
const types = await typecheck
process.stdout.write(types.output)
const typecheckName = 'typecheck (tsc --noEmit -p tsconfig.json)'
console.log(types.signal ? `${typecheckName} stopped by ${types.signal}` : types.code === 0 ? `${typecheckName}: no errors` : `${typecheckName} failed with exit code ${types.code}`)
process.exitCode ||= tests.code !== 0 ? tests.code : types.code
