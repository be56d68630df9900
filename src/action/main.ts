import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import * as core from '@actions/core'
import { ActionsReporter } from '../adapters/actions-reporter.js'
import { Git } from '../adapters/git.js'
import { RedactingReporter, type Reporter } from '../adapters/reporter.js'
import { logPlan } from '../plan/log.js'
import { buildPlan } from '../plan/plan.js'
import { renderPlanMarkdown } from '../plan/render.js'
import { matrixOf } from '../plan/matrix.js'
import { makeShards } from '../plan/shards.js'
import { readSettings, type ActionSettings } from '../settings/action-settings.js'
import { countsLine, failsStep, renderSummary, runStatus } from '../publish/checklist.js'
import { renderSpend, spentThisMonth } from '../publish/spend-report.js'
import type { LogArtifact } from '../publish/log-artifact.js'
import { scratchRoot } from '../adapters/temp.js'
import { finalizeAction } from './finalize.js'
import { runAction, type RunActionOutcome } from './run-action.js'
import { planOptionsOf } from './run-context.js'
import { actionTrust } from '../trust/action.js'
import { jobTrust, type JobTrust } from '../trust/job.js'
import type { Redactor } from '../trust/redact.js'
import { hasWork, type Plan } from '../types.js'
import { escapeInline, flatten } from '../markdown.js'
import { controlApi, controlDecision, postReply, type ControlRun } from '../control/run-control.js'

/** Longest job summary written (GitHub refuses more than 1 MiB per step). */
const SUMMARY_LIMIT = 900_000

/** The action: settings → plan → outputs. The only place that sets outputs or fails the step. */
export async function main(): Promise<void> {
  // Until the settings are read, the secrets are those of the environment (the inputs' tokens among them).
  let trust = jobTrust(process.env)
  failOnStrayErrors(() => trust.redactor)
  try {
    const settings = readSettings()
    trust = actionTrust(settings, process.env)
    const out = new Outputs(trust.redactor)
    if (settings.mode === 'plan') await planMode(settings, out)
    else if (settings.mode === 'finalize')
      await runMode(settings, trust, out, (s, r, t) => finalizeAction(s, r, t))
    else await runMode(settings, trust, out, (s, r, t, c) => runAction(s, r, t, undefined, c))
  } catch (e) {
    // The failure path sets an output too: a later step can tell "stopped on an error" from a run's outcome.
    core.setOutput('status', 'error')
    core.setFailed(trust.redactor.redact((e as Error).message))
  }
}

/**
 * A rejection or exception nothing awaited (a bug, a stream error in a dependency) fails the step with one clear
 * line instead of a raw stack or a silent exit; the stack goes to the debug log only.
 */
export function failOnStrayErrors(redactor: () => Redactor): void {
  const fail = (e: unknown): void => {
    const err = e instanceof Error ? e : new Error(String(e))
    const r = redactor()
    core.debug(r.redact(err.stack ?? err.message))
    core.setFailed(r.redact(`pdd-sync stopped on an unexpected error: ${err.message.split('\n')[0] ?? ''}`))
    process.exitCode = 1
  }
  process.on('unhandledRejection', fail)
  process.on('uncaughtException', fail)
}

/**
 * The step's outputs, job summary and files, every text through the redactor: the one way `main` writes
 * anything the workflow (or a later step, or a reader of the summary) sees.
 */
class Outputs {
  readonly reporter: Reporter
  constructor(readonly redactor: Redactor) {
    this.reporter = new RedactingReporter(new ActionsReporter(), redactor)
  }
  setOutput(name: string, value: string): void {
    core.setOutput(name, this.redactor.redact(value))
  }
  async summary(markdown: string): Promise<void> {
    await core.summary.addRaw(this.redactor.redact(markdown)).write()
  }
  /** Writes `value` as JSON into `RUNNER_TEMP/pdd-sync/<name>` and returns the file. */
  async jsonFile(name: string, value: unknown): Promise<string> {
    const dir = path.join(scratchRoot(), 'pdd-sync')
    await mkdir(dir, { recursive: true })
    const file = path.join(dir, name)
    await writeFile(file, JSON.stringify(this.redactor.redactJson(value), null, 2) + '\n')
    return file
  }
  failed(message: string): void {
    core.setFailed(this.redactor.redact(message))
  }
}

