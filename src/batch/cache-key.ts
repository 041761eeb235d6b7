import {createHash} from 'node:crypto'
import {readdirSync, readFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {ResolvedConfig} from '../config/types.js'
import {canonicalJson} from './canonical-json.js'
import {pushAll} from '../push-all.js'
import {RecentFiles} from '../stages/bibliography/recent-files.js'

/** Everything the output of one document depends on; equal parts give an equal cache key. */
export interface CacheKeyParts {
  source: string
  bytes: Uint8Array
  /** The bibliography file's path and the sha256 of its bytes (see `BibliographyDigests`). */
  bibliography?: {source: string; sha256: string}
  /** `analysisSettings(config)` serialised with `canonicalJson`. */
  settings: string
  /** The package version and the code fingerprint. */
  pipeline: string
}

/**
 * The config as far as it changes what analysis computes: `input`, `output` and `concurrency` only
 * say where and how fast, so changing them must not invalidate every cached document.
 */
export function analysisSettings(config: ResolvedConfig): string {
  const {input: _input, output: _output, concurrency: _concurrency, ...settings} = config
  return canonicalJson(settings)
}

/** sha256 over the parts, each length-prefixed so that no two different part lists hash alike. */
export function cacheKey(parts: CacheKeyParts): string {
  const hash = createHash('sha256')
  const add = (value: string | Uint8Array): void => {
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value
    hash.update(`${bytes.byteLength}:`)
    hash.update(bytes)
  }
  add(parts.pipeline)
  add(parts.settings)
  add(parts.source)
  add(parts.bytes)
  add(parts.bibliography ? parts.bibliography.source : '')
  add(parts.bibliography ? parts.bibliography.sha256 : '')
  return hash.digest('hex')
}

/**
 * The sha256 of the bibliography files of one run's documents. Documents that share a library's file
 * (`bibliography.files`) read it for each document, and the digest of the last files is reused when
 * the bytes are the same (`RecentFiles`): a 2.8 MB file cost about 2 ms of hashing a document on the
 * main thread, which the workers wait on. One per run, so that what it keeps goes with the run.
 */
export class BibliographyDigests {
  private readonly recent = new RecentFiles<string>()

  /** sha256 (hex) of `bytes`, the file at `source`. */
  of(source: string, bytes: Uint8Array): string {
    const known = this.recent.get(source, bytes)
    if (known !== undefined) return known
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    this.recent.set(source, bytes, sha256)
    return sha256
  }
}

let pipelineIdentity: Promise<string> | undefined

/**
 * The package version plus a sha256 of the code that runs (every module of the package, `dist/` or
 * `src/`): a developer who edits a stage without bumping the version must not get stale outputs.
 *
 * The files are read synchronously: about 180 small modules take 10 ms that way, against 50–70 ms
 * read one `await` at a time (each read a round trip through the thread pool), and this is on the
 * path of every run, a one-document run included.
 */
export function pipelineVersion(): Promise<string> {
  pipelineIdentity ??= new Promise((resolve) => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}
    const root = fileURLToPath(new URL('..', import.meta.url))
    const hash = createHash('sha256')
    for (const file of codeFiles(root).sort()) {
      hash.update(relative(root, file).split('\\').join('/') + '\0')
      hash.update(readFileSync(file))
      hash.update('\0')
    }
    resolve(`${pkg.version}+${hash.digest('hex').slice(0, 16)}`)
  })
  return pipelineIdentity
}

function codeFiles(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) pushAll(out, codeFiles(path))
    else if (/\.(?:[cm]?js|ts|json)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path)
  }
  return out
}
