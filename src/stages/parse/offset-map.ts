/**
 * Maps offsets in cleaned text back to offsets in the original file.
 *
 * Cleaning removes line-end hyphens, folds line breaks and runs of spaces into one space, and joins
 * paragraphs across page breaks, so cleaned offsets drift from original ones. The map is a list of
 * runs: inside a run, cleaned and original offsets advance together.
 */
export class OffsetMap {
  /**
   * @param cleanStarts start of each run in the cleaned text (ascending, first is 0)
   * @param originalStarts original offset of the first character of each run
   * @param length length of the cleaned text the map covers
   */
  constructor(
    readonly cleanStarts: readonly number[],
    readonly originalStarts: readonly number[],
    readonly length: number
  ) {}

  /** A map where cleaned and original text are the same, starting at `originalStart`. */
  static identity(originalStart: number, length: number): OffsetMap {
    return new OffsetMap([0], [originalStart], length)
  }

  /** Original offset of the cleaned character at `index` (or of the end, for `index === length`). */
  toOriginal(index: number): number {
    if (index >= this.length && this.length > 0) return this.toOriginal(this.length - 1) + 1
    const run = this.runAt(index)
    return this.originalStarts[run]! + (index - this.cleanStarts[run]!)
  }

  /** Original offset just past the cleaned character at `end - 1`: the end of a range. */
  toOriginalEnd(end: number): number {
    return end <= 0 ? this.toOriginal(0) : this.toOriginal(end - 1) + 1
  }

  /** The part of the map for cleaned range [start, end), re-based to start at 0. */
  slice(start: number, end: number): OffsetMap {
    const cleanStarts: number[] = [0]
    const originalStarts: number[] = [this.toOriginal(start)]
    for (let run = this.runAt(start) + 1; run < this.cleanStarts.length && this.cleanStarts[run]! < end; run++) {
      cleanStarts.push(this.cleanStarts[run]! - start)
      originalStarts.push(this.originalStarts[run]!)
    }
    return new OffsetMap(cleanStarts, originalStarts, end - start)
  }

  private runAt(index: number): number {
    let low = 0
    let high = this.cleanStarts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (this.cleanStarts[mid]! <= index) low = mid
      else high = mid - 1
    }
    return low
  }
}

/**
 * Builds cleaned text and its `OffsetMap` together, one piece at a time. A piece that continues the
 * original text right where the previous one stopped extends the current run instead of starting
 * one: a paragraph whose lines were only joined by a space is one run, and slicing its map per
 * sentence and citation stays cheap. (Runs are not observable: only the offsets they map to are.)
 */
export class OffsetMapBuilder {
  private readonly parts: string[] = []
  private readonly cleanStarts: number[] = []
  private readonly originalStarts: number[] = []
  private length = 0
  private nextOriginal = -1

  /** Appends `text` copied from the original at `originalOffset`. */
  copy(text: string, originalOffset: number): void {
    if (text.length === 0) return
    if (originalOffset !== this.nextOriginal) {
      this.cleanStarts.push(this.length)
      this.originalStarts.push(originalOffset)
    }
    this.parts.push(text)
    this.length += text.length
    this.nextOriginal = originalOffset + text.length
  }

  /** Appends one character that stands for original text at `originalOffset` (a folded line break). */
  insert(char: string, originalOffset: number): void {
    if (originalOffset !== this.nextOriginal) {
      this.cleanStarts.push(this.length)
      this.originalStarts.push(originalOffset)
    }
    this.parts.push(char)
    this.length += char.length
    this.nextOriginal = originalOffset + char.length
  }

  /** Removes the last character appended (a line-end hyphen that turned out to split a word). */
  dropLast(): void {
    const last = this.parts.pop()
    if (last === undefined) return
    if (last.length > 1) this.parts.push(last.slice(0, -1))
    this.length -= 1
    if (this.cleanStarts[this.cleanStarts.length - 1] === this.length) {
      this.cleanStarts.pop()
      this.originalStarts.pop()
    }
    this.nextOriginal = -1
  }

  get text(): string {
    return this.parts.join('')
  }

  get size(): number {
    return this.length
  }

  /** The last character appended so far, or '' when empty. */
  lastChar(): string {
    const last = this.parts[this.parts.length - 1]
    return last ? last[last.length - 1]! : ''
  }

  build(): {text: string; map: OffsetMap} {
    const cleanStarts = this.cleanStarts.length > 0 ? this.cleanStarts : [0]
    const originalStarts = this.originalStarts.length > 0 ? this.originalStarts : [0]
    return {text: this.text, map: new OffsetMap(cleanStarts, originalStarts, this.length)}
  }
}
