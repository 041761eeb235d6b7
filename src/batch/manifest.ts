import {join} from 'node:path'
import type {DiagnosticRecord} from '../emit/document.js'
import {writeFileAtomic} from './atomic-write.js'
import {readOutputText} from './read-output-file.js'

/** What the last run learnt about one document: enough to skip it next time and to clean up after it. */
export interface ManifestEntry {
  source: string
  /** `cacheKey` of the inputs the outputs were made from. */
  key: string
  /** Output file names (inside the output folder) with the sha256 of their content. */
  files: Record<string, string>
  /** Diagnostics with the file they are reported against, replayed when the document is skipped. */
  diagnostics: Array<{file: string} & DiagnosticRecord>
  /** sha256 of the document's corpus cache (`corpus/<id>.jsonl`) as it was written; absent when there is none. */
  corpus?: string
}

/** The cache folder inside an output folder (`.gitignore` already ignores `.citeclaim-cache/`). */
export const cacheFolder = '.citeclaim-cache'

/** Path of the manifest that belongs to an output folder. */
export function manifestPath(out: string): string {
  return join(out, cacheFolder, 'manifest.json')
}

/**
 * Reads the manifest of an output folder. The manifest is untrusted input (CI restores it from a
 * cache): anything that is not exactly what `writeManifest` writes (an id that is not a slug, a file
 * name that is not `<id>` plus a suffix citeclaim writes, a path, a hash that is not one) makes the
 * whole manifest count as missing, so the run rebuilds instead of acting on it. A missing or
 * unreadable manifest, or one that is not a regular file, is an empty cache.
 */
export async function readManifest(out: string, outputSuffixes: readonly string[], reservedIds: ReadonlySet<string>): Promise<Map<string, ManifestEntry>> {
  const text = await readOutputText(manifestPath(out))
  if (text === undefined) return new Map()
  try {
    const parsed = JSON.parse(text) as {manifestVersion?: number; documents?: unknown}
    if (parsed.manifestVersion !== 1 || !isPlainObject(parsed.documents)) return new Map()
    const entries = Object.entries(parsed.documents)
    if (!entries.every(([id, entry]) => isManifestEntry(id, entry, outputSuffixes, reservedIds))) return new Map()
    return new Map(entries as Array<[string, ManifestEntry]>)
  } catch {
    return new Map()
  }
}

// What documentId makes: no `-` or `_` at either end (so never `__proto__`).
const slug = /^[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?$/
const sha256 = /^[0-9a-f]{64}$/
const severities = new Set(['error', 'warning', 'info'])

/** Whether a manifest entry is one `writeManifest` could have written for `id`: names only, no paths. */
export function isManifestEntry(id: string, value: unknown, outputSuffixes: readonly string[], reservedIds: ReadonlySet<string>): value is ManifestEntry {
  if (!slug.test(id) || reservedIds.has(id.toLowerCase()) || !isPlainObject(value)) return false
  const entry = value as Partial<Record<keyof ManifestEntry, unknown>>
  if (typeof entry.source !== 'string' || typeof entry.key !== 'string' || !sha256.test(entry.key)) return false
  if (entry.corpus !== undefined && (typeof entry.corpus !== 'string' || !sha256.test(entry.corpus))) return false
  if (!isPlainObject(entry.files)) return false
  for (const [name, hash] of Object.entries(entry.files)) {
    if (!outputSuffixes.some((suffix) => name === id + suffix) || typeof hash !== 'string' || !sha256.test(hash)) return false
  }
  if (!Array.isArray(entry.diagnostics)) return false
  return entry.diagnostics.every((diagnostic: unknown) => {
    if (!isPlainObject(diagnostic)) return false
    const {file, severity, code, message, start} = diagnostic as Record<string, unknown>
    if (typeof file !== 'string' || typeof severity !== 'string' || !severities.has(severity) || typeof code !== 'string' || typeof message !== 'string') return false
    if (start === null) return true
    if (!isPlainObject(start)) return false
    const {line, column, offset} = start as Record<string, unknown>
    return [line, column, offset].every((number) => Number.isSafeInteger(number) && (number as number) >= 0)
  })
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Writes the manifest atomically, documents sorted by id so that equal caches are equal bytes. */
export async function writeManifest(out: string, entries: ReadonlyMap<string, ManifestEntry>): Promise<void> {
  const documents: Record<string, ManifestEntry> = {}
  for (const id of [...entries.keys()].sort()) documents[id] = entries.get(id)!
  await writeFileAtomic(manifestPath(out), JSON.stringify({manifestVersion: 1, documents}, null, 2) + '\n')
}
