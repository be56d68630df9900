import * as crypto from 'node:crypto'
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readFileSync,
  readSync,
  realpathSync,
  statSync
} from 'node:fs'
import path from 'node:path'
import { isPlainRelative } from './contained.js'

/** `crypto.hash` (Node ≥ 20.12): one call, no Hash object per file. Older Node falls back to `createHash`. */
const oneShot: ((algorithm: string, data: Buffer, encoding: 'hex') => string) | undefined =
  typeof crypto.hash === 'function' ? crypto.hash : undefined

/** Where {@link sha256} joins the parts of a small multi-part input (a prompt and its includes). */
let joined = Buffer.allocUnsafeSlow(16 * 1024)
const JOIN_MAX = 1024 * 1024

/** sha256 (hex) of bytes — PDD's `calculate_sha256` over a file's raw bytes. */
export function sha256(...parts: Buffer[]): string {
  if (oneShot !== undefined) {
    if (parts.length === 1) return oneShot('sha256', parts[0] as Buffer, 'hex')
    // A prompt and its includes are a few KiB: one copy into a reused buffer is cheaper than a Hash object
    // or `Buffer.concat` (a new buffer per unit).
    let size = 0
    for (let i = 0; i < parts.length; i++) size += (parts[i] as Buffer).length
    if (size <= JOIN_MAX) {
      if (joined.length < size) joined = Buffer.allocUnsafeSlow(Math.max(size, joined.length * 2))
      let at = 0
      for (let i = 0; i < parts.length; i++) {
        const p = parts[i] as Buffer
        joined.set(p, at)
        at += p.length
      }
      return oneShot('sha256', joined.subarray(0, size), 'hex')
    }
  }
  const h = crypto.createHash('sha256')
  for (const p of parts) h.update(p)
  return h.digest('hex')
}

/** PDD's v1 prompt hash: the prompt's bytes, then those of each dependency that can be read. */
export function hashWithDependencies(files: FileCache, prompt: Buffer, deps: readonly string[]): string {
  if (deps.length === 0) return sha256(prompt)
  const parts = [prompt]
  for (let i = 0; i < deps.length; i++) {
    const b = files.read(deps[i] as string)
    if (b !== null) parts.push(b)
  }
  return sha256(...parts)
}

/** The size of {@link FileCache}'s slabs for kept files. */
const SLAB_SIZE = 256 * 1024
const EMPTY = Buffer.alloc(0)

/** Files up to this size that are read only to be hashed or parsed are read into one reused buffer. */
const SCRATCH_MAX = 1024 * 1024

/**
 * Reads files relative to a root, each once, with bounded concurrency. A path that is missing, not a regular
 * file, or reached through a symlink that leaves the root reads as null, as PDD's hash of such a path is None.
 */
export class FileCache {
  private readonly bytes = new Map<string, Buffer | null>()
  private readonly dirs = new Map<string, boolean>()
  private readonly hashes = new Map<string, string | null>()
  private readonly texts = new Map<string, string>()
  private realRoot: string | null = null
  private readonly rootSlash: string
  /** Where files not kept are read (see {@link readOnce}): no buffer allocated per file hashed or parsed. */
  private scratch = Buffer.allocUnsafeSlow(64 * 1024)
  /** Where small kept files are cut from (see {@link keep}); allocated when first needed. */
  private slab = EMPTY
  private slabUsed = 0
  /** Paths not read because they were larger than `maxBytes`, with their sizes. */
  readonly oversized = new Map<string, number>()

  constructor(
    readonly root: string,
    /** `read` returns null for a file larger than this (listed in `oversized`): never an out-of-memory crash. */
    readonly maxBytes = 256 * 1024 * 1024
  ) {
    this.rootSlash = root.endsWith('/') || root.endsWith(path.sep) ? root : root + path.sep
  }

