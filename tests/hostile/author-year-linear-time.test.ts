import {describe, it} from 'vitest'
import {findAuthorYearCallouts} from '../../src/stages/citations/find-author-year-callouts.js'
import {pdfTextParse} from '../../src/stages/parse/pdf-text.js'
import {analyseText} from '../helpers/analyse.js'
import {scaled} from '../helpers/scale.js'

/*
 * Linear time on adversarial input for the author–year scanners, as in linear-time.test.ts: each runs
 * once on an input built to make a backtracking expression or a nested loop blow up, within a budget
 * only super-linear work can break (at 512 KB, quadratic work is over 10¹¹ steps). No time is measured.
 */
const KB = 1000
const MB = 1000 * KB
const size = scaled(512 * KB, 4 * MB)
const pipelineSize = scaled(200 * KB, 2 * MB)
const budget = scaled(30_000, 240_000)

function repeat(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length)
}

function linear(name: string, scan: (input: string) => unknown, build: (length: number) => string, inputSize = size): void {
  it(`stays linear on ${name} (${inputSize / KB} KB)`, () => {
    scan(build(inputSize))
  }, budget)
}

describe('author–year callouts in linear time', () => {
  const inputs: Array<{name: string; build: (n: number) => string}> = [
    {name: 'a run of (', build: (n) => repeat('(', n)},
    {name: 'a run of )', build: (n) => repeat(')', n)},
    {name: 'nested parentheses around a year', build: (n) => repeat('(', n / 2 - 3) + '2020' + repeat(')', n / 2)},
    {name: 'narrative years one after another', build: (n) => repeat('(2020)', n)},
    {name: 'narrative years after capitalised words and particles', build: (n) => repeat('Van der Van der Smith and Jones et al. (2020) ', n)},
    {name: 'bodies of names just under the length cap', build: (n) => repeat('(' + repeat('Smith, ', 84) + '2020x)', n)},
    {name: 'bodies of lower-case lead words', build: (n) => repeat('(' + repeat('a ', 290) + '2020)', n)},
    {name: 'one long capitalised word before a year', build: (n) => repeat('(A' + repeat('a', 590) + ' 2020)', n)},
    {name: 'year lists with long space runs', build: (n) => repeat('(Smith 2020' + repeat(' ', 500) + ', b x)', n)},
    {name: 'semicolons', build: (n) => repeat('(;', n)}
  ]
  for (const input of inputs) linear(input.name, findAuthorYearCallouts, input.build)

  linear('an alphabetical reference list of many entries', pdfTextParse, (n) => 'Title\n\nText here.\n\nReferences\n\n' + repeat('Smith, J. (2020). A title. J 1, 2.\n', n))
  linear('a whole document of author–year callouts', (text) => analyseText(text), (n) => 'Title\n\n' + repeat('Cells grew (Smith et al., 2020; Lee and Park 2018a, b). ', n), pipelineSize)
})
