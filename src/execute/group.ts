import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import type { Git, Identity } from '../adapters/git.js'
import { runPdd } from '../adapters/pdd-process.js'
import { linkNodeModules } from '../adapters/runtime-install.js'
import type { Reporter } from '../adapters/reporter.js'
import type { PlanOptions } from '../plan/plan.js'
import type { UnitState } from '../state/load.js'
import { refusedGroup, restoreAll } from './restore.js'
import type { Unit } from '../types.js'
import { spentBy } from './spent.js'
import { commitJudged, heldBefore } from './group-commit.js'
import { judge, unitCost, type PddExit } from './group-verdict.js'
import { buildSyncInvocation, type SyncInvocationOptions } from './pdd-argv.js'
import { parseSyncOutput, type ParsedSyncOutput } from './pdd-output.js'
import { keepFailureFiles } from './failure-files.js'
import { promptLinks } from './stray-output.js'
import { GroupLog, outcomeTitle } from './live-log.js'
import type { GroupRun } from './result.js'
import { GROUP_TOKEN_ENV, killStragglers } from './stragglers.js'
import type { GroupTimer } from './group-timing.js'
import type { Place, WorktreePool } from './worktree-pool.js'

/** What running one group needs besides the group. */
export interface GroupContext {
  git: Git
  /** The project directory relative to the git top level ('' when they are the same). */
  projectPrefix: string
  invocation: Omit<SyncInvocationOptions, 'basename' | 'budget' | 'costFile'>
  planOptions: PlanOptions
  timeoutMs: number
  /** Epoch ms by which the sync must end (the run's deadline); cuts `timeoutMs`. */
  deadline?: number
  /** The committer (and author, unless `author` is given) of the group commits. */
  identity: Identity
  author?: Identity
  /** Input `commit-message` (commit-message.ts); default the `pdd-sync: {unit}: {operations}` subject. */
  commitTemplate?: string
  reporter: Reporter
  signal?: AbortSignal
  runId: string
  /** The environment `pdd` inherits. */
  env: NodeJS.ProcessEnv
  /** Commit what a failed unit left (marked as partial) instead of discarding it. */
  keepPartial?: boolean
  /** Lends each group its worktree and takes it back (worktree-pool.ts). */
  places: WorktreePool
  /**
   * Per `.pdd/meta` folder, whether the repository tracks it, asked once a run: every group starts from the
   * run's base plus earlier groups' commits, which never add a file to a folder that is not tracked.
   */
  trackedMeta?: Map<string, Promise<boolean>>
  /** The provided npm tools (`tsx`), linked beside each worktree so that PDD's `npx` finds them. */
  nodeModules?: string
  /**
   * Per basename, the prompts (project-relative) of units that must not run here (their runtime is missing):
   * removed from the worktree before pdd starts, so that `pdd sync <basename>` does not see their language.
   */
  hiddenPrompts?: ReadonlyMap<string, readonly string[]>
  /**
   * Where each group's full pdd output (and, for a failed group, PDD's crash logs and debug snapshot, copied out
   * of the worktree before it is removed) is kept for the run's log artifact: `<logDir>/<basename>/`.
   */
  logDir?: string
  /**
   * Settles before any pdd of the run may start (the bot branch's reset, execute.ts); a group that finds it
   * rejected does not start ({@link GroupNotStarted}: nothing spent).
   */
  startGate?: Promise<unknown>
}

/** The group's time limit: its own, cut to what is left before the run's deadline (at least a second). */
function timeoutOf(ctx: GroupContext): number {
  if (ctx.deadline === undefined) return ctx.timeoutMs
  return Math.max(1000, Math.min(ctx.timeoutMs, ctx.deadline - Date.now()))
}

/** A group's outcome before replay onto the bot branch. */
export type { GroupRun } from './result.js'

/** A group whose pdd has ended: what it booked, and its run once judged and committed. */
export interface PaidRun {
  cost: number | null
  run: Promise<GroupRun>
  /**
   * Gives the worktree back once `run` settled and its commit landed, to be scrubbed to `head` (the bot branch's
   * head then, where the next group most likely starts: no checkout). Once only; nothing to do when none is held.
   */
  release: (head: string) => Promise<void>
}

