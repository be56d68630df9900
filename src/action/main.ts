import * as core from '@actions/core'
import { Git } from '../adapters/git.js'
import { logPlan } from '../plan/log.js'
import { buildPlan } from '../plan/plan.js'
import { renderPlanMarkdown } from '../plan/render.js'
import { makeShards } from '../plan/shards.js'
import { readSettings, type ActionSettings } from '../settings/action-settings.js'
import { actionTrust } from '../trust/action.js'
import { jobTrust } from '../trust/job.js'
import type { Redactor } from '../trust/redact.js'
import { hasWork } from '../types.js'
import { loadChunk } from '../adapters/load-chunk.js'
import { scratchRootProblem } from '../adapters/temp.js'
import { Outputs, planOutputs, SUMMARY_LIMIT } from './outputs.js'
import { planOptionsOf } from './plan-options.js'

/** The action: settings → plan → outputs. The only place that sets outputs or fails the step. */
export async function main(): Promise<void> {
  // Until the settings are read, the secrets are those of the environment (the inputs' tokens among them).
  let trust = jobTrust(process.env)
  failOnStrayErrors(() => trust.redactor)
  try {
    const settings = readSettings()
    trust = actionTrust(settings, process.env)
    // Scratch folders (the plan file, worktrees, logs) go to RUNNER_TEMP: a clear error before anything starts.
    const scratch = scratchRootProblem()
    if (scratch !== null) throw new Error(scratch)
    const out = new Outputs(trust.redactor)
    if (settings.mode === 'plan') await planMode(settings, out)
    // The other modes (the executor, the publisher, the REST client) are loaded only when asked for
    // (docs/architecture.md, "Bundle").
    else
      await (
        await loadChunk(settings.mode, () => import('./run-mode.js'))
      ).runOrFinalize(settings, trust, out)
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
