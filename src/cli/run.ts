import { writeFile } from 'node:fs/promises'
import { timelineMark } from '../execute/group-timing.js'
import { Git } from '../adapters/git.js'
import { ConsoleReporter, RedactingReporter } from '../adapters/reporter.js'
import { checkNamedRemote, checkNotesRef, planOptionsFrom, UsageError } from './options.js'
import { BUSY, lockedRun, lockOrNull } from './locked-run.js'
import { parseRunArgs, RUN_USAGE, runRequestOf, shardOf } from './run-options.js'
import type { RunResult } from '../execute/result.js'
import { calibrationNote, estimateLine } from '../publish/checklist.js'
import { money } from '../plan/render.js'
import { spentThisMonth, type SpendReport } from '../publish/spend-report.js'
import { botBranchUnmerged, checkedBotBranch } from './bot-branch-use.js'
import { removeLeftWorktrees } from './left-worktrees.js'
import { forStdout } from '../trust/commands.js'
import { jobTrust } from '../trust/job.js'

export { RUN_USAGE } from './run-options.js'

/** Exit code of a run stopped by SIGINT or SIGTERM (128 + SIGINT, as a shell reports Ctrl-C). */
export const INTERRUPTED = 130

/** The scratch branch a `--shard K` run builds its commits on (`pdd-sync-shards/shard-K`, deleted after). */
const SHARD_BRANCH = 'pdd-sync-shards/shard-'

/** `pdd-sync run`; returns the exit code (1 when every unit with work failed, 130 when interrupted). */
export async function runCommand(args: string[]): Promise<number> {
  timelineMark('cli')
  const values = parseRunArgs(args)
  if (values.help) {
    process.stdout.write(RUN_USAGE + '\n')
    return 0
  }
  const request = runRequestOf(values)
  const trust = jobTrust(process.env, { withhold: request.withhold })
  const reporter = new RedactingReporter(new ConsoleReporter(), trust.redactor)
  const planOptions = planOptionsFrom(values)
  const shard = shardOf(values)
  if (shard) planOptions.scope = { trigger: 'workflow_dispatch', units: shard.units }
  const git = await openRepository(planOptions.repoRoot, values, trust.redactor.secrets, reporter)
  await checkNotesRef(git, planOptions.notesRef)
  const head = await git.commitOf('HEAD')
  if (shard?.baseSha && shard.baseSha !== head)
    throw new UsageError(
      `HEAD is ${head?.slice(0, 12) ?? 'nothing'}, not --base-sha ${shard.baseSha.slice(0, 12)}.`
    )
  const branch = await checkedBotBranch(git, values.branch)
  const lock = await lockOrNull(git)
  timelineMark('locked')
  if (lock === null) return BUSY
  try {
    // Under the lock: a run that ended while this one waited may have just put its paid work on the branch.
    const rebuilt = { head, name: 'HEAD', by: 'a run rebuilds it from HEAD' }
    const unmerged = shard ? null : await botBranchUnmerged(git, branch, rebuilt)
    if (unmerged !== null) throw new UsageError(`--branch "${branch}" ${unmerged}.`)
    await removeLeftWorktrees(git, reporter)
    timelineMark('left-worktrees')
    // A shard reports to its shard ref: it builds its commits on a scratch branch, never on the bot branch,
    // which may hold unmerged work (finalize, run under the same lock, puts the shards' results there).
    const syncBranch = shard ? `${SHARD_BRANCH}${shard.shard}` : branch
    const run = {
      ...request,
      planOptions,
      git,
      branch: syncBranch,
      trust,
      reporter,
      push: values.push,
      shard
    }
    const { result, spend } = await lockedRun(run).finally(() =>
      shard ? git.deleteRef(`refs/heads/${syncBranch}`).catch(() => undefined) : undefined
    )
    if (shard) delete result.branch
    const json = JSON.stringify(trust.redactor.redactJson(result), null, 2)
    if (values.result) await writeFile(values.result, json + '\n')
    const text = trust.redactor.redact(values.json ? json : renderResult(result, spend))
    process.stdout.write(forStdout(text, values.json === true) + '\n')
    // Stopped by SIGINT/SIGTERM: what finished is recorded, but the run did not do what it was asked to.
    if (result.cancelled === true) return INTERRUPTED
    const worked = result.units.filter(u => u.status !== 'unchanged')
    return worked.length > 0 && worked.every(u => u.status === 'failed') ? 1 : 0
  } finally {
    await lock.release()
  }
}

/** The repository's git, its `--remote` and `--push` remotes checked before anything is planned or paid. */
async function openRepository(
  root: string,
  values: { remote?: string; push?: string; 'no-fetch'?: boolean },
  secrets: readonly string[],
  reporter: RedactingReporter
): Promise<Git> {
  const git = (await Git.open(root)).withSecrets(secrets).withWarnings(m => reporter.warning(m))
  if (!values['no-fetch']) await checkNamedRemote(git, '--remote', values.remote)
  await checkNamedRemote(git, '--push', values.push)
  return git
}

function renderResult(r: RunResult, spend: SpendReport): string {
  const lines = r.units.map(
    u =>
      `${u.status.padEnd(18)} ${u.id.padEnd(32)} ${(u.operations.join(', ') || '-').padEnd(36)} ${u.cost === null ? 'cost unknown' : money(u.cost)}  ${u.reason}`
  )
  lines.push(
    '',
    `Spent ${money(r.spent)} of ${money(r.budget)}; bot branch ${r.branch ?? '-'} at ${r.head?.slice(0, 12) ?? '-'}.`
  )
  if (r.overshoot) lines.push(`Overshoot: PDD spent ${money(r.overshoot)} beyond what was admitted.`)
  for (const line of [estimateLine(r), calibrationNote(r)]) if (line) lines.push(line)
  const s = spend.summary
  const cap = (c: number | undefined): string => (c === undefined ? '' : ` of ${money(c)}`)
  lines.push(
    `Recorded spend today ${money(s.spentToday + r.spent)}${cap(spend.caps.daily)}, this month ` +
      `${money(spentThisMonth(spend, r))}${cap(spend.caps.monthly)}.`
  )
  return lines.join('\n')
}