/**
 * Runs `pdd sync <basename>` for one group in a worktree of its own at `base` (worktree-pool.ts; with `anyBase`,
 * at whatever commit of the bot branch an idle worktree is: the group then depends on no other group of the
 * run, its commit is replayed onto the bot branch either way): restores the
 * recorded state and runs PDD. Resolves as soon as pdd ended, with what it booked, so that the next group can
 * start; `run` then judges each language by post-conditions (the planner must say it needs nothing), commits
 * exactly the synced units' own files and gives the worktree back. Failure is data, never an exception.
 */
export async function runGroup(
  ctx: GroupContext,
  members: { unit: Unit; state: UnitState }[],
  from: string,
  admitted: number,
  timer?: GroupTimer,
  anyBase = false
): Promise<PaidRun> {
  const basename = members[0]?.unit.basename ?? ''
  const place = await ctx.places.acquire(from, anyBase).catch((e: unknown) => {
    throw new GroupNotStarted(e)
  })
  const base = place.head
  timer?.mark('worktree')
  const logs = ctx.logDir === undefined ? undefined : logFolder(ctx.logDir, basename)
  const live = new GroupLog(basename, ctx.reporter, logs && path.join(logs, 'pdd-output.log'))
  const g = {
    ctx,
    members,
    basename,
    base,
    place,
    live,
    logs,
    project: path.join(place.dir, ctx.projectPrefix)
  }
  let held = true
  const giveBack = async (head: string): Promise<void> => {
    if (!held) return
    held = false
    await live.close()
    ctx.places.release(place, head)
  }
  try {
    const known = heldBefore(place.dir, ctx.projectPrefix, members)
    const links = promptLinks(g.project, members)
    const outside = restoreAll(g.project, members)
    if (outside !== null) {
      await giveBack(base)
      return { cost: 0, run: Promise.resolve(refusedGroup(members, outside, base)), release: giveBack }
    }
    if (ctx.nodeModules) linkNodeModules(place.scratch, ctx.nodeModules)
    for (const p of ctx.hiddenPrompts?.get(basename) ?? []) rmSync(path.join(g.project, p), { force: true })
    const tracked = await trackedMeta(ctx, place.wt, members)
    await ctx.startGate?.catch((e: unknown) => {
      throw new GroupNotStarted(e)
    })
    timer?.mark('restore')
    const started = Date.now()
    const synced = await syncInWorktree(ctx, { ...g, scratch: place.scratch, admitted }, timer)
    // Nothing the sync left running may touch the worktree once it is judged: the sweep comes first.
    const run = synced.swept.then(() => finishGroup(g, { ...synced, tracked, known, links, started }, timer))
    return { cost: synced.cost, run, release: giveBack }
  } catch (e) {
    await giveBack(base)
    throw e
  }
}

/** A group that failed before its pdd started (its worktree could not be made): nothing was spent. */
export class GroupNotStarted extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause))
    this.name = 'GroupNotStarted'
  }
}

/** A group whose pdd ended, in its worktree. */
interface EndedGroup {
  ctx: GroupContext
  members: { unit: Unit; state: UnitState }[]
  basename: string
  base: string
  place: Place
  project: string
  live: GroupLog
  logs: string | undefined
}

/** The verdict and commit of a group whose pdd ended. */
async function finishGroup(
  g: EndedGroup,
  sync: {
    run: PddExit
    parsed: ParsedSyncOutput
    cost: number | null
    tracked: Set<string>
    known: Set<string>
    links: Map<string, string>
    started: number
  },
  timer?: GroupTimer
): Promise<GroupRun> {
  const { ctx, members, basename, project } = g
  const { run, parsed, cost } = sync
  const judged = await judge({ ...ctx, promptLinks: sync.links }, project, members, parsed, run)
  timer?.mark('verdict')
  const duration = Math.round((Date.now() - sync.started) / 100) / 10
  const { pending, kept, synced, refused } = commitJudged(
    {
      ...ctx,
      wt: g.place.wt,
      basename,
      tracked: sync.tracked,
      known: sync.known,
      promptLinks: sync.links,
      cost
    },
    judged
  )
  timer?.mark('commit')
  const units = judged.map(j => ({
    ...j.result,
    // A file holding a secret is never committed: the units it would have carried failed, with what was paid.
    ...(refused && (synced.includes(j) || kept.includes(j))
      ? { status: 'failed' as const, reason: refused }
      : {}),
    duration,
    cost: unitCost(parsed, j.unit.language, cost, members.length),
    // Partial once its files are committed; the landing takes it back if they held no change.
    ...(pending && kept.includes(j) ? { partial: true } : {})
  }))
  await g.live.finish(outcomeTitle(basename, units, cost, duration))
  if (g.logs && units.some(u => u.status === 'failed')) keepFailureFiles(project, g.logs, members)
  return { units, cost, commit: null, base: g.base, ...(pending ? { pending } : {}) }
}

