/**
 * A bounded in-memory map from string to string, least recently used first out: the per-thread
 * memory of work on bibliography entries (formatting, parsing), which documents of one field share.
 * Callers use the exact inputs of the work as keys, never a hash of them, so two inputs never
 * share a value.
 */
export class BoundedCache {
  private readonly entries = new Map<string, string>()

  /** @param limit Most entries kept (about 1 KB each with their keys). */
  constructor(private readonly limit = 20_000) {}

  /** The text stored for `key`, marking it recently used. */
  get(key: string): string | undefined {
    const text = this.entries.get(key)
    if (text === undefined) return undefined
    this.entries.delete(key)
    this.entries.set(key, text)
    return text
  }

  /** Stores `text` for `key`, dropping the least recently used entries past the limit. */
  set(key: string, text: string): void {
    this.entries.delete(key)
    this.entries.set(key, text)
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!)
  }

  get size(): number {
    return this.entries.size
  }

  clear(): void {
    this.entries.clear()
  }
}
