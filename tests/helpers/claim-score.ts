import type {DocumentRecord} from '../../src/emit/document.js'

/** A gold sentence unit and its claim label, in the format of the project's gold files. */
export interface GoldSentence {
  id: string
  text: string
  section?: string | null
}
export interface GoldClaim {
  id: string
  claim: boolean
  cellTypes: string[]
  category: string | null
  evidence: string | null
  hedged: boolean
}

export interface ClaimScore {
  goldPairs: number
  predictedPairs: number
  precision: number
  recall: number
  f1: number
  /** Over the true claims found: how often each attribute is right. */
  category: number
  evidence: number
  hedged: number
}

const normalise = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
const tokens = (text: string): Set<string> => new Set(normalise(text).split(' ').filter(Boolean))
const jaccard = (a: Set<string>, b: Set<string>): number => {
  let shared = 0
  for (const token of a) if (b.has(token)) shared++
  return shared / (a.size + b.size - shared || 1)
}

/**
 * Scores a record's claims against gold labels the way the project is judged (shared/tools/score.mjs):
 * (sentence, type) pairs, each predicted claim matched to the labelled sentence whose words it shares
 * most (Jaccard ≥ 0.6).
 */
export function scoreClaims(record: DocumentRecord, sentences: readonly GoldSentence[], labels: ReadonlyMap<string, GoldClaim>): ClaimScore {
  const labelled = sentences.filter((sentence) => labels.has(sentence.id)).map((sentence) => ({sentence, words: tokens(sentence.text)}))
  const gold = new Set<string>()
  for (const {sentence} of labelled) {
    const label = labels.get(sentence.id)!
    if (label.claim) for (const type of label.cellTypes) gold.add(`${sentence.id}|${type}`)
  }
  const predicted = new Set<string>()
  let attributes = 0
  let category = 0
  let evidence = 0
  let hedged = 0
  for (const claim of record.claims) {
    const words = tokens(claim.text)
    let best: GoldSentence | undefined
    let bestScore = 0
    for (const candidate of labelled) {
      const score = jaccard(words, candidate.words)
      if (score > bestScore) {
        bestScore = score
        best = candidate.sentence
      }
    }
    if (!best || bestScore < 0.6) continue
    for (const type of claim.entityTypes) predicted.add(`${best.id}|${type}`)
    const label = labels.get(best.id)!
    if (label.claim) {
      attributes++
      if (claim.category === label.category) category++
      if (claim.evidence === label.evidence) evidence++
      if (claim.hedged === label.hedged) hedged++
    }
  }
  const tp = [...predicted].filter((pair) => gold.has(pair)).length
  const precision = tp / (predicted.size || 1)
  const recall = tp / (gold.size || 1)
  return {
    goldPairs: gold.size,
    predictedPairs: predicted.size,
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall || 1),
    category: category / (attributes || 1),
    evidence: evidence / (attributes || 1),
    hedged: hedged / (attributes || 1)
  }
}
