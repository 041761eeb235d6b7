import {recentFileBytes} from './bibliography-formats.js'
import {BoundedCache} from './bounded-cache.js'

/**
 * What was made from the last bibliography files read, by path, each kept with its bytes, which are
 * compared whole before a value is reused (never hashed: comparing costs a fraction of hashing or
 * reading again). Documents that name one library's file (`bibliography.files`) come one after another,
 * so two files are enough, and none bigger than `recentFileBytes` is kept.
 */
export class RecentFiles<V> {
  private readonly files = new BoundedCache<{bytes: Uint8Array; value: V}>(2)

  /** What was kept for `source` read with exactly these bytes, or undefined. */
  get(source: string, bytes: Uint8Array): V | undefined {
    const known = this.files.get(source)
    return known && Buffer.compare(known.bytes, bytes) === 0 ? known.value : undefined
  }

  /** Keeps `value` for `source` read with `bytes`, the most recent; the oldest of more than two goes. */
  set(source: string, bytes: Uint8Array, value: V): void {
    if (bytes.byteLength > recentFileBytes) this.files.delete(source)
    // A copy: a caller may fill the same buffer with another file's bytes for its next document.
    else this.files.set(source, {bytes: Buffer.from(bytes), value})
  }

  clear(): void {
    this.files.clear()
  }
}
