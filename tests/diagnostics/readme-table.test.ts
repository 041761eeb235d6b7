import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {diagnosticCodes, type DiagnosticCodeInfo} from '../../src/diagnostics.js'

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')

/** The rows of the README's Diagnostics table: code, severity, whether it stops the run (exit 2). */
function readmeTable(): Map<string, {severity: string; stopsRun: boolean}> {
  const section = /^## Diagnostics\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? ''
  const rows = new Map<string, {severity: string; stopsRun: boolean}>()
  for (const line of section.split('\n')) {
    const row = /^\| `([a-z-]+)` \| (error|warning|info)( \(exit 2\))? \|/.exec(line)
    if (row) rows.set(row[1]!, {severity: row[2]!, stopsRun: row[3] !== undefined})
  }
  return rows
}

describe('the diagnostics table', () => {
  const table = readmeTable()
  const codes = Object.entries(diagnosticCodes as Record<string, DiagnosticCodeInfo>)

  it('finds the README table (a guard against a parse that reads nothing)', () => {
    expect(table.size).toBeGreaterThan(30)
  })

  it('lists in the README every code the module has, with its severity and exit 2 marker', () => {
    for (const [code, info] of codes) {
      expect(table.get(code), code).toEqual({severity: info.severity, stopsRun: info.stopsRun === true})
    }
  })

  it('has in the module every code the README lists', () => {
    for (const code of table.keys()) expect(Object.hasOwn(diagnosticCodes, code), code).toBe(true)
  })

  it('gives every code a one-line meaning', () => {
    for (const [code, info] of codes) expect(info.meaning, code).toMatch(/^[^\n]{10,}$/)
  })
})
