import type {DocumentRecord} from '../records.js'

/**
 * What the evidence map shows of a document, small enough to carry in the corpus cache: its types
 * (in the record's order, which is the config's) and its claims counted by (type, category, evidence,
 * hedged). The corpus page adds these up without reading the records again.
 */
export interface EvidenceSummary {
  types: Array<{id: string; label: string}>
  /** `[type, category, evidence, hedged (0|1), claims]`, sorted, one row per distinct tuple. */
  counts: Array<[string, string, string, 0 | 1, number]>
}

/** The matrix axes: claim category or evidence level. */
export type MatrixAxis = 'category' | 'evidence'

/** Claims of one matrix cell: all of them, and how many of those are hedged. */
export interface CellCount {
  claims: number
  hedged: number
}

/** A matrix of entity type × category (or evidence level), ready to draw. */
export interface EvidenceMatrix {
  axis: MatrixAxis
  types: Array<{id: string; label: string}>
  /** Column values, most claims first (ties by name); evidence `unspecified` always last. */
  columns: string[]
  /** `cells[row][column]`. */
  cells: CellCount[][]
  /** Per type, its claims whatever the column (a claim counts once per type). */
  totals: CellCount[]
  /** The largest cell, for shading. */
  max: number
}

/** The evidence summary of one document record. */
export function evidenceSummary(record: DocumentRecord): EvidenceSummary {
  const counts = new Map<string, [string, string, string, 0 | 1, number]>()
  for (const claim of record.claims) {
    for (const type of claim.entityTypes) {
      const row: [string, string, string, 0 | 1, number] = [type, claim.category, claim.evidence, claim.hedged ? 1 : 0, 0]
      const key = JSON.stringify(row.slice(0, 4))
      const existing = counts.get(key)
      if (existing) existing[4]++
      else counts.set(key, (row[4] = 1, row))
    }
  }
  return {
    types: record.entityTypes.map((type) => ({id: type.id, label: type.label})),
    counts: [...counts.values()].sort(compareRows)
  }
}

function compareRows(a: readonly unknown[], b: readonly unknown[]): number {
  for (let index = 0; index < 4; index++) {
    const x = String(a[index])
    const y = String(b[index])
    if (x !== y) return x < y ? -1 : 1
  }
  return 0
}

/**
 * Adds summaries up (the corpus page): types in the order they first appear, the label of a type
 * from the first summary that has it. Pure and order-preserving, so a merge of shards gives the
 * corpus page of one run.
 */
export function addSummaries(summaries: Iterable<EvidenceSummary>): EvidenceSummary {
  const total = new SummaryTotal()
  for (const summary of summaries) total.add(summary)
  return total.summary()
}

/**
 * A running `addSummaries`: summaries are added one at a time and not kept, so what it holds is
 * bounded by the distinct types and (type, category, evidence, hedged) tuples, not by the documents.
 */
export class SummaryTotal {
  readonly #types = new Map<string, string>()
  readonly #counts = new Map<string, [string, string, string, 0 | 1, number]>()

  add(summary: EvidenceSummary): void {
    for (const type of summary.types) if (!this.#types.has(type.id)) this.#types.set(type.id, type.label)
    for (const row of summary.counts) {
      const key = JSON.stringify(row.slice(0, 4))
      const existing = this.#counts.get(key)
      if (existing) existing[4] += row[4]
      else this.#counts.set(key, [row[0], row[1], row[2], row[3], row[4]])
    }
  }

  /** The sum of the summaries added so far. */
  summary(): EvidenceSummary {
    return {types: [...this.#types].map(([id, label]) => ({id, label})), counts: [...this.#counts.values()].map((row): [string, string, string, 0 | 1, number] => [...row]).sort(compareRows)}
  }
}

/** The level with no evidence named, drawn last whatever its count. */
const unspecified = 'unspecified'

/** The type × `axis` matrix of a summary. Types with no claims keep their row (they show the gaps). */
export function evidenceMatrix(summary: EvidenceSummary, axis: MatrixAxis): EvidenceMatrix {
  const column = axis === 'category' ? 1 : 2
  const byColumn = new Map<string, number>()
  for (const row of summary.counts) byColumn.set(row[column] as string, (byColumn.get(row[column] as string) ?? 0) + row[4])
  const columns = [...byColumn]
    .sort(([a, x], [b, y]) => (axis === 'evidence' && (a === unspecified) !== (b === unspecified) ? (a === unspecified ? 1 : -1) : y - x || (a < b ? -1 : a > b ? 1 : 0)))
    .map(([value]) => value)
  const rowOf = new Map(summary.types.map((type, index) => [type.id, index]))
  const types = [...summary.types]
  // A claim's type missing from the type list (a record edited by hand) still gets a row.
  for (const row of summary.counts) {
    if (!rowOf.has(row[0])) {
      rowOf.set(row[0], types.length)
      types.push({id: row[0], label: row[0]})
    }
  }
  const columnOf = new Map(columns.map((value, index) => [value, index]))
  const cells = types.map(() => columns.map(() => ({claims: 0, hedged: 0})))
  const totals = types.map(() => ({claims: 0, hedged: 0}))
  for (const row of summary.counts) {
    const cell = cells[rowOf.get(row[0])!]![columnOf.get(row[column] as string)!]!
    const total = totals[rowOf.get(row[0])!]!
    cell.claims += row[4]
    total.claims += row[4]
    if (row[3] === 1) {
      cell.hedged += row[4]
      total.hedged += row[4]
    }
  }
  let max = 0
  for (const row of cells) for (const cell of row) max = Math.max(max, cell.claims)
  return {axis, types, columns, cells, totals, max}
}

/** Shade 0 (no claims) to 5 (the largest cell) of a cell with `claims` in a matrix whose largest is `max`. */
export function shadeOf(claims: number, max: number): number {
  if (claims <= 0 || max <= 0) return 0
  return Math.min(5, Math.max(1, Math.ceil((5 * claims) / max)))
}
