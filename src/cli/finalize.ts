import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { Git } from '../adapters/git.js'
import { ConsoleReporter, RedactingReporter } from '../adapters/reporter.js'
import { checkNamedRemote, checkNotesRef, UsageError } from './options.js'
import { runKeyOf, shaOf, withPushRemote } from './run-options.js'
import { recordCliRun } from './publish.js'
import { BOT } from '../execute/execute.js'
import { carryOver } from '../publish/carry-over.js'
import { closeRun, collectShards, type Collected, type CollectOptions } from '../fanout/collect.js'
import { parseMatrix, type ShardSpec } from '../plan/matrix.js'
import { money } from '../plan/render.js'
import { notesRefProblem } from '../settings/validate.js'
import { forStdout } from '../trust/commands.js'
import { botBranchUnmerged, checkedBotBranch } from './bot-branch-use.js'
import { jobTrust } from '../trust/job.js'
import type { Redactor } from '../trust/redact.js'

/** Help text of `pdd-sync finalize`. */
export const FINALIZE_USAGE = `Usage: pdd-sync finalize --matrix FILE|JSON [options]

Publishes the shards of a fan-out ('pdd-sync plan --shards N', then 'pdd-sync run --shard K' per leg) as one run:
replays every reported shard's commits onto the local bot branch, writes one run record to the local notes, and
lists the units of a shard that never reported as failed ("shard K did not report"). Then deletes the shards' refs.
  --matrix FILE|JSON          the plan written by 'pdd-sync plan --shards N --json --output FILE' (its "matrix" and
                              "baseSha"), or the matrix JSON itself
  --run-key KEY               the run the shards reported under (default: local)
  --base-sha SHA              the commit the shards ran on (default: the plan file's baseSha, else HEAD)
  --repo DIR                  the repository (default: current directory)
  --branch NAME               local bot branch (default pdd-sync/<current branch>)
  --push [REMOTE]             fetch the shards' refs from REMOTE and push the bot branch and the notes there
  --notes-ref REF             run records ref (default refs/notes/pdd-sync)
  --result FILE               write the RunResult JSON to FILE
  --json                      print the RunResult JSON instead of a table`

/** `--matrix`: a plan file with "matrix" (and "baseSha"), a matrix file, or the matrix JSON itself. */
function readMatrix(raw: string): { specs: ShardSpec[]; baseSha?: string } {
  const text = raw.trim().startsWith('{') || !existsSync(raw) ? raw : readFileSync(raw, 'utf8')
  let v: { matrix?: unknown; baseSha?: unknown }
  try {
    v = JSON.parse(text) as typeof v
  } catch (e) {
    throw new UsageError(`--matrix is neither a readable file nor JSON: ${(e as Error).message}`)
  }
  const matrix = v.matrix === undefined ? v : v.matrix
  try {
    const specs = parseMatrix(JSON.stringify(matrix))
    return { specs, ...(typeof v.baseSha === 'string' ? { baseSha: v.baseSha } : {}) }
  } catch (e) {
    throw new UsageError(`--matrix: ${(e as Error).message}.`)
  }
}

