/**
 * Contract with the real pdd-cli in the cached venv: the options the builder emits exist, the full argv passes
 * Click's parser, the dry-run JSON report is there, and the output and cost CSV of a real (failing, LLM-free) sync
 * read back through our parsers. PDD only ever runs inside temp directories (it creates litellm_cache.sqlite/).
 * The help texts, usage errors and the dry run come from one Python process that calls the real CLI once per
 * argv (helpers/pdd-inprocess.ts), beside the full-argv sync in a `pdd` process of its own: two starts of PDD.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, expect, it } from 'vitest'
import { pddVersion, runPdd, type RunPddResult } from '../src/adapters/pdd-process.js'
import { sumNewCost } from '../src/execute/cost-csv.js'
import { buildSyncInvocation, type SyncInvocationOptions } from '../src/execute/pdd-argv.js'
import { failureReason } from '../src/execute/failure-reason.js'
import { parseSyncOutput } from '../src/execute/pdd-output.js'
import { tempDir, writeFiles } from './helpers/git-repo.js'
import { describeRealPdd } from './helpers/gate.js'
import { pddEnv, requirePddVenv } from './helpers/pdd-venv.js'
import { runPddInProcess, type InProcessCall, type InProcessResult } from './helpers/pdd-inprocess.js'

/** One model row whose endpoint refuses connections: every LLM call fails at once, nothing is spent. */
const UNREACHABLE_MODEL =
  'provider,model,input,output,coding_arena_elo,model_rank_score,model_rank_source,base_url,api_key,' +
  'max_reasoning_tokens,structured_output,reasoning_type,location,interactive_only,context_limit\n' +
  'OpenAI,openai/fake-coder,1.0,2.0,1500,1500,static-prefix,http://127.0.0.1:9/v1,FAKE_LLM_KEY,0,True,none,,False,\n'

function project(): string {
  const dir = tempDir('pdd-contract-')
  writeFiles(dir, {
    'prompts/calc_python.prompt': 'Write a Python module calc with a function add(a, b) returning a + b.\n',
    '.pdd/llm_model.csv': UNREACHABLE_MODEL
  })
  return dir
}

const PDD_OUTPUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'pdd-output')

const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv =>
  pddEnv({ PDD_MODEL_DEFAULT: 'openai/fake-coder', FAKE_LLM_KEY: 'fake-key-0123456789abcdef', ...extra })

/** Every option the builder can emit, in one invocation. */
const EVERYTHING: Omit<SyncInvocationOptions, 'command' | 'costFile'> = {
  basename: 'calc',
  budget: 0.5,
  maxAttempts: 1,
  local: true,
  context: 'default',
  strength: 0.5,
  temperature: 0.1,
  skipVerify: true,
  skipTests: true,
  targetCoverage: 80
}

function emitted(): { globals: string[]; sync: string[] } {
  const { argv } = buildSyncInvocation({ ...EVERYTHING, command: ['pdd'], costFile: 'cost.csv' })
  const at = argv.indexOf('sync')
  const options = (xs: string[]): string[] => xs.filter(a => a.startsWith('--'))
  return { globals: options(argv.slice(1, at)), sync: options(argv.slice(at + 1)) }
}

/**
 * The calls that need no process of their own (help texts, usage errors, a dry run), in one Python process of
 * the real pdd (helpers/pdd-inprocess.ts): one import of pdd instead of eight. Each test reads its call's result.
 */
const FIXTURES: [string, string[]][] = [
  ['bad-option.stderr.txt', ['--force', 'sync', '--bogus', 'calc']],
  ['no-prompt.stderr.txt', ['--force', 'sync', 'nosuch']],
  ['unknown-context.stderr.txt', ['--context', 'nosuch', 'sync', 'calc']],
  ['zero-budget.stderr.txt', ['--force', 'sync', '--budget', '0', 'calc']]
]

interface Shared {
  rootHelp: InProcessResult
  syncHelp: InProcessResult
  dryRun: InProcessResult
  fixtures: Map<string, { dir: string; r: InProcessResult }>
  /** The builder's full argv, run as the executor runs pdd: a process of its own (it reaches for a model). */
  full: { r: RunPddResult; costCsv: string | null }
}

async function fullArgvRun(): Promise<Shared['full']> {
  const costFile = path.join(tempDir(), 'run-cost.csv')
  const inv = buildSyncInvocation({ ...EVERYTHING, command: [requirePddVenv().pdd], costFile })
  const r = await runPdd({
    argv: inv.argv,
    cwd: project(),
    env: { ...env(), ...inv.env },
    timeoutMs: 150_000,
    tailLines: 400
  })
  // Read now: the temp folders of a beforeAll go when the first test ends.
  return { r, costCsv: existsSync(costFile) ? readFileSync(costFile, 'utf8') : null }
}

