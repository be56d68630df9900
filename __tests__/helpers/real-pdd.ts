/**
 * Wiring the real PDD (pdd-cli) for tests, in one place: where it is, the project catalog that points it at the
 * scripted LLM server, the environment that keeps it offline and away from agent CLIs, and one `pdd sync` run.
 * The parts that need no test runner live in `pdd-project.ts`.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { tempDir } from './git-repo.js'
import { NO_VENV, preparePddProject as prepare, realPdd, type PrepareOptions } from './pdd-project.js'

export { describeRealPdd } from './gate.js'
export {
  csvCost,
  FAKE_MODEL,
  FAKE_PRICES,
  pddDecision,
  pddDecisionAsync,
  phases,
  realPdd,
  type PrepareOptions,
  type RealPdd
} from './pdd-project.js'

/** `preparePddProject` of pdd-project.ts, with a HOME that is removed after the test. */
export function preparePddProject(
  dir: string,
  server: { url: string },
  opts: PrepareOptions = {}
): NodeJS.ProcessEnv {
  return prepare(dir, server, { home: tempDir('pdd-home-'), ...opts })
}

export interface SyncOptions {
  /** From {@link preparePddProject}. */
  env: NodeJS.ProcessEnv
  /** `--budget` in dollars (default 5). */
  budget?: number
  /** `--max-attempts` (default 2). */
  maxAttempts?: number
  /** More `sync` arguments, placed before the basename. */
  extraArgs?: string[]
  /** Kill the process group after this long (default 150 s). */
  timeoutMs?: number
  /** The `pdd` to run (default: the one `realPdd()` hands out). */
  pdd?: string
}

export interface SyncResult {
  /** Exit code; null when killed (then `signal` says how). */
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** The cost CSV PDD wrote (`PDD_OUTPUT_COST_PATH`), null when it wrote none. */
  costCsv: string | null
  ms: number
}

/**
 * Runs `pdd --force --local sync --budget B --max-attempts N --no-steer <basename>` in `dir` (argv, no shell;
 * asynchronous, so an in-process LLM server keeps answering), with the cost CSV in a fresh temp dir.
 */
export async function runPddSync(dir: string, basename: string, opts: SyncOptions): Promise<SyncResult> {
  const venv = realPdd()
  if (!venv) throw new Error(NO_VENV)
  const costPath = path.join(tempDir('pdd-cost-'), 'cost.csv')
  const args = ['--force', '--local', 'sync', '--budget', String(opts.budget ?? 5)]
  args.push(
    '--max-attempts',
    String(opts.maxAttempts ?? 2),
    '--no-steer',
    ...(opts.extraArgs ?? []),
    basename
  )
  const started = Date.now()
  const child = spawn(opts.pdd ?? venv.pdd, args, {
    cwd: dir,
    env: { ...opts.env, PDD_OUTPUT_COST_PATH: costPath },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32'
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s))
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s))
  const timer = setTimeout(() => killGroup(child.pid), opts.timeoutMs ?? 150_000)
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (c, s) => resolve([c, s]))
  }).finally(() => clearTimeout(timer))
  const costCsv = fs.existsSync(costPath) ? fs.readFileSync(costPath, 'utf8') : null
  return { code, signal, stdout, stderr, costCsv, ms: Date.now() - started }
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL')
  } catch {
    // Already gone.
  }
}
