/**
 * The action's executor (`executePlan`) driving the real PDD against the scripted LLM server in a real git
 * repository, and what the tests check afterwards: PDD's own cost CSV and worktree of each group, the live
 * decision check on the bot branch, and the processes a run may leave behind.
 */
import { mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { Git } from '../../src/adapters/git.js'
import { ConsoleReporter } from '../../src/adapters/reporter.js'
import { executePlan, type ExecuteOptions } from '../../src/execute/execute.js'
import type { RunResult } from '../../src/execute/result.js'
import { planRepository, type PlanOptions, type PlanWithState } from '../../src/plan/plan.js'
import { metaStem } from '../../src/state/load.js'
import { formatRecord, type RunRecord } from '../../src/state/record.js'
import { git, makeRepo, tempDir } from './git-repo.js'
import { start, type LlmServer, type Script } from './llm-server.js'
import { planOptionsFor } from './plan-options.js'
import { sharedPddDecision } from './pdd-decider.js'
import { pddDecisionAsync, preparePddProject, realPdd } from './real-pdd.js'

const quiet = new ConsoleReporter(() => undefined)
/** The bot branch the tests run onto. */
export const BRANCH = 'pdd-sync/main'
const NOTES = 'refs/notes/pdd-sync'

/** A committed test repository wired to a scripted LLM server. */
export interface RealRepo {
  dir: string
  /** The commit the run starts from. */
  base: string
  server: LlmServer
  /** From `preparePddProject`, plus {@link CAPTURE_ENV}. */
  env: NodeJS.ProcessEnv
  /** Where the capturing wrapper copies each group's cost CSV and notes its worktree. */
  capture: string
}

/** The variable naming the capture folder (read by the wrapper command). */
const CAPTURE_ENV = 'PDD_TEST_CAPTURE'

/** Starts the server and commits `files` with the catalog that points PDD at it (`.pdd/meta` stays untracked). */
export async function realRepo(script: Script, files: Record<string, string>): Promise<RealRepo> {
  const server = await start(script, { quiet: true })
  const home = tempDir('pdd-proj-')
  const capture = tempDir('pdd-capture-')
  const env = { ...preparePddProject(home, server), [CAPTURE_ENV]: capture }
  const repo = makeRepo({
    ...files,
    '.pdd/llm_model.csv': readFileSync(path.join(home, '.pdd', 'llm_model.csv'), 'utf8'),
    '.gitignore': '.pdd/*\n!.pdd/llm_model.csv\n'
  })
  return { dir: repo.dir, base: git(repo.dir, 'rev-parse', 'HEAD').trim(), server, env, capture }
}

/**
 * `pdd` behind a bash wrapper that notes the worktree it runs in and its arguments, and copies the run-scoped cost CSV (which the
 * executor deletes with the worktree's scratch folder) into the capture folder, named after the basename (the
 * last argument). The wrapper stays in pdd's process group, so timeouts and cancels reach both.
 */
function capturingCommand(pdd: string): string[] {
  const script = [
    `b="\${!#}"; printf '%s\\n' "$PWD" > "$${CAPTURE_ENV}/$b.cwd"; printf '%s\\n' "$*" > "$${CAPTURE_ENV}/$b.args"`,
    '"$0" "$@"; rc=$?',
    `[ -f "$PDD_OUTPUT_COST_PATH" ] && cp "$PDD_OUTPUT_COST_PATH" "$${CAPTURE_ENV}/$b.csv"`,
    'exit $rc'
  ].join('\n')
  return ['/bin/bash', '-c', script, pdd]
}

/** Options of {@link runExecutor} beyond the defaults (budget 5, concurrency 2, 150 s per sync, 2 attempts). */
export interface RunOptions extends Partial<Omit<ExecuteOptions, 'invocation'>> {
  invocation?: Partial<ExecuteOptions['invocation']>
  plan?: Partial<PlanOptions>
  /** Run `pdd` itself, without the capturing wrapper. */
  bare?: boolean
  /**
   * Overrides the plan's `calibrating`: `false` admits with the table estimates and headroom, as a repository
   * whose recorded costs match PDD's table would.
   */
  calibrating?: boolean
}

/** Plans the repository as a run would and executes the plan with the real PDD. */
export async function runExecutor(
  repo: RealRepo,
  opts: RunOptions = {}
): Promise<{ result: RunResult; planned: PlanWithState }> {
  const pdd = realPdd()?.pdd ?? 'pdd'
  const { invocation, plan, bare, calibrating, ...rest } = opts
  const planOptions = planOptionsFor(repo.dir, plan)
  const planned = await planRepository(planOptions, quiet)
  if (calibrating !== undefined) planned.plan.calibrating = calibrating
  const g = await Git.open(repo.dir)
  const result = await executePlan({
    git: g,
    planned,
    planOptions,
    branch: BRANCH,
    base: (await g.commitOf('HEAD')) as string,
    budget: 5,
    concurrency: 2,
    policy: 'fit',
    timeoutMs: 150_000,
    reporter: quiet,
    env: repo.env,
    ...rest,
    invocation: {
      command: bare ? [pdd] : capturingCommand(pdd),
      maxAttempts: 2,
      local: true,
      ...invocation
    }
  })
  return { result, planned }
}

/** The cost CSV a group's sync wrote, as the wrapper copied it (null when PDD wrote none). */
export function capturedCsv(repo: RealRepo, basename: string): string | null {
  return readOrNull(path.join(repo.capture, `${basename}.csv`))
}

/** The `--budget` the executor gave a group's sync. */
export function capturedBudget(repo: RealRepo, basename: string): number {
  const args = readOrNull(path.join(repo.capture, `${basename}.args`)) ?? ''
  const m = /--budget (\S+)/.exec(args)
  if (!m) throw new Error(`no --budget captured for ${basename}: ${args}`)
  return Number(m[1])
}

/** The worktree (pdd's working directory) a group's sync ran in. */
export function capturedWorktree(repo: RealRepo, basename: string): string {
  const cwd = readOrNull(path.join(repo.capture, `${basename}.cwd`))
  if (cwd === null) throw new Error(`no worktree captured for ${basename}`)
  return cwd.trim()
}

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

/** The planner's and the real PDD's next operation for one unit. */
export interface Decisions {
  id: string
  planner: string | undefined
  pdd: string
}

/**
 * The live check: with the bot branch checked out and the run recorded in notes (as publishing would), plans
 * the repository as the next run would, puts each unit's restored state where PDD reads it (as the executor
 * would before running PDD), and asks the real PDD what it would do next, through `decide` per unit: by default
 * `sharedPddDecision` of pdd-decider.ts, the worker's long-lived PDD process (importing PDD costs ~4 CPU-s; a
 * Python process per check paid it again in every file that checked: issue 15).
 */
export async function nextRunDecisions(
  repo: RealRepo,
  result: RunResult,
  decide: typeof pddDecisionAsync = sharedPddDecision
): Promise<Decisions[]> {
  git(repo.dir, 'checkout', '-q', BRANCH)
  const record: RunRecord = {
    schema: 1,
    runId: `run-${Date.now()}`,
    trigger: 'schedule',
    baseSha: result.baseSha ?? repo.base,
    createdAt: new Date().toISOString(),
    budget: result.budget,
    spent: result.spent,
    units: result.units.map(u => ({
      ...u,
      duration: u.duration ?? 0,
      fingerprint: u.fingerprint ?? null,
      runReport: u.runReport ?? null
    }))
  }
  git(repo.dir, 'notes', `--ref=${NOTES}`, 'append', '-m', formatRecord(record), 'HEAD')
  const next = await planRepository(planOptionsFor(repo.dir), quiet)
  const written: string[] = []
  for (const { unit, state } of next.units.values()) {
    if (state.source !== 'notes' || !state.fingerprint) continue
    const meta = path.join(repo.dir, unit.metaDir)
    mkdirSync(meta, { recursive: true })
    const files: [string, unknown][] = [[`${metaStem(unit)}.json`, state.fingerprint]]
    if (state.runReport) files.push([`${metaStem(unit)}_run.json`, state.runReport])
    for (const [name, value] of files) {
      writeFileSync(path.join(meta, name), JSON.stringify(value, null, 2))
      written.push(path.join(meta, name))
    }
  }
  try {
    const decisions: Decisions[] = []
    for (const u of result.units)
      decisions.push({
        id: u.id,
        planner: next.plan.units.find(p => p.id === u.id)?.operation,
        pdd: await decide(repo.dir, repo.env, u.basename, u.language)
      })
    return decisions
  } finally {
    for (const f of written) rmSync(f, { force: true })
  }
}

/** A process of this user, as /proc shows it. */
export interface ProcInfo {
  pid: number
  cmdline: string
  cwd: string
}

/**
 * The other processes of this user whose command line, working directory or environment (not returned: it may
 * hold secrets) mention `needle`. Linux /proc; empty elsewhere.
 */
export function processesMentioning(needle: string): ProcInfo[] {
  let pids: string[]
  try {
    pids = readdirSync('/proc').filter(d => /^\d+$/.test(d) && Number(d) !== process.pid)
  } catch {
    return []
  }
  const out: ProcInfo[] = []
  for (const p of pids) {
    try {
      const cmdline = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').join(' ').trim()
      const environ = readFileSync(`/proc/${p}/environ`, 'utf8')
      const cwd = readlinkSync(`/proc/${p}/cwd`)
      if ([cmdline, cwd, environ].some(s => s.includes(needle))) out.push({ pid: Number(p), cmdline, cwd })
    } catch {
      // Gone, or not ours to read.
    }
  }
  return out
}
