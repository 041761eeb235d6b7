import {existsSync, readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'

/**
 * Whether `<repo>/dist` was built after every source file and the build config last changed (tsc
 * writes every output on each build): then it is the CLI of the current sources, as `npm test`
 * leaves it after its `npm run build`.
 */
export function distIsCurrent(repo: string): boolean {
  const built = join(repo, 'dist/cli.js')
  if (!existsSync(built)) return false
  const builtAt = statSync(built).mtimeMs
  const newest = (dir: string): number =>
    Math.max(0, ...readdirSync(dir, {withFileTypes: true}).map((entry) => (entry.isDirectory() ? newest(join(dir, entry.name)) : statSync(join(dir, entry.name)).mtimeMs)))
  return newest(join(repo, 'src')) <= builtAt && statSync(join(repo, 'tsconfig.build.json')).mtimeMs <= builtAt
}
