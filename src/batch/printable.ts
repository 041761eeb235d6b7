/**
 * Characters that must not reach a terminal or a log as they are: C0 and C1 controls and DEL (a
 * newline forges a diagnostic line, ESC and CSI start terminal escape sequences), the line and
 * paragraph separators, the bidirectional controls that reorder what is shown (a file name could
 * make a line read differently from what it says), and lone surrogates (not text; a terminal shows
 * U+FFFD). Everything else, printable Unicode included, is printed as it is.
 */
const unprintable = /[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\p{Cs}/gu

const named: Readonly<Record<string, string>> = {'\n': '\\n', '\r': '\\r', '\t': '\\t'}

/**
 * Text from input (file names, bibliography keys, messages that quote the input) made safe to print
 * on one line: each character above becomes an escape (`\n`, `\t`, `\x1b`, `\u202e`), so one
 * diagnostic is always one line and input never drives the terminal.
 */
export function printable(text: string): string {
  return text.replace(unprintable, (character) => named[character] ?? escapeCode(character.charCodeAt(0)))
}

function escapeCode(code: number): string {
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
}
