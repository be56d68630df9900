import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RunResult } from '../src/execute/result.js'
import { runCli } from './helpers/bundles.js'
import { FAKE_PROVIDER_ENV, installFakePdd } from './helpers/fake-pdd.js'
import { git, makeRepo, tempDir } from './helpers/git-repo.js'
import { appendRecord, record } from './helpers/notes.js'

describe('pdd-sync run --daily-budget / --monthly-budget (bundled CLI)', () => {
  it('a cap that today’s recorded runs have spent: plans, starts no pdd, spends nothing, says why', () => {
    const repo = makeRepo({ 'prompts/calc_python.prompt': 'calc\n' })
    const head = git(repo.dir, 'rev-parse', 'HEAD').trim()
    // An earlier run today (a record in the local notes only: no remote has it) spent $2.
    appendRecord(repo.dir, { ...record('earlier', new Date().toISOString(), []), spent: 2 }, head)
    const r = runCli([
      'run',
      '--repo',
      repo.dir,
      '--pdd-command',
      '/nonexistent/pdd',
      '--daily-budget',
      '2',
      '--json',
      '--no-fetch'
    ])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).not.toMatch(/pdd executable not found/)
    expect(r.stderr).toMatch(/Daily cap reached: \$2\.0000 spent today/)
    const result = JSON.parse(r.stdout) as RunResult
    expect(result.spent).toBe(0)
    expect(result.units.map(u => [u.id, u.status])).toEqual([['calc_python', 'skipped-budget']])
    expect(result.units[0]?.reason).toMatch(/^daily cap reached: .*nothing was installed or run$/)
  })

  it('a cap with room lowers the budget to what is left', () => {
    const repo = makeRepo({ 'prompts/calc_python.prompt': 'calc\n' })
    const head = git(repo.dir, 'rev-parse', 'HEAD').trim()
    appendRecord(repo.dir, { ...record('earlier', new Date().toISOString(), []), spent: 1 }, head)
    const [pdd] = installFakePdd(path.join(tempDir(), 'bin'), { costPerCall: 0.01 })
    const args = ['run', '--repo', repo.dir, '--pdd-command', pdd as string, '--monthly-budget', '1.5']
    const r = runCli([...args, '--no-fetch'], FAKE_PROVIDER_ENV)
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).toMatch(/Budget lowered from \$5\.0000 to \$0\.5000 by the monthly cap/)
    expect(r.stdout).toMatch(/^Spent \$[\d.]+ of \$0\.5000/m)
    expect(r.stdout).toMatch(/this month \$1\.\d{4} of \$1\.5000/)
  })
})
