/**
 * Outputs PDD never writes: a symbolic link (PDD opens its outputs for writing, which follows a link, and never
 * creates one: pdd-cli 0.0.310 has no symlink call), something that is not a regular file (a named pipe, a
 * socket, a device), or a file too big to push. Generated code or a test can leave one where a unit's code,
 * example or test file belongs; the unit fails with a reason naming it, and it is never committed: a link out of
 * the worktree would put a link to `/etc/passwd` or `~/.ssh` on the bot branch, a link inside it a link without
 * its target, a huge file a push GitHub refuses.
 */
import { lstatSync, realpathSync } from 'node:fs'
import path from 'node:path'

/**
 * The largest output committed: GitHub warns about a pushed file over 50 MiB and refuses one over 100 MiB, which
 * would fail the whole push. No source file PDD writes comes near it; a generated test's dump can.
 */
export const MAX_OUTPUT_BYTES = 50 * 2 ** 20

/** Why `rel` (relative to `root`) is not an output the run commits, or null when it is one (or is missing). */
export function strayOutput(root: string, rel: string): string | null {
  const abs = path.join(root, rel)
  let st
  try {
    st = lstatSync(abs)
  } catch {
    return null
  }
  if (st.isFile() && st.size > MAX_OUTPUT_BYTES)
    return `${rel} is ${(st.size / 2 ** 20).toFixed(0)} MiB, over the ${MAX_OUTPUT_BYTES / 2 ** 20} MiB a file the bot commits may have`
  if (st.isFile() || st.isDirectory()) return null
  if (!st.isSymbolicLink()) return `${rel} is not a regular file`
  try {
    const real = realpathSync(abs)
    const top = realpathSync(root)
    if (real === top || real.startsWith(top + path.sep))
      return `${rel} is a symbolic link (to ${path.relative(top, real) || '.'}), not a file PDD writes`
  } catch {
    // A dangling link, or a loop: it leads nowhere inside the worktree either.
  }
  return `${rel} is a symbolic link out of the repository`
}

/**
 * Why the unit's prompt `rel` is not as a sync may leave it, or null: PDD may update a prompt but never deletes
 * one, so a missing prompt was deleted by something else (generated code, a test) and that deletion is never
 * committed (with keep-partial, merging the pull request would delete the prompt); else as {@link strayOutput}.
 */
export function strayPrompt(root: string, rel: string): string | null {
  try {
    lstatSync(path.join(root, rel))
  } catch {
    return `${rel}, the unit's prompt, was deleted during the sync`
  }
  return strayOutput(root, rel)
}

/** The first of the unit's prompt (if given) and `paths` that is stray, with why, or null. */
export function firstStray(root: string, paths: readonly string[], prompt?: string): string | null {
  const why = prompt ? strayPrompt(root, prompt) : null
  if (why !== null) return why
  for (const p of paths) {
    const why = p === '' ? null : strayOutput(root, p)
    if (why !== null) return why
  }
  return null
}
