import { randomUUID } from 'node:crypto'
import { realpath } from 'node:fs/promises'
import path from 'node:path'
import type { Git, Identity } from '../adapters/git.js'
import type { Reporter } from '../adapters/reporter.js'
import { planRepository, type PlanOptions, type PlanWithState } from '../plan/plan.js'
import { hasWork, isInSync } from '../types.js'
import { botCommitOf, isHumanCommit } from './bot-commit.js'
import { scratchRoot } from '../adapters/temp.js'

/** Options of {@link syncedOnBotBranch}. */
export interface PendingOptions {
  git: Git
  remote: string
  branch: string
  baseSha: string
  planned: PlanWithState
  planOptions: PlanOptions
  identity: Identity
  reporter: Reporter
}

/**
 * Units whose work an earlier run already did on the open bot branch (not merged yet): the branch's files for
 * them are in sync by the planner, run on that branch with the recorded state, and their prompt and included
 * files are the same in the base as there. Running them again would pay twice for the same result; the caller
 * plans them as `nothing`, and carry-over keeps their commits. Returns unit id → reason. A group counts only as
 * a whole, so a group with any other unit to do runs as usual.
 */
export async function syncedOnBotBranch(o: PendingOptions): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  const work = o.planned.plan.units.filter(u => hasWork(u.operation))
  if (work.length === 0) return found
  const remote = await o.git.fetchBranch(o.remote, o.branch)
  if (!remote) return found
  await o.git.relateShallow(o.remote, o.baseSha, remote)
  const commits = await o.git.commitsBetween(o.baseSha, remote)
  if (commits.length === 0 || commits.some(c => isHumanCommit(c, o.identity))) return found
  const done = new Set(commits.map(c => botCommitOf(c)).flatMap(b => (b && !b.partial ? [b.basename] : [])))
  const prefix = path
    .relative(o.git.root, await realpath(o.planOptions.repoRoot))
    .split(path.sep)
    .join('/')
  const inRepo = (p: string): string => (prefix === '' ? p : `${prefix}/${p}`)
  const candidates = []
  for (const u of work) {
    const unit = o.planned.units.get(u.id)?.unit
    if (!unit || !done.has(u.basename)) continue
    const inputs = [unit.paths.prompt, ...unit.includes].map(inRepo)
    if (await o.git.sameContent(o.baseSha, remote, inputs)) candidates.push(u)
  }
  if (candidates.length === 0) return found
  const dir = path.join(scratchRoot(), `pdd-sync-pending-${randomUUID()}`)
  await o.git.addWorktree(dir, remote)
  try {
    const there = await planRepository(
      {
        ...o.planOptions,
        repoRoot: path.join(dir, prefix),
        scope: { trigger: 'workflow_dispatch', units: candidates.map(u => u.id) }
      },
      quiet
    )
    const inSync = new Set(there.plan.units.filter(u => isInSync(u.operation)).map(u => u.id))
    const groups = new Set(candidates.map(u => u.basename))
    for (const b of groups) {
      const members = work.filter(u => u.basename === b)
      if (!members.every(u => inSync.has(u.id))) continue
      for (const u of members)
        found.set(
          u.id,
          `synced on ${o.branch} by an earlier run, not merged yet (${u.operation} planned on the base)`
        )
    }
  } finally {
    await o.git.removeWorktree(dir)
  }
  if (found.size > 0)
    o.reporter.info(`Already synced on ${o.branch}, not run again: ${[...found.keys()].join(', ')}.`)
  return found
}

const quiet: Reporter = {
  info: () => undefined,
  notice: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  group: (_n, f) => f()
}
