/**
 * The one place that turns settings into a `pdd sync` command line and its environment (design.md step 5,
 * pdd-cli.md §0 item 6). Pure: no process, no file system.
 */
import type { Operation } from '../types.js'

/** Options of {@link buildSyncInvocation}. */
export interface SyncInvocationOptions {
  /** The executable and any fixed leading arguments: `['pdd']`, `['uvx', 'pdd-cli']`, a wrapper. */
  command: readonly string[]
  /** What `pdd sync <basename>` needs to reach the group's prompts. */
  basename: string
  /** Dollars admitted for this sync; passed as `--budget`. */
  budget: number
  /** `--max-attempts`: attempts inside each crash/verify/fix loop. */
  maxAttempts: number
  /** Run-scoped file PDD appends its cost row to (`PDD_OUTPUT_COST_PATH`). */
  costFile: string
  /** `--local` (and `PDD_FORCE_LOCAL=1`): use provider keys, not PDD Cloud. */
  local: boolean
  /** `--context`: force a `.pddrc` context. */
  context?: string
  /** `--strength` 0–1. */
  strength?: number
  /** `--temperature` 0–2. */
  temperature?: number
  skipVerify?: boolean
  skipTests?: boolean
  /** `--target-coverage` 0–100. */
  targetCoverage?: number
  /** Let PDD run agent CLIs (claude, gemini, codex, opencode) when fix/crash/verify fail. Off by default. */
  agenticFallback?: boolean
}

/** An argv (executable first) and the variables to add to the inherited environment. */
export interface PddInvocation {
  argv: string[]
  env: Record<string, string>
}

/**
 * The agent providers PDD 0.0.310 knows (`_DEFAULT_PROVIDER_PREFERENCE` in `pdd/agentic_common.py`). Listing
 * them in `PDD_AGENTIC_DISABLED_PROVIDERS` makes `run_agentic_task` — the only way PDD starts an agent CLI —
 * drop every one ("All agent providers failed permanently earlier this run"), so no spend escapes the ledger.
 */
export const AGENT_PROVIDERS: readonly string[] = ['anthropic', 'google', 'openai', 'opencode']

/** Environment PDD gets for every sync, whatever the settings (pdd-cli.md §0 item 6, §1). */
const BASE_ENV: Readonly<Record<string, string>> = {
  CI: '1',
  PDD_FORCE: '1',
  PDD_NO_INTERACTIVE: '1',
  PDD_AUTO_UPDATE: 'false',
  PDD_SUPPRESS_SETUP_REMINDER: '1',
  NO_COLOR: '1',
  TERM: 'dumb',
  PYTHONUNBUFFERED: '1',
  // Rich wraps at 80 columns when stdout is not a terminal, which splits PDD's final Details cell over many
  // table rows; a wider console keeps most reasons on one line. PDD itself drops COLUMNS for the tests it runs.
  COLUMNS: '200'
}

/**
 * Builds `pdd --force [--local] [--context C] [--strength S] [--temperature T] sync --budget B --max-attempts N
 * [--skip-verify] [--skip-tests] [--target-coverage X] --no-steer <basename>` and its environment.
 * Throws an Error naming the option when a number is out of the range PDD accepts.
 */
export function buildSyncInvocation(opts: SyncInvocationOptions): PddInvocation {
  validate(opts)
  const globals = ['--force']
  if (opts.local) globals.push('--local')
  if (opts.context !== undefined) globals.push('--context', opts.context)
  if (opts.strength !== undefined) globals.push('--strength', num(opts.strength))
  if (opts.temperature !== undefined) globals.push('--temperature', num(opts.temperature))
  const sync = ['sync', '--budget', num(opts.budget), '--max-attempts', String(opts.maxAttempts)]
  if (opts.skipVerify) sync.push('--skip-verify')
  if (opts.skipTests) sync.push('--skip-tests')
  if (opts.targetCoverage !== undefined) sync.push('--target-coverage', num(opts.targetCoverage))
  // `--` would be safer against a basename starting with '-', but no prompt file name can make one.
  sync.push('--no-steer', opts.basename)

  const env: Record<string, string> = { ...BASE_ENV, PDD_OUTPUT_COST_PATH: opts.costFile }
  if (opts.local) env.PDD_FORCE_LOCAL = '1'
  if (!opts.agenticFallback) {
    env.PDD_AGENTIC_DISABLED_PROVIDERS = AGENT_PROVIDERS.map(p => `${p}:disabled-by-pdd-sync`).join(',')
  }
  return { argv: [...opts.command, ...globals, ...sync], env }
}

function validate(opts: SyncInvocationOptions): void {
  if (opts.command.length === 0 || opts.command.some(a => a === '')) {
    throw new Error(
      `pdd-command: expected an executable and its arguments, got ${JSON.stringify(opts.command)}`
    )
  }
  if (opts.basename === '' || opts.basename.startsWith('-')) {
    throw new Error(`basename: expected a unit basename, got ${JSON.stringify(opts.basename)}`)
  }
  if (!(Number.isFinite(opts.budget) && opts.budget > 0)) {
    throw new Error(`budget: expected a number of dollars > 0, got ${opts.budget}`)
  }
  if (!(Number.isInteger(opts.maxAttempts) && opts.maxAttempts >= 0)) {
    throw new Error(`max-attempts: expected an integer ≥ 0, got ${opts.maxAttempts}`)
  }
  inRange('strength', opts.strength, 0, 1)
  inRange('temperature', opts.temperature, 0, 2)
  inRange('target-coverage', opts.targetCoverage, 0, 100)
  if (opts.context !== undefined && (opts.context === '' || opts.context.startsWith('-'))) {
    throw new Error(`context: expected a .pddrc context name, got ${JSON.stringify(opts.context)}`)
  }
  if (opts.costFile === '') throw new Error('cost file: expected a path for PDD_OUTPUT_COST_PATH')
}

