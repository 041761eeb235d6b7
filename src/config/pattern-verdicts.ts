import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {extname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {readEntry, writeEntry} from './transpile-cache.js'

/** One pattern as the checks see it: its source, and whether the strict (cue-list) rule applies. */
export interface CheckedPattern {
  source: string
  strict: boolean
}

/** What the cache did, for tests. */
export interface PatternVerdictStats {
  hits: number
  misses: number
}

// Bump when what an entry holds or how its key is made changes.
const formatVersion = 1

let checker: string | undefined

/**
 * What decides a verdict: the check modules' own text (this module's siblings, `.js` built or `.ts`
 * from source) and regexpp's version. Another version of the checks is another key.
 */
function checkerFingerprint(): string {
  if (checker) return checker
  const extension = extname(fileURLToPath(import.meta.url))
  const hash = createHash('sha256')
  for (const name of ['pattern-safety', 'unsafe-patterns']) hash.update(readFileSync(new URL(`./${name}${extension}`, import.meta.url)))
  hash.update((createRequire(import.meta.url)('@eslint-community/regexpp/package.json') as {version: string}).version)
  return (checker = hash.digest('hex'))
}

/** The cache key of a pattern list: the entry format, the checks' fingerprint, and each pattern with its rule. */
export function patternVerdictKey(patterns: readonly CheckedPattern[]): string {
  const hash = createHash('sha256')
  hash.update(`citeclaim-pattern-checks-${formatVersion}\0${checkerFingerprint()}\0`)
  hash.update(JSON.stringify(patterns.map(({source, strict}) => [strict ? 1 : 0, source])))
  return hash.digest('hex')
}

/**
 * The messages `check` gives for `patterns`, remembering in `folder` (the private cache folder of
 * `transpile-cache.ts`) the lists that passed: a config whose patterns passed the same checks before
 * is not parsed again (nor is regexpp loaded). Only a
 * pass is stored, so a refused config is refused again, with its messages; an entry is trusted only
 * where the transpile cache trusts its own (a regular file of this user's, in a folder only this
 * user can enter, naming its key). Without a folder, `check` runs every time.
 */
export function checkPatterns(folder: string | undefined, patterns: readonly CheckedPattern[], check: () => string[], stats?: PatternVerdictStats): string[] {
  const key = folder ? patternVerdictKey(patterns) : ''
  const path = folder ? join(folder, `patterns-${key}.json`) : ''
  if (folder && readEntry(path, key) === 'safe') {
    if (stats) stats.hits++
    return []
  }
  if (stats) stats.misses++
  const messages = check()
  if (folder && messages.length === 0) writeEntry(path, key, 'safe')
  return messages
}
