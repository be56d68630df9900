import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ConsoleReporter } from './adapters/reporter.js'
import { buildPlan } from './plan/plan.js'
import { renderPlanTable } from './plan/render.js'
import { makeShards } from './plan/shards.js'

const USAGE = `Usage: pdd-sync plan [options]

Plans a PDD sync: which operation every unit needs next, in dependency order, with cost estimates.
Starts no pdd process and calls no LLM.

Options:
  --repo DIR              PDD project directory (default: current directory)
  --json                  print the Plan JSON instead of a table
  --output FILE           also write the Plan JSON to FILE
  --context NAME          force a .pddrc context
  --no-force              decide as a plain 'pdd sync' (default: as 'pdd --force sync', what the action runs)
  --skip-tests            decide as 'pdd sync --skip-tests'
  --skip-verify           decide as 'pdd sync --skip-verify'
  --target-coverage N     decide as 'pdd sync --target-coverage N'
  --trigger NAME          push | workflow_dispatch | schedule (default: schedule = all units)
  --before SHA --after SHA   with --trigger push: units whose files changed between the two commits
  --units GLOBS           with --trigger workflow_dispatch: comma-separated unit globs
  --notes-ref REF         run records ref (default refs/notes/pdd-sync); --no-notes to ignore history
  --remote NAME           remote to fetch the notes ref from (default origin); --no-fetch for local notes
  --max-shards N          with --json: add a "matrix" of at most N shards (default 1)
  -h, --help              this text`

/** Entry point of the `pdd-sync` command; returns the exit code. */
export async function cli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (!command || command === '-h' || command === '--help') {
    process.stdout.write(USAGE + '\n')
    return command ? 0 : 2
  }
  if (command === 'run') {
    process.stderr.write('pdd-sync run is not implemented yet in this version; use "pdd-sync plan".\n')
    return 2
  }
  if (command !== 'plan') {
    process.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`)
    return 2
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      repo: { type: 'string' },
      json: { type: 'boolean' },
      output: { type: 'string' },
      context: { type: 'string' },
      'no-force': { type: 'boolean' },
      'skip-tests': { type: 'boolean' },
      'skip-verify': { type: 'boolean' },
      'target-coverage': { type: 'string' },
      trigger: { type: 'string' },
      before: { type: 'string' },
      after: { type: 'string' },
      units: { type: 'string' },
      'notes-ref': { type: 'string' },
      'no-notes': { type: 'boolean' },
      remote: { type: 'string' },
      'no-fetch': { type: 'boolean' },
      'max-shards': { type: 'string' },
      help: { type: 'boolean', short: 'h' }
    },
    strict: true
  })
  if (values.help) {
    process.stdout.write(USAGE + '\n')
    return 0
  }
  const targetCoverage = optionalNumber('--target-coverage', values['target-coverage'], 0, 100)
  const maxShards = optionalNumber('--max-shards', values['max-shards'], 1, 256) ?? 1
  const reporter = new ConsoleReporter()
  const plan = await buildPlan(
    {
      repoRoot: path.resolve(values.repo ?? '.'),
      env: process.env,
      context: values.context,
      force: !values['no-force'],
      skipTests: values['skip-tests'] ?? false,
      skipVerify: values['skip-verify'] ?? false,
      targetCoverage,
      scope: {
        trigger: values.trigger ?? 'schedule',
        before: values.before,
        after: values.after,
        units: values.units
          ?.split(',')
          .map(s => s.trim())
          .filter(Boolean)
      },
      notesRef: values['no-notes'] ? null : (values['notes-ref'] ?? 'refs/notes/pdd-sync'),
      remote: values['no-fetch'] ? null : (values.remote ?? 'origin')
    },
    reporter
  )
  const json = JSON.stringify(
    values['max-shards'] ? { ...plan, matrix: { include: makeShards(plan.units, maxShards) } } : plan,
    null,
    2
  )
  if (values.output) await writeFile(values.output, json + '\n')
  process.stdout.write((values.json ? json : renderPlanTable(plan)) + '\n')
  return 0
}

function optionalNumber(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined
  const n = Number(raw)
  if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new UsageError(`${name} must be a number from ${min} to ${max}; got "${raw}".`)
  }
  return n
}

/** A bad command line: printed without a stack, exit code 2. */
export class UsageError extends Error {}
