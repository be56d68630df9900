/**
 * The user's git configuration and what pdd does to git in its worktree, through the bundled CLI with the pdd
 * stand-in. Before the fixes: `commit.gpgSign=true` failed every bot commit after its sync was paid for ("gpg
 * failed to sign the data"); a failing `post-checkout` hook (core.hooksPath) failed every group before pdd ran,
 * booking its whole admission; pdd checking out one of the user's branches in its worktree moved that branch to
 * the bot's commit. Now every git command of the run uses no hook and signs nothing (src/adapters/git/command.ts)
 * and a worktree's HEAD is detached before a commit or scrub (src/adapters/git/worktrees.ts).
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RunResult } from '../src/execute/result.js'
import { runCliAsync } from './helpers/bundles.js'
import { FAKE_PROVIDER_ENV, installFakePdd } from './helpers/fake-pdd.js'
import { git, makeRepo, tempDir } from './helpers/git-repo.js'

/** The stand-in, then `after` (shell, in the worktree) when it synced `alpha`. */
function pddThen(after: string): string {
  const dir = tempDir('probe2-git-pdd-')
  const [pdd] = installFakePdd(path.join(dir, 'bin'))
  const wrap = path.join(dir, 'pdd-wrap')
  writeFileSync(
    wrap,
    `#!/bin/sh\n"${pdd}" "$@"; rc=$?\nfor a in "$@"; do last="$a"; done\nif [ "$last" = alpha ]; then ${after}; fi\nexit $rc\n`
  )
  chmodSync(wrap, 0o755)
  return wrap
}

async function run(dir: string, pdd: string): Promise<RunResult> {
  const out = path.join(tempDir(), 'result.json')
  const r = await runCliAsync(
    ['run', '--repo', dir, '--pdd-command', pdd, '--no-fetch', '--result', out],
    { ...process.env, ...FAKE_PROVIDER_ENV },
    dir
  )
  expect(r.status, r.stderr.slice(-2000)).toBe(0)
  return JSON.parse(readFileSync(out, 'utf8')) as RunResult
}

const repo = (): string =>
  makeRepo({ 'prompts/alpha_python.prompt': 'alpha\n', 'prompts/beta_python.prompt': 'beta\n' }).dir
const statuses = (r: RunResult): string[] => r.units.map(u => `${u.id} ${u.status}`)
const onBot = (dir: string): string[] =>
  git(dir, 'diff', '--name-only', 'main', 'pdd-sync/main').split('\n').filter(Boolean)

describe.concurrent('git configuration and git state around the bot commits', () => {
  it('commit.gpgSign=true with a gpg that cannot sign: the bot commits are made, unsigned', async () => {
    const dir = repo()
    git(dir, 'config', 'commit.gpgSign', 'true')
    git(dir, 'config', 'gpg.program', 'false')
    const r = await run(dir, pddThen('true'))
    expect(statuses(r)).toEqual(['alpha_python synced', 'beta_python synced'])
    expect(git(dir, 'rev-list', '--count', 'main..pdd-sync/main').trim()).toBe('2')
  })

  it('failing hooks (core.hooksPath) never run: no group fails, nothing is booked for them', async () => {
    const dir = repo()
    const hooks = path.join(tempDir(), 'hooks')
    mkdirSync(hooks)
    const ran = path.join(tempDir(), 'hooks-ran')
    for (const h of ['pre-commit', 'commit-msg', 'post-checkout', 'post-commit', 'post-rewrite']) {
      writeFileSync(path.join(hooks, h), `#!/bin/sh\necho ${h} >> '${ran}'\nexit 1\n`)
      chmodSync(path.join(hooks, h), 0o755)
    }
    git(dir, 'config', 'core.hooksPath', hooks)
    const r = await run(dir, pddThen('true'))
    expect(statuses(r)).toEqual(['alpha_python synced', 'beta_python synced'])
    expect(r.spent).toBeLessThan(0.1)
    expect(() => readFileSync(ran, 'utf8')).toThrow()
  })

  it('pdd checking out a user branch in its worktree: that branch stays, the commit lands on the bot branch', async () => {
    const dir = repo()
    git(dir, 'branch', 'topic')
    const topic = git(dir, 'rev-parse', 'topic').trim()
    const r = await run(dir, pddThen('git checkout -q topic'))
    expect(statuses(r)).toEqual(['alpha_python synced', 'beta_python synced'])
    expect(git(dir, 'rev-parse', 'topic').trim()).toBe(topic)
    expect(onBot(dir)).toContain('alpha.py')
  })

  it('a commit pdd made in its worktree never reaches the bot branch, only the unit’s files do', async () => {
    const dir = repo()
    const evil =
      'mkdir -p .github/workflows && echo "on: push" > .github/workflows/evil.yml && git add -A && ' +
      'git -c user.name=x -c user.email=x@y -c commit.gpgSign=false commit -q --no-verify -m own'
    const r = await run(dir, pddThen(evil))
    expect(statuses(r)).toEqual(['alpha_python synced', 'beta_python synced'])
    expect(onBot(dir)).not.toContain('.github/workflows/evil.yml')
    expect(onBot(dir)).toContain('alpha.py')
    expect(git(dir, 'log', '--format=%s', 'main..pdd-sync/main')).not.toMatch(/^own$/m)
  })
})
