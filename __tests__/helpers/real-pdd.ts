/**
 * Wiring the real PDD (pdd-cli) for tests, in one place: where it is, the project catalog that points it at the
 * scripted LLM server, the environment that keeps it offline and away from agent CLIs, and one `pdd sync` run
 * (/work/shared/pdd-cli.md §0 and §0.1).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe } from 'vitest'
import { tempDir } from './git-repo.js'
import { findPddVenv, pddEnv } from './pdd-venv.js'

export interface RealPdd {
  /** The `pdd` entry point in the venv. */
  pdd: string
  python: string
  binDir: string
  version: string
}

/** The real PDD from the cached venv (`PDD_VENV` first), or null when there is none. */
export function realPdd(): RealPdd | null {
  const venv = findPddVenv()
  if (!venv) return null
  const pdd = path.join(venv.binDir, process.platform === 'win32' ? 'pdd.exe' : 'pdd')
  return fs.existsSync(pdd) ? { pdd, ...venv } : null
}

const NO_VENV =
  'no PDD venv: set PDD_VENV or install pdd-cli 0.0.310 into ~/.cache/pdd-sync-action/venv-pdd-0.0.310-py3.12'

/**
 * A `describe` for tests that run the real PDD. Without a venv it skips with one notice, except under
 * `CI=true`, where the suite fails with the reason: CI must not pass by skipping.
 */
export function describeRealPdd(name: string, fn: () => void): void {
  if (realPdd() || process.env.CI === 'true') {
    describe(name, () => {
      if (!realPdd()) throw new Error(`${name}: CI=true but ${NO_VENV}`)
      fn()
    })
    return
  }
  console.warn(`${name} skipped: ${NO_VENV}`)
  describe.skip(name, fn)
}

/** The model name the catalog row and `PDD_MODEL_DEFAULT` use. */
export const FAKE_MODEL = 'openai/fake-coder'
/** Catalog prices, $ per million input / output tokens. */
export const FAKE_PRICES = { input: 1.0, output: 2.0 }
const FAKE_KEY = 'fake-llm-key-0123456789abcdef'
/** Agent CLIs PDD's agentic fallback would run (pdd/agentic_common.py CLI_COMMANDS and the Google variant). */
const AGENT_CLIS = ['claude', 'codex', 'gemini', 'agy', 'opencode', 'cursor-agent']
const AGENT_PROVIDERS = ['anthropic', 'google', 'openai', 'opencode']
const INHERITED_PDD = /^PDD_/
const SECRET_LIKE = /(API_KEY|_TOKEN|_SECRET|CREDENTIALS)$|^(AWS|AZURE|VERTEX)_/

export interface PrepareOptions {
  /** Keep litellm's disk cache (`litellm_cache.sqlite/` in the project). Off by default: a cache hit answers an
   *  identical request without reaching the server, which makes call counts depend on earlier runs. */
  litellmCache?: boolean
  /** More environment entries (win over the defaults). */
  env?: Record<string, string>
}

/** The PATH entries of this process that hold no agent CLI. */
function pathWithoutAgents(inherited: string): string[] {
  return inherited
    .split(path.delimiter)
    .filter(d => d !== '' && !AGENT_CLIS.some(cli => fs.existsSync(path.join(d, cli))))
}

/**
 * Writes the project catalog `.pdd/llm_model.csv` (the 15 columns of `pdd/data/llm_model.csv`, one row for
 * {@link FAKE_MODEL} at the server) and returns the environment to run PDD in `dir` with: offline, local,
 * headless, the venv first on PATH (PDD runs tests with the `python` on PATH and needs pytest-cov), a fresh
 * HOME (PDD prefers `~/.pdd/llm_model.csv` over the project's, and looks for agent CLIs under HOME), every
 * agentic provider disabled and no agent CLI on PATH.
 */