async function sharedRuns(): Promise<Shared> {
  const calls: InProcessCall[] = [
    { argv: ['--help'], cwd: tempDir() },
    { argv: ['sync', '--help'], cwd: tempDir() },
    { argv: ['--force', '--local', 'sync', 'calc', '--dry-run', '--json'], cwd: project() }
  ]
  const dirs = FIXTURES.map(() => project())
  FIXTURES.forEach(([, argv], i) => calls.push({ argv, cwd: dirs[i] ?? '' }))
  // COLUMNS as the fixtures were captured with; PDD's consoles read it when they are created (at import).
  const [[rootHelp, syncHelp, dryRun, ...rest], full] = await Promise.all([
    runPddInProcess(calls, env({ COLUMNS: '200' })),
    fullArgvRun()
  ])
  if (!rootHelp || !syncHelp || !dryRun) throw new Error('in-process pdd returned too few results')
  const fixtures = new Map(
    FIXTURES.map(([name], i) => [name, { dir: dirs[i] ?? '', r: rest[i] as InProcessResult }])
  )
  return { rootHelp, syncHelp, dryRun, fixtures, full }
}

describeRealPdd('contract with the real pdd-cli', () => {
  let shared: Shared
  beforeAll(async () => {
    shared = await sharedRuns()
  }, 300_000)

  it('reports its version through pddVersion', async () => {
    const venv = requirePddVenv()
    expect(await pddVersion([venv.pdd], env())).toBe(venv.version)
  })

  it('lists every option the builder emits in its help', () => {
    const { globals, sync } = emitted()
    const rootHelp = shared.rootHelp.stdout
    const syncHelp = shared.syncHelp.stdout
    expect([shared.rootHelp.code, shared.syncHelp.code]).toEqual([0, 0])
    for (const option of globals) expect(rootHelp).toMatch(new RegExp(`(^|[\\s,/])${option}\\b`, 'm'))
    for (const option of sync) expect(syncHelp).toMatch(new RegExp(`(^|[\\s,/])${option}\\b`, 'm'))
  })

  it('answers `sync --dry-run --json` with a JSON report and no LLM', () => {
    const r = shared.dryRun
    expect(r.code, r.stderr).toBe(0)
    const report = JSON.parse(r.stdout) as {
      consumer: string
      units: { basename: string; language: string }[]
    }
    expect(report.consumer).toBe('sync-dry-run')
    expect(report.units.map(u => [u.basename, u.language])).toEqual([['calc', 'python']])
  })

  it('accepts the builder’s full argv, and its output and cost row read back', () => {
    const { r, costCsv } = shared.full
    // Not a Click usage error: the sync ran and failed on the unreachable model, exiting 0 as PDD does.
    expect(r.code, r.stderrTail.join('\n')).toBe(0)
    const out = parseSyncOutput(r.stdout, r.stderrTail.join('\n'))
    expect(out.usageError).toBeNull()
    expect(out.phases).toEqual(['generate'])
    expect(out.overall).toBe('Failed')
    expect(out.allModelsFailed).toMatch(/^All candidate models failed\. Last error \(InternalServerError\)/)
    expect(failureReason(out)).toMatch(/^generate: All candidate models failed/)
    expect(costCsv).not.toBeNull()
    expect(sumNewCost(null, costCsv ?? '')).toEqual({ cost: 0 })
  })

  // The stand-in is held to these captured outputs (fake-pdd-parity.int); here they are held to the real pdd.
  it.each(FIXTURES)('still prints what fixtures/pdd-output/%s captured', fixture => {
    const { dir, r } = shared.fixtures.get(fixture) ?? { dir: '', r: null }
    if (!r) throw new Error(`no result for ${fixture}`)
    const flat = (s: string): string => s.replaceAll(dir, '/work/proj').replace(/\s+/g, ' ').trim()
    // Captured as one stream: PDD prints its own "Error during" lines to stdout, Click's to stderr.
    expect(flat(`${r.stdout}\n${r.stderr}`)).toBe(flat(readFileSync(path.join(PDD_OUTPUT, fixture), 'utf8')))
  })

  it('rejects an option the builder must never emit with a Click usage error (exit 2)', () => {
    // The bad-option call above: `sync --bogus`.
    const r = shared.fixtures.get('bad-option.stderr.txt')?.r
    expect(r?.code).toBe(2)
    expect(parseSyncOutput(r?.stdout ?? '', r?.stderr ?? '').usageError).toMatch(/No such option/)
  })
})
