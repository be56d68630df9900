import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { ConsoleReporter } from '../adapters/reporter.js'
import {
  checkNamedRemote,
  inRange,
  PLAN_OPTIONS,
  planOptionsFrom,
  UsageError,
  wholeInRange
} from './options.js'
import { RANGES } from '../settings/ranges.js'
import { buildPlan } from '../plan/plan.js'
import { renderPlanTable } from '../plan/render.js'
import { makeShards } from '../plan/shards.js'
import { matrixOf } from '../plan/matrix.js'
import { Git } from '../adapters/git.js'
import { loadChunk } from '../adapters/load-chunk.js'
import { scratchRootProblem } from '../adapters/temp.js'
import { forStdout } from '../trust/commands.js'
import { VERSION } from './version.js'
import { writableFileProblem } from '../settings/paths.js'

export { UsageError }

const PLAN_USAGE = `Usage: pdd-sync plan [options]

Plans a PDD sync: which operation every unit needs next, in dependency order, with cost estimates.
Starts no pdd process and calls no LLM.

Options:
  --repo DIR              PDD project directory (default: current directory)
  --json                  print the Plan JSON instead of a table
  --output FILE           also write the Plan JSON to FILE
  --context NAME          force a .pddrc context
  --no-force              plan only: decide as a plain 'pdd sync' run by hand would (default: as 'pdd --force
                          sync', what 'pdd-sync run' and the action always run; refused by 'run')
  --skip-tests            decide as 'pdd sync --skip-tests'
  --skip-verify           decide as 'pdd sync --skip-verify'
  --target-coverage N     decide as 'pdd sync --target-coverage N'
  --trigger NAME          push | workflow_dispatch | schedule (default: schedule = all units)
  --before SHA --after SHA   with --trigger push: units whose files changed between the two commits
  --units GLOBS           comma-separated unit globs, on any trigger (with push: the changed units they name)
  --notes-ref REF         run records ref (default refs/notes/pdd-sync); --no-notes to ignore history
  --remote NAME           remote to fetch the notes ref from (default origin); --no-fetch for local notes
  --shards N              with --json: add a "matrix" of at most N shards and the "baseSha" they all start
                          from, for 'pdd-sync run --shard K' and 'pdd-sync finalize' (old name --max-shards)
  --budget DOLLARS        with --shards: the budget the matrix splits between the shards (default 5)
  -h, --help              this text`

const USAGE = `Usage: pdd-sync <plan|run|finalize> [options]   ('pdd-sync <command> --help'; 'pdd-sync --version')

${PLAN_USAGE}`

/** Entry point of the `pdd-sync` command; returns the exit code. */
export async function cli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (!command || command === '-h' || command === '--help') {
    process.stdout.write(USAGE + '\n')
    return command ? 0 : 2
  }
  if (command === '--version' || command === '-V') {
    process.stdout.write(`pdd-sync ${VERSION}\n`)
    return 0
  }
  const scratch = scratchRootProblem()
  if (scratch !== null) throw new Error(scratch)
  // `run` and `finalize` (git writes, GitHub's REST client, the executor) are loaded only when asked for: a
  // plan then parses a third of the bundle (docs/architecture.md, "Bundle").
  if (command === 'run') return (await loadChunk('run', () => import('./run.js'))).runCommand(rest)
  if (command === 'finalize')
    return (await loadChunk('finalize', () => import('./finalize.js'))).finalizeCommand(rest)
  if (command !== 'plan') {
    const { RUN_USAGE } = await loadChunk('run', () => import('./run.js'))
    process.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n${RUN_USAGE}\n`)
    return 2
  }
  return planCommand(rest)
}

async function planCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...PLAN_OPTIONS,
      output: { type: 'string' },
      'max-shards': { type: 'string' },
      shards: { type: 'string' },
      budget: { type: 'string' }
    },
    strict: true
  })
  if (values.help) {
    process.stdout.write(PLAN_USAGE + '\n')
    return 0
  }
  const shardsRaw = values.shards ?? values['max-shards']
  const maxShards = wholeInRange('--shards', shardsRaw, RANGES.shards) ?? 1
  const budget = inRange('--budget', values.budget, RANGES.budget) ?? 5
  const options = planOptionsFrom(values)
  // Checked before planning: a folder that does not exist failed only after the plan, with a bare ENOENT.
  const unwritable = values.output === undefined ? null : writableFileProblem(values.output)
  if (unwritable !== null) throw new UsageError(`--output ${values.output} cannot be written: ${unwritable}.`)
  if (values.remote !== undefined && options.remote !== null)
    await checkNamedRemote(await Git.open(options.repoRoot), '--remote', values.remote)
  const plan = await buildPlan(options, new ConsoleReporter())
  const baseSha = shardsRaw ? await (await Git.open(options.repoRoot)).commitOf('HEAD') : null
  const withMatrix = shardsRaw
    ? { ...plan, matrix: matrixOf(makeShards(plan.units, maxShards), budget), baseSha }
    : plan
  const json = JSON.stringify(withMatrix, null, 2)
  if (values.output) await writeFile(values.output, json + '\n')
  process.stdout.write(forStdout(values.json ? json : renderPlanTable(plan), values.json === true) + '\n')
  return 0
}
