/**
 * Work trees an earlier run of this repository left behind when it was killed (SIGKILL, a crash, a power cut):
 * its group worktrees (`<tmp>/pdd-sync-group-X/wt-N-pdd-sync-group-X`) and replay or pending scratch worktrees
 * stay registered in `.git/worktrees` and on disk for ever otherwise. Removed once the run lock is held, when no
 * other run of this repository can be using them (docs/architecture.md "Trust").
 */
import { rmSync } from 'node:fs'
import path from 'node:path'
import type { Git } from '../adapters/git.js'
import type { Reporter } from '../adapters/reporter.js'

const GROUP = /^wt-\d+-(pdd-sync-group-[A-Za-z0-9]{6})$/
const SCRATCH = /^pdd-sync-(?:replay|pending)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The folder to delete for a work tree the run makes, or null when `dir` is not one. */
export function leftFolderOf(dir: string): string | null {
  const name = path.basename(dir)
  const group = GROUP.exec(name)
  if (group) return path.basename(path.dirname(dir)) === group[1] ? path.dirname(dir) : null
  return SCRATCH.test(name) ? dir : null
}

/** Removes the work trees runs make that are still registered; how many. Never throws (a warning). */
export async function removeLeftWorktrees(git: Git, reporter: Reporter): Promise<number> {
  let removed = 0
  try {
    for (const dir of await git.worktreePaths()) {
      const folder = leftFolderOf(dir)
      if (folder === null) continue
      await git.removeWorktree(dir)
      rmSync(folder, { recursive: true, force: true })
      removed++
    }
  } catch (e) {
    reporter.warning(`Could not remove the work trees an earlier run left: ${(e as Error).message}`)
  }
  if (removed > 0) reporter.info(`Removed ${removed} work tree(s) an interrupted earlier run left behind.`)
  return removed
}
