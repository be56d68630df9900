/**
 * Local inputs of `pdd-sync run` that the earlier probes did not cover (README "Bad input"), each through the
 * bundled CLI against a throwaway repository and the pdd stand-in.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RunResult } from '../src/execute/result.js'
import { runCliAsync } from './helpers/bundles.js'
import { FAKE_PROVIDER_ENV, installFakePdd } from './helpers/fake-pdd.js'
import { git, makeRepo, tempDir } from './helpers/git-repo.js'

const ENV = { ...process.env, ...FAKE_PROVIDER_ENV }
const FILES = { 'prompts/alpha_python.prompt': 'alpha\n' }

describe.concurrent('local inputs of cli run', () => {
  // Before: split on whitespace, so "/tmp/…/my tools/pdd" ran "/tmp/…/my" (pdd executable not found).
  it('--pdd-command naming a file whose path has a space runs that file', async () => {
    const repo = makeRepo(FILES)
    const [pdd] = installFakePdd(path.join(tempDir(), 'my tools'))
    const r = await runCliAsync(
      ['run', '--repo', repo.dir, '--pdd-command', pdd as string, '--no-fetch'],
      ENV
    )
    expect(r.stderr).toContain(`Using pdd 0.0.310 (${pdd as string})`)
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^synced\s+alpha_python/m)
    expect(git(repo.dir, 'rev-list', '--count', 'main..pdd-sync/main').trim()).toBe('1')
  })

  it('--pdd-command as a JSON array is the argv; a broken one is refused by name before anything runs', async () => {
    const repo = makeRepo(FILES)
    const [pdd] = installFakePdd(path.join(tempDir(), 'my tools'))
    const argv = JSON.stringify([process.execPath, pdd])
    const ok = await runCliAsync(['run', '--repo', repo.dir, '--pdd-command', argv, '--no-fetch'], ENV)
    expect(ok.status, ok.stderr).toBe(0)
    expect(ok.stdout).toMatch(/^synced\s+alpha_python/m)
    const bad = await runCliAsync(['run', '--repo', repo.dir, '--pdd-command', '["pdd"', '--no-fetch'], ENV)
    expect(bad.stderr).toMatch(/--pdd-command "\[\\"pdd\\"" starts with "\[" but is not a JSON array/)
    expect(bad.status).toBe(2)
  })

  // Before: a run killed with SIGKILL left its group worktrees registered and on disk for ever; no later run
  // removed them. Now a run removes them once it holds the run lock (src/cli/left-worktrees.ts).
  it('worktrees a killed run left are removed by the next run; other worktrees stay', async () => {
    const repo = makeRepo(FILES)
    const tmp = tempDir()
    const scratch = path.join(tmp, 'pdd-sync-group-Ab3dE9')
    mkdirSync(scratch)
    const left = path.join(scratch, 'wt-2-pdd-sync-group-Ab3dE9')
    const replay = path.join(tmp, 'pdd-sync-replay-0b9c1b6e-3d1f-4c51-9f7e-2a6b1c0d9e8f')
    const review = path.join(tmp, 'pdd-sync-group-review')
    for (const d of [left, replay, review]) git(repo.dir, 'worktree', 'add', '-q', '--detach', d)
    const [pdd] = installFakePdd(path.join(tempDir(), 'bin'))
    const r = await runCliAsync(
      ['run', '--repo', repo.dir, '--pdd-command', pdd as string, '--no-fetch'],
      ENV
    )
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).toContain('Removed 2 work tree(s) an interrupted earlier run left behind.')
    const listed = git(repo.dir, 'worktree', 'list', '--porcelain')
    expect(listed).not.toContain(left)
    expect(listed).not.toContain(replay)
    expect(listed).toContain(review)
    expect(existsSync(scratch)).toBe(false)
    expect(existsSync(review)).toBe(true)
  })

  // Before: a group whose worktree git could not make (here `.git/worktrees` is a file) booked its whole
  // admission — the budget — as spent though pdd never started, and every later group was skipped for budget.
  it('a group whose worktree cannot be made books nothing; the other groups still get the budget', async () => {
    const repo = makeRepo({ ...FILES, 'prompts/beta_python.prompt': 'beta\n' })
    writeFileSync(path.join(repo.dir, '.git', 'worktrees'), '')
    const [pdd] = installFakePdd(path.join(tempDir(), 'bin'))
    const out = path.join(tempDir(), 'result.json')
    const args = ['run', '--repo', repo.dir, '--pdd-command', pdd as string, '--no-fetch', '--result', out]
    const r = await runCliAsync(args, ENV)
    expect(r.status, r.stderr).toBe(1)
    const result = JSON.parse(readFileSync(out, 'utf8')) as RunResult
    expect(result.spent).toBe(0)
    expect(result.units.map(u => [u.id, u.status])).toEqual([
      ['alpha_python', 'failed'],
      ['beta_python', 'failed']
    ])
    for (const u of result.units) expect(u.reason).toMatch(/^could not run the group: git worktree add/)
  })
})
