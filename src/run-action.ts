import { randomUUID } from 'node:crypto'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ActionsCache } from './adapters/actions-cache.js'
import { Git } from './adapters/git.js'
import { GitHub } from './adapters/github.js'
import { installPdd } from './adapters/pdd-install.js'
import { pddVersion } from './adapters/pdd-process.js'
import type { Reporter } from './adapters/reporter.js'
import { BOT, executePlan } from './execute/execute.js'
import type { RunResult } from './execute/result.js'
import { planRepository, type PlanOptions, type PlanWithState } from './plan/plan.js'
import { NO_WORK } from './plan/shards.js'
import type { ChecklistInput } from './publish/checklist.js'
import { carryOver } from './publish/carry-over.js'
import { CommentStore } from './publish/comment-store.js'
import { syncedOnBotBranch } from './publish/pending.js'
import { publish, type PublishOutcome } from './publish/publish.js'
import { toRunRecord } from './publish/run-record.js'
import type { ActionSettings } from './settings/inputs.js'
import { botBranchProblem, branchNameProblem } from './settings/validate.js'
import type { RunStateStore } from './state/notes-store.js'
import type { RunRecord } from './state/record.js'

/** What `mode: run` did, for the entry point to turn into outputs, a summary and an exit status. */
export interface RunActionOutcome {
  planned: PlanWithState
  result: RunResult
  /** Null for a dry run or a fork (nothing published). */
  published: PublishOutcome | null
  checklist: ChecklistInput
  record: RunRecord
  branch: string
  /** The PDD project directory (plan paths are relative to it). */
  repoRoot: string
  /** Why nothing was published, when it was not. */
  notPublished?: string
}

/**
 * `mode: run`: plan (state from notes and, when asked, the PR comment); when the plan has work, provide `pdd`
 * and run every group within the budget; then publish. SIGINT/SIGTERM (a cancelled workflow) stop the running
 * syncs, and what finished is still published.
 */
