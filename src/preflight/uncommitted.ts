/**
 * A run plans from the work tree but syncs a commit: each group works in its own `git worktree` made from the
 * start commit (docs/architecture.md "Trust"). A file of a unit with work that is not committed — a new prompt,
 * an edited prompt, include or code file, a changed `.pddrc` — would be planned from one content and synced from
 * another: pdd would fail ("No prompt files found"), or sync the committed prompt and call the edit synced. Such
 * a run is refused before anything is installed or paid for, naming the files and the units.
 */
import { realpath } from 'node:fs/promises'
import path from 'node:path'
import type { Git } from '../adapters/git.js'
import type { PlanWithState } from '../plan/plan.js'
import { metaStem } from '../state/load.js'
import { hasWork } from '../types.js'

/** An uncommitted file the run would read, and the units with work that read it (none: every unit). */
export interface Uncommitted {
  file: string
  units: string[]
}

/** Files listed in a refusal; the rest are counted. */
const LISTED = 10

/**
 * The uncommitted files (`dirty`: relative to the git top level) that the units with work read: their own
 * files, includes and `.pdd/meta` state, and the `.pddrc` and `architecture.json` of their project. Pure.
 */
export function uncommittedOf(
  dirty: readonly string[],
  planned: Pick<PlanWithState, 'plan' | 'units'>,
  prefix: string
): Uncommitted[] {
  const changed = new Set(dirty)
  const found = new Map<string, Set<string>>()
  const at = (file: string, unit: string): void => {
    const full = path.posix.join(prefix, file)
    if (changed.has(full)) (found.get(full) ?? found.set(full, new Set()).get(full))?.add(unit)
  }
  for (const p of planned.plan.units) {
    const u = planned.units.get(p.id)?.unit
    if (!hasWork(p.operation) || u === undefined) continue
    const meta = path.posix.join(u.metaDir, metaStem(u))
    const own = [p.paths.prompt, p.paths.code, p.paths.example, p.paths.test, ...u.testFiles, ...u.includes]
    const project = [
      path.posix.join(u.projectRoot, '.pddrc'),
      path.posix.join(u.projectRoot, 'architecture.json')
    ]
    for (const f of [...own, `${meta}.json`, `${meta}_run.json`, ...project]) if (f !== '') at(f, p.id)
  }
  return [...found].map(([file, units]) => ({ file, units: [...units].sort() }))
}

/** The refusal naming what is not committed, or null when nothing is. */
export function uncommittedMessage(found: readonly Uncommitted[], commit: string): string | null {
  if (found.length === 0) return null
  const shown = found.slice(0, LISTED).map(f => `${f.file} (${f.units.join(', ')})`)
  const more = found.length > LISTED ? `, and ${found.length - LISTED} more` : ''
  return (
    `Uncommitted changes that the run would not see (each group syncs commit ${commit.slice(0, 12)} in its ` +
    `own worktree): ${shown.join(', ')}${more}. Commit or stash them, or leave those units out with units.`
  )
}

/**
 * Throws when the repository has no commit to sync from, or when a unit with work reads an uncommitted file.
 * One `git status`; nothing when no unit has work.
 */
export async function refuseUncommitted(
  git: Git,
  planned: Pick<PlanWithState, 'plan' | 'units'>,
  repoRoot: string,
  commit: string
): Promise<void> {
  if (!planned.plan.units.some(u => hasWork(u.operation))) return
  if (commit === '') throw new Error(`${repoRoot} has no commit to start from: commit the prompts first.`)
  const prefix = path
    .relative(git.root, await realpath(repoRoot))
    .split(path.sep)
    .join('/')
  const message = uncommittedMessage(uncommittedOf(await git.dirtyPaths(), planned, prefix), commit)
  if (message !== null) throw new Error(message)
}