  /**
   * The bytes of a repository-relative path, or null. Synchronous on purpose: for thousands of small files one
   * blocking open/read/close is several times faster than the promise API's thread-pool round trips.
   */
  read(rel: string): Buffer | null {
    let b = this.bytes.get(rel)
    if (b === undefined) {
      b = this.load(rel, this.maxBytes)
      this.bytes.set(rel, b)
    }
    return b
  }

  /**
   * {@link read} without keeping the bytes: a file read once and parsed (a `.pdd/meta` file) is not held for the
   * rest of the plan. An oversized file is listed in `oversized`, as by `read`. The bytes may be a view of a
   * buffer this cache reuses: valid only until its next read (parse them at once).
   */
  readOnce(rel: string): Buffer | null {
    const kept = this.bytes.get(rel)
    return kept !== undefined ? kept : this.load(rel, this.maxBytes, true, true)
  }

  /**
   * The bytes of `rel` when it is a readable file of at most `limit` bytes, else null; kept for later reads
   * (discovery reads each prompt through here, and the state loader reads it again). Unlike {@link read}, a
   * file over `limit` is not listed in `oversized` and a null is not remembered: the caller reports its own way.
   */
  peek(rel: string, limit: number): Buffer | null {
    const kept = this.bytes.get(rel)
    if (kept !== undefined) return kept !== null && kept.length <= limit ? kept : null
    const b = this.load(rel, Math.min(limit, this.maxBytes), false)
    if (b !== null) this.bytes.set(rel, b)
    return b
  }

  /**
   * {@link peek} decoded as UTF-8, the string kept with the bytes: discovery parses each prompt's text and the
   * state loader needs it again (decoded once, not once per reader).
   */
  peekText(rel: string, limit: number): string | null {
    const b = this.peek(rel, limit)
    return b === null ? null : this.textOf(rel, b)
  }

  /** {@link read} decoded as UTF-8 (kept: see {@link peekText}), or null. */
  readText(rel: string): string | null {
    const b = this.read(rel)
    return b === null ? null : this.textOf(rel, b)
  }

