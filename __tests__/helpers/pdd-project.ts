/**
 * The real PDD (pdd-cli) wired for tests and benchmarks, without the test runner: where it is, the project catalog
 * that points it at the scripted LLM server, the environment that keeps it offline and away from agent CLIs, its
 * cost CSV, and its own decision for a unit. `real-pdd.ts` adds the vitest parts and re-exports all of this.
 */
import { execFile, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { findPddVenv, pddEnv, TEST_COST_ENV, type PddVenv } from './pdd-venv.js'

export type RealPdd = PddVenv

/** The real PDD from `PDD_VENV` or the cached venv, or null when there is none (see `findPddVenv`). */
export function realPdd(): RealPdd | null {
  return findPddVenv()
}

export const NO_VENV =
  'no PDD venv: set PDD_VENV or install pdd-cli 0.0.310 into ~/.cache/pdd-sync-action/venv-pdd-0.0.310-py3.12'

/** The model name the catalog row and `PDD_MODEL_DEFAULT` use. */
export const FAKE_MODEL = 'openai/fake-coder'
/** Catalog prices, $ per million input / output tokens. */
export const FAKE_PRICES = { input: 1.0, output: 2.0 }
const FAKE_KEY = 'fake-llm-key-0123456789abcdef'
/** Agent CLIs PDD's agentic fallback would run (pdd/agentic_common.py CLI_COMMANDS and the Google variant). */
const AGENT_CLIS = ['claude', 'codex', 'gemini', 'agy', 'opencode', 'cursor-agent']
const AGENT_PROVIDERS = ['anthropic', 'google', 'openai', 'opencode']
// PDD_CALL_TAG names the log a measuring `pdd` entry point writes its calls to (test-suite cost, issue 15).
const INHERITED_PDD = /^PDD_(?!CALL_TAG$)/
const SECRET_LIKE = /(API_KEY|_TOKEN|_SECRET|CREDENTIALS)$|^(AWS|AZURE|VERTEX)_/

export interface PrepareOptions {
  /** Keep litellm's disk cache (`litellm_cache.sqlite/` in the project). Off by default: a cache hit answers an
   *  identical request without reaching the server, which makes call counts depend on earlier runs. */
  litellmCache?: boolean
  /** More environment entries (win over the defaults). */
  env?: Record<string, string>
  /** The HOME PDD gets (default: a new temp folder, left for the caller to remove). */
  home?: string
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
    HOME: opts.home ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pdd-home-')),
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
    // Kept in `ours`: the loop below drops every other PDD_* variable.
    ...TEST_COST_ENV,
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

const DECISION_CODE = [
  'import contextlib, io, sys',
  'with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):',
  '    from pdd import sync_determine_operation as sdo',
  'd = sdo.sync_determine_operation(sys.argv[1], sys.argv[2], 90.0, 20.0, True, "prompts", False, False, None, isolated_replay_or_repair=True)',
  'print("@@" + d.operation)'
].join('\n')

const decisionOf = (stdout: string, stderr: string): string =>
  (stdout.split('\n').find(l => l.startsWith('@@')) ?? `@@error: ${stderr.slice(-300)}`).slice(2)

/**
 * What the real PDD's `sync_determine_operation` decides for a unit in `dir` (as `pdd --force sync` would: hash
 * version 1, target coverage 90, `isolated_replay_or_repair`), read-only; `error: …` when Python failed.
 */
export function pddDecision(dir: string, env: NodeJS.ProcessEnv, basename: string, language: string): string {
  const r = spawnSync(realPdd()?.python ?? 'python3', ['-c', DECISION_CODE, basename, language], {
    cwd: dir,
    env,
    encoding: 'utf8'
  })
  return decisionOf(r.stdout, r.stderr)
}

/**
 * {@link pddDecision} without blocking the event loop (servers of this process, and tests running side by side,
 * keep answering while PDD starts).
 */
export function pddDecisionAsync(
  dir: string,
  env: NodeJS.ProcessEnv,
  basename: string,
  language: string
): Promise<string> {
  const python = realPdd()?.python ?? 'python3'
  return new Promise(resolve => {
    execFile(
      python,
      ['-c', DECISION_CODE, basename, language],
      { cwd: dir, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => resolve(decisionOf(stdout, stderr || (err?.message ?? '')))
    )
  })
}