export function preparePddProject(
  dir: string,
  server: { url: string },
  opts: PrepareOptions = {}
): NodeJS.ProcessEnv {
  const venv = realPdd()
  if (!venv) throw new Error(NO_VENV)
  const header = readCatalogHeader(venv.python)
  const row = ['OpenAI', FAKE_MODEL, FAKE_PRICES.input, FAKE_PRICES.output, 1500, 1500, 'static-prefix']
  const catalog = `${header}\n${[...row, server.url, 'FAKE_LLM_KEY', 0, 'True', 'none', '', 'False', ''].join(',')}\n`
  fs.mkdirSync(path.join(dir, '.pdd'), { recursive: true })
  fs.writeFileSync(path.join(dir, '.pdd', 'llm_model.csv'), catalog)

  const pathKey = Object.keys(process.env).find(k => k.toUpperCase() === 'PATH') ?? 'PATH'
  const rest = pathWithoutAgents(process.env[pathKey] ?? '').filter(d => d !== venv.binDir)
  const ours: Record<string, string> = {
    [pathKey]: [venv.binDir, ...rest].join(path.delimiter),
    HOME: tempDir('pdd-home-'),
    PDD_MODEL_DEFAULT: FAKE_MODEL,
    FAKE_LLM_KEY: FAKE_KEY,
    LITELLM_LOCAL_MODEL_COST_MAP: 'True',
    PDD_AGENTIC_DISABLED_PROVIDERS: AGENT_PROVIDERS.map(p => `${p}:test`).join(','),
    PDD_SUPPRESS_SETUP_REMINDER: '1',
    PDD_FORCE_LOCAL: '1',
    CI: '1',
    PDD_FORCE: '1',
    PDD_AUTO_UPDATE: 'false',
    NO_COLOR: '1',
    TERM: 'dumb',
    PYTHONUNBUFFERED: '1',
    ...(opts.litellmCache ? {} : { LITELLM_CACHE_DISABLE: '1' }),
    ...opts.env
  }
  const env = pddEnv(ours)
  // The developer's own PDD settings, provider keys and tokens must not reach a test run of PDD.
  for (const k of Object.keys(env))
    if (
      !(k in ours) &&
      (INHERITED_PDD.test(k) || SECRET_LIKE.test(k) || k === 'VIRTUAL_ENV' || k === 'PYTHONPATH')
    )
      delete env[k]
  return env
}

const headers = new Map<string, string>()

/** The header line of the catalog shipped with the installed PDD. */
function readCatalogHeader(python: string): string {
  const cached = headers.get(python)
  if (cached) return cached
  const lib = path.join(path.dirname(path.dirname(python)), 'lib')
  const site = fs
    .readdirSync(lib)
    .map(d => path.join(lib, d, 'site-packages', 'pdd', 'data', 'llm_model.csv'))
    .find(f => fs.existsSync(f))
  if (!site) throw new Error(`pdd/data/llm_model.csv not found under ${lib}`)
  const header = fs.readFileSync(site, 'utf8').split('\n')[0]?.trim() ?? ''
  if (header.split(',').length !== 15) throw new Error(`unexpected catalog header in ${site}: ${header}`)
  headers.set(python, header)
  return header
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
  const child = spawn(venv.pdd, args, {
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

/** The `PDD_PHASE:` lines of a sync's stdout, in order. */
export function phases(stdout: string): string[] {
  return [...stdout.matchAll(/^PDD_PHASE: (\S+)/gm)].map(m => m[1] ?? '')
}

/** One CSV line split into fields (double-quoted fields may hold commas and doubled quotes). */
function csvFields(line: string): string[] {
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (quoted && ch === '"' && line[i + 1] === '"') {
      field += '"'
      i++
    } else if (ch === '"') quoted = !quoted
    else if (ch === ',' && !quoted) {
      fields.push(field)
      field = ''
    } else field += ch
  }
  fields.push(field)
  return fields
}

/** The sum of the `cost` column of PDD's cost CSV (0 for null). */
export function csvCost(costCsv: string | null): number {
  if (costCsv === null) return 0
  const [head, ...rows] = costCsv.trim().split('\n')
  const col = csvFields(head ?? '').indexOf('cost')
  if (col < 0) throw new Error(`no cost column in: ${head}`)
  return rows.reduce((sum, r) => sum + Number(csvFields(r)[col]), 0)
}