  private textOf(rel: string, b: Buffer): string {
    let t = this.texts.get(rel)
    if (t === undefined) {
      t = b.toString('utf8')
      this.texts.set(rel, t)
    }
    return t
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
      // Hashing streams nothing into the cache, so it needs no size limit: a huge code file still hashes.
      const b = kept !== undefined ? kept : this.load(rel, Number.POSITIVE_INFINITY, true, true)
      h = b ? sha256(b) : null
      this.hashes.set(rel, h)
    }
    return h
  }

  /** The bytes of `rel` (`transient`: possibly in the reused scratch buffer), or null. */
  private load(rel: string, limit: number, noteOversized = true, transient = false): Buffer | null {
    // A path from a record or a fingerprint may be hostile: no absolute paths, no `..`, no folder link out.
    const slash = rel.lastIndexOf('/')
    if (!isPlainRelative(rel) || !this.dirInside(slash < 0 ? '.' : rel.slice(0, slash))) return null
    // A plain relative path below the root names the same file joined as is (no normalising per file).
    const abs = this.rootSlash + rel
    let fd: number
    try {
      // O_NONBLOCK: a named pipe (FIFO) in the tree opens at once instead of waiting for a writer for ever; a read
      // of it returns nothing and `fstat` then refuses it. Regular files are read as without it.
      fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ELOOP'
        ? this.loadThroughLink(abs, limit, noteOversized)
        : null
    }
    try {
      return this.readOpen(fd, rel, { limit, noteOversized, transient })
    } catch {
      return null
    } finally {
      closeSync(fd)
    }
  }

  /**
   * The bytes of an open file. A small file is read whole into the scratch buffer: a read that leaves the buffer
   * part empty reached the end of a regular file, so neither `fstat` (whose Stats object and four Dates per file
   * were an eighth of what planning allocated) nor a read of nothing to confirm the end (a third of planning's
   * system calls) is needed. A folder fails to read (EISDIR); a named pipe opened without blocking reads nothing
   * or fails (EAGAIN); an empty or large file, or a device that fills the buffer, is judged by its `fstat` as
   * before (not a regular file: null; over the limit: oversized).
   */
  private readOpen(
    fd: number,
    rel: string,
    o: { limit: number; noteOversized: boolean; transient: boolean }
  ): Buffer | null {
    const chunk = this.scratch
    const n = readSync(fd, chunk, 0, chunk.length, 0)
    if (n > 0 && n < chunk.length && n <= o.limit) {
      if (o.transient) return chunk.subarray(0, n)
      const kept = this.keep(n)
      chunk.copy(kept, 0, 0, n)
      return kept
    }
    const st = fstatSync(fd)
    if (!st.isFile()) return null
    if (st.size > o.limit) {
      if (o.noteOversized) this.oversized.set(rel, st.size)
      return null
    }
    return readAll(fd, st.size, o.transient && st.size <= SCRATCH_MAX ? this.scratchOf(st.size) : null)
  }

  /**
   * `n` bytes for a small file that is kept (a prompt, an include): cut from a shared slab instead of one buffer
   * each. Node's own pool is 8 KiB, so each few prompts cost a new ArrayBuffer (a twentieth of planning's
   * main-thread time at 5,000 units went to creating them). Kept files live as long as the cache, and so do slabs.
   */
  private keep(n: number): Buffer {
    if (n > SLAB_SIZE / 8) return Buffer.allocUnsafe(n)
    if (this.slabUsed + n > this.slab.length) {
      this.slab = Buffer.allocUnsafeSlow(SLAB_SIZE)
      this.slabUsed = 0
    }
    const out = this.slab.subarray(this.slabUsed, this.slabUsed + n)
    // Eight-byte aligned, as Node's pool keeps its slices.
    this.slabUsed += (n + 7) & ~7
    return out
  }

  /** The reused buffer, grown to hold `size` bytes. */
  private scratchOf(size: number): Buffer {
    if (this.scratch.length < size)
      this.scratch = Buffer.allocUnsafeSlow(Math.max(size, this.scratch.length * 2))
    return this.scratch
  }

  /** Whether a folder's real path stays inside the root (a missing folder does: nothing can be read there). */
  private dirInside(dir: string): boolean {
    if (dir === '.' || dir === '') return true
    let ok = this.dirs.get(dir)
    if (ok === undefined) {
      try {
        this.realRoot ??= realpathSync(this.root)
        const real = realpathSync(path.join(this.root, dir))
        ok = real === this.realRoot || real.startsWith(this.realRoot + path.sep)
      } catch {
        ok = true
      }
      this.dirs.set(dir, ok)
    }
    return ok
  }

  /** A symlink is followed only when its target stays inside the root (PDD's trusted-root rule). */
  private loadThroughLink(abs: string, limit: number, noteOversized: boolean): Buffer | null {
    try {
      this.realRoot ??= realpathSync(this.root)
      const real = realpathSync(abs)
      if (real !== this.realRoot && !real.startsWith(this.realRoot + path.sep)) return null
      const st = statSync(real)
      // Only a regular file: reading a named pipe would wait for a writer for ever.
      if (!st.isFile()) return null
      const size = st.size
      if (size > limit) {
        if (noteOversized) this.oversized.set(path.relative(this.root, abs), size)
        return null
      }
      return readFileSync(real)
    } catch {
      return null
    }
  }
}

/**
 * The bytes of an open regular file of `size` bytes: reads into one buffer of the size `fstat` gave (or into the
 * start of `into`), without `readFileSync`'s second `fstat` and its read to confirm the end (a third of the
 * system calls per small file).
 */
function readAll(fd: number, size: number, into: Buffer | null): Buffer {
  const buf = into ?? Buffer.allocUnsafe(size)
  let off = 0
  while (off < size) {
    const n = readSync(fd, buf, off, size - off, off)
    if (n === 0) break
    off += n
  }
  return off === buf.length ? buf : buf.subarray(0, off)
}
