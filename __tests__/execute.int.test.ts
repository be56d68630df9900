import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Git } from '../src/adapters/git.js'
import { ConsoleReporter, type Reporter } from '../src/adapters/reporter.js'
import { executePlan } from '../src/execute/execute.js'
import type { RunResult } from '../src/execute/result.js'
import { planRepository } from '../src/plan/plan.js'
import { planOptionsFor } from './helpers/plan-options.js'
import { installFakePdd, type FakePddFaults } from './helpers/fake-pdd.js'
import { git, makeRepo, tempDir } from './helpers/git-repo.js'
import { appendRecord, record, unitKey } from './helpers/notes.js'
import type { RecordUnit } from '../src/state/record.js'

const quiet = new ConsoleReporter(() => undefined)

async function runWith(
  files: Record<string, string>,
  faults: FakePddFaults,
  over: {
    budget?: number
    timeoutMs?: number
    concurrency?: number
    keepPartial?: boolean
    /** Overrides the plan's `calibrating` (false: admit by PDD's table, as if history matched it). */
    calibrating?: boolean
    deadline?: number
    onProgress?: (p: { head: string; units: RunResult['units'] }) => void
    reporter?: Reporter
    logDir?: string
  } = {}
): Promise<{ result: RunResult; dir: string; base: string }> {
  const repo = makeRepo(files)
  const base = git(repo.dir, 'rev-parse', 'HEAD').trim()
  const command = installFakePdd(path.join(tempDir(), 'bin'), faults)
  const planOptions = planOptionsFor(repo.dir, { notesRef: null })
  const planned = await planRepository(planOptions, quiet)
  if (over.calibrating !== undefined) planned.plan.calibrating = over.calibrating
  const result = await executePlan({
    git: await Git.open(repo.dir),
    planned,
    planOptions,
    branch: 'pdd-sync/main',
    base,
    budget: over.budget ?? 20,
    concurrency: over.concurrency ?? 2,
    policy: 'fit',
    timeoutMs: over.timeoutMs ?? 60_000,
    invocation: { command, maxAttempts: 3, local: true },
    reporter: over.reporter ?? quiet,
    logDir: over.logDir,
    keepPartial: over.keepPartial,
    deadline: over.deadline,
    onProgress: over.onProgress
  })
  return { result, dir: repo.dir, base }
}

const status = (r: RunResult): Record<string, string> =>
  Object.fromEntries(r.units.map(u => [u.id, u.status]))
const worktrees = (dir: string): number => git(dir, 'worktree', 'list').trim().split('\n').length

