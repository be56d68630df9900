import { Git } from '../adapters/git.js'
import { GitHub } from '../adapters/github.js'
import type { SignOptions } from '../publish/signed-push.js'
import type { Reporter } from '../adapters/reporter.js'
import type { PlanOptions } from '../plan/plan.js'
import { CommentStore } from '../publish/comment-store.js'
import { planOptionsOf } from './plan-options.js'
import type { ActionSettings } from '../settings/action-settings.js'
import { botBaseProblem, botBranchProblem, branchNameProblem } from '../settings/validate.js'
import type { RunStateStore } from '../state/notes-store.js'
import { refuseUntrustedCheckout } from '../trust/checkout.js'
import { eventPayload } from '../settings/event-payload.js'
import type { JobTrust } from '../trust/job.js'
import type { Redactor } from '../trust/redact.js'
import type { ControlRun } from '../control/run-control.js'

/**
 * The opening of `mode: run` (run-action.ts): the repository, the base and the bot branch (refused before anything
 * is read when it is not a branch of its own), the REST API and the planner's options, shared by every step.
 */

/** What every step of one `mode: run` shares. */
export interface RunContext {
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
  /** Set when a person asked on the bot pull request to re-run units (PR control). */
  control?: ControlRun
}

/** The repository, the base and the bot branch, the API, and the planner's options. */
export async function openRun(
  s: ActionSettings,
  reporter: Reporter,
  trust: JobTrust,
  control?: ControlRun
): Promise<RunContext> {
  // Every fetch and push authenticates with the token per command, so `persist-credentials: false` works.
  const git = (await Git.open(s.repoRoot))
    .withSecrets(trust.redactor.secrets)
    .withWarnings(m => reporter.warning(m))
    .withAuthIfPossible(s.publish.pushToken, s.github.serverUrl)
  // PR control runs from the bot pull request's base, never from its head (a bot branch).
  const base = control?.base ?? s.publish.base ?? s.github.refName ?? (await git.currentBranch())
  if (!base) throw new Error('Cannot tell the base branch (detached HEAD): set the "base" input.')
  const branch = s.publish.branch ?? `pdd-sync/${base}`
  const current = await git.currentBranch()
  refuseBotBranch(branch, base, current, s.publish.branch !== undefined)
  if (current !== null && current !== base && !control)
    throw new Error(
      `The checkout is on branch "${current}", but the pull request would go into "${base}": the bot branch ` +
        `starts from the checkout, so it would carry the commits of "${current}" into "${base}". Check out ` +
        `"${base}" (actions/checkout with "ref: ${base}"), or set input "base" to "${current}". Nothing was run or pushed.`
    )
  if (control && current !== base)
    throw new Error(
      `Pull request #${control.number} targets "${base}", but the workspace has ${current ? `"${current}"` : 'a detached HEAD'} checked out: ` +
        'check out the base branch (actions/checkout with "ref: ${{ github.event.pull_request.base.ref }}"). Nothing was run.'
    )
  const baseSha = await git.commitOf('HEAD')
  if (!baseSha) throw new Error(`${s.repoRoot} has no commit to start from.`)
  await refuseUntrustedCheckout({
    trigger: s.trigger,
    payload: eventPayload(),
    repository: s.github.repository,
    githubSha: s.github.sha,
    head: baseSha,
    readCommit: sha => git.objectText(sha),
    pullHead: pullHeadOf(s.publish.token, s.github.repository, s.github.apiUrl, trust.redactor)
  })
  const planned = s.fanOut.baseSha
  if (planned && planned !== baseSha)
    throw new Error(
      `The checkout is at ${baseSha.slice(0, 12)}, not at base-sha ${planned.slice(0, 12)} (the commit the plan job ` +
        'planned): check it out (actions/checkout with ref: ${{ needs.plan.outputs.base-sha }}).'
    )
  const github = apiFor(s, reporter, trust.redactor)
  if (s.publish.commits.sign && !github && !s.run.dryRun && !s.github.fork)
    reporter.warning('Input "sign-commits" needs the API (input "token"): the commits are pushed unsigned.')
  const planOptions = planOptionsOf(s, await commentStores(s, github, branch, base, reporter))
  // A shard plans exactly its matrix leg's units, whatever started the workflow.
  if (s.mode === 'shard') planOptions.scope = { trigger: 'workflow_dispatch', units: s.units }
  return { s, reporter, git, base, baseSha, branch, github, planOptions, trust, control }
}

/** `sign-commits`: the API the bot branch's commits are made through; undefined: git pushes them. */
export function signOf(ctx: RunContext): SignOptions | undefined {
  return ctx.s.publish.commits.sign && ctx.github ? { github: ctx.github } : undefined
}

/** The repository, authenticated with the push token when there is one. */
export function pushGitOf(ctx: RunContext): Git {
  const p = ctx.s.publish
  // ctx.git already carries the token when git can take it per command; on an older git, withAuth says why not.
  return p.pushToken && !ctx.git.canAuthenticate()
    ? ctx.git.withAuth(p.pushToken, ctx.s.github.serverUrl)
    : ctx.git
}

/** Stops the run before anything is read, fetched or written when the bot branch is not a branch of its own. */
export function refuseBotBranch(branch: string, base: string, current: string | null, given: boolean): void {
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

/** Reads a pull request's head for the trust check (a comment's run): one GET; null without a token. */
export function pullHeadOf(
  token: string | undefined,
  repository: string | undefined,
  apiUrl: string,
  redactor: Redactor
): ((n: number) => Promise<{ repo: string | null; sha: string }>) | null {
  if (!token || !repository) return null
  return async n => {
    const pr = await new GitHub({ token, repository, baseUrl: apiUrl, redactor }).getPullRequest(n)
    if (pr.headSha === undefined || pr.headRepo === undefined)
      throw new Error(`the API did not give the head of #${n}`)
    return { repo: pr.headRepo, sha: pr.headSha }
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
