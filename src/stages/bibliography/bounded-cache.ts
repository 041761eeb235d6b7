/**
 * A bounded in-memory map from string keys to values, oldest first out: the per-thread
 * memory of work on bibliography entries (formatting, parsing), which documents of one field share,
 * and of the last bibliography files read (`RecentFiles`). Callers use the exact inputs of the work
 * as keys, never a hash of them, so two inputs never share a value (`RecentFiles` keys by path and
 * compares the bytes it keeps).
 */
export class BoundedCache<V = string> {
  private readonly entries = new Map<string, V>()

  /**
   * @param limit Most entries kept (about 1 KB each with their keys, so 10 MB per cache and thread
   * at most: peak memory does not grow with the batch).
   */
  constructor(private readonly limit = 10_000) {}

  /**
   * The value stored for `key`. A plain look-up: refreshing the entry's age on every hit (delete and
   * set again, hashing the long key twice more) cost more than the rare re-parse of an entry that a
   * full cache dropped.
   */
  get(key: string): V | undefined {
    return this.entries.get(key)
  }

  /** Forgets the value stored for `key`, if any. */
  delete(key: string): void {
    this.entries.delete(key)
  }

  /** Stores `value` for `key`, dropping the oldest entries past the limit. */
  set(key: string, value: V): void {
    this.entries.delete(key)
    this.entries.set(key, value)
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!)
  }

  get size(): number {
    return this.entries.size
  }

  clear(): void {
    this.entries.clear()
  }
}
