import {randomBytes} from 'node:crypto'
import {renameSync, rmSync, writeFileSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'

/**
 * The temp file beside `path` that an atomic write goes through: hidden (discovery and output
 * listings skip dot files) and carrying the writer's pid, so a later run can tell the leftovers of a
 * killed process from the files of one still running (`tempFileOwner`).
 */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
}

const tempName = /^\..+\.([1-9]\d*)\.[0-9a-f]{8}\.tmp$/

/** The pid of the process that made temp file `name` (a name `tempPathFor` gives); undefined for any other name. */
export function tempFileOwner(name: string): number | undefined {
  const pid = tempName.exec(name)?.[1]
  return pid === undefined ? undefined : Number(pid)
}

/**
 * Writes `content` to a new temp file beside `path` (in a folder that must exist) and returns its path.
 * `wx`: a file or link already at the temp path is never written through. Nothing is left behind when
 * it fails.
 */
export function writeTempFileSync(path: string, content: string | Uint8Array, mode?: number): string {
  const temp = tempPathFor(path)
  try {
    writeFileSync(temp, content, mode === undefined ? {flag: 'wx'} : {flag: 'wx', mode})
  } catch (error) {
    rmSync(temp, {force: true})
    throw error
  }
  return temp
}

/**
 * Replaces `path` with `content` atomically, in one blocking call: a temp file beside it renamed over
 * it. A reader, or a process killed mid-way, sees the old file or the new one, never half of one.
 */
export function replaceFileSync(path: string, content: string | Uint8Array, mode?: number): void {
  const temp = writeTempFileSync(path, content, mode)
  try {
    renameSync(temp, path)
  } catch (error) {
    rmSync(temp, {force: true})
    throw error
  }
}
