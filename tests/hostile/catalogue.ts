import {readdirSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {join} from 'node:path'
import type {DiagnosticRecord} from '../../src/emit/document.js'

/*
 * The hostile-input catalogue: one folder per case under tests/fixtures/hostile/, holding the input
 * (and a bibliography beside it, if the case needs one) and `expected.json`, which says what matters.
 */

export interface ExpectedDiagnostic {
  /** Which file the diagnostic is reported against. */
  file: 'document' | 'bibliography'
  code: string
  severity: DiagnosticRecord['severity']
  /** Where, 1-based, as the CLI prints it; left out where the exact place is not part of the contract. */
  line?: number
  column?: number
}

export interface ExpectedGroup {
  raw: string
  numbers: number[]
  valid: boolean
  line: number
  column: number
}

export interface Expected {
  title: string
  /** File name of the document inside the case folder. */
  document: string
  /** File name of its bibliography, if any. */
  bibliography?: string
  /** The document id, when the file name makes it interesting. */
  id?: string
  /** Whether the document gets output files (false: it had no text to analyse). */
  output: boolean
  /** Every diagnostic the case must produce, and no others. */
  diagnostics: ExpectedDiagnostic[]
  /** Every citation group of the JSON output, in order. */
  groups: ExpectedGroup[]
  markdown?: {
    /** Whether links from the (Markdown) input may appear in the output. */
    inputLinks: boolean
    /** Text that must stay visible (as text, not markup) in the annotated Markdown. */
    shows: string[]
    /** The input links that must survive, exactly. */
    links?: string[]
  }
  /** CSL ids of the references, in order. */
  references?: string[]
}

export interface CatalogueCase {
  name: string
  folder: string
  expected: Expected
  bytes: Uint8Array
  bibliographyBytes?: Uint8Array
}

export const catalogueRoot = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url))

/** Every case of the catalogue, by folder name. */
export function loadCatalogue(): CatalogueCase[] {
  return readdirSync(catalogueRoot)
    .sort()
    .map((name) => {
      const folder = join(catalogueRoot, name)
      const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as Expected
      return {
        name,
        folder,
        expected,
        bytes: readFileSync(join(folder, expected.document)),
        ...(expected.bibliography ? {bibliographyBytes: readFileSync(join(folder, expected.bibliography))} : {})
      }
    })
}

/**
 * The text positions refer to, decoded here independently of src/: UTF-16 when a BOM says so, else
 * UTF-8 without its BOM.
 */
export function decodeForPositions(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', {ignoreBOM: true}).decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', {ignoreBOM: true}).decode(bytes.subarray(2))
  return new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes).replace(/^\uFEFF/, '')
}

/** Codes of diagnostics about undecodable bytes: their place is in bytes, found by `decodeInput`. */
export const decodeCodes = new Set(['input-binary', 'input-encoding'])

/** A stack trace line, as Node prints them. */
export const stackLine = /^\s+at .+[(:]\d+/m
