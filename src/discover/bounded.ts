/**
 * Size limits on the files a run reads whole (docs/architecture.md, "Trust"): a file over its limit is refused with a message
 * naming it and its size, instead of being read into memory. The limits sit far above any real file of its kind.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs'

const MiB = 1024 * 1024

/** Largest file of each kind read whole, in bytes. */
export const SIZE_LIMITS = {
  prompt: 4 * MiB,
  include: 16 * MiB,
  pddrc: 1 * MiB,
  architecture: 32 * MiB,
  meta: 4 * MiB,
  note: 32 * MiB
} as const

/** A file over its size limit; the message names the file (as the caller shows it), its size and the limit. */
export class TooLargeError extends Error {
  override name = 'TooLargeError'
}

/** Why a file of `size` bytes is refused, or null when it is within `limit`. */
export function sizeProblem(shown: string, size: number, limit: number): string | null {
  if (size <= limit) return null
  return `${shown} is ${mib(size)}, more than the ${mib(limit)} a file of its kind may have; refused`
}

/** Reads a file as UTF-8, refusing one over `limit` bytes before reading it (one open, fstat, read). */
export function readTextBounded(file: string, limit: number, shown = file): string {
  // O_NONBLOCK: a named pipe (FIFO) opens at once instead of waiting for a writer for ever, and is refused below.
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK)
  try {
    const st = fstatSync(fd)
    if (!st.isFile()) throw new Error(`${shown} is not a regular file`)
    const problem = sizeProblem(shown, st.size, limit)
    if (problem !== null) throw new TooLargeError(problem)
    return readFileSync(fd, 'utf8')
  } finally {
    closeSync(fd)
  }
}

function mib(bytes: number): string {
  return bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MiB` : `${bytes} bytes`
}
