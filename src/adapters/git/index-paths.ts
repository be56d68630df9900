import { readFileSync, readdirSync, rmSync, type Dirent } from 'node:fs'
import path from 'node:path'

/**
 * What `git clean -ffdx` does in a pooled work tree, without a process (docs/architecture.md "Performance"): every
 * file or folder the index does not list is removed — untracked and ignored files, nested repositories — read
 * from the index git just wrote (`reset --hard`). Only an index this reads whole: version 2, 3 or 4, no split
 * or sparse index, not too many entries (the walk runs on the event loop); anything else answers false and git
 * cleans.
 */

/**
 * Above this many index entries the walk is left to `git clean` (its own process, off the event loop): at 5,000
 * files in 500 folders the walk took as long as a `git clean` process (about 20 ms each on the loaded bench
 * machine), at 19,000 about twice as long.
 */
const MAX_ENTRIES = 5_000

/** What the index lists: its files (a gitlink, a submodule, is kept whole), and every folder holding one. */
interface Listed {
  files: Set<string>
  dirs: Set<string>
}

/**
 * The paths of the index file's entries (latin1: one character a byte, as file names are compared below), or null
 * when its format is not one this reads. `hashBytes`: 20 (SHA-1) or 32 (SHA-256).
 */
export function indexPaths(index: Buffer, hashBytes: number): Listed | null {
  if (index.length < 12 || index.toString('latin1', 0, 4) !== 'DIRC') return null
  const version = index.readUInt32BE(4)
  const count = index.readUInt32BE(8)
  if (version < 2 || version > 4 || count > MAX_ENTRIES) return null
  const files = new Set<string>()
  const dirs = new Set<string>()
  let at = 12
  let last = ''
  for (let i = 0; i < count; i++) {
    const start = at
    const flags = index.readUInt16BE(at + 40 + hashBytes)
    at += 42 + hashBytes + (flags & 0x4000 && version >= 3 ? 2 : 0)
    let name: string
    if (version === 4) {
      const [strip, len] = varint(index, at)
      at += len
      const end = index.indexOf(0, at)
      if (end < 0 || strip > last.length) return null
      name = last.slice(0, last.length - strip) + index.toString('latin1', at, end)
      at = end + 1
    } else {
      const end = index.indexOf(0, at)
      if (end < 0) return null
      name = index.toString('latin1', at, end)
      at = start + Math.ceil((end + 1 - start) / 8) * 8
    }
    if (at > index.length) return null
    // A sparse index's folder entry ends with '/' (what git clean does below it is git's to say).
    if (name.endsWith('/')) return null
    last = name
    files.add(name)
    for (let d = path.posix.dirname(name); d !== '.'; d = path.posix.dirname(d)) dirs.add(d)
  }
  return hasSplitIndex(index, at, hashBytes) ? null : { files, dirs }
}

/** git's offset varint (varint.c): 7 bits a byte, each continuation adding one. */
function varint(b: Buffer, at: number): [number, number] {
  let i = at
  let c = b[i++] ?? 0
  let v = c & 0x7f
  while (c & 0x80) {
    c = b[i++] ?? 0
    v = ((v + 1) << 7) | (c & 0x7f)
  }
  return [v, i - at]
}

/** Whether the extensions after the entries include `link` (a split index: the entries above are part only). */
function hasSplitIndex(b: Buffer, from: number, hashBytes: number): boolean {
  let at = from
  while (at + 8 <= b.length - hashBytes) {
    if (b.toString('latin1', at, at + 4) === 'link') return true
    at += 8 + b.readUInt32BE(at + 4)
  }
  return false
}

/**
 * Removes from the work tree at `root` (whose administrative folder is `gitDir`) everything its index does not
 * list, as `git clean -ffdx` would; false (nothing removed) when the index is not one {@link indexPaths} reads.
 */
export function cleanByIndex(root: string, gitDir: string, hashBytes: number): boolean {
  let listed: Listed | null
  try {
    listed = indexPaths(readFileSync(path.join(gitDir, 'index')), hashBytes)
  } catch {
    return false
  }
  if (listed === null) return false
  sweep(Buffer.from(root), '', listed)
  return true
}

/** Walks a folder of the work tree (`rel` from its top, latin1), removing what the index does not list. */
function sweep(root: Buffer, rel: string, listed: Listed): void {
  const dir = rel === '' ? root : Buffer.concat([root, Buffer.from(`/${rel}`, 'latin1')])
  for (const e of readdirSync(dir, { withFileTypes: true, encoding: 'buffer' }) as Dirent<Buffer>[]) {
    const name = e.name.toString('latin1')
    if (rel === '' && name === '.git') continue
    const sub = rel === '' ? name : `${rel}/${name}`
    if (listed.files.has(sub)) continue
    if (listed.dirs.has(sub) && e.isDirectory()) sweep(root, sub, listed)
    else rmSync(Buffer.concat([root, Buffer.from(`/${sub}`, 'latin1')]), { recursive: true, force: true })
  }
}
