/**
 * A cached, directory-listing-based view of the file system. The ported PDD resolvers ask many small questions
 * ("is there a file here?", "what is in this directory?"); answering them from one listing per directory keeps
 * discovery of thousands of prompts fast. Trees that will certainly be consulted (the prompt roots) are listed
 * ahead of time with async I/O and bounded concurrency; anything else is listed on first use.
 */
import * as fs from 'node:fs'
import * as fsp from 'node:fs/promises'
import * as path from 'node:path'

/** What an entry is once symlinks are followed. */
export type EntryKind = 'file' | 'dir' | 'other' | 'broken'

/** One directory entry. */
export interface DirEntry {
  name: string
  kind: EntryKind
  /** The entry itself is a symbolic link. */
  symlink: boolean
}

type Listing = Map<string, DirEntry>

const ROOT_ENTRY: DirEntry = { name: '/', kind: 'dir', symlink: false }

/** Cached view over absolute POSIX paths. */
export class FsView {
  private readonly listings = new Map<string, Listing | null>()
  private readonly realpaths = new Map<string, string | null>()
  private readonly symlinked = new Map<string, boolean>()
  private readonly lowered = new Map<string, Map<string, DirEntry[]>>()
  private readonly sorted = new Map<string, string[]>()

  /** @param root absolute, real path of the project (CWD of `pdd`). */
  constructor(readonly root: string) {}

  /** Entries of a directory, or null when it is not a readable directory. */
  list(dir: string): Listing | null {
    return this.listAbs(absolute(dir))
  }

  private listAbs(key: string): Listing | null {
    const cached = this.listings.get(key)
    if (cached !== undefined) return cached
    let listing: Listing | null
    try {
      listing = this.toListing(key, fs.readdirSync(key, { withFileTypes: true }))
    } catch {
      listing = null
    }
    this.listings.set(key, listing)
    return listing
  }

  /** The entry at `p` (symlinks followed for `kind`), or null when absent. */
  entry(p: string): DirEntry | null {
    return this.entryAbs(absolute(p))
  }

  private entryAbs(abs: string): DirEntry | null {
    if (abs === '/') return ROOT_ENTRY
    const slash = abs.lastIndexOf('/')
    const listing = this.listAbs(slash === 0 ? '/' : abs.slice(0, slash))
    return listing?.get(abs.slice(slash + 1)) ?? null
  }

  /** Entries of a directory grouped by lower-cased name (for case-insensitive lookups), cached. */
  byLowerName(dir: string): Map<string, DirEntry[]> {
    const key = absolute(dir)
    let index = this.lowered.get(key)
    if (index === undefined) {
      index = new Map()
      for (const e of this.list(key)?.values() ?? []) {
        const lower = e.name.toLowerCase()
        const group = index.get(lower)
        if (group === undefined) index.set(lower, [e])
        else group.push(e)
      }
      this.lowered.set(key, index)
    }
    return index
  }

