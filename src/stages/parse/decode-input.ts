/** The text of an input file, or why it has none. */
export type DecodedInput =
  | {ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be'}
  | {ok: false; code: 'input-binary' | 'input-encoding'; message: string; offset: number; start: BytePoint}

/**
 * Where the first bad byte is: line (LF, CR or CRLF ends a line) and column 1-based, the column counted
 * in characters of the line before it; `offset` is the byte offset, 0-based.
 */
export interface BytePoint {
  line: number
  column: number
  offset: number
}

const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false})
/** The BOM is taken off before decoding: a second one is text (U+FEFF), as positions count it. */
const utf16 = (encoding: 'utf-16le' | 'utf-16be'): TextDecoder => new TextDecoder(encoding, {ignoreBOM: true})

/**
 * Decodes input bytes: UTF-8 (a BOM is dropped), or UTF-16 when a BOM says so. Every encoding gets
 * the same checks: a NUL character means the bytes are not text (`input-binary`), and bytes that do
 * not decode (invalid UTF-8; an unpaired surrogate or an odd trailing byte in UTF-16) are refused
 * (`input-encoding`), with the offset of the first bad byte, rather than turned into replacement
 * characters.
 */
export function decodeInput(bytes: Uint8Array): DecodedInput {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le')
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be')
  const nul = bytes.indexOf(0)
  if (nul !== -1) return {ok: false, code: 'input-binary', message: `input is binary (NUL byte at offset ${nul}), not text`, offset: nul, start: pointAtByte(bytes, nul)}
  try {
    return {ok: true, text: utf8.decode(bytes), encoding: 'utf-8'}
  } catch {
    const offset = firstInvalidUtf8(bytes)
    return {ok: false, code: 'input-encoding', message: `input is not valid UTF-8 (first bad byte at offset ${offset}); convert it to UTF-8`, offset, start: pointAtByte(bytes, offset)}
  }
}

/**
 * UTF-16 after its BOM, checked code unit by code unit in one pass: the first NUL, unpaired
 * surrogate or odd trailing byte is refused at its byte offset (the BOM counts in offsets, not in
 * columns).
 */
function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedInput {
  const name = encoding.toUpperCase()
  const little = encoding === 'utf-16le'
  const unitAt = (offset: number): number => (little ? bytes[offset]! | (bytes[offset + 1]! << 8) : (bytes[offset]! << 8) | bytes[offset + 1]!)
  const refuse = (code: 'input-binary' | 'input-encoding', offset: number, message: string): DecodedInput => ({ok: false, code, message, offset, start: pointInText(utf16(encoding).decode(bytes.subarray(2, offset)), offset)})
  const end = bytes.length - ((bytes.length - 2) % 2)
  for (let offset = 2; offset < end; offset += 2) {
    const unit = unitAt(offset)
    if (unit === 0) return refuse('input-binary', offset, `input is binary (NUL character at offset ${offset} of ${name} text), not text`)
    if (unit >= 0xdc00 && unit <= 0xdfff) return refuse('input-encoding', offset, `input is not valid ${name} (unpaired low surrogate at offset ${offset}); convert it to UTF-8`)
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = offset + 2 < end ? unitAt(offset + 2) : -1
      if (next < 0xdc00 || next > 0xdfff) return refuse('input-encoding', offset, `input is not valid ${name} (unpaired high surrogate at offset ${offset}); convert it to UTF-8`)
      offset += 2
    }
  }
  if (end !== bytes.length) return refuse('input-encoding', end, `input is not valid ${name} (a lone byte at offset ${end} ends it: an odd number of bytes); convert it to UTF-8`)
  return {ok: true, text: utf16(encoding).decode(bytes.subarray(2)), encoding}
}

/**
 * Offset of the first byte that starts an invalid UTF-8 sequence (a stray continuation byte, an
 * overlong form, a surrogate, a truncated sequence). One pass: called only after the fatal decoder
 * has refused the bytes.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const lead = bytes[index]!
    if (lead < 0x80) {
      index++
      continue
    }
    let length: number
    let lower = 0x80
    let upper = 0xbf
    if (lead >= 0xc2 && lead <= 0xdf) length = 2
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3
      if (lead === 0xe0) lower = 0xa0
      if (lead === 0xed) upper = 0x9f
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4
      if (lead === 0xf0) lower = 0x90
      if (lead === 0xf4) upper = 0x8f
    } else return index
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next]
      if (byte === undefined || byte < lower || byte > upper) return index
      lower = 0x80
      upper = 0xbf
    }
    index += length
  }
  return bytes.length
}

function pointAtByte(bytes: Uint8Array, offset: number): BytePoint {
  let line = 1
  let lineStart = 0
  for (let index = 0; index < offset; index++) {
    const byte = bytes[index]
    if (byte === 0x0a || (byte === 0x0d && bytes[index + 1] !== 0x0a)) {
      line++
      lineStart = index + 1
    }
  }
  const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).length + 1
  return {line, column, offset}
}

/** The point after `before`, the decoded text ahead of a bad byte at byte `offset`; lines end as in `pointAtByte`. */
function pointInText(before: string, offset: number): BytePoint {
  let line = 1
  let lineStart = 0
  for (let index = 0; index < before.length; index++) {
    const code = before.charCodeAt(index)
    if (code === 0x0a || (code === 0x0d && before.charCodeAt(index + 1) !== 0x0a)) {
      line++
      lineStart = index + 1
    }
  }
  return {line, column: before.length - lineStart + 1, offset}
}
