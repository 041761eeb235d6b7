/**
 * A bounded in-memory map from a formatting key to formatted text, least recently used first out.
 *
 * citeproc takes about a millisecond per entry even with a warm engine, so a batch whose documents
 * share references (reviews of one field cite the same works) formats each shared work once per
 * worker. Keys are the exact inputs of the formatting (style, locale, the item as handed to
 * citeproc), never a hash of them, so two inputs can never share an entry.
 */
export class FormattedEntryCache {
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
