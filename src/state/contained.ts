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
  realpathSync,
  statSync,
  writeSync
} from 'node:fs'
import path from 'node:path'
import { isPlainRelative } from './record-guard.js'

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
