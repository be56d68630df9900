import { createHash } from 'node:crypto'
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, realpathSync } from 'node:fs'
import path from 'node:path'

/** sha256 (hex) of bytes — PDD's `calculate_sha256` over a file's raw bytes. */
export function sha256(...parts: Buffer[]): string {
  const h = createHash('sha256')
  for (const p of parts) h.update(p)
  return h.digest('hex')
}

/**
 * Reads files relative to a root, each once, with bounded concurrency. A path that is missing, not a regular
 * file, or reached through a symlink that leaves the root reads as null, as PDD's hash of such a path is None.
 */
export class FileCache {
  private readonly bytes = new Map<string, Buffer | null>()
  private readonly hashes = new Map<string, string | null>()
  private realRoot: string | null = null

  constructor(readonly root: string) {}

  /**
   * The bytes of a repository-relative path, or null. Synchronous on purpose: for thousands of small files one
   * blocking open/read/close is several times faster than the promise API's thread-pool round trips.
   */
  read(rel: string): Buffer | null {
    let b = this.bytes.get(rel)
    if (b === undefined) {
      b = this.load(rel)
      this.bytes.set(rel, b)
    }
    return b
  }

  /**
   * sha256 of a repository-relative path, or null when it cannot be read. Bytes read only to be hashed are not
   * kept: most files (code, example, tests) are hashed once and never read, and keeping them all made planning
   * a large repository hold every file in memory.
   */
  hash(rel: string): string | null {
    let h = this.hashes.get(rel)
    if (h === undefined) {
      const kept = this.bytes.get(rel)
      const b = kept !== undefined ? kept : this.load(rel)
      h = b ? sha256(b) : null
      this.hashes.set(rel, h)
    }
    return h
  }

  private load(rel: string): Buffer | null {
    const abs = path.join(this.root, rel)
    let fd: number
    try {
      fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW)
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ELOOP' ? this.loadThroughLink(abs) : null
    }
    try {
      const st = fstatSync(fd)
      return st.isFile() ? readAll(fd, st.size) : null
    } catch {
      return null
    } finally {
      closeSync(fd)
    }
  }

  /** A symlink is followed only when its target stays inside the root (PDD's trusted-root rule). */
  private loadThroughLink(abs: string): Buffer | null {
    try {
      this.realRoot ??= realpathSync(this.root)
      const real = realpathSync(abs)
      if (real !== this.realRoot && !real.startsWith(this.realRoot + path.sep)) return null
      return readFileSync(real)
    } catch {
      return null
    }
  }
}

/**
 * The bytes of an open regular file of `size` bytes: reads into one buffer of the size `fstat` gave, without
 * `readFileSync`'s second `fstat` and its read to confirm the end (a third of the system calls per small file).
 */
function readAll(fd: number, size: number): Buffer {
  const buf = Buffer.allocUnsafe(size)
  let off = 0
  while (off < size) {
    const n = readSync(fd, buf, off, size - off, off)
    if (n === 0) return buf.subarray(0, off)
    off += n
  }
  return buf
}
