import { mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as core from '@actions/core'
import { ActionsReporter } from './adapters/actions-reporter.js'
import { buildPlan } from './plan/plan.js'
import { renderPlanMarkdown } from './plan/render.js'
import { makeShards, NO_WORK } from './plan/shards.js'
import { readSettings, type ActionSettings } from './settings/inputs.js'

/** Longest job summary written (GitHub refuses more than 1 MiB per step). */
const SUMMARY_LIMIT = 900_000

/** The action: settings → plan → outputs. The only place that sets outputs or fails the step. */
export async function main(): Promise<void> {
  try {
    const settings = readSettings()
    if (settings.mode !== 'plan') {
      throw new Error(
        `mode "${settings.mode}" is not implemented yet in this version of pdd-sync-action; use "mode: plan".`
      )
    }
    await planMode(settings)
  } catch (e) {
    core.setFailed((e as Error).message)
  }
}

async function planMode(s: ActionSettings): Promise<void> {
  const reporter = new ActionsReporter()
  const plan = await reporter.group('Plan', () =>
    buildPlan(
      {
        repoRoot: s.repoRoot,
        env: process.env,
        context: s.context,
        force: s.force,
        skipTests: s.skipTests,
        skipVerify: s.skipVerify,
        targetCoverage: s.targetCoverage,
        scope: { trigger: s.trigger, before: s.before, after: s.after, units: s.units },
        notesRef: s.notesRef,
        remote: 'origin'
      },
      reporter
    )
  )
  const shards = makeShards(plan.units, s.maxShards)
  const dir = path.join(process.env.RUNNER_TEMP ?? tmpdir(), 'pdd-sync')
  await mkdir(dir, { recursive: true })
  const file = path.join(dir, 'plan.json')
  await writeFile(file, JSON.stringify(plan, null, 2) + '\n')
  const work = plan.units.filter(u => !NO_WORK.has(u.operation)).map(u => u.id)
  core.setOutput('plan', file)
  core.setOutput('units', JSON.stringify(work))
  core.setOutput('matrix', JSON.stringify({ include: shards }))
  core.setOutput('shards', JSON.stringify(shards.map(x => x.shard)))
  core.setOutput('estimated-cost', plan.estimatedCost.toFixed(4))
  let md = renderPlanMarkdown(plan, { budget: s.budget, shards })
  if (md.length > SUMMARY_LIMIT) md = renderPlanMarkdown(plan, { budget: s.budget, shards, maxRows: 200 })
  await core.summary.addRaw(md).write()
  reporter.info(
    `Planned ${plan.units.length} unit(s), ${work.length} with work; estimated ${plan.estimatedCost.toFixed(4)} USD.`
  )
}