  /** Names in `dir` that start with `prefix`, in code-unit order (binary search over a cached sorted listing). */
  namesStartingWith(dir: string, prefix: string): string[] {
    const key = absolute(dir)
    let names = this.sorted.get(key)
    if (names === undefined) {
      names = [...(this.list(key)?.keys() ?? [])].sort()
      this.sorted.set(key, names)
    }
    let lo = 0
    let hi = names.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((names[mid] as string) < prefix) lo = mid + 1
      else hi = mid
    }
    const out: string[] = []
    for (let i = lo; i < names.length && (names[i] as string).startsWith(prefix); i++)
      out.push(names[i] as string)
    return out
  }

  /** `Path.is_file()`. */
  isFile(p: string): boolean {
    return this.entry(p)?.kind === 'file'
  }

  /** `Path.is_dir()`. */
  isDir(p: string): boolean {
    const abs = absolute(p)
    return abs === this.root || this.entryAbs(abs)?.kind === 'dir'
  }

  /** `Path.exists()`. */
  exists(p: string): boolean {
    const e = this.entry(p)
    return e !== null && e.kind !== 'broken'
  }

  /**
   * `os.path.realpath`, or null when it cannot be resolved; missing trailing parts are kept lexically. Resolved
   * from the cached listings: only symbolic links cost a system call.
   */
  realpath(p: string): string | null {
    return this.realpathAbs(absolute(p))
  }

  private realpathAbs(abs: string): string | null {
    const cached = this.realpaths.get(abs)
    if (cached !== undefined) return cached
    let out: string | null
    if (abs === '/') out = abs
    else {
      const slash = abs.lastIndexOf('/')
      const base = this.realpathAbs(slash === 0 ? '/' : abs.slice(0, slash))
      const joined = base === null ? null : `${base === '/' ? '' : base}/${abs.slice(slash + 1)}`
      if (joined === null) out = null
      else out = this.entryAbs(joined)?.symlink === true ? realpathNative(joined) : joined
    }
    this.realpaths.set(abs, out)
    return out
  }

  /** True when any existing component of `p` (below `/`) is a symbolic link. */
  hasSymlink(p: string): boolean {
    return this.hasSymlinkAbs(absolute(p))
  }

  private hasSymlinkAbs(abs: string): boolean {
    if (abs === '/') return false
    const cached = this.symlinked.get(abs)
    if (cached !== undefined) return cached
    const slash = abs.lastIndexOf('/')
    const out =
      this.entryAbs(abs)?.symlink === true || this.hasSymlinkAbs(slash === 0 ? '/' : abs.slice(0, slash))
    this.symlinked.set(abs, out)
    return out
  }

  /** Lists `dir` and everything below it (not following directory symlinks), ahead of synchronous use. */
  async prefetchTree(dir: string, concurrency = 32): Promise<void> {
    const queue: string[] = [path.resolve(dir)]
    let active = 0
    await new Promise<void>(resolve => {
      const pump = (): void => {
        while (active < concurrency && queue.length > 0) {
          const next = queue.shift() as string
          active++
          void this.listAsync(next)
            .then(listing => {
              for (const e of listing?.values() ?? []) {
                if (e.kind === 'dir' && !e.symlink) queue.push(path.join(next, e.name))
              }
            })
            .finally(() => {
              active--
              if (queue.length === 0 && active === 0) resolve()
              else pump()
            })
        }
        if (queue.length === 0 && active === 0) resolve()
      }
      pump()
    })
  }

  private async listAsync(dir: string): Promise<Listing | null> {
    const cached = this.listings.get(dir)
    if (cached !== undefined) return cached
    let listing: Listing | null
    try {
      listing = this.toListing(dir, await fsp.readdir(dir, { withFileTypes: true }))
    } catch {
      listing = null
    }
    this.listings.set(dir, listing)
    return listing
  }

  private toListing(dir: string, dirents: fs.Dirent[]): Listing {
    const listing: Listing = new Map()
    for (const d of dirents) {
      let kind: EntryKind = d.isFile() ? 'file' : d.isDirectory() ? 'dir' : 'other'
      const symlink = d.isSymbolicLink()
      if (symlink) kind = statKind(path.join(dir, d.name))
      listing.set(d.name, { name: d.name, kind, symlink })
    }
    return listing
  }
}

/** `path.resolve`, skipped for paths that are already absolute and normal (the common case here). */
export function absolute(p: string): string {
  const normal =
    p.startsWith('/') && !p.includes('//') && !p.includes('/.') && (p.length === 1 || !p.endsWith('/'))
  return normal ? p : path.resolve(p)
}

function realpathNative(p: string): string {
  try {
    return fs.realpathSync.native(p)
  } catch {
    return p
  }
}

function statKind(p: string): EntryKind {
  try {
    const st = fs.statSync(p)
    return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other'
  } catch {
    return 'broken'
  }
}