/** The members' `.pdd/meta` folders (repository-relative) that the repository tracks. */
async function trackedMeta(ctx: GroupContext, wt: Git, members: { unit: Unit }[]): Promise<Set<string>> {
  const dirs = [...new Set(members.map(m => path.posix.join(ctx.projectPrefix, m.unit.metaDir)))]
  const known = ctx.trackedMeta ?? new Map<string, Promise<boolean>>()
  const asked = dirs.filter(d => !known.has(d))
  if (asked.length > 0) {
    const answer = wt.trackedUnder(asked)
    for (const d of asked)
      known.set(
        d,
        answer.then(list => list.includes(d))
      )
    // A git error is this group's (an infrastructure failure); the next group asks again.
    answer.catch(() => asked.forEach(d => known.delete(d)))
  }
  const flags = await Promise.all(dirs.map(d => known.get(d) as Promise<boolean>))
  return new Set(dirs.filter((_, i) => flags[i]))
}

/** Where one group's pdd runs. */
interface GroupPlace {
  basename: string
  /** The folder holding the worktree (and the cost file). */
  scratch: string
  /** The project directory inside the worktree. */
  project: string
  admitted: number
  live: GroupLog
}

/**
 * Runs `pdd … sync <basename>` in the worktree; returns how it ended, its parsed output, the cost it booked and
 * `swept`: the sweep of what it left running (stragglers.ts), started on the next turn of the event loop so that
 * the slot's next group spawns its pdd first (the sweep reads all of /proc: milliseconds the slot would sit idle).
 */
async function syncInWorktree(
  ctx: GroupContext,
  g: GroupPlace,
  timer?: GroupTimer
): Promise<{ run: PddExit; parsed: ParsedSyncOutput; cost: number | null; swept: Promise<void> }> {
  // The worktree (and its scratch folder) served other groups before: only this group's costs count.
  const costFile = path.join(g.scratch, 'cost.csv')
  rmSync(costFile, { force: true })
  const inv = buildSyncInvocation({ ...ctx.invocation, basename: g.basename, budget: g.admitted, costFile })
  const [file, ...args] = inv.argv
  const token = randomUUID()
  timer?.mark('spawn')
  const run = await runPdd({
    argv: [file as string, ...args],
    cwd: g.project,
    env: { ...ctx.env, ...inv.env, [GROUP_TOKEN_ENV]: token },
    timeoutMs: timeoutOf(ctx),
    signal: ctx.signal,
    onLine: (s, line) => g.live.line(s, line),
    onHeartbeat: ms => g.live.heartbeat(ms, g.admitted)
  }).catch(async (e: unknown) => {
    // pdd could not be run or watched: sweep now, before the error leaves the group.
    await killStragglers(token)
    throw e
  })
  timer?.mark('pdd')
  const swept = new Promise<void>(resolve => setImmediate(resolve))
    .then(() => killStragglers(token))
    .then(() => timer?.mark('stragglers'))
  const parsed = parseSyncOutput(run.stdout, run.stderrTail.join('\n'))
  return { run, parsed, cost: spentBy({ ...run, argv: inv.argv }, parsed, readOrNull(costFile)), swept }
}

/** `<logDir>/<basename with / as __>/`, made. */
export function logFolder(logDir: string, basename: string): string {
  const dir = path.join(logDir, basename.replace(/[^A-Za-z0-9._-]/g, '__'))
  mkdirSync(dir, { recursive: true })
  return dir
}

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}
