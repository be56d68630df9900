import { randomUUID } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { Git } from '../adapters/git.js'
import { pddVersion } from '../adapters/pdd-process.js'
import { ConsoleReporter, RedactingReporter, type Reporter } from '../adapters/reporter.js'
import { optionalNumber, PLAN_OPTIONS, planOptionsFrom, UsageError } from './options.js'
import { recordCliRun } from './publish.js'
import { cliLogs, keepLogs } from './logs.js'
import { BOT } from '../execute/execute.js'
import { acquireRunLock, RunLockBusy, type RunLock } from '../execute/run-lock.js'
import { syncPlanned, withCancellation } from '../execute/session.js'
import type { RunResult } from '../execute/result.js'
import { planRepository, type PlanOptions } from '../plan/plan.js'
import { checkBeforeSpending, pddEnvironment } from '../preflight/preflight.js'
import { calibrationNote, estimateLine } from '../publish/checklist.js'
import { money } from '../plan/render.js'
import { budgetUnderCaps, explainCapped, spentThisMonth, type SpendReport } from '../publish/spend-report.js'
import { writableFileProblem } from '../settings/paths.js'
import type { SyncSettings } from '../settings/run-inputs.js'
import { botBranchProblem } from '../settings/validate.js'
import { jobTrust, withheldLine, type JobTrust } from '../trust/job.js'
import { hasWork } from '../types.js'
import { pathsOf, runKeyOf, shaOf } from './finalize.js'
import { reportShard } from '../fanout/shard.js'
import { unitList } from '../plan/matrix.js'

/** Help text of `pdd-sync run`. */
export const RUN_USAGE = `Usage: pdd-sync run [options]

Plans, then runs the real 'pdd --force sync <basename>' for every group with work, each in its own git worktree,
within one budget; commits what synced to a local bot branch and writes the run record to the local notes
(refs/notes/pdd-sync), so a later run does not pay again for what this one synced, wherever it is merged.
Planning options as for 'pdd-sync plan' (but --no-force: the run always passes --force), and:
  --budget DOLLARS            budget of this run (default 5)
  --daily-budget DOLLARS      cap of all recorded runs per UTC day (run records in the notes)
  --monthly-budget DOLLARS    cap of all recorded runs per UTC month
  --push [REMOTE]             also push the bot branch and the notes to REMOTE (default origin)
  --concurrency N             groups synced at once (default 2)
  --budget-policy fit|ordered fit: skip a group that does not fit and go on with smaller ones; ordered: stop at it
  --timeout-minutes-per-group N  time limit of one group's sync (default 30; old name --timeout-minutes-per-unit)
  --max-attempts N            pdd sync --max-attempts (default 3)
  --strength S, --temperature T  pdd --strength / --temperature
  --pdd-command CMD           the pdd executable, words split on spaces (default: pdd)
  --cloud                     use PDD Cloud (PDD_JWT_TOKEN) instead of --local
  --agentic-fallback          let PDD run agent CLIs when fix/crash/verify fail (spend outside the budget)
  --max-run-minutes N         stop starting groups (and cut running ones) in time to finish within N minutes
  --keep-partial              commit what a failed unit left, marked as partial (default: discard it)
  --branch NAME               local bot branch (default pdd-sync/<current branch>)
  --result FILE               write the RunResult JSON to FILE
  --logs DIR                  keep each run's logs (every group's full pdd output, a failed group's crash logs
                              and debug snapshot; redacted) in DIR/pdd-sync-logs-<run>/ (default: the git dir's
                              pdd-sync/logs folder)
  --withhold-env NAMES        comma-separated variable names or globs never passed to pdd, and redacted from
                              everything printed, written or committed (GitHub and Actions credentials always are)
  --json                      print the RunResult JSON instead of a table
Fan-out (one leg of 'pdd-sync plan --shards N'; then 'pdd-sync finalize'):
  --shard K                   run as shard K: sync only --units (ids, comma- or newline-separated), write no run
                              record and no bot branch, and leave the commits and partial result in
                              refs/pdd-sync/runs/<run key>/shard-K (pushed to the --push remote, if any)
  --run-key KEY               the run the shards belong to (default: local)
  --base-sha SHA              the plan's baseSha: refuse to run when HEAD is elsewhere`

