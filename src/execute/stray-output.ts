/**
 * Outputs PDD never writes: a symbolic link (PDD opens its outputs for writing, which follows a link, and never
 * creates one: pdd-cli 0.0.310 has no symlink call), something that is not a regular file (a named pipe, a
 * socket, a device), or a file too big to push. Generated code or a test can leave one where a unit's code,
 * example or test file belongs; the unit fails with a reason naming it, and it is never committed: a link out of
 * the worktree would put a link to `/etc/passwd` or `~/.ssh` on the bot branch, a link inside it a link without
 * its target, a huge file a push GitHub refuses.
 */
import { lstatSync, readlinkSync, realpathSync } from 'node:fs'
import path from 'node:path'
import type { Unit } from '../types.js'

/**
 * The largest output committed: GitHub warns about a pushed file over 50 MiB and refuses one over 100 MiB, which
 * would fail the whole push. No source file PDD writes comes near it; a generated test's dump can.
 */
export const MAX_OUTPUT_BYTES = 50 * 2 ** 20

/** Why `rel` (relative to `root`) is not an output the run commits, or null when it is one (or is missing). */
export function strayOutput(root: string, rel: string): string | null {
  const folder = linkedFolder(root, rel)
  if (folder !== null) return `${rel} lies beyond ${folder}, ${linkWhy(root, folder, 'folder')}`
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
  return `${rel} is ${linkWhy(root, rel, 'file')}`
}

/**
 * The first folder on the way to `rel` that is a symbolic link, or null. An output beyond one (generated code
 * that replaced `examples/` with a link to a folder elsewhere) was written outside the repository, or through a
 * link git cannot commit beyond: checking only the file itself found a regular file there, the unit failed
 * without a reason, and with keep-partial `git add` failed the group's whole commit.
 */
function linkedFolder(root: string, rel: string): string | null {
  const parts = rel.split('/').slice(0, -1)
  for (let i = 1; i <= parts.length; i++) {
    const folder = parts.slice(0, i).join('/')
    try {
      if (lstatSync(path.join(root, folder)).isSymbolicLink()) return folder
    } catch {
      return null
    }
  }
  return null
}

/** "a symbolic link (to where) …" for `rel`, a link below `root` standing for a file or a folder. */
function linkWhy(root: string, rel: string, as: 'file' | 'folder'): string {
  try {
    const real = realpathSync(path.join(root, rel))
    const top = realpathSync(root)
    if (real === top || real.startsWith(top + path.sep))
      return `a symbolic link (to ${path.relative(top, real) || '.'}), not a ${as} PDD writes`
  } catch {
    // A dangling link, or a loop: it leads nowhere inside the worktree either.
  }
  return 'a symbolic link out of the repository'
}

/**
 * Why the unit's prompt `rel` is not as a sync may leave it, or null: PDD may update a prompt but never deletes
 * one, so a missing prompt was deleted by something else (generated code, a test) and that deletion is never
 * committed (with keep-partial, merging the pull request would delete the prompt); else as {@link strayOutput}.
 */
export function strayPrompt(root: string, rel: string, linkBefore?: string): string | null {
  let st
  try {
    st = lstatSync(path.join(root, rel))
  } catch {
    return `${rel}, the unit's prompt, was deleted during the sync`
  }
  // A prompt the repository holds as a link (PDD reads it through the link) is the user's input: unchanged, it
  // is no output of the sync. Before, the unit failed after pdd was paid, and its files were discarded.
  if (st.isSymbolicLink() && linkBefore !== undefined && readLink(root, rel) === linkBefore) return null
  return strayOutput(root, rel)
}

/** The link text of each member's prompt that is a symbolic link (read before pdd runs), by unit id. */
export function promptLinks(project: string, members: readonly { unit: Unit }[]): Map<string, string> {
  const links = new Map<string, string>()
  for (const { unit } of members) {
    const text = readLink(project, unit.paths.prompt)
    if (text !== null) links.set(unit.id, text)
  }
  return links
}

function readLink(root: string, rel: string): string | null {
  try {
    return readlinkSync(path.join(root, rel))
  } catch {
    return null
  }
}

/** The first of the unit's prompt (if given) and `paths` that is stray, with why, or null. */
export function firstStray(
  root: string,
  paths: readonly string[],
  prompt?: string,
  promptLinkBefore?: string
): string | null {
  const why = prompt ? strayPrompt(root, prompt, promptLinkBefore) : null
  if (why !== null) return why
  for (const p of paths) {
    const why = p === '' ? null : strayOutput(root, p)
    if (why !== null) return why
  }
  return null
}
