import {constants, type Stats} from 'node:fs'
import {lstat, open, stat} from 'node:fs/promises'

/**
 * The most bytes citeclaim reads from one input file (a document or a bibliography): 64 MiB. A
 * document's JSON record is about 16 times its input (README, Performance) and Node.js cannot build
 * a string longer than about 512 MB, so ordinary text past 32 MB already ends in
 * `document-too-large` after minutes of analysis; twice that leaves room for sparse text. Past it, a
 * file is refused before a byte is read, so a huge or endless file costs nothing.
 */
export const maxInputBytes = 64 * 2 ** 20

/** Why a file was not read. */
export type NotRead =
  | {reason: 'symlink'}
  | {reason: 'not-regular'; kind: string}
  | {reason: 'too-large'; size: number}
  | {reason: 'unreadable'; code: string}

export type RegularFileRead = ({ok: true; bytes: Uint8Array}) | ({ok: false} & NotRead)

export interface ReadRegularFileOptions {
  /** Whether a symbolic link is followed (a path the user named) or refused (a path found in a folder). */
  followLinks: boolean
  /** Refuse files larger than this (default `maxInputBytes`). */
  maxBytes?: number
}

// Absent on Windows: there the lstat check before opening is the only guard against links.
const noFollow = constants.O_NOFOLLOW ?? 0
// Opening a FIFO for reading blocks until a writer comes; non-blocking, the open returns and fstat refuses it.
const nonBlocking = constants.O_NONBLOCK ?? 0

/**
 * Reads a file only if it is a regular file no larger than `maxBytes`. The path is checked first
 * (lstat, or stat when links are followed), so that devices and FIFOs are never even opened; the
 * opened descriptor is checked again (fstat), so a file swapped for a link, a FIFO or a device in
 * between is refused too; and the read stops past `maxBytes`, in case the file grows meanwhile.
 */
export async function readRegularFile(path: string, options: ReadRegularFileOptions): Promise<RegularFileRead> {
  const maxBytes = options.maxBytes ?? maxInputBytes
  let info: Stats
  try {
    info = options.followLinks ? await stat(path) : await lstat(path)
  } catch (error) {
    return {ok: false, reason: 'unreadable', code: errorCode(error)}
  }
  const refused = refusal(info, maxBytes)
  if (refused) return {ok: false, ...refused}
  let handle
  try {
    handle = await open(path, constants.O_RDONLY | nonBlocking | (options.followLinks ? 0 : noFollow))
  } catch (error) {
    // ELOOP: the last part of the path became a symbolic link after the lstat.
    if (!options.followLinks && errorCode(error) === 'ELOOP') return {ok: false, reason: 'symlink'}
    return {ok: false, reason: 'unreadable', code: errorCode(error)}
  }
  try {
    const opened = await handle.stat()
    const changed = refusal(opened, maxBytes)
    if (changed) return {ok: false, ...changed}
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      // One read of the whole file in the usual case; at most maxBytes + 1 in all. Never from the
      // shared pool: the bytes go to a worker, and a pooled slice would carry its whole slab along.
      const buffer = Buffer.allocUnsafeSlow(Math.max(1, Math.min(maxBytes + 1 - total, Math.max(opened.size - total, 0) + 1, 2 ** 24)))
      const {bytesRead} = await handle.read(buffer, 0, buffer.length, null)
      if (bytesRead === 0) break
      chunks.push(buffer.subarray(0, bytesRead))
      total += bytesRead
      if (total > maxBytes) return {ok: false, reason: 'too-large', size: total}
    }
    return {ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total)}
  } catch (error) {
    return {ok: false, reason: 'unreadable', code: errorCode(error)}
  } finally {
    await handle.close().catch(() => {})
  }
}

/** Why a file with these stats is not read, if it is not. */
function refusal(info: Stats, maxBytes: number): NotRead | undefined {
  if (info.isSymbolicLink()) return {reason: 'symlink'}
  if (!info.isFile()) return {reason: 'not-regular', kind: fileKind(info)}
  if (info.size > maxBytes) return {reason: 'too-large', size: info.size}
  return undefined
}

/** What a path that is not a regular file is, in words. */
export function fileKind(info: Stats): string {
  if (info.isDirectory()) return 'a folder'
  if (info.isFIFO()) return 'a FIFO (named pipe)'
  if (info.isCharacterDevice()) return 'a character device'
  if (info.isBlockDevice()) return 'a block device'
  if (info.isSocket()) return 'a socket'
  if (info.isSymbolicLink()) return 'a symbolic link'
  return 'not a regular file'
}

/** What a too-large file is told: its size in bytes against the limit (`70000000 bytes, more than the 64 MiB (67108864 bytes)`). */
export function describeTooLarge(size: number, maxBytes = maxInputBytes): string {
  return `${size} bytes, more than the ${maxBytes / 2 ** 20} MiB (${maxBytes} bytes) an input may have`
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message
}
