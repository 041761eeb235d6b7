import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'

/** How bad a diagnostic is: errors make the exit code 1, warnings and infos do not. */
export type Severity = 'error' | 'warning' | 'info'

/** What a diagnostic code means, once for the whole code base. */
export interface DiagnosticCodeInfo {
  severity: Severity
  /** Stops the run before anything is written, with exit code 2 (bad usage, config or paths). */
  stopsRun?: true
  /** One line: what went wrong and what happens next. */
  meaning: string
}

/**
 * Every diagnostic citeclaim reports, with its severity and meaning. The README's Diagnostics table
 * lists the same codes with the same severities (`tests/diagnostics/readme-table.test.ts` checks it
 * both ways), so a code is added here and there together.
 */
export const diagnosticCodes = {
  'usage-invalid': {severity: 'error', stopsRun: true, meaning: 'An unknown command or option, or an option value that is not valid.'},
  'config-invalid': {severity: 'error', stopsRun: true, meaning: 'The config file is missing, fails to load or is invalid.'},
  'input-missing': {severity: 'error', stopsRun: true, meaning: 'A path given on the command line does not exist.'},
  'input-output-overlap': {severity: 'error', stopsRun: true, meaning: 'An input path or bibliography is the output folder or lies inside it.'},
  'input-is-output': {severity: 'error', stopsRun: true, meaning: "An input path is citeclaim's output (or a document is an annotated Markdown copied out of it)."},
  'input-unreadable': {severity: 'error', meaning: 'A document or folder could not be read.'},
  'input-duplicate-id': {severity: 'error', meaning: 'Two inputs have the same document id (or ids that differ only in case); the second is skipped.'},
  'input-reserved-id': {severity: 'error', meaning: 'The document id would overwrite a corpus file; skipped.'},
  'input-empty': {severity: 'warning', meaning: 'The document is empty or only white space.'},
  'input-binary': {severity: 'error', meaning: 'The file contains a NUL: binary, not text.'},
  'input-encoding': {severity: 'error', meaning: 'The file is not valid UTF-8 (or UTF-16 after a byte-order mark).'},
  'input-not-file': {severity: 'error', meaning: 'A path names something that is not a regular file; it is not opened.'},
  'input-symlink': {severity: 'warning', meaning: 'A symbolic link found in a folder or beside a document: not followed.'},
  'citation-malformed': {severity: 'warning', meaning: 'Brackets of citation characters that do not parse; left as text.'},
  'citation-unclosed': {severity: 'warning', meaning: '`[` and citation numbers never closed; left as text.'},
  'citation-lookalike': {severity: 'info', meaning: 'Brackets of citation numbers that belong to a formula; left as text.'},
  'citation-reversed-range': {severity: 'warning', meaning: 'A range that runs backwards; the group is invalid.'},
  'citation-range-too-wide': {severity: 'warning', meaning: 'A range covering more numbers than citations.maxRange; the group is invalid.'},
  'citation-number-invalid': {severity: 'warning', meaning: 'A citation number that is 0 or too large; the group is invalid.'},
  'citation-number-out-of-range': {severity: 'warning', meaning: 'A citation number beyond the bibliography; the group is invalid.'},
  'author-year-unresolved': {severity: 'warning', meaning: "An author–year cite (`Zhang et al. 2011`) fits no entry of the bibliography or reference list; the group keeps the others' numbers."},
  'author-year-ambiguous': {severity: 'warning', meaning: 'An author–year cite fits several entries alike (`Lee and Park 2018` with two such entries and no letter); it is not linked.'},
  'author-year-lookalike': {severity: 'info', meaning: 'A parenthesis or narrative callout that reads like an author–year callout (`(WHO 2019)`) but names no entry, in a weak form; left as text.'},
  'author-year-no-bibliography': {severity: 'warning', meaning: 'The document cites by author and year but has no bibliography file or reference list: its author–year groups have no numbers.'},
  'citation-key-unresolved': {severity: 'warning', meaning: 'A pandoc citation key (`[@smith2020]`, `.md` input) names no entry of the bibliography file (by CSL `id` or `citation-key`) and is not of the form `ref-<n>`; the group keeps the numbers of its other keys.'},
  'front-matter-invalid': {severity: 'warning', meaning: "A `.md` document's YAML front matter does not parse, is not a mapping, or uses more than 100 aliases; placed at the error, and ignored."},
  'reference-unresolved': {severity: 'warning', meaning: 'A cited number has no entry in the bibliography.'},
  'reference-uncited': {severity: 'info', meaning: 'A bibliography entry is never cited.'},
  'reference-list-count-mismatch': {severity: 'warning', meaning: "The document's reference list and the bibliography file differ in size."},
  'bibliography-format': {severity: 'error', meaning: 'The bibliography is not .bib, .ris or .csl.json.'},
  'bibliography-invalid': {severity: 'error', meaning: 'The bibliography cannot be read as a whole; no entries used.'},
  'bibliography-entry-invalid': {severity: 'error', meaning: 'One bibliography entry could not be read; it is skipped.'},
  'bibliography-entry-unterminated': {severity: 'warning', meaning: 'A RIS record has no ER line.'},
  'bibliography-entry-no-id': {severity: 'warning', meaning: 'A RIS record has no ID line; numbered by its position.'},
  'bibliography-empty': {severity: 'warning', meaning: 'The bibliography file has no entries.'},
  'bibliography-number-duplicate': {severity: 'warning', meaning: 'Two entries would get the same reference number; the later one is ignored.'},
  'bibliography-unreadable': {severity: 'error', meaning: 'The bibliography file could not be read; the document is analysed without it.'},
  'bibliography-garbage': {severity: 'warning', meaning: "Text after a BibTeX entry's closing brace; ignored."},
  'bibliography-style-invalid': {severity: 'warning', meaning: 'The CSL style could not be used; Vancouver is used instead.'},
  'corpus-unreadable': {severity: 'error', meaning: "A document's JSON could not be read back for the corpus files."},
  'merge-conflict': {severity: 'error', meaning: 'merge: a document differs between shards, or --out holds a file that is not citeclaim\'s.'},
  'merge-unreadable': {severity: 'error', meaning: "merge: a shard's record or folder could not be read."},
  'output-unwritable': {severity: 'error', stopsRun: true, meaning: 'The output folder cannot be created or written.'},
  'output-not-ours': {severity: 'error', meaning: 'An output file name is taken by a file citeclaim did not write; not overwritten.'},
  'output-stale': {severity: 'warning', meaning: 'A record in the output folder is of an older schemaVersion and its input is not in this run: left out of the corpus files until rewritten.'},
  'output-write-failed': {severity: 'error', meaning: 'A file could not be written or deleted; the file it would replace stays whole.'},
  'analysis-failed': {severity: 'error', meaning: 'Analysing this document threw (a bug).'},
  'document-too-large': {severity: 'error', meaning: 'The input, its memory or its JSON record is too large.'},
  'markdown-too-complex': {severity: 'error', meaning: 'A .md input the Markdown parser cannot handle in linear time or without overflowing the stack.'}
} as const satisfies Record<string, DiagnosticCodeInfo>

