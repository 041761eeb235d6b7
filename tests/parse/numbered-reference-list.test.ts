import {describe, expect, it} from 'vitest'
import {pdfTextParse} from '../../src/stages/parse/pdf-text.js'
import {analyseText} from '../helpers/analyse.js'

const body = 'Hepatocyte-like cells restored albumin output in mice [1, 2]. Their engraftment was low [3].'

/** The numbers and texts of the list the PDF-text parser took out, if any. */
const listOf = (text: string): Array<[number, string]> | undefined => pdfTextParse(text).data?.referenceList?.entries.map((entry) => [entry.number, entry.raw])

describe('a numbered reference list in PDF-extracted text', () => {
  it('reads a label alone on its line as the start of an entry whose text follows', () => {
    const text = `Repair\n\n${body}\n\nReferences\n\n[1]\nAbe K, Ito M. Lanterns of the deep shelf. J Imag Fish. 2011;42:117–25.\n[2]\nOkafor N. Tidal pools. Mar Notes. 2009;7:9–12.\n[3] Ruiz P. Reefs. Sea Lett. 2010;3:1–4.\n`
    expect(listOf(text)).toEqual([
      [1, 'Abe K, Ito M. Lanterns of the deep shelf. J Imag Fish. 2011;42:117–25.'],
      [2, 'Okafor N. Tidal pools. Mar Notes. 2009;7:9–12.'],
      [3, 'Ruiz P. Reefs. Sea Lett. 2010;3:1–4.']
    ])
  })

  it('takes endnotes that end the text without a heading, one or more a paragraph, and nothing of the body', () => {
    const notes = '[1] Abe K, Ito M. Lanterns. J Imag Fish. 2011;42:117–25.\n[2] Okafor N. Tidal pools. Mar Notes.\n2009;7:9–12.\n\n[3]\n\n[4] Ruiz P. Reefs. Sea Lett. 2010;3:1–4.\n'
    expect(listOf(`Repair\n\n${body}\n\n${notes}`)).toEqual([
      [1, 'Abe K, Ito M. Lanterns. J Imag Fish. 2011;42:117–25.'],
      [2, 'Okafor N. Tidal pools. Mar Notes. 2009;7:9–12.'],
      [3, ''],
      [4, 'Ruiz P. Reefs. Sea Lett. 2010;3:1–4.']
    ])
    const {record} = analyseText(`Repair\n\n${body}\n\n${notes}`, {source: 'repair.txt'})
    expect(record.sentences.map((sentence) => sentence.text)).toEqual(['Hepatocyte-like cells restored albumin output in mice [1, 2].', 'Their engraftment was low [3].'])
    expect(record.citationGroups.map((group) => group.raw)).toEqual(['[1, 2]', '[3]'])
  })

  it('takes an author–year list under a heading before endnotes after it', () => {
    const text = `Repair\n\nHepatocyte-like cells restored albumin output (Abe and Ito, 2011; Okafor, 2009).\n\nReferences\n\nAbe, K., & Ito, M. (2011). Lanterns of the deep shelf. J Imag Fish, 42, 117–125.\nOkafor, N. (2009). Tidal pools. Mar Notes, 7, 9–12.\n\n[1] A note on the shelves.\n\n[2] A note on the pools.\n\n[3] A note on the reefs.\n`
    expect(listOf(text)?.map(([, raw]) => raw.slice(0, 20))).toEqual(['Abe, K., & Ito, M. (', 'Okafor, N. (2009). T'])
  })

  it('leaves the last paragraphs prose when they only open with callouts', () => {
    // A paragraph that is not the next note, a number skipped, two notes, a count not from 1, `1.` labels: all prose.
    for (const tail of [
      '[1] Abe K. Lanterns. 2011.\n\n[2] Okafor N. Pools. 2009.\n\nWe thank the divers.\n\n[3] Ruiz P. Reefs. 2010.\n',
      '[1] Abe K. Lanterns. 2011.\n\n[3] Okafor N. Pools. 2009.\n\n[4] Ruiz P. Reefs. 2010.\n',
      '[1] Abe K. Lanterns. 2011.\n\n[2] Okafor N. Pools. 2009.\n',
      '[2] Abe K. Lanterns. 2011.\n\n[3] Okafor N. Pools. 2009.\n\n[4] Ruiz P. Reefs. 2010.\n',
      // Numbered with `1.`: as likely a numbered conclusion.
      '1. Abe K. Lanterns. 2011.\n\n2. Okafor N. Pools. 2009.\n\n3. Ruiz P. Reefs. 2010.\n'
    ]) {
      expect(listOf(`Repair\n\n${body}\n\n${tail}`), tail).toBeUndefined()
    }
  })
})
