import {createHash} from 'node:crypto'

/** One share of the documents: shard `index` (1-based) of `count`. */
export interface Shard {
  index: number
  count: number
}

/** Parses `i/n` (1 ≤ i ≤ n); throws a message meant for the user otherwise. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim())
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || count < 1 || index < 1 || index > count) throw new Error(`--shard expects i/n with 1 ≤ i ≤ n (like 2/4), not "${text}"`)
  return {index, count}
}

/**
 * Whether a document belongs to a shard. By a hash of its id rather than its place in a sorted list,
 * so adding or removing a document never moves the others to another shard; sha256 spreads ids
 * evenly, so shards are balanced for any realistic number of documents.
 */
export function inShard(id: string, shard: Shard): boolean {
  if (shard.count === 1) return true
  const bucket = createHash('sha256').update(id).digest().readUInt32BE(0) % shard.count
  return bucket === shard.index - 1
}
