import {readFileSync} from 'node:fs'
import {analyseDocument, type DocumentOutput} from '../../src/pipeline.js'
import {resolveConfig} from '../../src/config/resolve-config.js'
import type {ResolvedConfig} from '../../src/config/types.js'
import type {DocumentRecord} from '../../src/emit/document.js'
import shipped from '../../pipeline.config.js'

/** The shipped `pipeline.config.ts`, resolved. */
export const shippedConfig: ResolvedConfig = resolveConfig(shipped)

/** Path of the seed review inside the repository. */
export const seedPath = new URL('../../input/000_a1b4395412355638.txt', import.meta.url)

/** Analyses a text in memory with the shipped config (or another), the way the CLI would. */
export function analyseText(text: string, options: {source?: string; config?: ResolvedConfig; bibliography?: {source: string; text: string}} = {}): {output: DocumentOutput; record: DocumentRecord; markdown: string} {
  const source = options.source ?? 'test.txt'
  const output = analyseDocument(
    {
      id: 'test',
      source,
      bytes: new TextEncoder().encode(text),
      ...(options.bibliography ? {bibliography: {source: options.bibliography.source, bytes: new TextEncoder().encode(options.bibliography.text)}} : {})
    },
    options.config ?? shippedConfig
  )
  const json = output.files.find((file) => file.suffix === '.json')?.content
  const markdown = output.files.find((file) => file.suffix === '.md')?.content ?? ''
  return {output, record: json ? (JSON.parse(json) as DocumentRecord) : (undefined as unknown as DocumentRecord), markdown}
}

/** The seed review, read from input/. */
export function readSeed(): string {
  return readFileSync(seedPath, 'utf8')
}