async function planMode(s: ActionSettings, out: Outputs): Promise<void> {
  const reporter = out.reporter
  const plan = await reporter.group('Plan', async () => {
    const made = await buildPlan(planOptionsOf(s, []), reporter)
    logPlan(made, reporter)
    return made
  })
  const baseSha = (await (await Git.open(s.repoRoot)).commitOf('HEAD')) ?? ''
  await planOutputs(plan, s, out, baseSha)
  let md = renderPlanMarkdown(plan, { budget: s.budget, shards: makeShards(plan.units, s.maxShards) })
  if (md.length > SUMMARY_LIMIT)
    md = renderPlanMarkdown(plan, {
      budget: s.budget,
      shards: makeShards(plan.units, s.maxShards),
      maxRows: 200
    })
  await out.summary(md)
  const work = plan.units.filter(u => hasWork(u.operation)).length
  reporter.info(
    `Planned ${plan.units.length} unit(s), ${work} with work; estimated ${plan.estimatedCost.toFixed(4)} USD.`
  )
}

/** The outputs every mode sets from the plan: plan file, units, matrix, shards, estimated cost. */
async function planOutputs(plan: Plan, s: ActionSettings, out: Outputs, baseSha: string): Promise<void> {
  const shards = makeShards(plan.units, s.maxShards)
  const file = await out.jsonFile('plan.json', plan)
  const work = plan.units.filter(u => hasWork(u.operation)).map(u => u.id)
  out.setOutput('plan', file)
  out.setOutput('units', JSON.stringify(work))
  out.setOutput('matrix', JSON.stringify(matrixOf(shards, s.budget)))
  out.setOutput('shards', JSON.stringify(shards.map(x => x.shard)))
  out.setOutput('estimated-cost', plan.estimatedCost.toFixed(4))
  out.setOutput('base-sha', baseSha)
}

/** The outputs `action.yml` declares for `mode: run`, from its outcome. */
async function runOutputs(out: RunActionOutcome, o: Outputs): Promise<void> {
  const { result, published } = out
  const ids = (pred: (st: string) => boolean): string =>
    JSON.stringify(result.units.filter(u => pred(u.status)).map(u => u.id))
  const file = await o.jsonFile('result.json', result)
  const failedPublish = published?.failed
  const status = failedPublish ? 'publish-failed' : runStatus(result)
  const pr = published?.pullRequest
  const pushed = published?.branch?.operation === 'pushed' || published?.branch?.operation === 'unchanged'
  o.setOutput('result', file)
  o.setOutput('pull-request-number', pr?.number !== undefined ? String(pr.number) : '')
  o.setOutput('pull-request-url', pr?.url ?? '')
  o.setOutput('pull-request-operation', pr?.operation ?? 'none')
  o.setOutput('branch', pushed ? out.branch : '')
  o.setOutput('head-sha', pushed ? (published?.branch?.head ?? '') : '')
  o.setOutput(
    'synced',
    ids(st => st === 'synced')
  )
  o.setOutput(
    'failed',
    ids(st => st === 'failed' || st === 'conflict')
  )
  o.setOutput(
    'skipped',
    ids(st => st === 'skipped-budget' || st === 'skipped-dependency' || st === 'skipped-runtime')
  )
  o.setOutput('spent', result.spent.toFixed(4))
  o.setOutput('spent-this-month', spentThisMonth(out.spend, result).toFixed(4))
  o.setOutput('budget-exhausted', String(out.checklist.budgetExhausted ?? false))
  o.setOutput('status', status)
}

async function runMode(
  s: ActionSettings,
  trust: JobTrust,
  o: Outputs,
  act: (s: ActionSettings, r: Reporter, t: JobTrust, c?: ControlRun) => Promise<RunActionOutcome>
): Promise<void> {
  const api = s.mode === 'run' && s.prEvent ? controlApi(s, trust.redactor) : null
  const control = s.mode === 'run' ? await controlDecision(s, api) : { kind: 'none' as const }
  if (control.kind === 'ignore') {
    // An event on the bot pull request (or a comment) that asks for no run: nothing is planned, run or pushed.
    o.reporter.notice(`pdd-sync: nothing to do: ${control.reason}.`)
    if (control.reply && !s.run.dryRun)
      await postReply(api, control.reply.number, control.reply.body, o.reporter)
    o.setOutput('pull-request-operation', 'none')
    o.setOutput('status', 'ignored')
    await o.summary(`> [!NOTE]\n> pdd-sync did nothing: ${escapeInline(flatten(control.reason))}.\n`)
    return
  }
  const out = await act(s, o.reporter, trust, control.kind === 'run' ? control : undefined)
  await planOutputs(out.planned.plan, s, o, out.record.baseSha)
  await runOutputs(out, o)
  const { result } = out
  const failedPublish = out.published?.failed
  annotate(out, o.reporter)
  await o.summary(summaryOf(out, s))
  if (failedPublish) {
    o.failed(
      `pdd-sync: the paid results are not on the remote (${failedPublish}). ${out.rescue?.message ?? ''}`
    )
    return
  }
  const failOn = s.publish.failOn
  if (failsStep(result, failOn)) {
    o.failed(`pdd-sync: ${countsLine(result).replace(/\*/g, '')} (fail-on: ${failOn}).`)
  }
}

