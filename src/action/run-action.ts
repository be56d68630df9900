import { randomUUID } from 'node:crypto'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ActionsCache } from '../adapters/actions-cache.js'
import type { ArtifactUploader } from '../adapters/artifact.js'
import { Git } from '../adapters/git.js'
import { GitHub } from '../adapters/github.js'
import { installPdd } from '../adapters/pdd-install.js'
import { pddVersion } from '../adapters/pdd-process.js'
import type { Reporter } from '../adapters/reporter.js'
import { BOT } from '../execute/execute.js'
import { syncPlanned, withCancellation } from '../execute/session.js'
import type { RunResult } from '../execute/result.js'
import { logPlan } from '../plan/log.js'
import { preflightStep } from '../preflight/preflight.js'
import { planRepository, type PlanOptions, type PlanWithState } from '../plan/plan.js'
import type { ChecklistInput } from '../publish/checklist.js'
import { CommentStore } from '../publish/comment-store.js'
import { syncedOnBotBranch } from '../publish/pending.js'
import { publish, type PublishOutcome } from '../publish/publish.js'
import { IncrementalPublisher } from '../publish/incremental.js'
import type { RescueOutcome } from '../publish/rescue.js'
import { toRunRecord } from '../publish/run-record.js'
import {
  defaultUploader,
  keepWork,
  logRounds,
  partialRecord,
  progressOptions,
  publishThrew
} from '../publish/safeguard.js'
import { budgetUnderCaps, explainCapped, type SpendReport } from '../publish/spend-report.js'
import type { ActionSettings } from '../settings/action-settings.js'
import { botBaseProblem, botBranchProblem, branchNameProblem } from '../settings/validate.js'
import type { RunStateStore } from '../state/notes-store.js'
import type { RunRecord } from '../state/record.js'
import { actionTrust, noApi } from '../trust/action.js'
import { withheldLine, type JobTrust } from '../trust/job.js'
import type { Redactor } from '../trust/redact.js'
import { hasWork } from '../types.js'

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
  /** Where the paid work was kept when the final publish failed (`published.failed`). */
  rescue?: RescueOutcome
  /** Spend of earlier runs against the daily and monthly caps, and the budget they left this run. */
  spend: SpendReport
  /** Why no pull request was opened or updated although results were published (no `token`). */
  noPullRequest?: string
}

/** What every step of one `mode: run` shares. */
interface RunContext {
  s: ActionSettings
  reporter: Reporter
  git: Git
  /** The pull request's base branch, and the commit the run starts from. */
  base: string
  baseSha: string
  /** The bot branch (`pdd-sync/<base>` unless the input names one). */
  branch: string
  /** The REST API; null without a token, in a dry run or for a fork. */
  github: GitHub | null
  planOptions: PlanOptions
  /** The job's redactor and pdd's environment. */
  trust: JobTrust
}

/** The pdd that runs the syncs: no command and no version when nothing needs it. */
interface ProvidedPdd {
  command: string[]
  version?: string
}

/**
 * `mode: run`, one call per step: plan (state from notes and, when asked, the PR comment) → provide pdd (only
 * when the plan has work) → sync every group within the budget → carry over earlier unmerged results →
 * publish. SIGINT/SIGTERM (a cancelled workflow) stop the running syncs, and what finished is still published.
 */
