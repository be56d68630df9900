/**
 * `pdd-sync finalize` never destroys what the local bot branch holds that its own result lacks (bundled CLI, pdd
 * stand-in, one checkout): an earlier local run's bot commit for a unit the fan-out did not run is carried over;
 * a commit it cannot carry (a person's, or a unit the shards ran again) stops finalize before anything is written,
 * naming the branch, and the shards' reports stay for a finalize once the branch is merged or deleted.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './helpers/bundles.js'
import { FAKE_PROVIDER_ENV, installFakePdd } from './helpers/fake-pdd.js'
import { git, makeRepo, tempDir, writeFiles } from './helpers/git-repo.js'

const PROMPTS = {
  'prompts/calculator_python.prompt': 'calc\n',
  'prompts/report_python.prompt': 'report\n'
}

interface World {
  dir: string
  pdd: string
  /** `plan --shards 1 --units U`, then `run --shard` of its one leg, in the checkout; returns the plan file. */
  fanOut(units: string): string
  finalize(plan: string): ReturnType<typeof runCli>
  tip(): string
  refs(): string
}

function world(): World {
  const repo = makeRepo(PROMPTS)
  const [pdd] = installFakePdd(path.join(tempDir(), 'bin'), { costPerCall: 0.01 })
  const dir = repo.dir
  const fanOut = (units: string): string => {
    const plan = path.join(tempDir(), 'plan.json')
    const args = ['--repo', dir, '--no-fetch', '--units', units]
    const p = runCli(['plan', ...args, '--json', '--output', plan, '--shards', '1', '--budget', '2'])
    expect(p.status, p.stderr).toBe(0)
    const base = git(dir, 'rev-parse', 'HEAD').trim()
    const leg = (JSON.parse(readFileSync(plan, 'utf8')) as { matrix: { include: { shard: string }[] } })
      .matrix.include[0]
    const shard = ['--shard', leg?.shard ?? '', '--base-sha', base, '--run-key', 'r1', '--budget', '2']
    const s = runCli(['run', ...args, '--pdd-command', pdd as string, ...shard], FAKE_PROVIDER_ENV)
    expect(s.status, s.stderr).toBe(0)
    return plan
  }
  return {
    dir,
    pdd: pdd as string,
    fanOut,
    finalize: plan => runCli(['finalize', '--repo', dir, '--matrix', plan, '--run-key', 'r1']),
    tip: () => git(dir, 'rev-parse', 'pdd-sync/main').trim(),
    refs: () => git(dir, 'for-each-ref', '--format=%(refname)', 'refs/pdd-sync/').trim()
  }
}

const subjects = (dir: string): string => git(dir, 'log', '--format=%s', 'main..pdd-sync/main')

describe('pdd-sync finalize and an unmerged local bot branch', () => {
  it('carries an earlier local run’s result for a unit the shards did not run', () => {
    const w = world()
    const r = runCli(
      ['run', '--repo', w.dir, '--no-fetch', '--units', 'calculator_python', '--pdd-command', w.pdd],
      FAKE_PROVIDER_ENV
    )
    expect(r.status, r.stderr).toBe(0)
    expect(subjects(w.dir)).toMatch(/^pdd-sync: calculator \(python\)/m)
    const plan = w.fanOut('report_python')
    const f = w.finalize(plan)
    expect(f.status, f.stderr).toBe(0)
    expect(f.stderr).toContain('Kept from the bot branch: calculator (python)')
    // Both results are on the branch: the earlier run's was not thrown away.
    expect(subjects(w.dir)).toMatch(/^pdd-sync: calculator \(python\)/m)
    expect(subjects(w.dir)).toMatch(/^pdd-sync: report \(python\)/m)
  })

  it('replaces an earlier result the shards made again, byte for byte: nothing is lost', () => {
    const w = world()
    const r = runCli(
      ['run', '--repo', w.dir, '--no-fetch', '--units', 'report_python', '--pdd-command', w.pdd],
      FAKE_PROVIDER_ENV
    )
    expect(r.status, r.stderr).toBe(0)
    const f = w.finalize(w.fanOut('report_python'))
    expect(f.status, f.stderr).toBe(0)
    expect(subjects(w.dir).trim().split('\n')).toHaveLength(1)
  })

  it('refuses to replace a person’s commit, keeps the shard reports, and publishes once the branch is gone', () => {
    const w = world()
    git(w.dir, 'checkout', '-q', '-b', 'pdd-sync/main')
    writeFiles(w.dir, { 'src/mine.py': 'print("hand-written")\n' })
    git(w.dir, 'add', '-A')
    git(w.dir, 'commit', '-q', '-m', 'my own fix')
    git(w.dir, 'checkout', '-q', 'main')
    const before = w.tip()
    const plan = w.fanOut('report_python')
    // The shard built its commits on a scratch branch, gone now; the bot branch is untouched.
    expect(w.tip()).toBe(before)
    expect(git(w.dir, 'branch', '--list', 'pdd-sync-shards/*').trim()).toBe('')
    const f = w.finalize(plan)
    expect(f.status, f.stderr + f.stdout).toBe(2)
    expect(f.stderr).toContain('--branch "pdd-sync/main" holds 1 commit(s)')
    expect(f.stderr).toContain('finalize again')
    expect(w.tip()).toBe(before)
    // Nothing was published or consumed: the shard's report is still there, no run record was written.
    expect(w.refs()).toBe('refs/pdd-sync/runs/r1/shard-0')
    expect(git(w.dir, 'notes', '--ref', 'refs/notes/pdd-sync', 'list').trim()).toBe('')
    git(w.dir, 'branch', '-D', 'pdd-sync/main')
    const again = w.finalize(plan)
    expect(again.status, again.stderr).toBe(0)
    expect(subjects(w.dir)).toMatch(/^pdd-sync: report \(python\)/m)
    expect(existsSync(path.join(w.dir, 'src', 'mine.py'))).toBe(false)
  })
})
