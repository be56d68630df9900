import { mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as core from '@actions/core'
import { ActionsReporter } from './adapters/actions-reporter.js'
import { logPlan } from './plan/log.js'
import { buildPlan } from './plan/plan.js'
import { renderPlanMarkdown } from './plan/render.js'
import { makeShards } from './plan/shards.js'
import { readSettings, type ActionSettings } from './settings/inputs.js'
import { countsLine, failsStep, renderSummary, runStatus } from './publish/checklist.js'
import { renderSpend, spentThisMonth } from './publish/spend-report.js'
import { planOptionsOf, runAction, type RunActionOutcome } from './run-action.js'
import { hasWork, type Plan } from './types.js'

/** Longest job summary written (GitHub refuses more than 1 MiB per step). */
const SUMMARY_LIMIT = 900_000

/** The action: settings → plan → outputs. The only place that sets outputs or fails the step. */
export async function main(): Promise<void> {
  try {
    const settings = readSettings()
    if (settings.mode === 'plan') await planMode(settings)
    else if (settings.mode === 'run') await runMode(settings)
    else {
      throw new Error(
        `mode "${settings.mode}" is not implemented yet in this version of pdd-sync-action; use "run" or "plan".`
      )
    }
  } catch (e) {
    core.setFailed((e as Error).message)
  }
}

async function planMode(s: ActionSettings): Promise<void> {
  const reporter = new ActionsReporter()
  const plan = await reporter.group('Plan', async () => {
    const made = await buildPlan(planOptionsOf(s, []), reporter)
    logPlan(made, reporter)
    return made
  })
  await planOutputs(plan, s)
  let md = renderPlanMarkdown(plan, { budget: s.budget, shards: makeShards(plan.units, s.maxShards) })
  if (md.length > SUMMARY_LIMIT)
    md = renderPlanMarkdown(plan, {
      budget: s.budget,
      shards: makeShards(plan.units, s.maxShards),
      maxRows: 200
    })
  await core.summary.addRaw(md).write()
  const work = plan.units.filter(u => hasWork(u.operation)).length
  reporter.info(
    `Planned ${plan.units.length} unit(s), ${work} with work; estimated ${plan.estimatedCost.toFixed(4)} USD.`
  )
}

/** The outputs every mode sets from the plan: plan file, units, matrix, shards, estimated cost. */
async function planOutputs(plan: Plan, s: ActionSettings): Promise<void> {
  const shards = makeShards(plan.units, s.maxShards)
  const dir = path.join(process.env.RUNNER_TEMP ?? tmpdir(), 'pdd-sync')
  await mkdir(dir, { recursive: true })
  const file = path.join(dir, 'plan.json')
  await writeFile(file, JSON.stringify(plan, null, 2) + '\n')
  const work = plan.units.filter(u => hasWork(u.operation)).map(u => u.id)
  core.setOutput('plan', file)
  core.setOutput('units', JSON.stringify(work))
  core.setOutput('matrix', JSON.stringify({ include: shards }))
  core.setOutput('shards', JSON.stringify(shards.map(x => x.shard)))
  core.setOutput('estimated-cost', plan.estimatedCost.toFixed(4))
}

async function runMode(s: ActionSettings): Promise<void> {
  const reporter = new ActionsReporter()
  const out = await runAction(s, reporter)
  await planOutputs(out.planned.plan, s)
  const { result, published } = out
  const ids = (pred: (st: string) => boolean): string =>
    JSON.stringify(result.units.filter(u => pred(u.status)).map(u => u.id))
  const dir = path.join(process.env.RUNNER_TEMP ?? tmpdir(), 'pdd-sync')
  const file = path.join(dir, 'result.json')
  await writeFile(file, JSON.stringify(result, null, 2) + '\n')
  const status = runStatus(result)
  const pr = published?.pullRequest
  const pushed = published?.branch?.operation === 'pushed' || published?.branch?.operation === 'unchanged'
  core.setOutput('result', file)
  core.setOutput('pull-request-number', pr?.number !== undefined ? String(pr.number) : '')
  core.setOutput('pull-request-url', pr?.url ?? '')
  core.setOutput('pull-request-operation', pr?.operation ?? 'none')
  core.setOutput('branch', pushed ? out.branch : '')
  core.setOutput('head-sha', pushed ? (published?.branch?.head ?? '') : '')
  core.setOutput(
    'synced',
    ids(st => st === 'synced')
  )
  core.setOutput(
    'failed',
    ids(st => st === 'failed' || st === 'conflict')
  )
  core.setOutput(
    'skipped',
    ids(st => st === 'skipped-budget' || st === 'skipped-dependency')
  )
  core.setOutput('spent', result.spent.toFixed(4))
  core.setOutput('spent-this-month', spentThisMonth(out.spend, result).toFixed(4))
  core.setOutput('budget-exhausted', String(out.checklist.budgetExhausted ?? false))
  core.setOutput('status', status)
  annotate(out)
  await core.summary.addRaw(summaryOf(out, s)).write()
  const failOn = s.publish.failOn
  if (failsStep(result, failOn)) {
    core.setFailed(`pdd-sync: ${countsLine(result).replace(/\*/g, '')} (fail-on: ${failOn}).`)
  }
}

/** One error annotation per failed unit, on its prompt file (GitHub shows at most 10 per step). */
function annotate(out: RunActionOutcome): void {
  const bad = out.result.units.filter(u => u.status === 'failed' || u.status === 'conflict')
  for (const u of bad.slice(0, 10)) {
    const file = out.checklist.promptPaths?.[u.id]
    core.error(`${u.id}: ${u.reason}`, {
      file: file ? repoPath(out, file) : undefined,
      title: `pdd sync ${u.status}`
    })
  }
  if (bad.length > 10) core.error(`${bad.length - 10} more unit(s) failed: see the job summary.`)
}

function repoPath(out: RunActionOutcome, file: string): string {
  const root = process.env.GITHUB_WORKSPACE ?? process.cwd()
  return path.relative(root, path.join(out.repoRoot, file)).split(path.sep).join('/')
}

function summaryOf(out: RunActionOutcome, s: ActionSettings): string {
  const parts: string[] = []
  if (out.notPublished) parts.push(`> [!NOTE]\n> Not published: ${out.notPublished}.\n`)
  // A dry run ran nothing: its summary is the plan (what a run would do).
  if (s.run.dryRun)
    return [...parts, renderPlanMarkdown(out.planned.plan, { budget: s.budget, maxRows: 2000 })].join('\n')
  const units = out.result.units
  if (units.every(u => u.status === 'unchanged'))
    parts.push(`> [!NOTE]\n> All ${units.length} unit(s) are in sync: nothing was run, nothing was spent.\n`)
  parts.push(renderSummary(out.checklist, SUMMARY_LIMIT - 100_000))
  parts.push('', renderSpend(out.spend, out.result))
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