/** `pdd-sync run`; returns the exit code (1 when every unit with work failed). */
export async function runCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args: withPushRemote(args),
    options: {
      ...PLAN_OPTIONS,
      budget: { type: 'string' },
      concurrency: { type: 'string' },
      'budget-policy': { type: 'string' },
      'timeout-minutes-per-group': { type: 'string' },
      'timeout-minutes-per-unit': { type: 'string' },
      'max-attempts': { type: 'string' },
      strength: { type: 'string' },
      temperature: { type: 'string' },
      'pdd-command': { type: 'string' },
      cloud: { type: 'boolean' },
      'agentic-fallback': { type: 'boolean' },
      'keep-partial': { type: 'boolean' },
      'max-run-minutes': { type: 'string' },
      branch: { type: 'string' },
      result: { type: 'string' },
      logs: { type: 'string' },
      'daily-budget': { type: 'string' },
      'monthly-budget': { type: 'string' },
      push: { type: 'string' },
      'withhold-env': { type: 'string' },
      shard: { type: 'string' },
      'run-key': { type: 'string' },
      'base-sha': { type: 'string' }
    },
    strict: true
  })
  if (values.help) {
    process.stdout.write(RUN_USAGE + '\n')
    return 0
  }
  const policy = values['budget-policy'] ?? 'fit'
  if (policy !== 'fit' && policy !== 'ordered')
    throw new UsageError(`--budget-policy must be fit or ordered; got "${policy}".`)
  const requested = optionalNumber('--budget', values.budget, 0, 1e6) ?? 5
  const caps = {
    daily: optionalNumber('--daily-budget', values['daily-budget'], 0, 1e6),
    monthly: optionalNumber('--monthly-budget', values['monthly-budget'], 0, 1e6)
  }
  // Every number is checked before anything runs, not when the executor first needs it.
  const concurrency = optionalNumber('--concurrency', values.concurrency, 1, 64) ?? 2
  const timeoutMinutes =
    optionalNumber('--timeout-minutes-per-group', values['timeout-minutes-per-group'], 0.01, 360) ??
    optionalNumber('--timeout-minutes-per-unit', values['timeout-minutes-per-unit'], 0.01, 360) ??
    30
  const maxAttempts = optionalNumber('--max-attempts', values['max-attempts'], 0, 100) ?? 3
  const strength = optionalNumber('--strength', values.strength, 0, 1)
  const temperature = optionalNumber('--temperature', values.temperature, 0, 2)
  const command = (values['pdd-command'] ?? 'pdd').split(/\s+/).filter(Boolean)
  const problem = values.result === undefined ? null : writableFileProblem(values.result)
  if (problem !== null) throw new UsageError(`--result ${values.result} cannot be written: ${problem}.`)
  const withhold = withholdList(values['withhold-env'])
  const trust = jobTrust(process.env, { withhold })
  const reporter = new RedactingReporter(new ConsoleReporter(), trust.redactor)
  if (values['no-force'])
    throw new UsageError(
      "--no-force is a 'pdd-sync plan' option: 'run' always runs 'pdd --force sync' (without --force a " +
        'non-interactive overwrite prompt aborts), so it plans as that decides.'
    )
  const planOptions = planOptionsFrom(values)
  const shard = shardOf(values)
  if (shard) planOptions.scope = { trigger: 'workflow_dispatch', units: shard.units }
  const git = (await Git.open(planOptions.repoRoot)).withSecrets(trust.redactor.secrets)
  const head = await git.commitOf('HEAD')
  if (shard?.baseSha && shard.baseSha !== head)
    throw new UsageError(
      `HEAD is ${head?.slice(0, 12) ?? 'nothing'}, not --base-sha ${shard.baseSha.slice(0, 12)}.`
    )
  const current = await git.currentBranch()
  const branch = values.branch ?? `pdd-sync/${current ?? 'detached'}`
  const branchProblem = botBranchProblem(branch, { base: current ?? 'HEAD', current })
  if (branchProblem !== null) throw new UsageError(`--branch "${branch}" ${branchProblem}.`)
  const lock = await lockOrNull(git)
  if (lock === null) return BUSY
  try {
    const settings: Omit<SyncSettings, 'budget'> = {
      concurrency,
      budgetPolicy: policy,
      timeoutMinutes,
      maxAttempts,
      pddCloud: values.cloud ?? false,
      strength,
      temperature,
      agenticFallback: values['agentic-fallback'] ?? false,
      keepPartial: values['keep-partial'] ?? false,
      maxRunMinutes: optionalNumber('--max-run-minutes', values['max-run-minutes'], 0.1, 4320)
    }
    const run = { planOptions, git, branch, trust, reporter, command, requested, caps, settings, withhold }
    const logs = values.logs
    const { result, spend } = await lockedRun({ ...run, push: values.push, shard, logs })
    const json = JSON.stringify(trust.redactor.redactJson(result), null, 2)
    if (values.result) await writeFile(values.result, json + '\n')
    process.stdout.write(trust.redactor.redact(values.json ? json : renderResult(result, spend)) + '\n')
    const worked = result.units.filter(u => u.status !== 'unchanged')
    return worked.length > 0 && worked.every(u => u.status === 'failed') ? 1 : 0
  } finally {
    await lock.release()
  }
}

