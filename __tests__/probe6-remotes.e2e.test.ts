/**
 * A remote the command line names must exist before anything is planned or paid for (README "The command line").
 * Before: `run --push nosuch` paid for every group, then warned that nothing was pushed and exited 0; `plan` and
 * `run` with `--remote nosuch` planned silently without the remote's run records (so could pay again for synced
 * units); `run --push ''` got as far as `git fetch ''` after paying.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCliAsync } from './helpers/bundles.js'
import { FAKE_PROVIDER_ENV, installFakePdd } from './helpers/fake-pdd.js'
import { git, makeRepo, tempDir } from './helpers/git-repo.js'

const ENV = { ...process.env, ...FAKE_PROVIDER_ENV }
const FILES = { 'prompts/alpha_python.prompt': 'alpha\n' }

describe.concurrent('remotes named on the command line', () => {
  it.each([
    [['--push', 'upstream'], /--push "upstream" is not a remote of this repository/],
    [['--push', ''], /--push "" must be a remote name/],
    [['--remote', 'upstream'], /--remote "upstream" is not a remote of this repository/]
  ])('run %j is refused (exit 2) before pdd starts', async (extra, message) => {
    const repo = makeRepo(FILES)
    const bin = path.join(tempDir(), 'bin')
    const log = path.join(bin, 'calls.jsonl')
    const [pdd] = installFakePdd(bin, { log })
    const r = await runCliAsync(['run', '--repo', repo.dir, '--pdd-command', pdd as string, ...extra], ENV)
    expect(r.stderr).toMatch(message)
    expect(r.status).toBe(2)
    expect(existsSync(log) ? readFileSync(log, 'utf8') : '').not.toContain('sync')
    expect(git(repo.dir, 'branch', '--list', 'pdd-sync/*').trim()).toBe('')
  })

  it('run --push alone in a repository without origin is refused before pdd starts', async () => {
    const repo = makeRepo(FILES)
    git(repo.dir, 'remote', 'remove', 'origin')
    const [pdd] = installFakePdd(path.join(tempDir(), 'bin'))
    const r = await runCliAsync(['run', '--repo', repo.dir, '--pdd-command', pdd as string, '--push'], ENV)
    expect(r.stderr).toMatch(/--push "origin" is not a remote of this repository/)
    expect(r.status).toBe(2)
  })

  it('plan --remote and finalize --push name a remote that is not there: exit 2', async () => {
    const repo = makeRepo(FILES)
    const plan = await runCliAsync(['plan', '--repo', repo.dir, '--remote', 'upstream'], ENV)
    expect(plan.stderr).toMatch(/--remote "upstream" is not a remote of this repository/)
    expect(plan.status).toBe(2)
    const args = ['finalize', '--repo', repo.dir, '--matrix', '{"include":[]}', '--push', 'upstream']
    const fin = await runCliAsync(args, ENV)
    expect(fin.stderr).toMatch(/--push "upstream" is not a remote of this repository/)
    expect(fin.status).toBe(2)
    const ok = await runCliAsync(['plan', '--repo', repo.dir, '--remote', 'origin'], ENV)
    expect(ok.status, ok.stderr).toBe(0)
  })
})