describe('executePlan with the pdd stand-in (real git worktrees)', () => {
  it('syncs every group, commits exactly the units’ own files to the bot branch, never scratch files', async () => {
    const { result, dir, base } = await runWith(
      { 'prompts/calc_python.prompt': 'calc\n', 'prompts/util_python.prompt': 'util\n' },
      { scratch: true, costPerCall: 0.01 }
    )
    expect(status(result)).toEqual({ calc_python: 'synced', util_python: 'synced' })
    const head = git(dir, 'rev-parse', 'pdd-sync/main').trim()
    expect(result.head).toBe(head)
    const files = git(dir, 'diff', '--name-only', base, head).trim().split('\n').sort()
    expect(files).toEqual([
      'calc.py',
      'examples/calc_example.py',
      'examples/util_example.py',
      'test_calc.py',
      'test_util.py',
      'util.py'
    ])
    expect(git(dir, 'log', '--format=%an|%s', `${base}..${head}`).trim().split('\n').sort()).toEqual([
      expect.stringMatching(/^github-actions\[bot\]\|pdd-sync: calc \(python\): generate/),
      expect.stringMatching(/^github-actions\[bot\]\|pdd-sync: util \(python\): generate/)
    ])
    expect(result.spent).toBeGreaterThan(0)
    expect(result.spent).toBeCloseTo(
      result.units.reduce((a, u) => a + (u.cost ?? 0), 0),
      6
    )
    expect(result.units[0]?.operations[0]).toBe('generate')
    expect(result.units[0]?.fingerprint?.command).toBe('test')
    expect(worktrees(dir)).toBe(1)
    expect(
      readdirSync(tmpdir()).filter(
        f => f.startsWith('pdd-sync-group-') && existsSync(path.join(tmpdir(), f, 'worktree'))
      )
    ).toEqual([])
  })

  it('a sync that ends "Overall status: Failed" with exit code 0 is a failure; nothing of it reaches the bot branch', async () => {
    const { result, dir, base } = await runWith(
      { 'prompts/calc_python.prompt': 'calc\n' },
      { failAt: 'test' }
    )
    expect(status(result)).toEqual({ calc_python: 'failed' })
    expect(result.units[0]?.reason).not.toBe('')
    expect(git(dir, 'rev-parse', 'pdd-sync/main').trim()).toBe(base)
  })

  it('with no recorded cost, a group PDD’s table says does not fit runs anyway, alone, with all of the budget', async () => {
    const { result } = await runWith(
      { 'prompts/calc_python.prompt': 'calc\n', 'prompts/util_python.prompt': 'util\n' },
      {},
      { budget: 0.5 }
    )
    expect(status(result)).toEqual({ calc_python: 'synced', util_python: 'synced' })
    expect(result.calibration?.groups).toEqual(['calc'])
    expect(result.spent).toBeGreaterThan(0)
    expect(result.spent).toBeLessThanOrEqual(0.5)
    expect(result.units.map(u => u.estimate)).toEqual([2.15, 2.15])
  })

  it('a group that does not fit the budget is skipped before anything starts', async () => {
    const { result, dir, base } = await runWith(
      { 'prompts/calc_python.prompt': 'calc\n' },
      {},
      { budget: 0.5, calibrating: false }
    )
    expect(status(result)).toEqual({ calc_python: 'skipped-budget' })
    expect(result.units[0]?.reason).toMatch(/exceeds the \$0\.50 left of the budget/)
    expect(result.spent).toBe(0)
    expect(git(dir, 'rev-parse', 'pdd-sync/main').trim()).toBe(base)
  })

  it('a hung pdd is stopped at the timeout and reported', async () => {
    const { result } = await runWith(
      { 'prompts/calc_python.prompt': 'calc\n' },
      { hang: true },
      { timeoutMs: 1500 }
    )
    expect(status(result)).toEqual({ calc_python: 'failed' })
    expect(result.units[0]?.reason).toMatch(/timed out/)
  })

  it('a hung pdd: its output reached the log live, before the timeout stopped it, and is kept in full', async () => {
    const lines: string[] = []
    const reporter = new ConsoleReporter(l => lines.push(l))
    const logDir = tempDir('logs-')
    const { result } = await runWith(
      { 'prompts/calc_python.prompt': 'calc\n' },
      { hang: true },
      { timeoutMs: 1500, reporter, logDir }
    )
    expect(result.units[0]?.reason).toMatch(/timed out/)
    const closed = lines.findIndex(l => /^== ❌ calc · timed out · .* s$/.test(l))
    expect(closed, lines.join('\n')).toBeGreaterThan(0)
    const start = lines.findIndex(l =>
      /^▶ calc: calc_python · est\. \$\d+\.\d{4} · admitted \$\d+\.\d{4}$/.test(l)
    )
    const live = lines.findIndex(l => /^\[calc\] FAKE_PDD_CHILD_PID: \d+$/.test(l))
    // Started, then streamed (prefixed) while pdd hung, then the group titled with the outcome.
    expect([start >= 0, live > start, closed > live]).toEqual([true, true, true])
    expect(lines).toContain('[calc] PDD_PHASE: generate')
    const full = readFileSync(path.join(logDir, 'calc', 'pdd-output.log'), 'utf8')
    expect(full).toMatch(/PDD_PHASE: generate\nFAKE_PDD_CHILD_PID: \d+\n/)
  })

  it('a paid group whose commit fails (a crashed git left index.lock): failed with its cost, its files kept in the run’s logs', async () => {
    const logDir = tempDir('logs-')
    const { result, dir, base } = await runWith(
      { 'prompts/calc_python.prompt': 'calc\n' },
      { lockIndex: true, costPerCall: 0.01 },
      { logDir }
    )
    const u = result.units[0]
    expect(u?.status).toBe('failed')
    expect(u?.reason).toMatch(
      /^its commit could not be put on the bot branch: .*; its files are kept in the run's logs \(calc\/unlanded\/\)$/
    )
    expect(u?.cost).toBeGreaterThan(0)
    // Nothing reached the bot branch; what pdd wrote (and was paid for) is in the log folder.
    expect(git(dir, 'rev-parse', 'pdd-sync/main').trim()).toBe(base)
    const kept = path.join(logDir, 'calc', 'unlanded')
    const written = ['calc.py', 'examples/calc_example.py', 'test_calc.py']
    const committed = ['calc.py', 'examples/calc_example.py', 'prompts/calc_python.prompt', 'test_calc.py']
    for (const f of written) expect(readFileSync(path.join(kept, f), 'utf8'), f).toMatch(/\S/)
    expect(
      readdirSync(kept, { recursive: true, encoding: 'utf8' })
        .filter(f => !statSync(path.join(kept, f)).isDirectory())
        .sort()
    ).toEqual(committed)
  })

  it('a failed group: PDD’s crash logs and debug snapshot are copied out of the worktree before it goes', async () => {
    const logDir = tempDir('logs-')
    const { result } = await runWith(
      { 'prompts/calc_python.prompt': 'calc\n', 'prompts/util_python.prompt': 'util\n' },
      { scratch: true, failAt: 'test' },
      { logDir }
    )
    expect(status(result)).toEqual({ calc_python: 'failed', util_python: 'failed' })
    const kept = readdirSync(path.join(logDir, 'calc', 'pdd-files'), { recursive: true })
      .map(String)
      .sort()
    expect(kept).toEqual(
      expect.arrayContaining([
        'calc_fix_results.log',
        'crash.log',
        'fix_errors.log',
        path.join('.pdd', 'core_dumps', 'pdd-core-20261206T180000Z.json')
      ])
    )
    expect(readFileSync(path.join(logDir, 'calc', 'pdd-files', 'crash.log'), 'utf8')).toMatch(
      /AssertionError/
    )
    expect(readFileSync(path.join(logDir, 'calc', 'pdd-output.log'), 'utf8')).toMatch(
      /Overall status: Failed/
    )
  })

  it('a synced group keeps its output but no PDD files', async () => {
    const logDir = tempDir('logs-')
    const { result } = await runWith(
      { 'prompts/calc_python.prompt': 'calc\n' },
      { scratch: true },
      { logDir }
    )
    expect(status(result)).toEqual({ calc_python: 'synced' })
    expect(readdirSync(path.join(logDir, 'calc'))).toEqual(['pdd-output.log'])
  })

  it('units that depend on a failed unit are skipped', async () => {
    const { result } = await runWith(
      {
        'prompts/calc_python.prompt': 'calc\n',
        'prompts/report_python.prompt': 'uses <include>calc.py</include>\n',
        'calc.py': 'x = 1\n'
      },
      { failAt: 'generate', failLanguage: 'python' }
    )
    expect(status(result)).toEqual({ calc_python: 'failed', report_python: 'skipped-dependency' })
  })

  it('runs groups concurrently in separate worktrees: scratch files of the same name never collide or land', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [`prompts/u${i}_python.prompt`, `unit ${i}\n`])
    )
    const { result, dir, base } = await runWith(files, { scratch: true, delayMs: 200 }, { concurrency: 4 })
    expect(Object.values(status(result))).toEqual(Array(8).fill('synced'))
    const landed = git(dir, 'diff', '--name-only', base, 'pdd-sync/main').trim().split('\n')
    expect(landed).toHaveLength(24)
    expect(landed.filter(f => /crash\.log|fix_errors\.log|_fix_results\.log|\.pdd\//.test(f))).toEqual([])
    expect(worktrees(dir)).toBe(1)
  })

  it('on a schedule runs the groups whose last successful sync is oldest first', async () => {
    const repo = makeRepo({
      'prompts/a_python.prompt': 'a\n',
      'prompts/b_python.prompt': 'b\n',
      'prompts/c_python.prompt': 'c\n'
    })
    const entry = (id: string): RecordUnit => ({
      id,
      basename: id.slice(0, 1),
      language: 'python',
      status: 'synced',
      operations: ['generate'],
      cost: 0.1,
      duration: 1,
      reason: '',
      fingerprint: null,
      runReport: null
    })
    appendRecord(repo.dir, record('1', '2026-01-01T00:00:00Z', [entry('b_python')]), 'HEAD')
    appendRecord(
      repo.dir,
      record('2', '2026-02-01T00:00:00Z', [entry('a_python')]),
      unitKey(repo.dir, 'a_python')
    )
    const bin = path.join(tempDir(), 'bin')
    const log = path.join(bin, 'log.jsonl')
    const command = installFakePdd(bin, { log })
    const planOptions = planOptionsFor(repo.dir)
    const planned = await planRepository(planOptions, quiet)
    await executePlan({
      git: await Git.open(repo.dir),
      planned,
      planOptions,
      branch: 'pdd-sync/main',
      base: git(repo.dir, 'rev-parse', 'HEAD').trim(),
      budget: 20,
      concurrency: 1,
      policy: 'fit',
      timeoutMs: 60_000,
      invocation: { command, maxAttempts: 3, local: true },
      reporter: quiet
    })
    const order = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map(l => (JSON.parse(l) as { argv: string[] }).argv.at(-1))
    expect(order).toEqual(['c', 'b', 'a'])
  })

  it.each([
    [false, []],
    [true, ['calc.py']]
  ])(
    'partial writes of a crashed pdd (keep-partial %s): failed, leftovers discarded or committed marked partial',
    async (keep, landed) => {
      const { result, dir, base } = await runWith(
        { 'prompts/calc_python.prompt': 'calc\n' },
        { partialWrite: true },
        { keepPartial: keep }
      )
      expect(status(result)).toEqual({ calc_python: 'failed' })
      expect(result.units[0]?.reason).toMatch(/pdd exited 1/)
      expect(result.spent).toBeGreaterThan(0) // no cost row: the reservation is booked as "cost unknown"
      const head = git(dir, 'rev-parse', 'pdd-sync/main').trim()
      expect(head === base ? [] : git(dir, 'diff', '--name-only', base, head).trim().split('\n')).toEqual(
        landed
      )
      if (keep) {
        expect(result.units[0]?.partial).toBe(true)
        expect(git(dir, 'log', '-1', '--format=%B', head)).toMatch(
          /\[partial\][\s\S]*PARTIAL \(failed, kept by keep-partial\): calc_python/
        )
      }
    }
  )

  it('a deadline: the running group is cut to end by it, the next one is not started and says why', async () => {
    const started = Date.now()
    const progress: string[][] = []
    const { result } = await runWith(
      { 'prompts/calc_python.prompt': 'calc\n', 'prompts/util_python.prompt': 'util\n' },
      { delayMs: 20_000 },
      {
        concurrency: 1,
        calibrating: false,
        deadline: started + 4_000,
        onProgress: p => progress.push(p.units.map(u => `${u.id}:${u.status}`))
      }
    )
    const [first, second] = result.units
    expect(first?.status).toBe('failed')
    expect(first?.reason).toMatch(/time|timed out/i)
    expect(second?.status).toBe('skipped-budget')
    expect(second?.reason).toMatch(/deadline \(max-run-minutes\)/)
    // Cut at the deadline (plus the kill grace), far short of the group's 60 s timeout and pdd's 20 s.
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(progress).toEqual([[`${first?.id ?? ''}:failed`]])
  }, 60_000)

  it('tells onProgress after each landed group, with every unit finished so far', async () => {
    const progress: string[][] = []
    const { result } = await runWith(
      { 'prompts/calc_python.prompt': 'calc\n', 'prompts/util_python.prompt': 'util\n' },
      {},
      { concurrency: 1, onProgress: p => progress.push(p.units.map(u => `${u.id}:${u.status}`)) }
    )
    const ids = result.units.map(u => `${u.id}:${u.status}`)
    expect(progress).toEqual([ids.slice(0, 1), ids])
  })
})
