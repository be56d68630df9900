/**
 * Reads and writes on the repository's behalf stay inside the repository (docs/architecture.md, "Trust"): a path is refused when
 * it is absolute, climbs with `..`, or goes through a symlink whose target leaves the root. Symlinks that stay
 * inside are followed, as PDD follows them.
 */
import {
  closeSync,
  constants,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  realpathSync,
  statSync,
  writeSync
} from 'node:fs'
import path from 'node:path'
import { isPlainRelative } from './record.js'

/** A path that would leave the repository; the message names it. */
export class ContainmentError extends Error {
  override name = 'ContainmentError'
}

export { isPlainRelative }

function inside(realRoot: string, real: string): boolean {
  return real === realRoot || real.startsWith(realRoot + path.sep)
}

/**
 * The first existing component of `rel` (repository-relative, as given) that is a symlink leaving `root`, or
 * null when every existing component stays inside. Components that do not exist yet are fine.
 */
export function escapingComponent(root: string, rel: string): string | null {
  if (!isPlainRelative(rel)) return rel
  const realRoot = realpathSync(root)
  const parts = rel.split('/').filter(p => p !== '' && p !== '.')
  for (let i = 1; i <= parts.length; i++) {
    const shown = parts.slice(0, i).join('/')
    const abs = path.join(realRoot, shown)
    let link: boolean
    try {
      link = lstatSync(abs).isSymbolicLink()
    } catch {
      return null
    }
    if (!link) continue
    let real: string
    try {
      real = realpathSync(abs)
    } catch {
      return shown // a dangling link: where it would lead is not ours to create
    }
    if (!inside(realRoot, real)) return shown
  }
  return null
}

/** What one existing-or-not path component is: the first two end the walk. */
type ComponentState = 'missing' | 'escapes' | 'inside'

/**
 * {@link escapingComponent} for many paths below one root, each component judged once: a plan checks the
 * same `.pdd/meta` folder for every unit, and one `lstat` and `realpath` per path and component made that a
 * tenth of planning. A folder is listed once (with entry types) instead of `lstat`-ing each of its entries;
 * a name the listing lacks is missing, unless it matches an entry when case and Unicode form are ignored
 * (a case-insensitive file system finds it), which is then `lstat`-ed as before.
 */
export class ContainmentCheck {
  private readonly realRoot: string
  private readonly states = new Map<string, ComponentState>()
  private readonly listings = new Map<string, Listing | null>()

  constructor(root: string) {
    this.realRoot = realpathSync(root)
  }

  /** The first existing component of `rel` that is a symlink leaving the root, or null (as `escapingComponent`). */
  escaping(rel: string): string | null {
    if (!isPlainRelative(rel)) return rel
    const slash = rel.lastIndexOf('/')
    // A plain `dir/leaf` (no empty or `.` part): the folder's walk is shared by every file in it, so only the
    // leaf is judged here. Other spellings take the walk below, which the folder's answer would equal.
    if (slash > 0 && isPlainFolderPath(rel)) {
      const folder = rel.slice(0, slash)
      const dir = this.walk(folder)
      if (dir !== 'inside') return dir === 'missing' ? null : dir.escapes
      // A folder without symlinks holds no link out: its entries need no judging (or remembering) one by one.
      if (this.listing(folder)?.anyLink === false) return null
      return this.step(folder, rel.slice(slash + 1), rel) === 'escapes' ? rel : null
    }
    const r = this.walk(rel)
    return r === 'inside' || r === 'missing' ? null : r.escapes
  }

  /**
   * Whether `rel` is a plain folder path (as {@link escaping} judges file paths below it by the folder) that stays
   * inside the root and holds no symlink: then no `rel/<name>` with a plain name can be a link out.
   */
  holdsNoLinks(rel: string): boolean {
    if (rel === '' || !isPlainRelative(rel) || !isPlainFolderPath(rel) || this.walk(rel) !== 'inside')
      return false
    return this.listing(rel)?.anyLink === false
  }

  /**
   * The names in folder `rel` (as listed for the check, symlinks not followed), or null when it cannot be listed:
   * the state loader reads the meta folder's names from here instead of listing it again.
   */
  names(rel: string): ReadonlyMap<string, boolean> | null {
    return this.listing(rel)?.links ?? null
  }

