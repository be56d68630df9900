import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import * as core from '@actions/core'
import { ActionsReporter } from '../adapters/actions-reporter.js'
import { RedactingReporter, type Reporter } from '../adapters/reporter.js'
import { scratchRoot } from '../adapters/temp.js'
import { matrixOf } from '../plan/matrix.js'
import { makeShards } from '../plan/shards.js'
import type { ActionSettings } from '../settings/action-settings.js'
import type { Redactor } from '../trust/redact.js'
import { hasWork, type Plan } from '../types.js'

/** Longest job summary written (GitHub refuses more than 1 MiB per step). */
export const SUMMARY_LIMIT = 900_000

/**
 * The step's outputs, job summary and files, every text through the redactor: the one way `main` writes
 * anything the workflow (or a later step, or a reader of the summary) sees.
 */
export class Outputs {
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

/** The outputs every mode sets from the plan: plan file, units, matrix, shards, estimated cost. */
export async function planOutputs(
  plan: Plan,
  s: ActionSettings,
  out: Outputs,
  baseSha: string
): Promise<void> {
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
