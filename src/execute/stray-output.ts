/**
 * Outputs PDD never writes: a symbolic link that leaves the worktree, or something that is not a regular file
 * (a named pipe, a socket, a device). Generated code or a test can leave one where a unit's code, example or
 * test file belongs; the planner reads it as missing, so the unit fails, and it is never committed (with
 * keep-partial, a link to `/etc/passwd` or `~/.ssh` would otherwise land on the bot branch).
 */
import { lstatSync, realpathSync } from 'node:fs'
import path from 'node:path'

/** Why `rel` (relative to `root`) is not an output the run commits, or null when it is one (or is missing). */
export function strayOutput(root: string, rel: string): string | null {
  const abs = path.join(root, rel)
  let st
  try {
    st = lstatSync(abs)
  } catch {
    return null
  }
  if (st.isFile() || st.isDirectory()) return null
  if (!st.isSymbolicLink()) return `${rel} is not a regular file`
  try {
    const real = realpathSync(abs)
    const top = realpathSync(root)
    if (real === top || real.startsWith(top + path.sep)) return null
  } catch {
    // A dangling link, or a loop: it leads nowhere inside the worktree either.
  }
  return `${rel} is a symbolic link out of the repository`
}

/** The first of `paths` that is a stray output, with why, or null. */
export function firstStray(root: string, paths: readonly string[]): string | null {
  for (const p of paths) {
    const why = p === '' ? null : strayOutput(root, p)
    if (why !== null) return why
  }
  return null
}
