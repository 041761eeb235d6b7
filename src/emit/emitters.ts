import type {CslItem} from '@citation-js/core'
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {ConfigError} from '../config/resolve-config.js'
import type {ResolvedConfig} from '../config/types.js'
import {toReferencesCslJson} from '../stages/bibliography/references-csl.js'
import type {DocumentRecord} from './records.js'
import {toAnnotatedMarkdown} from './markdown.js'
import {printRecordJson} from './record-json.js'
import {referenceLines} from './reference-json.js'

/** One analysed document, as every emitter sees it. */
export interface AnalysedDocument {
  /** The annotated tree the processor made. */
  tree: Root
  /** The document's file: its `data` (references, bibliography) and messages. */
  file: VFile
  /** The JSON record (`<id>.json`), diagnostics included. */
  record: DocumentRecord
  config: ResolvedConfig
  /**
   * Citation number → CSL item, for the cited numbers that have one: a bibliography file's entry,
   * or an entry of the document's own reference list read into one.
   */
  references: ReadonlyMap<number, CslItem>
  /** Formatted reference text per citation number, when the document has cited bibliography entries. */
  formattedReferences?: ReadonlyMap<number, string>
  /** Whether the document came with a bibliography file. */
  hasBibliography: boolean
}

/**
 * An output format: `emit` gives the content of `<id><suffix>`, or undefined when the document has
 * no such file (the CSL-JSON of a document without a bibliography). `name` is what the config's
 * `outputs` lists. `emit` may throw a `RangeError` when its text would be longer than a string can
 * be: the document is then reported as too large, with no files.
 */
export interface Emitter {
  name: string
  suffix: string
  /**
   * Loads what `emit` needs that is too costly to load in every run (the evidence map's HTML
   * modules): `prepareEmitters` awaits it once per thread, before the first document, only when the
   * config's `outputs` names this emitter. `emit` stays synchronous.
   */
  prepare?: () => Promise<void>
  emit: (document: AnalysedDocument) => string | undefined
}

/** The normalized JSON record, the versioned contract (`schema/document.schema.json`). */
const json: Emitter = {name: 'json', suffix: '.json', emit: ({record}) => printRecordJson(record, referenceLines)}

/** The annotated Markdown: the cleaned document for people, with citation links and claim tags. */
const markdown: Emitter = {
  name: 'md',
  suffix: '.md',
  emit: ({tree, record, config, formattedReferences}) =>
    toAnnotatedMarkdown(tree, record, {citationStyle: config.citations.markdownStyle, claimsTitle: config.markdown.claimsTitle, references: config.markdown.references, ...(formattedReferences ? {formattedReferences} : {})})
}

/**
 * The cited entries as CSL-JSON (ids `ref-<n>`, each with the document's number), for pandoc: with
 * a bibliography file, or when cited entries of the document's own reference list were read.
 */
const csl: Emitter = {name: 'csl', suffix: '.references.csl.json', emit: ({references, hasBibliography}) => (hasBibliography || references.size > 0 ? toReferencesCslJson(references) : undefined)}

/**
 * The page code, once `prepare` has loaded it (hastscript, hast-util-to-html: 31–45 CPU ms on top of
 * the pipeline's modules, five runs by hand at load 2).
 */
let documentPage: typeof import('./html/document-page.js') | undefined

/** The evidence map (`<id>.html`): a static page of the document's claims by type, category and evidence, its text and references. */
const html: Emitter = {
  name: 'html',
  suffix: '.html',
  prepare: async () => {
    documentPage ??= await import('./html/document-page.js')
  },
  emit: ({tree, record}) => {
    if (!documentPage) throw new Error('the html emitter is not prepared: await preparePipeline (or prepareEmitters) before analysing')
    return documentPage.documentHtml(tree, record)
  }
}

const registry: Emitter[] = [json, markdown, csl, html]

/**
 * Every emitter known, in the order their files are written. A new format is one more entry here
 * (or one `registerEmitter` call); batch's stale-file cleanup, `--check` and its cache read this list.
 */
export function emitters(): readonly Emitter[] {
  return registry
}

/**
 * Adds an output format after the built-in ones. Registered in one thread only: a batch run analyses
 * in worker threads, which know only the entries of this module, unless it analyses in its own
 * thread (`concurrency: 1`, no `signal`). The config's `outputs` must name it for it to be written.
 */
export function registerEmitter(emitter: Emitter): void {
  if (registry.some((known) => known.name === emitter.name || known.suffix === emitter.suffix)) throw new Error(`an emitter named "${emitter.name}" or with suffix "${emitter.suffix}" is already registered`)
  if (!/^\.[a-z0-9][a-z0-9.-]*$/.test(emitter.suffix)) throw new Error(`emitter suffix "${emitter.suffix}" must be a dot and lower-case letters, digits, dots or dashes`)
  // `<id>.jsonl` would be `claims.jsonl`, a corpus file, for a document named "claims".
  if (emitter.suffix === '.jsonl') throw new Error('emitter suffix ".jsonl" would make the output of a document named "claims" the corpus file claims.jsonl')
  registry.push(emitter)
}

/** Every suffix an emitter writes: the files of a document citeclaim may delete or vouch for. */
export function emitterSuffixes(): string[] {
  return registry.map((emitter) => emitter.suffix)
}

/**
 * The emitters the config's `outputs` names, in registry order (the order files are written in);
 * throws `ConfigError` for a name no emitter has. `file` is the config file, for the message.
 */
export function selectEmitters(outputs: readonly string[], file?: string): Emitter[] {
  const index = outputs.findIndex((name) => !registry.some((emitter) => emitter.name === name))
  if (index !== -1) throw new ConfigError(`invalid config: outputs.${index}: unknown output "${outputs[index]}"; expected one of ${registry.map((emitter) => `"${emitter.name}"`).join(', ')}`, file)
  return registry.filter((emitter) => outputs.includes(emitter.name))
}

/**
 * Prepares the emitters the config's `outputs` names (see `Emitter.prepare`), in this thread, through
 * `preparePipeline`: the batch awaits it before the first document it analyses in a thread. The
 * package's entry point prepares every built-in emitter, so `analyseDocument` needs no call there.
 */
export async function prepareEmitters(outputs: readonly string[]): Promise<void> {
  await Promise.all(registry.filter((emitter) => outputs.includes(emitter.name)).map((emitter) => emitter.prepare?.()))
}
