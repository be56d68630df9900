/**
 * `mode: run`, `shard` and `finalize` of the action: PR control, the run, and its outputs, annotations and job
 * summary. Loaded by main.ts only for those modes, so that `mode: plan` and a refused input do not parse the
 * executor, the publisher and the REST client (docs/architecture.md, "Bundle").
 */
import path from 'node:path'
import type { Reporter } from '../adapters/reporter.js'
import { renderPlanMarkdown } from '../plan/render.js'
import type { ActionSettings } from '../settings/action-settings.js'
import { countsLine, failsStep, renderSummary, runStatus } from '../publish/checklist.js'
import { renderSpend, spentThisMonth } from '../publish/spend-report.js'
import type { LogArtifact } from '../publish/log-artifact.js'
import { finalizeAction } from './finalize.js'
import { runAction, type RunActionOutcome } from './run-action.js'
import type { JobTrust } from '../trust/job.js'
import { controlApi, controlDecision, postReply, type ControlRun } from '../control/run-control.js'
import { Outputs, planOutputs, SUMMARY_LIMIT } from './outputs.js'

/** Runs `mode: run` / `shard` (or `finalize`) and sets the step's outputs from its outcome. */
export async function runOrFinalize(s: ActionSettings, trust: JobTrust, out: Outputs): Promise<void> {
  if (s.mode === 'finalize') await runMode(s, trust, out, (s, r, t) => finalizeAction(s, r, t))
  else await runMode(s, trust, out, (s, r, t, c) => runAction(s, r, t, undefined, c))
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
    await o.summary(`> [!NOTE]\n> pdd-sync did nothing: ${control.markdown}.\n`)
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