  private readonly walks = new Map<string, 'inside' | 'missing' | { escapes: string }>()

  /** Each component of `rel` judged in turn, remembered per `rel`: the first missing or escaping one ends it. */
  private walk(rel: string): 'inside' | 'missing' | { escapes: string } {
    let out = this.walks.get(rel)
    if (out !== undefined) return out
    out = 'inside'
    let shown = ''
    for (const part of rel.split('/').filter(p => p !== '' && p !== '.')) {
      const parent = shown
      shown = shown === '' ? part : `${shown}/${part}`
      const state = this.step(parent, part, shown)
      if (state === 'missing') {
        out = 'missing'
        break
      }
      if (state === 'escapes') {
        out = { escapes: shown }
        break
      }
    }
    this.walks.set(rel, out)
    return out
  }

  private step(parent: string, part: string, shown: string): ComponentState {
    let state = this.states.get(shown)
    if (state === undefined) this.states.set(shown, (state = this.judge(parent, part, shown)))
    return state
  }

  private judge(parent: string, name: string, shown: string): ComponentState {
    const listing = this.listing(parent)
    let link = listing?.links.get(name)
    if (link === undefined) {
      if (listing !== null && !foldedNames(listing).has(fold(name))) return 'missing'
      try {
        link = lstatSync(path.join(this.realRoot, shown)).isSymbolicLink()
      } catch {
        return 'missing'
      }
    }
    if (!link) return 'inside'
    try {
      return inside(this.realRoot, realpathSync(path.join(this.realRoot, shown))) ? 'inside' : 'escapes'
    } catch {
      return 'escapes' // a dangling link: where it would lead is not ours to create
    }
  }

  private listing(dir: string): Listing | null {
    let l = this.listings.get(dir)
    if (l === undefined) {
      try {
        const entries = readdirSync(path.join(this.realRoot, dir), { withFileTypes: true })
        l = { links: new Map(), folded: null, anyLink: false }
        for (const e of entries) {
          const link = e.isSymbolicLink()
          l.links.set(e.name, link)
          if (link) l.anyLink = true
        }
      } catch {
        l = null // not a folder we can list: each entry is lstat-ed
      }
      this.listings.set(dir, l)
    }
    return l
  }
}

/** `a/b/c` with no empty or `.` part and no trailing `/` (its parts are exactly its `/`-separated pieces). */
function isPlainFolderPath(rel: string): boolean {
  return (
    !rel.includes('//') &&
    !rel.endsWith('/') &&
    !rel.endsWith('/.') &&
    !rel.startsWith('./') &&
    !rel.includes('/./')
  )
}

/** A folder's entries: whether each is a symlink, and their names with case and Unicode form folded. */
interface Listing {
  links: Map<string, boolean>
  /** Folded on first use: only a name the listing lacks asks. */
  folded: Set<string> | null
  /** Some entry is a symlink. */
  anyLink: boolean
}

const fold = (name: string): string => name.normalize('NFC').toLowerCase()

function foldedNames(l: Listing): Set<string> {
  if (l.folded === null) {
    l.folded = new Set()
    for (const name of l.links.keys()) l.folded.add(fold(name))
  }
  return l.folded
}

/**
 * Writes `data` to `rel` below `root`, creating folders, never through a symlink that leaves the root and never
 * through a symlink at the file itself. Throws {@link ContainmentError} naming the path otherwise.
 */
export function writeContained(root: string, rel: string, data: string): void {
  const bad = escapingComponent(root, rel)
  if (bad !== null)
    throw new ContainmentError(`${bad} leaves the repository (a symlink or path outside it); not written`)
  const abs = path.join(realpathSync(root), rel)
  mkdirSync(path.dirname(abs), { recursive: true })
  // Re-check after mkdir: a folder created by a racing writer must not have become a link out.
  if (escapingComponent(root, path.posix.dirname(rel)) !== null || !statSync(path.dirname(abs)).isDirectory())
    throw new ContainmentError(`${path.posix.dirname(rel)} leaves the repository; not written`)
  let fd: number
  try {
    fd = openSync(
      abs,
      constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW,
      0o644
    )
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP')
      throw new ContainmentError(`${rel} is a symlink; state files are not written through links`)
    throw e
  }
  try {
    writeSync(fd, data)
  } finally {
    closeSync(fd)
  }
}
