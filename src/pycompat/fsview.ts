/**
 * A cached, directory-listing-based view of the file system. The ported PDD resolvers ask many small questions
 * ("is there a file here?", "what is in this directory?"); answering them from one listing per directory keeps
 * discovery of thousands of prompts fast. Trees that will certainly be consulted (the prompt roots) are listed
 * ahead of time with async I/O and bounded concurrency; anything else is listed on first use.
 */
import * as fs from 'node:fs'
import * as fsp from 'node:fs/promises'
import * as path from 'node:path'
import { absolute, isNormalAbsolute } from './lexical.js'
import { bisectLeft } from './pyfn.js'

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

/** What the resolvers ask about one path, answered together: all three follow from the same listing lookups. */
export interface PathInfo {
  /** The entry (symlinks followed for `kind`), or null when absent. */
  entry: DirEntry | null
  /** `os.path.realpath`, or null when it cannot be resolved. */
  real: string | null
  /** Some existing component (below `/`) is a symbolic link. */
  symlinked: boolean
}

const ROOT_ENTRY: DirEntry = { name: '/', kind: 'dir', symlink: false }
const ROOT_INFO: PathInfo = { entry: ROOT_ENTRY, real: '/', symlinked: false }

/** Cached view over absolute POSIX paths. */
export class FsView {
  private readonly listings = new Map<string, Listing | null>()
  /** By normal absolute path, and also by the non-normal absolute spellings callers used. */
  private readonly infos = new Map<string, PathInfo>()
  private readonly lowered = new Map<string, Map<string, DirEntry[]>>()
  private readonly sorted = new Map<string, string[]>()
  /** The folder {@link computeInfo} last looked in, with its answers and listing. */
  private lastParent = ''
  private lastUp: PathInfo = ROOT_INFO
  private lastListing: Listing | null = null

  /** @param root absolute, real path of the project (CWD of `pdd`). */
  constructor(readonly root: string) {
    this.seedRoot()
  }

  /**
   * The root's own answers, known without listing its parents: a real path has no symlink in it. Otherwise
   * the first question about a path below the root listed every folder above it (`/tmp` can hold thousands of
   * entries). Checked, not assumed: a root that is not its own real path is answered from listings as before.
   */
  private seedRoot(): void {
    if (this.root === '/' || !isNormalAbsolute(this.root)) return
    try {
      if (realpathNative(this.root) !== this.root || !fs.statSync(this.root).isDirectory()) return
    } catch {
      return
    }
    const entry: DirEntry = {
      name: this.root.slice(this.root.lastIndexOf('/') + 1),
      kind: 'dir',
      symlink: false
    }
    this.infos.set(this.root, { entry, real: this.root, symlinked: false })
  }

  /** Entries of a directory, or null when it is not a readable directory. */
  list(dir: string): Listing | null {
    // Keys are normal absolute paths, so a hit on the string as given needs no normalisation.
    const cached = this.listings.get(dir)
    return cached !== undefined ? cached : this.listAbs(absolute(dir))
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
    return this.info(p).entry
  }

  private entryAbs(abs: string): DirEntry | null {
    if (abs === '/') return ROOT_ENTRY
    const slash = abs.lastIndexOf('/')
    const listing = this.listAbs(slash === 0 ? '/' : abs.slice(0, slash))
    return listing?.get(abs.slice(slash + 1)) ?? null
  }

  /** Entry, real path and symlink flag of `p` at once, for callers that need several of them. */
  stat(p: string): Readonly<PathInfo> {
    return this.infos.get(p) ?? this.uncached(p)
  }

  private info(p: string): PathInfo {
    return this.infos.get(p) ?? this.uncached(p)
  }

  /** The answers for a path that is not a key of `infos` (yet). */
  private uncached(p: string): PathInfo {
    if (isNormalAbsolute(p)) return this.computeInfo(p)
    const abs = path.resolve(p)
    const info = this.infoAbs(abs)
    // Absolute spellings cannot change meaning; a relative one depends on the process CWD, so it is not kept.
    if (abs !== p && p.startsWith('/')) this.infos.set(p, info)
    return info
  }

  private infoAbs(abs: string): PathInfo {
    return abs === '/' ? ROOT_INFO : (this.infos.get(abs) ?? this.computeInfo(abs))
  }

  /**
   * Entry, real path and symlink flag of a normal absolute path not yet known, from its parent's (cached)
   * answers and one listing lookup; only symbolic links cost a system call (the real path, kept lexically for
   * missing parts).
   */
  private computeInfo(abs: string): PathInfo {
    if (abs === '/') return ROOT_INFO
    const slash = abs.lastIndexOf('/')
    const parent = slash === 0 ? '/' : abs.slice(0, slash)
    const name = abs.slice(slash + 1)
    // Paths come in runs from one folder (a unit's code, example and test): its answers are reused, not looked
    // up again by a freshly sliced key (both caches only grow, so a remembered answer stays right).
    if (parent !== this.lastParent) {
      this.lastUp = this.infoAbs(parent)
      this.lastListing = this.listAbs(parent)
      this.lastParent = parent
    }
    const up = this.lastUp
    const entry = this.lastListing?.get(name) ?? null
    let real: string | null = null
    if (up.real !== null) {
      // An unchanged parent keeps `abs` itself (whose hash is then cached for later lookups) and its entry.
      const same = up.real === parent
      const joined = same ? abs : `${up.real === '/' ? '' : up.real}/${name}`
      real = (same ? entry : this.entryAbs(joined))?.symlink === true ? realpathNative(joined) : joined
    }
    const info: PathInfo = { entry, real, symlinked: entry?.symlink === true || up.symlinked }
    this.infos.set(abs, info)
    return info
  }

  /** Entries of a directory grouped by lower-cased name (for case-insensitive lookups), cached. */
  byLowerName(dir: string): Map<string, DirEntry[]> {
    let index = this.lowered.get(dir)
    if (index !== undefined) return index
    const key = absolute(dir)
    index = this.lowered.get(key)
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
    let names = this.sorted.get(dir)
    if (names === undefined) {
      const key = absolute(dir)
      names = this.sorted.get(key)
      if (names === undefined) {
        names = [...(this.list(key)?.keys() ?? [])].sort()
        this.sorted.set(key, names)
      }
    }
    const out: string[] = []
    for (let i = bisectLeft(names, prefix); i < names.length && (names[i] as string).startsWith(prefix); i++)
      out.push(names[i] as string)
    return out
  }

  /** `Path.is_file()`. */
  isFile(p: string): boolean {
    return this.info(p).entry?.kind === 'file'
  }

  /** `Path.is_dir()`. */
  isDir(p: string): boolean {
    if (p === this.root || this.info(p).entry?.kind === 'dir') return true
    return !isNormalAbsolute(p) && absolute(p) === this.root
  }

  /** `Path.exists()`. */
  exists(p: string): boolean {
    const e = this.info(p).entry
    return e !== null && e.kind !== 'broken'
  }

  /**
   * `os.path.realpath`, or null when it cannot be resolved; missing trailing parts are kept lexically. Resolved
   * from the cached listings: only symbolic links cost a system call.
   */
  realpath(p: string): string | null {
    return (this.infos.get(p) ?? this.uncached(p)).real
  }

  /** True when any existing component of `p` (below `/`) is a symbolic link. */
  hasSymlink(p: string): boolean {
    return this.info(p).symlinked
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
