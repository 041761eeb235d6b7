import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import {element} from './element.js'
import {evidenceMatrix, shadeOf, type CellCount, type EvidenceMatrix, type EvidenceSummary, type MatrixAxis} from './evidence-summary.js'

export interface MatrixOptions {
  /**
   * Cells become links to the claims list (`#claims`) that select their claims (the document page);
   * otherwise they are plain numbers (the corpus page).
   */
  selectable?: boolean
}

const axisNames: Record<MatrixAxis, string> = {category: 'category', evidence: 'evidence level'}

/**
 * The evidence map: a switch between its two tables (entity type × category, entity type × evidence
 * level), each cell the number of claims, shaded by count, with the hedged ones counted apart. Both
 * tables are in the HTML, so the map reads without JavaScript; the script shows one at a time.
 */
export function matrixTables(summary: EvidenceSummary, options: MatrixOptions = {}): ElementContent[] {
  return [
    h('fieldset.js-only', {id: 'axis-switch', hidden: true}, [
      h('legend', 'Columns'),
      h('label', [h('input', {type: 'radio', name: 'axis', value: 'category', checked: true}), ' Category']),
      ' ',
      h('label', [h('input', {type: 'radio', name: 'axis', value: 'evidence'}), ' Evidence level'])
    ]),
    matrixTable(evidenceMatrix(summary, 'category'), options),
    matrixTable(evidenceMatrix(summary, 'evidence'), options)
  ]
}

function matrixTable(matrix: EvidenceMatrix, options: MatrixOptions): Element {
  const axis = axisNames[matrix.axis]
  // What a cell selects is read from its row (`data-type`) and column (`data-value`) by the script:
  // attributes are most of what serialising a page costs, so cells carry none but their shade.
  return element('table', {className: ['matrix'], dataMatrixAxis: matrix.axis}, [
    element('caption', {}, [`Claims by entity type and ${axis}`]),
    element('thead', {}, [element('tr', {}, [element('th', {scope: 'col'}, ['Entity type']), ...matrix.columns.map((column) => element('th', {scope: 'col', dataValue: column}, [column])), element('th', {scope: 'col', dataValue: ''}, ['All claims'])])]),
    element(
      'tbody',
      {},
      matrix.types.map((type, row) =>
        element('tr', {dataType: type.id}, [
          element('th', {scope: 'row'}, [type.label === type.id ? type.id : `${type.label} (${type.id})`]),
          ...matrix.columns.map((_, index) => cell(matrix.cells[row]![index]!, matrix.max, options.selectable === true)),
          cell(matrix.totals[row]!, -1, options.selectable === true)
        ])
      )
    )
  ])
}

function cell(count: CellCount, max: number, selectable: boolean): Element {
  const content: Array<ElementContent | string> = [String(count.claims)]
  if (count.hedged > 0) content.push(element('span', {className: ['hedged']}, [` (${count.hedged} hedged)`]))
  // The totals column (max -1) is not shaded: its numbers are of another scale than the cells'. An
  // empty cell has no class (the style's plain cell is shade 0): one attribute fewer per gap.
  const shade = max < 0 ? (count.claims > 0 ? 'total' : undefined) : count.claims > 0 ? `shade-${shadeOf(count.claims, max)}` : undefined
  const properties = shade ? {className: [shade]} : {}
  if (count.claims === 0 || !selectable) return element('td', properties, content)
  return element('td', properties, [element('a', {href: '#claims'}, content)])
}