/** What one `pdd-sync run` needs once the repository is locked. */
interface LockedRun {
  planOptions: PlanOptions
  git: Git
  branch: string
  trust: JobTrust
  reporter: Reporter
  command: string[]
  /** The budget asked for, before the caps. */
  requested: number
  caps: { daily?: number; monthly?: number }
  settings: Omit<SyncSettings, 'budget'>
  withhold: string[]
  /** `--push` remote, if any. */
  push?: string
  /** `--shard K`: report to the run's shard ref instead of recording the run. */
  shard?: CliShard
  /** `--logs DIR`. */
  logs?: string
}

/** `--shard K --units … --run-key KEY --base-sha SHA`. */
interface CliShard {
  shard: number
  units: string[]
  runKey: string
  baseSha?: string
}

/** The fan-out options of `pdd-sync run`, checked; undefined without `--shard`. */
function shardOf(v: {
  shard?: string
  units?: string
  'run-key'?: string
  'base-sha'?: string
}): CliShard | undefined {
  if (v.shard === undefined) {
    if (v['run-key'] !== undefined || v['base-sha'] !== undefined)
      throw new UsageError('--run-key and --base-sha go with --shard K.')
    return undefined
  }
  const shard = optionalNumber('--shard', v.shard, 0, 255) ?? 0
  if (!Number.isInteger(shard)) throw new UsageError(`--shard must be a whole number; got "${v.shard}".`)
  const units = unitList(v.units ?? '')
  if (units.length === 0) throw new UsageError('--shard K needs --units (the ids of its matrix leg).')
  return { shard, units, runKey: runKeyOf(v['run-key']), baseSha: shaOf('--base-sha', v['base-sha']) }
}

