/** The text of an input file, or why it has none. */
export type DecodedInput =
  | {ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be'}
  | {ok: false; code: 'input-binary' | 'input-encoding'; message: string; offset: number}

const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false})

/**
 * Decodes input bytes: UTF-8 (a BOM is dropped), or UTF-16 when a BOM says so. Bytes that are not
 * text (NUL bytes in a UTF-8 file) or not valid UTF-8 are refused with the offset of the first bad
 * byte, rather than turned into replacement characters.
 */
export function decodeInput(bytes: Uint8Array): DecodedInput {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return {ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le'}
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return {ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be'}
  const nul = bytes.indexOf(0)
  if (nul !== -1) return {ok: false, code: 'input-binary', message: `input is binary (NUL byte at offset ${nul}), not text`, offset: nul}
  try {
    return {ok: true, text: utf8.decode(bytes), encoding: 'utf-8'}
  } catch {
    const offset = firstInvalidUtf8(bytes)
    return {ok: false, code: 'input-encoding', message: `input is not valid UTF-8 (first bad byte at offset ${offset}); convert it to UTF-8`, offset}
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let low = 0
  let high = bytes.length
  // Binary search for the shortest prefix that fails to decode.
  const decoder = new TextDecoder('utf-8', {fatal: true})
  while (low < high) {
    const mid = (low + high) >> 1
    try {
      decoder.decode(bytes.subarray(0, mid + 1), {stream: true})
      decoder.decode()
      low = mid + 1
    } catch {
      high = mid
    }
  }
  return low
}
