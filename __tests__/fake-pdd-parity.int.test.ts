/**
 * The `pdd` stand-in must not drift from the real pdd-cli: for each scenario captured from the real PDD in
 * `__tests__/fixtures/pdd-output`, the stand-in run the same way must read back the same through the parser the
 * executor uses (phases, rows, statuses, costs, the error that names the failure). `paths.pdd`, `pdd-contract.pdd`
 * and `real-pdd.e2e` check the real PDD itself; this ties the stand-in to what they captured.
 */
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseSyncOutput, type ParsedSyncOutput } from '../src/execute/pdd-output.js'
import { installFakePdd, type FakePddFaults } from './helpers/fake-pdd.js'
import { tempDir, writeFiles } from './helpers/git-repo.js'

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'pdd-output')
const captured = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8')

function standIn(
  argv: string[],
  faults: FakePddFaults = {},
  files: Record<string, string> = { 'prompts/calc_python.prompt': 'Write add(a, b).\n' }
): Promise<{ stdout: string; stderr: string }> {
  const base = tempDir()
  const repo = path.join(base, 'repo')
  writeFiles(repo, files)
  const [pdd] = installFakePdd(path.join(base, 'bin'), faults)
  return new Promise(resolve => {
    execFile(
      pdd as string,
      argv,
      { cwd: repo, env: { ...process.env, NO_COLOR: '1' } },
      (_e, stdout, stderr) => resolve({ stdout, stderr })
    )
  })
}

/** What the executor reads from a sync's output, without what depends on the machine or the clock. */
function reading(p: ParsedSyncOutput): Record<string, unknown> {
  return {
    phases: p.phases,
    phasesByLanguage: p.phasesByLanguage,
    languages: p.languages.map(l => ({ ...l, details: l.details.filter(d => d !== '').slice(0, 1) })),
    overall: p.overall,
    totalCost: p.totalCost,
    budgetExceeded: p.budgetExceeded,
    budgetExhausted: p.budgetExhausted,
    noPromptFiles: p.noPromptFiles === null ? null : p.noPromptFiles.basename,
    usageError: p.usageError
  }
}

describe('the pdd stand-in reads back as the captured real pdd-cli 0.0.310 output', () => {
  it('a fresh unit synced (success.stdout.txt)', async () => {
    const run = await standIn(['--force', '--local', 'sync', '--budget', '5', '--max-attempts', '2', 'calc'])
    expect(reading(parseSyncOutput(run.stdout, run.stderr))).toEqual(
      reading(parseSyncOutput(captured('success.stdout.txt')))
    )
  })

  it('the fix step fails: the test source in Details, exit 0 (fix-failed.stdout.txt)', async () => {
    const run = await standIn(['--force', 'sync', '--budget', '1', '--max-attempts', '1', 'calc'], {
      failAt: 'fix'
    })
    const real = parseSyncOutput(captured('fix-failed.stdout.txt'))
    const ours = parseSyncOutput(run.stdout, run.stderr)
    expect(reading(ours)).toEqual(reading(real))
  })

  it('two languages on a budget that runs out (two-languages-budget.stdout.txt)', async () => {
    const files = {
      'prompts/calc_python.prompt': 'Write add(a, b).\n',
      'prompts/calc_typescript.prompt': 'Write add(a, b).\n'
    }
    const run = await standIn(
      ['--force', 'sync', '--budget', '0.01', '--max-attempts', '1', 'calc'],
      {},
      files
    )
    expect(reading(parseSyncOutput(run.stdout, run.stderr))).toEqual(
      reading(parseSyncOutput(captured('two-languages-budget.stdout.txt')))
    )
  })

  it('no prompt for the basename: a Click usage error (no-prompt.stderr.txt)', async () => {
    const run = await standIn(['sync', 'nosuch'])
    const real = parseSyncOutput('', captured('no-prompt.stderr.txt'))
    const ours = parseSyncOutput(run.stdout, run.stderr)
    expect(ours.noPromptFiles?.basename).toBe(real.noPromptFiles?.basename)
    expect(ours.usageError?.split(' in directory ')[0]).toBe(real.usageError?.split(' in directory ')[0])
  })

  it('an unknown sync option: a Click usage error, exit 2 (bad-option.stderr.txt)', async () => {
    const run = await standIn(['sync', '--bogus', 'calc'])
    const real = parseSyncOutput('', captured('bad-option.stderr.txt'))
    const ours = parseSyncOutput(run.stdout, run.stderr)
    // PDD adds Click's "Did you mean" guess, which the stand-in does not imitate.
    expect(ours.usageError).toBe(real.usageError?.replace(/ Did you mean .*$/, ''))
  })
})