export async function runAction(
  s: ActionSettings,
  reporter: Reporter,
  trust: JobTrust = actionTrust(s, process.env),
  uploader: ArtifactUploader = defaultUploader()
): Promise<RunActionOutcome> {
  const ctx = await openRun(s, reporter, trust)
  const planned = await planStep(ctx)
  const work = planned.plan.units.filter(u => hasWork(u.operation))
  if (work.length > 0 && !s.run.dryRun) await preflightStep({ ...ctx, pddEnv: ctx.trust.pddEnv.env })
  const runId = s.github.runId ? `${s.github.runId}-${randomUUID().slice(0, 8)}` : randomUUID()
  const spend = await spendStep(ctx, planned, runId, work.length > 0)
  const budget = spend.effective.budget
  const onCancel = (): void =>
    reporter.warning('Cancelled: stopping the running syncs and publishing what finished.')
  return withCancellation(onCancel, async signal => {
    const runs = work.length > 0 && !s.run.dryRun && budget > 0
    const pdd = runs ? await providePddStep(ctx) : { command: [] }
    const id = { runId, trigger: s.trigger, baseSha: ctx.baseSha, pddVersion: pdd.version }
    const why = notPublishedBecause(ctx, work.length > 0)
    const pushGit = pushGitOf(ctx)
    const progress =
      why || !runs
        ? null
        : new IncrementalPublisher({
            ...progressOptions(ctx.s.publish),
            git: pushGit,
            remote: 'origin',
            branch: ctx.branch,
            baseSha: ctx.baseSha,
            notesRef: ctx.s.notesRef,
            identity: BOT,
            record: units => partialRecord(units, budget, { ...id, createdAt: '' }),
            reporter
          })
    const result = await syncStep(ctx, planned, pdd, { runId, budget, signal, progress })
    await progress?.close()
    logRounds(reporter, progress?.rounds ?? [])
    explainCapped(result, spend)
    const record = toRunRecord(result, { ...id, createdAt: new Date().toISOString() })
    const checklist = checklistOf(s, planned, result, pdd.version)
    const outcome = {
      planned,
      result,
      checklist,
      record,
      branch: ctx.branch,
      repoRoot: s.repoRoot,
      noPullRequest: noApi(s),
      spend
    }
    if (why) return { ...outcome, published: null, notPublished: why }
    const published = await reporter
      .group('Publish', () =>
        publishStep(ctx, pushGit, { result, record, checklist, skipRecord: work.length === 0 })
      )
      .catch((e: unknown) => publishThrew(e, checklist))
    for (const w of published.warnings) reporter.warning(w)
    const rescue = published.failed
      ? await keepWork({
          git: ctx.git,
          branch: ctx.branch,
          baseSha: ctx.baseSha,
          result,
          record,
          uploader,
          reporter
        })
      : undefined
    return { ...outcome, checklist: published.checklist, published, ...(rescue ? { rescue } : {}) }
  })
}

/** The repository, the base and the bot branch, the API, and the planner's options. */
async function openRun(s: ActionSettings, reporter: Reporter, trust: JobTrust): Promise<RunContext> {
  const git = (await Git.open(s.repoRoot)).withSecrets(trust.redactor.secrets)
  const base = s.publish.base ?? s.github.refName ?? (await git.currentBranch())
  if (!base) throw new Error('Cannot tell the base branch (detached HEAD): set the "base" input.')
  const branch = s.publish.branch ?? `pdd-sync/${base}`
  refuseBotBranch(branch, base, await git.currentBranch(), s.publish.branch !== undefined)
  const baseSha = await git.commitOf('HEAD')
  if (!baseSha) throw new Error(`${s.repoRoot} has no commit to start from.`)
  const github = apiFor(s, reporter, trust.redactor)
  const planOptions = planOptionsOf(s, await commentStores(s, github, branch, base, reporter))
  return { s, reporter, git, base, baseSha, branch, github, planOptions, trust }
}

/** Step 4: the plan, less the units an earlier run already synced on the open bot branch, logged unit by unit. */
function planStep(ctx: RunContext): Promise<PlanWithState> {
  return ctx.reporter.group('Plan', async () => {
    const planned = await planRepository(ctx.planOptions, ctx.reporter)
    if (!ctx.s.run.dryRun && !ctx.s.github.fork) await skipPending(ctx, planned)
    logPlan(planned.plan, ctx.reporter)
    return planned
  })
}

/**
 * The budget the daily and monthly caps leave this run, from the spend the run records hold; with a cap and
 * work to do, reserved in the notes before anything is installed, so that runs started together stay under it.
 */
async function spendStep(
  ctx: RunContext,
  planned: PlanWithState,
  runId: string,
  anyWork: boolean
): Promise<SpendReport> {
  const s = ctx.s
  return budgetUnderCaps({
    git: pushGitOf(ctx),
    remote: 'origin',
    notesRef: s.notesRef,
    identity: BOT,
    runId,
    budget: s.budget,
    caps: s.caps,
    read: planned.spend,
    reserve: anyWork && !s.run.dryRun && !s.github.fork && s.publish.stateStore !== 'comment',
    reporter: ctx.reporter
  })
}

/** The repository, authenticated with the push token when there is one. */
function pushGitOf(ctx: RunContext): Git {
  const p = ctx.s.publish
  return p.pushToken ? ctx.git.withAuth(p.pushToken, ctx.s.github.serverUrl) : ctx.git
}

/** Installs (or checks) pdd before any unit is touched. */
async function providePddStep(ctx: RunContext): Promise<ProvidedPdd> {
  const withheld = withheldLine(ctx.trust.pddEnv)
  if (withheld) ctx.reporter.info(withheld)
  const pdd = await ctx.reporter.group('Install pdd', () => providePdd(ctx.s, ctx.reporter, ctx.trust))
  ctx.reporter.info(`Using pdd-cli ${pdd.version} (${pdd.command.join(' ')}).`)
  return pdd
}

