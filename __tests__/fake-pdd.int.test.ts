/**
 * The pdd stand-in behaves per its fault switches, driven exactly as the executor drives the real PDD: argv and
 * env from buildSyncInvocation, run by runPdd, read back with parseSyncOutput and sumNewCost.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runPdd, type RunPddResult } from '../src/adapters/pdd-process.js'
import { sumNewCost } from '../src/execute/cost-csv.js'
import { buildSyncInvocation, type SyncInvocationOptions } from '../src/execute/pdd-argv.js'
import { failureReason } from '../src/execute/failure-reason.js'
import { parseSyncOutput } from '../src/execute/pdd-output.js'
import { installFakePdd, type FakePddFaults } from './helpers/fake-pdd.js'
import { tempDir, writeFiles } from './helpers/git-repo.js'

interface Run extends RunPddResult {
  repo: string
  costFile: string
  stderr: string
}

const PROMPT = { 'prompts/calc_python.prompt': 'Write add(a, b).\n' }

async function sync(
  faults: FakePddFaults,
  over: Partial<SyncInvocationOptions> = {},
  files: Record<string, string> = PROMPT,
  timeoutMs = 20_000
): Promise<Run> {
  const base = tempDir()
  const repo = path.join(base, 'repo')
  writeFiles(repo, files)
  const costFile = path.join(base, 'cost.csv')
  const command = installFakePdd(path.join(base, 'bin'), faults)
  const inv = buildSyncInvocation({
    command,
    basename: 'calc',
    budget: 5,
    maxAttempts: 2,
    costFile,
    local: true,
    ...over
  })
  const r = await runPdd({
    argv: inv.argv,
    cwd: repo,
    env: { ...process.env, ...inv.env },
    timeoutMs,
    graceMs: 500
  })
  return { ...r, repo, costFile, stderr: r.stderrTail.join('\n') }
}

const read = (file: string): string | null => (existsSync(file) ? readFileSync(file, 'utf8') : null)
const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex')
const meta = (repo: string, name = 'calc_python'): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(repo, '.pdd', 'meta', `${name}.json`), 'utf8')) as Record<string, unknown>

function gone(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return false
  } catch {
    return true
  }
}

async function waitGone(pid: number): Promise<boolean> {
  for (let i = 0; i < 120 && !gone(pid); i++) await new Promise(r => setTimeout(r, 25))
  return gone(pid)
}

describe('fake pdd: a healthy sync', () => {
  it('writes the unit at PDD default paths with matching fingerprint, table and a 13-column cost row', async () => {
    const r = await sync({})
    expect(r.code).toBe(0)
    const out = parseSyncOutput(r.stdout)
    expect(out.phases).toEqual(['generate', 'example', 'crash', 'test', 'synced'])
    expect(out.overall).toBe('Success')
    expect(out.languages[0]).toMatchObject({ completed: ['generate', 'example', 'test'], skipped: ['crash'] })
    const fp = meta(r.repo)
    expect(fp).toMatchObject({
      pdd_version: '0.0.310',
      command: 'test',
      prompt_hash: sha(path.join(r.repo, 'prompts/calc_python.prompt')),
      code_hash: sha(path.join(r.repo, 'calc.py')),
      example_hash: sha(path.join(r.repo, 'examples/calc_example.py')),
      test_hash: sha(path.join(r.repo, 'test_calc.py')),
      test_files: { 'test_calc.py': sha(path.join(r.repo, 'test_calc.py')) }
    })
    expect(meta(r.repo, 'calc_python_run')).toMatchObject({ exit_code: 0, tests_failed: 0 })
    const csv = read(r.costFile) ?? ''
    expect(csv.split('\r\n')[0]?.split(',')).toHaveLength(13)
    expect(sumNewCost(null, csv)).toEqual({ cost: 0.016 })
  })

  it('does nothing, at no cost, when the unit is already in sync', async () => {
    const first = await sync({})
    const before = read(first.costFile)
    const inv = buildSyncInvocation({
      command: installFakePdd(tempDir(), {}),
      basename: 'calc',
      budget: 5,
      maxAttempts: 2,
      costFile: first.costFile,
      local: true
    })
    const r = await runPdd({
      argv: inv.argv,
      cwd: first.repo,
      env: { ...process.env, ...inv.env },
      timeoutMs: 20_000
    })
    const out = parseSyncOutput(r.stdout)
    expect(out.phases).toEqual(['synced'])
    expect(out.languages[0]?.details).toEqual([
      'No sync operations required; selected target is already synchronized.'
    ])
    expect(sumNewCost(before, read(first.costFile))).toEqual({ cost: 0 })
  })

  it('honours the env contract and the faults file named by FAKE_PDD_FAULTS', async () => {
    const log = path.join(tempDir(), 'calls.jsonl')
    const r = await sync({ log })
    const call = JSON.parse(readFileSync(log, 'utf8').trim()) as { env: Record<string, string> }
    expect(call.env).toMatchObject({
      PDD_OUTPUT_COST_PATH: r.costFile,
      CI: '1',
      PDD_FORCE: '1',
      NO_COLOR: '1'
    })
    const faults = path.join(tempDir(), 'faults.json')
    writeFileSync(faults, JSON.stringify({ exitCode: 9 }))
    const bin = installFakePdd(tempDir(), {})
    const again = await runPdd({
      argv: [...bin, '--force', 'sync', 'calc'],
      cwd: r.repo,
      env: { ...process.env, FAKE_PDD_FAULTS: faults },
      timeoutMs: 20_000
    })
    expect(again.code).toBe(9)
  })
})

describe('fake pdd: Click contract', () => {
  it.each<[string, string[], RegExp]>([
    ['unknown sync option', ['--force', 'sync', '--bogus', 'calc'], /Error: No such option '--bogus'/],
    ['unknown global option', ['--bogus', 'sync', 'calc'], /Usage: pdd \[OPTIONS\] COMMAND/],
    [
      'option after the subcommand that belongs before it',
      ['sync', '--local', 'calc'],
      /No such option '--local'/
    ],
    ['budget 0', ['sync', '--budget', '0', 'calc'], /Budget must be a positive number/],
    ['strength out of range', ['--strength', '1.5', 'sync', 'calc'], /is not in the range 0<=x<=1/],
    ['max-attempts not an integer', ['sync', '--max-attempts', '1.5', 'calc'], /is not a valid integer/],
    [
      'no prompt for the basename',
      ['--force', 'sync', 'nosuch'],
      /No prompt files found for basename 'nosuch'/
    ]
  ])('%s → exit 2', async (_name, args, message) => {
    const repo = tempDir()
    writeFiles(repo, PROMPT)
    const argv = [...installFakePdd(tempDir(), {}), ...args]
    const r = await runPdd({ argv, cwd: repo, env: process.env, timeoutMs: 20_000 })
    expect(r.code).toBe(2)
    expect(r.stderrTail.join('\n')).toMatch(message)
  })
})

describe('fake pdd: faults', () => {
  it('failAt: "Overall status: Failed" with exit 0, files of the failed step not written', async () => {
    const r = await sync({ failAt: 'test' })
    const out = parseSyncOutput(r.stdout)
    expect(r.code).toBe(0)
    expect(out.overall).toBe('Failed')
    expect(out.phases).toEqual(['generate', 'example', 'crash', 'test'])
    expect(failureReason(out)).toBe("Operation 'test' failed.")
    expect(existsSync(path.join(r.repo, 'test_calc.py'))).toBe(false)
    expect(meta(r.repo).command).toBe('example')
  })

  it('failAt fix: the test source in Details, the reason built from the run report', async () => {
    const r = await sync({ failAt: 'fix' })
    const out = parseSyncOutput(r.stdout)
    expect(out.languages[0]?.details.join('\n')).toContain('def test_calc():')
    const report = meta(r.repo, 'calc_python_run') as { exit_code: number }
    expect(report.exit_code).toBe(1)
    expect(failureReason(out, meta(r.repo, 'calc_python_run') as never)).toBe(
      'fix failed: 1 test failing, 0 passing (exit code 1, coverage 100.0%)'
    )
  })

  it('exitCode: exits non-zero after printing the table', async () => {
    const r = await sync({ exitCode: 3 })
    expect(r.code).toBe(3)
    expect(parseSyncOutput(r.stdout).overall).toBe('Success')
  })

  it('hang: a timeout kills the fake and the child it started', async () => {
    const r = await sync({ hang: true }, {}, PROMPT, 1_000)
    expect(r).toMatchObject({ timedOut: true, signal: 'SIGTERM' })
    const pid = Number(/FAKE_PDD_CHILD_PID: (\d+)/.exec(r.stdout)?.[1])
    expect(pid).toBeGreaterThan(0)
    expect(await waitGone(pid)).toBe(true)
    expect(parseSyncOutput(r.stdout).phases).toEqual(['generate'])
  })

  it('hang with SIGTERM ignored: SIGKILL after the grace period', async () => {
    const r = await sync({ hang: true, ignoreSigterm: true }, {}, PROMPT, 1_000)
    expect(r).toMatchObject({ timedOut: true, signal: 'SIGKILL' })
    expect(r.stdout).toContain('FAKE_PDD: ignoring SIGTERM')
  })

  it.each<[string, FakePddFaults, RegExp]>([
    ['malformedCsv', { malformedCsv: true }, /malformed cost CSV: line 2: a quoted field never ends/],
    ['noCsv', { noCsv: true }, /cost file missing/]
  ])('%s: the cost is unknown', async (_name, faults, reason) => {
    const r = await sync(faults)
    const cost = sumNewCost(null, read(r.costFile))
    expect(cost.cost).toBeNull()
    expect(cost.reason).toMatch(reason)
  })

  it('partialWrite: code written, then a crash with a traceback, no fingerprint, no cost row', async () => {
    const r = await sync({ partialWrite: true })
    expect(r.code).toBe(1)
    expect(existsSync(path.join(r.repo, 'calc.py'))).toBe(true)
    expect(existsSync(path.join(r.repo, '.pdd', 'meta', 'calc_python.json'))).toBe(false)
    expect(read(r.costFile)).toBeNull()
    const out = parseSyncOutput(r.stdout, r.stderr)
    expect(failureReason(out)).toBe('pdd crashed: OSError: [Errno 28] No space left on device')
  })

  it('scratch: leaves the files a real sync leaves in its working directory', async () => {
    const r = await sync({ scratch: true })
    for (const f of ['crash.log', 'fix_errors.log', 'calc_fix_results.log', '.pdd/locks/calc_python.lock']) {
      expect(existsSync(path.join(r.repo, f))).toBe(true)
    }
  })

  it('costPerCall and budget: PDD stops between operations, after overspending', async () => {
    const r = await sync({ costPerCall: 0.01 }, { budget: 0.03 })
    const out = parseSyncOutput(r.stdout)
    expect(out.budgetExceeded).toBe('0.03')
    expect(out.phases).toEqual(['generate', 'example'])
    expect(failureReason(out)).toBe('Budget of $0.03 exceeded.')
    expect(sumNewCost(null, read(r.costFile)).cost).toBe(0.05)
  })

  it('two languages, one failing: one row each, Python first', async () => {
    const files = { ...PROMPT, 'prompts/calc_typescript.prompt': 'Write add.\n' }
    const r = await sync({ failAt: 'generate', failLanguage: 'typescript' }, {}, files)
    const out = parseSyncOutput(r.stdout)
    expect(out.languages.map(l => [l.language, l.status])).toEqual([
      ['python', 'Success'],
      ['typescript', 'Failed']
    ])
    expect(out.phasesByLanguage).toEqual({
      python: ['generate', 'example', 'crash', 'test', 'synced'],
      typescript: ['generate']
    })
    expect(existsSync(path.join(r.repo, 'calc.ts'))).toBe(false)
  })
})
