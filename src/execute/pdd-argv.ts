/**
 * The one place that turns settings into a `pdd sync` command line and its environment (docs/architecture.md step 5,
 * as PDD launches its own child syncs: `pdd/agentic_sync_runner.py` `_build_command`, `_build_env`). Pure: no process, no file system.
 */

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

/** Environment PDD gets for every sync, whatever the settings (as `pdd/agentic_sync_runner.py` `_build_env` and `pdd/ci_drift_heal.py` do). */
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
