import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import type {DiagnosticRecord} from '../emit/document.js'
import {writeFileAtomic} from './atomic-write.js'

/** What the last run learnt about one document: enough to skip it next time and to clean up after it. */
export interface ManifestEntry {
  source: string
  /** `cacheKey` of the inputs the outputs were made from. */
  key: string
  /** Output file names (inside the output folder) with the sha256 of their content. */
  files: Record<string, string>
  /** Diagnostics with the file they are reported against, replayed when the document is skipped. */
  diagnostics: Array<{file: string} & DiagnosticRecord>
}

/** The cache folder inside an output folder (`.gitignore` already ignores `.citeclaim-cache/`). */
export const cacheFolder = '.citeclaim-cache'

/** Path of the manifest that belongs to an output folder. */
export function manifestPath(out: string): string {
  return join(out, cacheFolder, 'manifest.json')
}

/** Reads the manifest of an output folder; a missing or unreadable one is an empty cache. */
export async function readManifest(out: string): Promise<Map<string, ManifestEntry>> {
  const text = await readFile(manifestPath(out), 'utf8').catch(() => undefined)
  if (text === undefined) return new Map()
  try {
    const parsed = JSON.parse(text) as {manifestVersion?: number; documents?: Record<string, ManifestEntry>}
    if (parsed.manifestVersion !== 1 || !parsed.documents) return new Map()
    return new Map(Object.entries(parsed.documents))
  } catch {
    return new Map()
  }
}

/** Writes the manifest atomically, documents sorted by id so that equal caches are equal bytes. */
export async function writeManifest(out: string, entries: ReadonlyMap<string, ManifestEntry>): Promise<void> {
  const documents: Record<string, ManifestEntry> = {}
  for (const id of [...entries.keys()].sort()) documents[id] = entries.get(id)!
  await writeFileAtomic(manifestPath(out), JSON.stringify({manifestVersion: 1, documents}, null, 2) + '\n')
}