export async function runAction(s: ActionSettings, reporter: Reporter): Promise<RunActionOutcome> {
  const git = await Git.open(s.repoRoot)
  const base = s.publish.base ?? s.github.refName ?? (await git.currentBranch())
  if (!base) throw new Error('Cannot tell the base branch (detached HEAD): set the "base" input.')
  const branch = s.publish.branch ?? `pdd-sync/${base}`
  refuseBotBranch(branch, base, await git.currentBranch(), s.publish.branch !== undefined)
  const baseSha = await git.commitOf('HEAD')
  if (!baseSha) throw new Error(`${s.repoRoot} has no commit to start from.`)
  const github = apiFor(s, reporter)
  const planOptions = planOptionsOf(s, await commentStores(s, github, branch, base, reporter))
  const planned = await reporter.group('Plan', () => planRepository(planOptions, reporter))
  if (!s.run.dryRun && !s.github.fork) await skipPending(git, planned, planOptions, branch, baseSha, reporter)
  const work = planned.plan.units.filter(
    u => !NO_WORK.has(u.operation) && u.operation !== 'fail_and_request_manual_merge'
  )
  const abort = new AbortController()
  const stop = (): void => {
    reporter.warning('Cancelled: stopping the running syncs and publishing what finished.')
    abort.abort()
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  try {
    let version: string | undefined
    let command: string[] = []
    if (work.length > 0 && !s.run.dryRun) {
      ;({ command, version } = await reporter.group('Install pdd', () => providePdd(s, reporter)))
      reporter.info(`Using pdd-cli ${version} (${command.join(' ')}).`)
    }
    const runId = s.github.runId ? `${s.github.runId}-${randomUUID().slice(0, 8)}` : randomUUID()
    const result = await executePlan({
      git,
      planned: s.run.dryRun ? { ...planned, plan: { ...planned.plan, units: [] } } : planned,
      planOptions,
      branch,
      base: baseSha,
      budget: s.budget,
      concurrency: s.run.concurrency,
      policy: s.run.budgetPolicy,
      timeoutMs: s.run.timeoutMinutes * 60_000,
      invocation: {
        command,
        maxAttempts: s.run.maxAttempts,
        local: !s.run.pddCloud,
        context: s.context,
        strength: s.run.strength,
        temperature: s.run.temperature,
        skipTests: s.skipTests,
        skipVerify: s.skipVerify,
        targetCoverage: s.targetCoverage,
        agenticFallback: s.run.agenticFallback
      },
      reporter,
      signal: abort.signal,
      runId,
      keepPartial: s.run.keepPartial
    })
    if (version) result.pddVersion = version
    const record = toRunRecord(result, {
      runId,
      trigger: s.trigger,
      baseSha,
      createdAt: new Date().toISOString(),
      pddVersion: version
    })
    const checklist = checklistOf(s, planned, result, version)
    const base_ = { planned, result, checklist, record, branch, repoRoot: s.repoRoot }
    if (s.run.dryRun)
      return { ...base_, published: null, notPublished: 'dry run: nothing was run or published' }
    if (s.github.fork)
      return { ...base_, published: null, notPublished: 'a pull request from a fork has a read-only token' }
    if (work.length === 0 && !github)
      return { ...base_, published: null, notPublished: 'every unit is in sync; nothing to publish' }
    const pushGit = s.publish.pushToken ? git.withAuth(s.publish.pushToken, s.github.serverUrl) : git
    if (work.length > 0) {
      const kept = await carryOver({
        git: pushGit,
        remote: 'origin',
        branch,
        localRef: `refs/heads/${branch}`,
        head: result.head ?? baseSha,
        ran: new Set(result.units.filter(u => u.status !== 'unchanged').map(u => u.basename)),
        identity: BOT
      })
      if (kept.carried.length > 0) {
        reporter.info(`Kept from the open bot branch: ${kept.carried.join(', ')}.`)
        result.head = kept.head
        checklist.carried = kept.carried
      }
    }
    const published = await reporter.group('Publish', () =>
      publish({
        git: pushGit,
        github,
        remote: 'origin',
        branch,
        localRef: `refs/heads/${branch}`,
        base,
        baseSha,
        result,
        record,
        notesRef: s.notesRef,
        stateStore: s.publish.stateStore,
        identity: BOT,
        title: s.publish.title,
        labels: s.publish.labels,
        draftOnFailure: s.publish.draftOnFailure,
        deleteBranch: s.publish.deleteBranch,
        overwriteHumanCommits: s.publish.overwriteHumanCommits,
        allowWorkflowChanges: s.publish.allowWorkflowChanges,
        checklist,
        reporter,
        skipRecord: work.length === 0
      })
    )
    for (const w of published.warnings) reporter.warning(w)
    return { ...base_, checklist: published.checklist, published }
  } finally {
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
  }
}

/** Stops the run before anything is read, fetched or written when the bot branch is not a branch of its own. */
function refuseBotBranch(branch: string, base: string, current: string | null, given: boolean): void {
  const baseProblem = branchNameProblem(base)
  if (baseProblem !== null)
    throw new Error(`The base branch "${base}" ${baseProblem}; set the "base" input to a branch name.`)
  const problem = botBranchProblem(branch, { base, current })
  if (problem !== null)
    throw new Error(
      `${given ? 'Input "branch"' : 'The bot branch'} "${branch}" ${problem}. Nothing was run or pushed.`
    )
}

/** Plans as `nothing` the units an earlier run already synced on the open bot branch (see pending.ts). */
async function skipPending(
  git: Git,
  planned: PlanWithState,
  planOptions: PlanOptions,
  branch: string,
  baseSha: string,
  reporter: Reporter
): Promise<void> {
  const o = { git, remote: 'origin', branch, baseSha, planned, planOptions, identity: BOT, reporter }
  const pending = await syncedOnBotBranch(o).catch((e: Error) => {
    reporter.warning(`Could not check ${branch} for results of earlier runs: ${e.message}`)
    return new Map<string, string>()
  })
  for (const u of planned.plan.units) {
    const why = pending.get(u.id)
    if (!why) continue
    planned.plan.estimatedCost = Math.max(0, planned.plan.estimatedCost - u.estimatedCost)
    Object.assign(u, { operation: 'nothing', reason: why, estimatedCost: 0 })
  }
}

function apiFor(s: ActionSettings, reporter: Reporter): GitHub | null {
  if (!s.publish.token || !s.github.repository || s.run.dryRun || s.github.fork) return null
  return new GitHub({
    token: s.publish.token,
    repository: s.github.repository,
    baseUrl: s.github.apiUrl,
    log: line => reporter.info(line)
  })
}

/** The PR comment store, read by the planner when input `state-store` includes it. */
async function commentStores(
  s: ActionSettings,
  github: GitHub | null,
  branch: string,
  base: string,
  reporter: Reporter
): Promise<RunStateStore[]> {
  if (!github || s.publish.stateStore === 'notes') return []
  try {
    const pr = await github.findOpenPullRequest(branch, base)
    return pr ? [new CommentStore(github, pr.number, pr.author)] : []
  } catch (e) {
    reporter.warning(
      `Could not read the run records kept in the pull request comment: ${(e as Error).message}`
    )
    return []
  }
}

/** The planner's options from the action's settings (`extraStores`: more run-record stores to read). */
export function planOptionsOf(s: ActionSettings, extraStores: RunStateStore[]): PlanOptions {
  return {
    repoRoot: s.repoRoot,
    env: process.env,
    context: s.context,
    force: s.force,
    skipTests: s.skipTests,
    skipVerify: s.skipVerify,
    targetCoverage: s.targetCoverage,
    scope: { trigger: s.trigger, before: s.before, after: s.after, units: s.units },
    notesRef: s.notesRef,
    remote: 'origin',
    extraStores
  }
}

/** `pdd-command` as given (checked with `--version`), else the pinned pdd-cli from the cached venv. */
async function providePdd(
  s: ActionSettings,
  reporter: Reporter
): Promise<{ command: string[]; version: string }> {
  if (s.run.pddCommand) {
    const version = await pddVersion(s.run.pddCommand, process.env).catch((e: Error) => {
      throw new Error(`Input "pdd-command" (${s.run.pddCommand?.join(' ')}) does not work: ${e.message}`)
    })
    return { command: s.run.pddCommand, version }
  }
  const installed = await installPdd({
    version: s.run.pddVersion,
    pythonVersion: s.run.pythonVersion,
    toolDir: path.join(process.env.RUNNER_TOOL_CACHE ?? path.join(tmpdir(), 'pdd-sync-tools'), 'pdd-sync'),
    cache: new ActionsCache(),
    reporter,
    env: process.env
  })
  reporter.info(
    `pdd-cli ${installed.version} in ${installed.venv} (${installed.cacheHit ? 'restored from the cache' : 'installed'}).`
  )
  return installed
}

function checklistOf(
  s: ActionSettings,
  planned: PlanWithState,
  result: RunResult,
  version: string | undefined
): Omit<ChecklistInput, 'result'> & { result: RunResult } {
  const promptPaths: Record<string, string> = {}
  const contextOf: Record<string, string> = {}
  for (const u of planned.plan.units) {
    promptPaths[u.id] = u.paths.prompt
    if (u.context) contextOf[u.id] = u.context
  }
  return {
    result,
    trigger: s.trigger,
    pddVersion: version,
    runUrl: s.github.runUrl,
    repository: s.github.repository,
    // Only a dispatched workflow is known to take a `units` input; others get the re-run described in words.
    workflowFile: s.trigger === 'workflow_dispatch' ? s.github.workflowFile : undefined,
    ref: s.github.refName,
    promptPaths,
    contextOf,
    budgetExhausted:
      result.units.some(u => u.status === 'skipped-budget') || /Budget of/.test(reasons(result))
  }
}

function reasons(r: RunResult): string {
  return r.units.map(u => u.reason).join('\n')
}
