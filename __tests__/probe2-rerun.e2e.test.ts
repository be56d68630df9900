/**
 * A second `pdd-sync run` before the first run's bot branch is merged. Before the fix the run rebuilt the local
 * bot branch from HEAD: the first run's commits survived only in the reflog and their units were synced (paid)
 * again. Now the run refuses while the branch holds changes whose content is not in HEAD, naming the branch and
 * the ways on (src/cli/bot-branch-use.ts); a merge, a squash merge (even edited afterwards) or deleting the
 * branch lets it run.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCliAsync } from './helpers/bundles.js'
import { FAKE_PROVIDER_ENV, installFakePdd } from './helpers/fake-pdd.js'
import { git, makeRepo, tempDir } from './helpers/git-repo.js'

const FILES = {
  'prompts/alpha_python.prompt': 'alpha\n',
  'prompts/beta_python.prompt': 'beta\n'
}
const ENV = { ...process.env, ...FAKE_PROVIDER_ENV }
const REFUSED =
  /--branch "pdd-sync\/main" holds 1 commit\(s\) \(alpha\) whose changes to \d+ files are not in HEAD/

/** A repository whose bot branch holds a first run's commit for `alpha` only; `syncs()` lists pdd's sync starts. */
async function firstRun(): Promise<{ dir: string; pdd: string; syncs: () => string[] }> {
  const repo = makeRepo(FILES)
  const log = path.join(tempDir(), 'pdd.jsonl')
  const [pdd] = installFakePdd(path.join(tempDir(), 'bin'), { log })
  const r = await run(repo.dir, pdd as string, ['--units', 'alpha_python', '--trigger', 'workflow_dispatch'])
  expect(r.status, r.stderr).toBe(0)
  expect(git(repo.dir, 'rev-list', '--count', 'main..pdd-sync/main').trim()).toBe('1')
  const syncs = (): string[] =>
    readFileSync(log, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map(l => (JSON.parse(l) as { argv: string[] }).argv)
      .filter(a => a.includes('sync'))
      .map(a => a[a.length - 1] ?? '')
  expect(syncs()).toEqual(['alpha'])
  return { dir: repo.dir, pdd: pdd as string, syncs }
}

function run(dir: string, pdd: string, more: string[] = []): ReturnType<typeof runCliAsync> {
  return runCliAsync(['run', '--repo', dir, '--pdd-command', pdd, '--no-fetch', ...more], ENV, dir)
}

describe.concurrent('a second cli run before the bot branch is merged', () => {
  it('refuses, names the branch and how to go on, and keeps the first run’s commit', async () => {
    const f = await firstRun()
    writeFileSync(path.join(f.dir, 'README.md'), 'a later commit on main\n')
    git(f.dir, 'add', 'README.md')
    git(f.dir, 'commit', '-q', '-m', 'later')
    const tip = git(f.dir, 'rev-parse', 'pdd-sync/main').trim()
    const r = await run(f.dir, f.pdd)
    expect(r.stderr).toMatch(REFUSED)
    expect(r.stderr).toContain('git merge pdd-sync/main')
    expect(r.stderr).toContain('git branch -D pdd-sync/main')
    expect(r.status).toBe(2)
    expect(git(f.dir, 'rev-parse', 'pdd-sync/main').trim()).toBe(tip)
    expect(f.syncs()).toEqual(['alpha'])
  })

  it('runs after a squash merge edited afterwards, without paying for alpha again', async () => {
    const f = await firstRun()
    git(f.dir, 'merge', '-q', '--squash', 'pdd-sync/main')
    git(f.dir, 'commit', '-q', '-m', 'squash')
    const code = path.join(f.dir, 'alpha.py')
    writeFileSync(code, readFileSync(code, 'utf8') + '# edited after the merge\n')
    git(f.dir, 'commit', '-q', '-am', 'edit')
    const r = await run(f.dir, f.pdd)
    expect(r.stderr).not.toMatch(/holds \d+ commit/)
    expect(r.status, r.stderr).toBe(0)
    expect(f.syncs().filter(b => b === 'beta')).toEqual(['beta'])
  })

  it('runs once the branch is merged, or deleted', async () => {
    const merged = await firstRun()
    git(merged.dir, 'merge', '-q', '--no-ff', '-m', 'merge', 'pdd-sync/main')
    const a = await run(merged.dir, merged.pdd)
    expect(a.status, a.stderr).toBe(0)
    expect(merged.syncs().sort()).toEqual(['alpha', 'beta'])
    const dropped = await firstRun()
    git(dropped.dir, 'branch', '-D', 'pdd-sync/main')
    const b = await run(dropped.dir, dropped.pdd)
    expect(b.status, b.stderr).toBe(0)
    expect(dropped.syncs().sort()).toEqual(['alpha', 'alpha', 'beta'])
  })
})
