import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {schemaErrorsOf} from '../helpers/schema.js'

/*
 * Checks of an output folder after a run was killed or interrupted, written without src/: every file
 * there must be whole, whatever moment the run stopped at.
 */

/** Every file under `dir` (hidden ones too), relative to it, `/`-separated, with its bytes. */
export function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  if (!existsSync(dir)) return files
  const entries = readdirSync(dir, {recursive: true, withFileTypes: true}).filter((entry) => entry.isFile())
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name)
    files.set(relative(dir, path).split('\\').join('/'), readFileSync(path))
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/** A temp file of an atomic write: hidden, named after its target, the writer's pid and 8 hex digits. */
export const tempFile = /(?:^|\/)\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/

/** The output stamps: bytes that record each output's inode and times. */
const stampsFile = '.citeclaim-cache/stamps.json'

/**
 * What is wrong with the files of an output folder: a JSON file that does not parse, a document
 * record, corpus index, `claims.jsonl` line or CSL-JSON file that fails its shipped schema, a
 * manifest, corpus cache or formatted-entry cache that is not one, an HTML page cut short. Temp files are returned apart, for the caller to judge.
 * Empty problems: every file is whole and valid.
 */
export function outputProblems(files: ReadonlyMap<string, Buffer>): {problems: string[]; temps: string[]} {
  const problems: string[] = []
  const temps: string[] = []
  const parse = (name: string, text: string): unknown => {
    try {
      return JSON.parse(text) as unknown
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`)
      return undefined
    }
  }
  const validate = (name: string, kind: Parameters<typeof schemaErrorsOf>[0], value: unknown): void => {
    if (value !== undefined) for (const error of schemaErrorsOf(kind, value)) problems.push(`${name}: ${error}`)
  }
  for (const [name, bytes] of files) {
    const text = bytes.toString('utf8')
    if (tempFile.test(name) || name.endsWith('.tmp')) {
      temps.push(name)
    } else if (name === 'claims.jsonl') {
      if (text !== '' && !text.endsWith('\n')) problems.push(`${name}: no newline at the end`)
      text.split('\n').slice(0, -1).forEach((line, index) => validate(`${name} line ${index + 1}`, 'claimsRow', parse(`${name} line ${index + 1}`, line)))
    } else if (name === 'index.json') {
      validate(name, 'index', parse(name, text))
    } else if (name === '.citeclaim-cache/manifest.json') {
      const manifest = parse(name, text) as {manifestVersion?: unknown; documents?: unknown} | undefined
      if (manifest && (manifest.manifestVersion !== 1 || typeof manifest.documents !== 'object')) problems.push(`${name}: not a manifest`)
    } else if (name === '.citeclaim-cache/stamps.json') {
      const stamps = parse(name, text) as {stampsVersion?: unknown; files?: unknown} | undefined
      if (stamps && (stamps.stampsVersion !== 1 || typeof stamps.files !== 'object')) problems.push(`${name}: not a stamps file`)
    } else if (name.startsWith('.citeclaim-cache/corpus/') && name.endsWith('.jsonl')) {
      // A corpus cache: its head (the record's sha256 and index entry), then claims.jsonl lines.
      if (!text.endsWith('\n')) problems.push(`${name}: no newline at the end`)
      const lines = text.split('\n').slice(0, -1)
      const head = parse(`${name} line 1`, lines[0] ?? '') as {json?: unknown; schemaVersion?: unknown; entry?: unknown} | undefined
      if (head && (typeof head.json !== 'string' || typeof head.entry !== 'object')) problems.push(`${name}: not a corpus cache`)
      // Its entry is the document's index.json entry.
      else if (head) validate(`${name} line 1`, 'index', {schemaVersion: head.schemaVersion, documents: [head.entry]})
      lines.slice(1).forEach((line, index) => validate(`${name} line ${index + 2}`, 'claimsRow', parse(`${name} line ${index + 2}`, line)))
    } else if (/^\.citeclaim-cache\/formatted-[0-9a-f]{16}\.jsonl$/.test(name)) {
      // The formatted-entry cache: an identity line, then whole [entry, text] lines (each written at once).
      if (!text.endsWith('\n')) problems.push(`${name}: no newline at the end`)
      const lines = text.split('\n').slice(0, -1)
      if (!/^[0-9a-f]{64}$/.test(lines[0] ?? '')) problems.push(`${name}: no identity line`)
      lines.slice(1).forEach((line, index) => {
        const pair = parse(`${name} line ${index + 2}`, line)
        if (pair !== undefined && !(Array.isArray(pair) && pair.length === 2 && pair.every((part) => typeof part === 'string'))) problems.push(`${name} line ${index + 2}: not an [entry, text] pair`)
      })
    } else if (name.endsWith('.references.csl.json')) {
      validate(name, 'referencesCsl', parse(name, text))
    } else if (name.endsWith('.json')) {
      validate(name, 'document', parse(name, text))
    } else if (name.endsWith('.md')) {
      if (!text.endsWith('\n')) problems.push(`${name}: no newline at the end`)
    } else if (name.endsWith('.html')) {
      // An evidence-map page (`<id>.html`, the corpus page `index.html`) is whole from doctype to end.
      if (!text.startsWith('<!doctype html>') || !text.endsWith('</html>\n')) problems.push(`${name}: not a whole page`)
    } else {
      problems.push(`${name}: a file citeclaim does not write`)
    }
  }
  return {problems, temps}
}

/**
 * The names whose bytes differ between two snapshots, or that only one has. The stamps file is
 * compared by presence only: it records each output's inode and times, facts of the file system that
 * differ between any two folders.
 */
export function differences(actual: ReadonlyMap<string, Buffer>, expected: ReadonlyMap<string, Buffer>): string[] {
  const names = new Set([...actual.keys(), ...expected.keys()])
  const sameBytes = (name: string): boolean => name === stampsFile || Boolean(actual.get(name)?.equals(expected.get(name) ?? Buffer.alloc(0)))
  return [...names].filter((name) => !sameBytes(name) || !expected.has(name) || !actual.has(name)).sort()
}
