import { createHash } from 'node:crypto'
import { lstat, readFile, realpath } from 'node:fs/promises'
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
  private readonly bytes = new Map<string, Promise<Buffer | null>>()
  private readonly realRoot: Promise<string>

  constructor(readonly root: string) {
    this.realRoot = realpath(root)
  }

  /** The bytes of a repository-relative path, or null. */
  read(rel: string): Promise<Buffer | null> {
    let p = this.bytes.get(rel)
    if (!p) {
      p = this.load(rel)
      this.bytes.set(rel, p)
    }
    return p
  }

  /** sha256 of a repository-relative path, or null when it cannot be read. */
  async hash(rel: string): Promise<string | null> {
    const b = await this.read(rel)
    return b ? sha256(b) : null
  }

  private async load(rel: string): Promise<Buffer | null> {
    const abs = path.join(this.root, rel)
    try {
      const st = await lstat(abs)
      if (st.isSymbolicLink()) {
        const real = await realpath(abs)
        const root = await this.realRoot
        if (real !== root && !real.startsWith(root + path.sep)) return null
      } else if (!st.isFile()) {
        return null
      }
      return await readFile(abs)
    } catch {
      return null
    }
  }
}

/** Runs an async function over items with at most `limit` in flight, keeping the order of results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}
