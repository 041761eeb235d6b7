import {describe, expect, it} from 'vitest'
import {endsSentence, headingCase, headingDepth, headingLine, numberedHeading, plainHeading} from '../../src/stages/parse/heading-line.js'

describe('numberedHeading', () => {
  it.each([
    ['2. Methods', '2', 'Methods'],
    ['2 Methods', '2', 'Methods'],
    ['2.1 Cell culture', '2.1', 'Cell culture'],
    ['2.1. Cell Culture', '2.1', 'Cell Culture'],
    ['3.2.1 Flow cytometry analysis', '3.2.1', 'Flow cytometry analysis'],
    ['1. introduction', '1', 'introduction'],
    ['1. INTRODUCTION', '1', 'INTRODUCTION'],
    ['IV. Results', 'IV', 'Results'],
    ['II. MATERIALS AND METHODS', 'II', 'MATERIALS AND METHODS'],
    ['1 | INTRODUCTION', '1', 'INTRODUCTION'],
    ['2.1 | Cell sources', '2.1', 'Cell sources']
  ])('reads %j as number %j and title %j', (line, number, title) => {
    expect(numberedHeading(line)).toEqual({number, title})
  })

  it.each([
    '12 patients were enrolled',
    '1. Cells were washed twice in saline.',
    '2. Cells were washed in the',
    'I think so',
    '3. Figure 2 shows the cells',
    '4. Values were higher (p < 0.05)',
    '5. Cells expand in culture [12]',
    '6 The cells grew. Then they died'
  ])('does not read %j as a heading', (line) => {
    expect(numberedHeading(line)).toBeUndefined()
  })
})

describe('plainHeading', () => {
  it.each(['Materials and methods', 'Cell Fate Determination', 'DISCUSSION', 'Bone marrow-derived cells (BMCs)', 'Abstract', 'iPSC-derived hepatocytes', 'mRNA expression'])(
    'reads %j as an unnumbered heading',
    (line) => {
      expect(plainHeading(line)).toEqual({number: null, title: line})
    }
  )

  it.each([
    'Figure 1',
    'Fig. 3A',
    'Table 2 Patient characteristics',
    'Supplementary Table S1',
    'Keywords: stem cells; liver cirrhosis; transplantation',
    'This is lymphopoiesis',
    'Stem cells were given to patients',
    'inhibitors of the pathway',
    'the cells were counted',
    'Cells were washed twice.',
    'Cells were collected from the',
    'Viability above 90%',
    'HSCs expand in culture [12]',
    'They grew. Then they died',
    '2. Methods',
    '—',
    'A'
  ])('does not read %j as an unnumbered heading', (line) => {
    expect(plainHeading(line)).toBeUndefined()
  })

  it('leaves a line longer than a heading out', () => {
    expect(plainHeading('Mesenchymal stromal cells from bone marrow adipose tissue umbilical cord placenta amniotic fluid dental pulp and skin')).toBeUndefined()
  })
})

describe('headingCase and headingDepth', () => {
  it('tells the cases apart', () => {
    expect(headingCase('RESULTS AND DISCUSSION')).toBe('upper')
    expect(headingCase('Results and Discussion')).toBe('title')
    expect(headingCase('Results and discussion')).toBe('sentence')
    expect(headingCase('results and discussion')).toBe('lower')
    expect(headingCase('iPSCs in disease models')).toBe('sentence')
  })

  it('gives numbered headings the depth of their number and the rest depth 2', () => {
    expect([headingDepth('2'), headingDepth('2.3'), headingDepth('2.3.1'), headingDepth('IV'), headingDepth(null)]).toEqual([2, 3, 4, 2, 2])
  })

  it('headingLine takes either kind', () => {
    expect(headingLine('3 RESULTS')).toEqual({number: '3', title: 'RESULTS'})
    expect(headingLine('Statistical analysis')).toEqual({number: null, title: 'Statistical analysis'})
  })
})

describe('endsSentence', () => {
  it.each(['Cells grew.', 'Cells grew (see above).', 'Cells grew.[12]', 'Cells grew. [3, 4]', 'Cells grew.[1][2]', 'Sources were:', 'Why?  '])('%j ends a sentence', (text) => {
    expect(endsSentence(text)).toBe(true)
  })

  it.each(['Cells grew in', 'Cells grew [12]', 'Table 1', 'Cells grew,'])('%j does not', (text) => {
    expect(endsSentence(text)).toBe(false)
  })
})