/** The options of `pdd-sync finalize`. */
const FINALIZE_OPTIONS = {
  matrix: { type: 'string' },
  'run-key': { type: 'string' },
  'base-sha': { type: 'string' },
  repo: { type: 'string' },
  branch: { type: 'string' },
  push: { type: 'string' },
  'notes-ref': { type: 'string' },
  result: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const

type FinalizeValues = ReturnType<
  typeof parseArgs<{ options: typeof FINALIZE_OPTIONS; strict: true }>
>['values']

/** `pdd-sync finalize`; returns the exit code (1 when a shard did not report or every unit failed). */
export async function finalizeCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args: withPushRemote(args), options: FINALIZE_OPTIONS, strict: true })
  if (values.help) {
    process.stdout.write(FINALIZE_USAGE + '\n')
    return 0
  }
  if (values.matrix === undefined)
    throw new UsageError('finalize needs --matrix (the plan file or matrix JSON).')
  const { specs, baseSha: planned } = readMatrix(values.matrix)
  const runKey = runKeyOf(values['run-key'])
  const notesRef = values['notes-ref'] ?? 'refs/notes/pdd-sync'
  if (notesRefProblem(notesRef) !== null)
    throw new UsageError(`--notes-ref "${notesRef}" is not a notes ref.`)
  const trust = jobTrust(process.env)
  const reporter = new RedactingReporter(new ConsoleReporter(), trust.redactor)
  const git = (await Git.open(path.resolve(values.repo ?? '.')))
    .withSecrets(trust.redactor.secrets)
    .withWarnings(m => reporter.warning(m))
  await checkNamedRemote(git, '--push', values.push)
  await checkNotesRef(git, notesRef)
  const branch = await checkedBotBranch(git, values.branch)
  const base = shaOf('--base-sha', values['base-sha']) ?? planned ?? (await git.commitOf('HEAD')) ?? ''
  const co: CollectOptions = {
    git,
    remote: values.push ?? null,
    runKey,
    baseSha: base,
    specs,
    known: new Map(),
    identity: BOT,
    reporter,
    notesRef
  }
  const collected = await collectShards(co)
  const { result } = collected
  for (const m of collected.outcomes.missing)
    reporter.warning(`Shard ${m.shard} did not report: ${m.units.join(', ')}.`)
  await publishLocally(co, collected, branch, values.push)
  if (result.units.length > 0) {
    const runId = `${runKey}-${randomUUID().slice(0, 8)}`
    const r = await recordCliRun({ git, result, runId, base, notesRef, push: values.push, reporter })
    for (const line of r.pushed) reporter.info(line)
  }
  await closeRun(co, collected)
  await printResult(values, collected, branch, trust.redactor)
  const worked = result.units.filter(u => u.status !== 'unchanged')
  const unreported = result.units.some(u => /^shard \d+ did not report$/.test(u.reason))
  return unreported || (worked.length > 0 && worked.every(u => u.status === 'failed')) ? 1 : 0
}

/**
 * The local bot branch at the collected head, with the earlier unmerged results it can keep carried over onto it:
 * with `--push` those of the remote bot branch (an earlier finalize of this run among them), then those of the
 * local branch (a local run, or a finalize without `--push`). Whatever the local branch holds that this head
 * still lacks (a person's commit, a result of a unit the shards ran again) stops finalize before the branch,
 * the notes or the shards' refs change, so nothing is lost and finalize can run again.
 */
async function publishLocally(
  co: CollectOptions,
  collected: Collected,
  branch: string,
  push: string | undefined
): Promise<void> {
  const { git, baseSha: base, reporter } = co
  const { result, outcomes } = collected
  const localRef = `refs/heads/${branch}`
  const tip = await git.commitOf(localRef)
  const ran = new Set(
    outcomes.reported.flatMap(r => r.result.units.filter(u => u.status !== 'unchanged').map(u => u.basename))
  )
  const carry = { git, branch, ran, identity: BOT }
  let head = result.head ?? base
  const carried: string[] = []
  for (const [remote, remoteSha] of [
    ...(push === undefined ? [] : [[push, undefined] as const]),
    ...(tip === null ? [] : [['.', tip] as const])
  ]) {
    const kept = await carryOver({ ...carry, remote, remoteSha, head })
    head = kept.head
    carried.push(...kept.carried.filter(c => !carried.includes(c)))
  }
  const lost = await botBranchUnmerged(git, branch, {
    head,
    name: "finalize's result",
    by: 'finalize would replace it',
    then: "; then finalize again (the shards' reports are kept)"
  })
  if (lost !== null) throw new UsageError(`--branch "${branch}" ${lost}.`)
  await git.updateRef(localRef, head, tip)
  result.head = head
  result.branch = branch
  if (carried.length > 0) reporter.info(`Kept from the bot branch: ${carried.join(', ')}.`)
}

/** The result as a table (or JSON with `--json`), and as JSON in `--result FILE`; redacted. */
async function printResult(
  values: FinalizeValues,
  collected: Collected,
  branch: string,
  redactor: Redactor
): Promise<void> {
  const { result } = collected
  const json = JSON.stringify(redactor.redactJson(result), null, 2)
  if (values.result) await writeFile(values.result, json + '\n')
  const lines = result.units.map(u => `${u.status.padEnd(18)} ${u.id.padEnd(32)} ${u.reason}`)
  lines.push(
    '',
    `Spent ${money(result.spent)} of ${money(result.budget)}; bot branch ${branch} at ${result.head?.slice(0, 12) ?? '-'}.`
  )
  process.stdout.write(
    forStdout(redactor.redact(values.json ? json : lines.join('\n')), values.json === true) + '\n'
  )
}