function inRange(name: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined) return
  if (!(Number.isFinite(value) && value >= min && value <= max)) {
    throw new Error(`${name}: expected a number from ${min} to ${max}, got ${value}`)
  }
}

/** Decimal text Click's FLOAT parses (never exponent notation such as `1e-7`). */
function num(n: number): string {
  const s = String(n)
  return /e/i.test(s) ? n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : s
}

/** A sync flag that makes PDD skip an operation. */
export type SkipFlag = '--skip-verify' | '--skip-tests'

/** One of the unit's own files. */
export type UnitFile = 'prompt' | 'code' | 'example' | 'test'

/** What one operation inside `pdd sync` does, read from `pdd/sync_orchestration.py` 0.0.310. */
export interface PddOperationRow {
  /** Flags that make PDD skip it: it then prints `PDD_PHASE: skip:<op>` and records command `skip:<op>`. */
  skippedBy: readonly SkipFlag[]
  /** Calls an LLM and receives `budget − spent` of the sync's `--budget` (the sync checks it only between operations). */
  usesBudget: boolean
  /** The unit's own files it may rewrite: these are committed on success. */
  writes: readonly UnitFile[]
  /** Scratch files it leaves in the working directory (`<b>` = basename with `/` → `_`); never committed. */
  scratch: readonly string[]
  /** The post-condition that shows it happened. */
  verifiedBy: string
}

/**
 * Every operation `pdd sync` can run (design.md step 5; style.md "one row in one table"). The terminal decisions
 * (`nothing`, `all_synced`, `fail_and_request_manual_merge`, `error`) run nothing and are not listed.
 */
export const PDD_OPERATIONS: Readonly<Record<Exclude<Operation, TerminalOperation>, PddOperationRow>> = {
  'auto-deps': {
    skippedBy: [],
    usesBudget: true,
    writes: ['prompt'],
    scratch: ['project_dependencies.csv'],
    verifiedBy: 'fingerprint command auto-deps; prompt_hash = sha256(prompt + includes)'
  },
  generate: {
    skippedBy: [],
    usesBudget: true,
    writes: ['code'],
    scratch: [],
    verifiedBy: 'fingerprint command generate; code_hash = sha256(code)'
  },
  example: {
    skippedBy: [],
    usesBudget: true,
    writes: ['example'],
    scratch: [],
    verifiedBy: 'fingerprint command example; example_hash = sha256(example)'
  },
  crash: {
    skippedBy: ['--skip-verify', '--skip-tests'],
    usesBudget: true,
    writes: ['code', 'example'],
    scratch: ['crash.log'],
    verifiedBy: 'run report exit_code 0 (an example that already runs is a skip: run report, no fingerprint)'
  },
  verify: {
    skippedBy: ['--skip-verify', '--skip-tests'],
    usesBudget: true,
    writes: ['code', 'example'],
    scratch: ['<b>_verify_results.log'],
    verifiedBy: 'fingerprint command verify; code_hash and example_hash match'
  },
  test: {
    skippedBy: ['--skip-tests'],
    usesBudget: true,
    writes: ['test'],
    scratch: ['.coverage', '.pytest_cache/'],
    verifiedBy: 'run report tests_failed 0 and its test_hash = sha256(test); fingerprint command test'
  },
  test_extend: {
    skippedBy: ['--skip-tests'],
    usesBudget: true,
    writes: ['test'],
    scratch: ['.coverage', '.pytest_cache/'],
    verifiedBy: 'run report coverage ≥ --target-coverage'
  },
  fix: {
    skippedBy: ['--skip-tests'],
    usesBudget: true,
    writes: ['code', 'test'],
    scratch: ['fix_errors.log', '<b>_fix_results.log', '.coverage', '.pytest_cache/'],
    verifiedBy: 'run report exit_code 0, tests_failed 0; fingerprint command fix'
  },
  update: {
    skippedBy: [],
    usesBudget: true,
    writes: ['prompt'],
    scratch: [],
    verifiedBy: 'fingerprint command update; prompt_hash = sha256(prompt)'
  }
}

type TerminalOperation = 'nothing' | 'all_synced' | 'fail_and_request_manual_merge' | 'error'

/**
 * Paths (relative to the sync's working directory; `<b>` as above, `<lang>` lower-case) that any sync may leave
 * besides the unit's files — pdd-cli.md §0.1 "Files a sync leaves", confirmed by a real 0.0.310 run.
 */
export const SYNC_SCRATCH: readonly string[] = [
  'litellm_cache.sqlite/',
  '.benchmarks/',
  '.pdd/backups/',
  '.pdd/core_dumps/',
  '.pdd/locks/',
  '.pdd/transactions/',
  '.pdd/last_run.json',
  '.pdd/meta/<b>_<lang>_sync.log'
]