/** One error annotation per failed unit, on its prompt file (GitHub shows at most 10 per step). */
function annotate(out: RunActionOutcome, reporter: Reporter): void {
  const bad = out.result.units.filter(u => u.status === 'failed' || u.status === 'conflict')
  for (const u of bad.slice(0, 10)) {
    const file = out.checklist.promptPaths?.[u.id]
    reporter.error(`${u.id}: ${u.reason}`, {
      file: file ? repoPath(out, file) : undefined,
      title: `pdd sync ${u.status}`
    })
  }
  if (bad.length > 10) reporter.error(`${bad.length - 10} more unit(s) failed: see the job summary.`)
  // Units left for lack of budget get one notice (annotations are capped at 10 per type and step).
  const skipped = out.result.units.filter(u => u.status === 'skipped-budget').map(u => u.id)
  if (skipped.length > 0)
    reporter.notice(
      `${skipped.length} unit(s) skipped for budget, left for the next run: ${skipped.slice(0, 20).join(', ')}` +
        (skipped.length > 20 ? `, … (${skipped.length - 20} more)` : '') +
        '.',
      { title: 'pdd sync: budget' }
    )
}

function repoPath(out: RunActionOutcome, file: string): string {
  const root = process.env.GITHUB_WORKSPACE ?? process.cwd()
  return path.relative(root, path.join(out.repoRoot, file)).split(path.sep).join('/')
}

/** `**Logs:** [pdd-sync-logs-…](…/artifacts/7) — …`: the log artifact, linked when its page is known. */
function logsLine(logs: LogArtifact): string {
  if (!logs.uploaded) return `**Logs:** ${logs.message}`
  const name = logs.url ? `[${logs.name}](${logs.url})` : `\`${logs.name}\``
  return `**Logs:** ${name}: each group's full pdd output; for failed groups, PDD's crash logs and debug snapshot.`
}

function summaryOf(out: RunActionOutcome, s: ActionSettings): string {
  const parts: string[] = []
  if (out.published?.failed) {
    parts.push(
      `> [!CAUTION]\n> **Not published:** ${out.published.failed}. Every unit below was paid for.` +
        (out.rescue ? ` ${out.rescue.message}` : '') +
        '\n'
    )
  }
  if (out.notPublished) parts.push(`> [!NOTE]\n> Not published: ${out.notPublished}.\n`)
  if (out.noPullRequest && out.published && !out.published.pullRequest.number)
    parts.push(`> [!WARNING]\n> No pull request: ${out.noPullRequest}.\n`)
  // A dry run ran nothing: its summary is the plan (what a run would do).
  if (s.run.dryRun)
    return [...parts, renderPlanMarkdown(out.planned.plan, { budget: s.budget, maxRows: 2000 })].join('\n')
  const units = out.result.units
  if (units.every(u => u.status === 'unchanged'))
    parts.push(`> [!NOTE]\n> All ${units.length} unit(s) are in sync: nothing was run, nothing was spent.\n`)
  parts.push(renderSummary(out.checklist, SUMMARY_LIMIT - 100_000))
  parts.push('', renderSpend(out.spend, out.result))
  if (out.logs) parts.push('', logsLine(out.logs))
  const p = out.published
  if (p) {
    const pr = p.pullRequest
    parts.push(
      `\n**Pull request:** ${pr.number ? `[#${pr.number}](${pr.url}) (${pr.operation})` : 'none'}` +
        ` · **Branch:** ${p.branch ? `\`${out.branch}\` ${p.branch.operation}` : 'not pushed (nothing synced)'}`
    )
    if (!p.notes.pushed && !p.notes.comment) {
      const json = JSON.stringify(out.record)
      if (json.length < 80_000)
        parts.push(
          `\n<details><summary>Run record (not saved anywhere else)</summary>\n\n\`\`\`json\n${json}\n\`\`\`\n</details>`
        )
    }
  }
  return parts.join('\n')
}