/** A code of `diagnosticCodes`. */
export type DiagnosticCode = keyof typeof diagnosticCodes

/** A diagnostic as the JSON record, the manifest and the reporters hold it. */
export interface Diagnostic {
  severity: Severity
  code: string
  message: string
  start: {line: number; column: number; offset: number} | null
}

/** Whether `code` is one of citeclaim's diagnostic codes. */
export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.hasOwn(diagnosticCodes, code)
}

/** The severity of a code, from the one table. */
export function severityOf(code: DiagnosticCode): Severity {
  return diagnosticCodes[code].severity
}

/**
 * Adds a message for `code` to `file`, the way remark-lint rules report (`ruleId` the code, `source`
 * citeclaim), with the code's severity as vfile encodes it (`fatal`: true error, false warning,
 * undefined info). The severity is never written at the call.
 */
export function reportOn(file: VFile, code: DiagnosticCode, reason: string, place?: Point | Position): ReturnType<VFile['message']> {
  const message = file.message(reason, {...(place ? {place} : {}), ruleId: code, source: 'citeclaim'})
  message.fatal = fatalOf(severityOf(code))
  return message
}

/** A diagnostic record for `code`, with its severity from the table (`start` null: the whole file). */
export function diagnostic(code: DiagnosticCode, message: string, start: Diagnostic['start'] = null): Diagnostic {
  return {severity: severityOf(code), code, message, start}
}

/** vfile's encoding of a severity in `VFileMessage.fatal`. */
export function fatalOf(severity: Severity): boolean | undefined {
  return severity === 'error' ? true : severity === 'warning' ? false : undefined
}

/** The severity a vfile message carries in `fatal`. */
export function severityOfMessage(message: {fatal?: boolean | null | undefined}): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}