/** Step 5: every group with work, within the budget (a dry run syncs nothing). */
async function syncStep(
  ctx: RunContext,
  planned: PlanWithState,
  pdd: ProvidedPdd,
  r: { runId: string; budget: number; signal: AbortSignal; progress: IncrementalPublisher | null }
): Promise<RunResult> {
  const result = await syncPlanned({
    git: ctx.git,
    planned: ctx.s.run.dryRun ? { ...planned, plan: { ...planned.plan, units: [] } } : planned,
    planOptions: ctx.planOptions,
    branch: ctx.branch,
    base: ctx.baseSha,
    settings: { ...ctx.s.run, budget: r.budget },
    command: pdd.command,
    reporter: ctx.reporter,
    signal: r.signal,
    runId: r.runId,
    env: ctx.trust.pddEnv.env,
    withholdEnv: ctx.s.run.withholdEnv,
    onProgress: r.progress ? p => r.progress?.offer(p) : undefined
  })
  if (pdd.version) result.pddVersion = pdd.version
  return result
}

/** Why this run publishes nothing, or undefined when it publishes. */
function notPublishedBecause(ctx: RunContext, anyWork: boolean): string | undefined {
  if (ctx.s.run.dryRun) return 'dry run: nothing was run or published'
  if (ctx.s.github.fork) return 'a pull request from a fork has a read-only token'
  if (!anyWork && !ctx.github) return 'every unit is in sync; nothing to publish'
  return undefined
}

/** Step 6: the bot branch, the run record and the pull request. */
function publishStep(
  ctx: RunContext,
  pushGit: Git,
  r: { result: RunResult; record: RunRecord; checklist: ChecklistInput; skipRecord: boolean }
): Promise<PublishOutcome> {
  const p = ctx.s.publish
  return publish({
    git: pushGit,
    github: ctx.github,
    remote: 'origin',
    branch: ctx.branch,
    localRef: `refs/heads/${ctx.branch}`,
    base: ctx.base,
    baseSha: ctx.baseSha,
    result: r.result,
    record: r.record,
    notesRef: ctx.s.notesRef,
    stateStore: p.stateStore,
    identity: BOT,
    title: p.title,
    labels: p.labels,
    people: p.people,
    bodyPrefix: p.bodyPrefix,
    draftOnFailure: p.draftOnFailure,
    deleteBranch: p.deleteBranch,
    overwriteHumanCommits: p.overwriteHumanCommits,
    allowWorkflowChanges: p.allowWorkflowChanges,
    checklist: r.checklist,
    reporter: ctx.reporter,
    skipRecord: r.skipRecord,
    // Earlier unmerged results on the bot branch that this run did not redo are carried over.
    carryExcept: r.skipRecord ? undefined : ranBasenames(r.result)
  })
}

/** Stops the run before anything is read, fetched or written when the bot branch is not a branch of its own. */
function refuseBotBranch(branch: string, base: string, current: string | null, given: boolean): void {
  const baseProblem = branchNameProblem(base)
  if (baseProblem !== null)
    throw new Error(`The base branch "${base}" ${baseProblem}; set the "base" input to a branch name.`)
  const botBase = botBaseProblem(base)
  if (botBase !== null) throw new Error(`The base branch "${base}" ${botBase}. Nothing was run or pushed.`)
  const problem = botBranchProblem(branch, { base, current })
  if (problem !== null)
    throw new Error(
      `${given ? 'Input "branch"' : 'The bot branch'} "${branch}" ${problem}. Nothing was run or pushed.`
    )
}

/** Plans as `nothing` the units an earlier run already synced on the open bot branch (see pending.ts). */
async function skipPending(ctx: RunContext, planned: PlanWithState): Promise<void> {
  const { git, branch, baseSha, planOptions, reporter } = ctx
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

function apiFor(s: ActionSettings, reporter: Reporter, redactor: Redactor): GitHub | null {
  if (!s.publish.token || !s.github.repository || s.run.dryRun || s.github.fork) return null
  return new GitHub({
    token: s.publish.token,
    repository: s.github.repository,
    baseUrl: s.github.apiUrl,
    log: line => reporter.info(line),
    redactor
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
    // The action always runs `pdd --force sync`, so it plans as that decides (docs/architecture.md step 4).
    force: true,
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
  reporter: Reporter,
  trust: JobTrust
): Promise<Required<ProvidedPdd>> {
  if (s.run.pddCommand) {
    const version = await pddVersion(s.run.pddCommand, trust.pddEnv.env).catch((e: Error) => {
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
    // pip and the venv's python run with pdd's environment too: a package's install hook sees no token.
    env: trust.pddEnv.env
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

/** Basenames this run synced or tried: their earlier results on the bot branch are superseded. */
function ranBasenames(r: RunResult): Set<string> {
  return new Set(r.units.filter(u => u.status !== 'unchanged').map(u => u.basename))
}

function reasons(r: RunResult): string {
  return r.units.map(u => u.reason).join('\n')
}