/** Plan → caps → pdd and its checks → sync → run record (local notes, pushed with `--push`). */
async function lockedRun(o: LockedRun): Promise<{ result: RunResult; spend: SpendReport }> {
  const { git, reporter, trust, command, planOptions } = o
  const planned = await planRepository(planOptions, reporter)
  const anyWork = planned.plan.units.some(u => hasWork(u.operation))
  const base = (await git.commitOf('HEAD')) ?? ''
  const runId = randomUUID()
  const logs = await cliLogs(git, o.logs, runId)
  const spend = await budgetUnderCaps({
    git,
    remote: o.push ?? null,
    notesRef: planOptions.notesRef ?? 'refs/notes/pdd-sync',
    identity: BOT,
    runId,
    budget: o.requested,
    caps: o.caps,
    read: planned.spend,
    reserve: anyWork && planOptions.notesRef !== null,
    reporter
  })
  const budget = spend.effective.budget
  let version: string | undefined
  if (anyWork && budget > 0) {
    version = await pddVersion(command, trust.pddEnv.env)
    const withheld = withheldLine(trust.pddEnv)
    if (withheld) reporter.info(withheld)
    reporter.info(`Using pdd ${version} (${command.join(' ')}).`)
    await checkBeforeSpending({
      git,
      commit: base,
      repoRoot: planOptions.repoRoot,
      env: pddEnvironment(o.settings.pddCloud, trust.pddEnv.env),
      pddVersion: version,
      strength: o.settings.strength,
      cloud: o.settings.pddCloud,
      reporter
    })
  }
  // The logs are kept whatever the syncs did, a thrown error included.
  const result = await withCancellation(
    () => reporter.warning('Interrupted: stopping the running syncs; what finished is kept.'),
    signal =>
      syncPlanned({
        git,
        planned,
        planOptions,
        branch: o.branch,
        base,
        settings: { ...o.settings, budget },
        command,
        reporter,
        signal,
        env: trust.pddEnv.env,
        withholdEnv: o.withhold,
        // tsx for PDD's `npx tsx` (TypeScript), kept between runs in the user's cache folder.
        runtimes: { toolDir: path.join(homedir(), '.cache', 'pdd-sync-action', 'tools') },
        logDir: logs.scratch
      })
  ).finally(() => keepLogs(logs, trust.redactor, reporter))
  if (version) result.pddVersion = version
  explainCapped(result, spend)
  if (o.shard) {
    const ref = await reportShard({
      git,
      remote: o.push ?? null,
      runKey: o.shard.runKey,
      shard: o.shard.shard,
      baseSha: base,
      result,
      ...pathsOf(planned),
      identity: BOT,
      redactor: trust.redactor
    })
    reporter.info(`Shard ${o.shard.shard} reported to ${ref}${o.push ? ` on ${o.push}` : ''}.`)
  } else if (anyWork && planOptions.notesRef !== null) {
    const r = await recordCliRun({
      git,
      result,
      runId,
      base,
      notesRef: planOptions.notesRef,
      push: o.push,
      reporter,
      pddVersion: version
    })
    for (const line of r.pushed) reporter.info(line)
  }
  return { result, spend }
}

/** Exit code when another run holds the repository (EX_TEMPFAIL: try again later). */
export const BUSY = 75

/** The run lock of the repository (run-lock.ts), or null after saying who holds it. */
async function lockOrNull(git: Git): Promise<RunLock | null> {
  try {
    return await acquireRunLock(await git.commonDir())
  } catch (e) {
    if (!(e instanceof RunLockBusy)) throw e
    process.stderr.write(`pdd-sync: ${e.message}\n`)
    return null
  }
}

/** `--withhold-env`: names or globs; a value that is not one is refused without being echoed. */
function withholdList(raw: string | undefined): string[] {
  const names = (raw ?? '')
    .split(/[\n,]/)
    .map(n => n.trim())
    .filter(Boolean)
  const bad = names.findIndex(n => !/^[A-Za-z_*?][A-Za-z0-9_*?-]*$/.test(n))
  if (bad !== -1)
    throw new UsageError(
      `--withhold-env must list variable names or globs (e.g. DEPLOY_KEY,AWS_*); entry ${bad + 1} is not one.`
    )
  return names
}

/** `--push` alone (last, or before another option) means `--push origin`: parseArgs has no optional values. */
function withPushRemote(args: string[]): string[] {
  return args.flatMap((a, i) => {
    const next = args[i + 1]
    return a === '--push' && (next === undefined || next.startsWith('-')) ? ['--push=origin'] : [a]
  })
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
