/**
 * Git LFS and the bot's push (bundled CLI, pdd stand-in, a bare origin). The bot's git commands skip every hook
 * (`core.hooksPath=/dev/null`), git-lfs's `pre-push` among them, so `pdd-sync run --push` uploads the LFS objects
 * itself (`git lfs push <remote> <ref>`) before it pushes a bot branch whose tree routes files through LFS, and
 * says so when git-lfs is missing. git-lfs is stood in for by a script on PATH named `git-lfs` (git runs it for
 * `git lfs …`) that logs its arguments: the machine need not have git-lfs, and one that has it is not used.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it, type TestContext } from 'vitest'
import { runActionAsync } from './helpers/action-runner.js'
import { runCli } from './helpers/bundles.js'
import { FAKE_PROVIDER_ENV, installFakePdd } from './helpers/fake-pdd.js'
import { cloneOf, git, makeRepo, tempDir } from './helpers/git-repo.js'
import { startGitHubApi } from './helpers/github-api.js'

const LFS_ATTRIBUTES = '*.py filter=lfs diff=lfs merge=lfs -text\n'

/** A folder with a `git-lfs` stand-in that logs its calls to `lfs.log` beside it (and fails when `missing`). */
function lfsStandIn(mode: 'ok' | 'missing'): { stubs: string; log: string } {
  const stubs = tempDir()
  const log = path.join(stubs, 'lfs.log')
  const stub = path.join(stubs, 'git-lfs')
  writeFileSync(
    stub,
    `#!/bin/sh\necho "$*" >> "${log}"\n[ "$1" = pre-push ] && cat >> "${log}"\n[ "${mode}" = missing ] && exit 1\nexit 0\n`
  )
  chmodSync(stub, 0o755)
  return { stubs, log }
}

function world(
  attributes: Record<string, string>,
  mode: 'ok' | 'missing'
): { r: ReturnType<typeof runCli>; calls: string[]; origin: string } {
  const repo = makeRepo({
    'prompts/calc_python.prompt': 'calc\n',
    ...attributes
  })
  const [pdd] = installFakePdd(path.join(tempDir(), 'bin'))
  const { stubs, log } = lfsStandIn(mode)
  const env = { ...FAKE_PROVIDER_ENV, PATH: `${stubs}${path.delimiter}${process.env.PATH ?? ''}` }
  const r = runCli(['run', '--repo', repo.dir, '--pdd-command', pdd as string, '--push', 'origin'], env)
  const calls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []
  return { r, calls, origin: repo.origin }
}

describe('run --push and Git LFS', () => {
  it('uploads the LFS objects of the bot branch before pushing it', () => {
    const { r, calls, origin } = world({ '.gitattributes': LFS_ATTRIBUTES }, 'ok')
    expect(r.status, r.stderr).toBe(0)
    expect(calls.slice(0, 2)).toEqual(['version', 'pre-push origin'])
    // What the pre-push hook is told: local ref, its commit, remote ref, the remote's commit (none).
    expect(calls[2]).toMatch(/^\S+ [0-9a-f]{40} refs\/heads\/pdd-sync\/main 0{40}$/)
    expect(calls).toHaveLength(3)
    expect(git(origin, 'branch', '--list', 'pdd-sync/main').trim()).toBe('pdd-sync/main')
  })

  it('a .gitattributes in a subfolder counts too', () => {
    const { r, calls } = world({ 'src/.gitattributes': LFS_ATTRIBUTES }, 'ok')
    expect(r.status, r.stderr).toBe(0)
    expect(calls.slice(0, 2)).toEqual(['version', 'pre-push origin'])
    // What the pre-push hook is told: local ref, its commit, remote ref, the remote's commit (none).
    expect(calls[2]).toMatch(/^\S+ [0-9a-f]{40} refs\/heads\/pdd-sync\/main 0{40}$/)
    expect(calls).toHaveLength(3)
  })

  it('without an LFS pattern git-lfs is never asked', () => {
    const { r, calls } = world({ '.gitattributes': '*.py text eol=lf\n' }, 'ok')
    expect(r.status, r.stderr).toBe(0)
    expect(calls).toEqual([])
  })

  it('warns once when git-lfs is missing, and still pushes the paid work', () => {
    const { r, calls, origin } = world({ '.gitattributes': LFS_ATTRIBUTES }, 'missing')
    expect(r.status, r.stderr).toBe(0)
    expect(calls).toEqual(['version'])
    expect(r.stderr.match(/git-lfs is not installed/g)).toHaveLength(1)
    expect(git(origin, 'branch', '--list', 'pdd-sync/main').trim()).toBe('pdd-sync/main')
  })

  it('in the action, a missing git-lfs is a warning annotation, once, and the bot branch is still pushed', async (t: TestContext) => {
    const api = await startGitHubApi()
    t.onTestFinished(() => api.close())
    api.ensureRepo('acme', 'calc')
    const repo = makeRepo({ 'prompts/calc_python.prompt': 'calc\n', '.gitattributes': LFS_ATTRIBUTES })
    const [pdd] = installFakePdd(path.join(tempDir(), 'bin'))
    const { stubs, log } = lfsStandIn('missing')
    const r = await runActionAsync(
      { mode: 'run', token: 'ghs_stand_in_token', budget: '5', 'pdd-command': pdd as string },
      {
        workspace: cloneOf(repo.origin),
        event: 'workflow_dispatch',
        apiUrl: api.url,
        env: { ...FAKE_PROVIDER_ENV, PATH: `${stubs}${path.delimiter}${process.env.PATH ?? ''}` }
      }
    )
    expect(r.status, r.stdout + r.stderr).toBe(0)
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['version'])
    const said = (r.stdout + r.stderr).split('\n').filter(l => /git-lfs is not installed/.test(l))
    expect(said).toHaveLength(1)
    expect(said[0]).toMatch(/^::warning[^:]*::\.gitattributes stores files in Git LFS/)
    expect(git(repo.origin, 'branch', '--list', 'pdd-sync/main').trim()).toBe('pdd-sync/main')
    expect(api.problems).toEqual([])
  })
})
