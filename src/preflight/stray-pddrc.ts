/**
 * PDD looks for `.pddrc` in the folder it runs in and then in every parent folder, up to `/`
 * (`_find_pddrc_file` in `pdd/construct_paths.py`). The planner stops at the repository. Each group runs in a
 * worktree under the scratch root (TMPDIR; RUNNER_TEMP in Actions), so for a project without a `.pddrc` of its
 * own, a `.pddrc` in a parent of that folder — `/tmp/.pddrc`, which any user of a shared machine can write —
 * would configure every sync: other output paths (absolute ones too), other prompts. `architecture.json` is
 * searched the same way, up to a folder holding a `.pddrc` (`_find_architecture_json` in
 * `pdd/sync_determine_operation.py`). Such a run is refused before anything is installed or paid for, naming
 * the file (docs/architecture.md "Trust").
 */
import { existsSync, statSync } from 'node:fs'
import { realpath } from 'node:fs/promises'
import path from 'node:path'
import type { PlanWithState } from '../plan/plan.js'
import { hasWork } from '../types.js'

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile()
  } catch {
    return false
  }
}

/** The first `.pddrc` file in `dir` or a parent of it, as PDD's upward search would find it; null when none. */
export function pddrcAbove(dir: string): string | null {
  for (let d = dir; ; d = path.dirname(d)) {
    if (isFile(path.join(d, '.pddrc'))) return path.join(d, '.pddrc')
    if (path.dirname(d) === d) return null
  }
}

/** The first `architecture.json` in `dir` or a parent, before a folder holding `.pddrc`, as PDD finds it. */
export function architectureAbove(dir: string): string | null {
  for (let d = dir; path.dirname(d) !== d; d = path.dirname(d)) {
    if (existsSync(path.join(d, 'architecture.json'))) return path.join(d, 'architecture.json')
    if (existsSync(path.join(d, '.pddrc'))) return null
  }
  return null
}

/**
 * Throws when a unit with work has no `.pddrc` in its project (nor, for `architecture.json`, one of those) and
 * one lies in `scratch` or a parent of it, where PDD would read it in every worktree.
 */
export async function refuseStrayPddrc(
  planned: Pick<PlanWithState, 'plan' | 'units'>,
  repoRoot: string,
  scratch: string
): Promise<void> {
  const projects = planned.plan.units
    .filter(p => hasWork(p.operation))
    .map(p => ({ id: p.id, root: path.join(repoRoot, planned.units.get(p.id)?.unit.projectRoot ?? '.') }))
    .filter(p => !isFile(path.join(p.root, '.pddrc')))
  if (projects.length === 0) return
  const real = await realpath(scratch)
  const pddrc = pddrcAbove(real)
  const found = pddrc ?? architectureAbove(real)
  const bare = pddrc ? projects : projects.filter(p => !existsSync(path.join(p.root, 'architecture.json')))
  if (found === null || bare.length === 0) return
  throw new Error(
    `${found} lies above the folder where the run makes its worktrees (${scratch}): pdd looks for ` +
      `${path.basename(found)} in every parent folder, so it would configure the sync of ` +
      `${bare.map(u => u.id).join(', ')} (whose project has no .pddrc), though the plan does not read it. ` +
      `Remove it, add a .pddrc to the project, or set TMPDIR (RUNNER_TEMP in Actions) to a folder without ` +
      `one above it.`
  )
}
