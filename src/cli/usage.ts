/** One command-line option: how `parseArgs` reads it and how the help describes it. */
export interface OptionSpec {
  name: string
  type: 'string' | 'boolean'
  short?: string
  /** Name of the value in the help (`FILE`, `DIR`, `I/N`). */
  value?: string
  description: string
}

/** The commands `citeclaim` knows. */
export const commands = ['run', 'merge', 'help'] as const

/** Every option, in the order `--help` lists them: the help is made from this table. */
export const optionSpecs: readonly OptionSpec[] = [
  {name: 'config', type: 'string', value: 'FILE', description: 'config file (default: pipeline.config.{ts,mts,js,mjs} here or in a folder above)'},
  {name: 'no-config', type: 'boolean', description: 'use the built-in defaults, without looking for a config file'},
  {name: 'out', type: 'string', value: 'DIR', description: "output folder (default: the config's output)"},
  {name: 'check', type: 'boolean', description: 'write nothing; list on stdout the files that would change; exit 1 if any'},
  {name: 'force', type: 'boolean', description: 'analyse every document, even unchanged ones (run)'},
  {name: 'shard', type: 'string', value: 'I/N', description: 'process only share I of N (stable by document id); combine shards with merge (run)'},
  {name: 'concurrency', type: 'string', short: 'j', value: 'N', description: "documents analysed at once (default: the config's; 0 = one per core) (run)"},
  {name: 'json', type: 'boolean', description: "print the run's summary and diagnostics as one JSON object on stdout"},
  {name: 'verbose', type: 'boolean', description: 'print info diagnostics too (the summary counts them either way)'},
  {name: 'quiet', type: 'boolean', short: 'q', description: 'no progress and no summary (diagnostics are still printed)'},
  {name: 'debug', type: 'boolean', description: 'print stack traces of internal errors'},
  {name: 'help', type: 'boolean', short: 'h', description: 'show this help (also: citeclaim help)'},
  {name: 'version', type: 'boolean', short: 'v', description: 'show the version'}
]

/** The options as `node:util` `parseArgs` takes them. */
export function parseArgsOptions(): Record<string, {type: 'string' | 'boolean'; short?: string}> {
  return Object.fromEntries(optionSpecs.map((spec) => [spec.name, {type: spec.type, ...(spec.short ? {short: spec.short} : {})}]))
}

/** The help text: commands, every option of `optionSpecs`, exit codes. */
export function usage(): string {
  const flags = optionSpecs.map((spec) => `${spec.short ? `-${spec.short}, ` : ''}--${spec.name}${spec.value ? ` ${spec.value}` : ''}`)
  const width = Math.max(...flags.map((flag) => flag.length)) + 2
  const options = optionSpecs.map((spec, index) => `  ${flags[index]!.padEnd(width)}${spec.description}`).join('\n')
  return `Usage: citeclaim run [PATH...] [options]
       citeclaim merge DIR... [--out DIR] [--check] [--json]
       citeclaim help

Turns review articles (.txt extracted from PDF, or .md) into citation-aware claim datasets:
<out>/<id>.json and <out>/<id>.md for each document, and the corpus files <out>/index.json and
<out>/claims.jsonl. Documents whose input, bibliography, config and citeclaim are unchanged since the
last run are skipped. \`merge\` combines the output folders of shard runs into one.
Diagnostics are printed to stderr as file:line:column: severity message [code], sorted by file and
position.

Options:
${options}

Exit codes: 0 all good; 1 a document had an error, a file could not be written or --check found
changes; 2 bad usage or config, a path that does not exist or overlaps --out (nothing is written);
130 interrupted (Ctrl-C: the documents in progress are finished or dropped; Ctrl-C again quits at once);
143 and 129: the same for SIGTERM and SIGHUP.`
}

/**
 * The known word nearest to `word` (an option or a command), when it is near enough to be a typo:
 * at most a third of its length in edits (at least one), case aside.
 */
export function didYouMean(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of known) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined
}

/**
 * Edit distance with insertions, deletions, substitutions and swaps of two neighbours (`rnu` is one
 * edit from `run`): the optimal string alignment distance, three rows at a time.
 */
export function editDistance(a: string, b: string): number {
  let before: number[] = []
  let previous = Array.from({length: b.length + 1}, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1)
      current[j] = best
    }
    before = previous
    previous = current
  }
  return previous[b.length]!
}

/**
 * The one line for an option citeclaim does not know, with the nearest long one it does (a single
 * letter is one edit from every other, so a short option gets no guess).
 */
export function unknownOptionMessage(option: string): string {
  const name = option.replace(/^-+/, '').split('=')[0]!
  const near = option.startsWith('--') ? didYouMean(name, optionSpecs.map((spec) => spec.name)) : undefined
  return `unknown option ${option}${near === undefined ? '' : `; did you mean --${near}?`} (citeclaim --help lists every option)`
}

/** The one line for an error of Node's `parseArgs`: an unknown option, or an option without its value. */
export function parseArgsErrorMessage(message: string): string {
  const unknown = /^Unknown option '([^']+)'/.exec(message)
  if (unknown) return unknownOptionMessage(unknown[1]!)
  const missing = /^Option '(?:-\w, )?--([\w-]+) <value>' argument missing/.exec(message)
  const spec = missing ? optionSpecs.find((candidate) => candidate.name === missing[1]) : undefined
  if (spec) return `--${spec.name} needs a value (--${spec.name} ${spec.value ?? 'VALUE'})`
  return message.split('. ')[0]!
}

/** The one line for a command citeclaim does not know, with the nearest one it does. */
export function unknownCommandMessage(command: string): string {
  const near = didYouMean(command, commands)
  return `unknown command "${command}"${near ? `; did you mean "${near}"?` : ''} (commands: ${commands.join(', ')})`
}
