/**
 * Without a `token` the action calls no API, still pushes the bot branch (here to a local origin that
 * needs no credential), and the job summary says why there is no pull request instead of staying silent.
 * The pdd stand-in syncs the unit (PDD's own behaviour is not under test here).
 */
import { afterEach, expect, it } from 'vitest'
import { runActionAsync } from './helpers/action-runner.js'
import { installFakePdd } from './helpers/fake-pdd.js'
import { cloneOf, git, makeRepo, tempDir } from './helpers/git-repo.js'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'

let api: GitHubApi | undefined
afterEach(async () => {
  await api?.close()
})

const WHY = /No pull request: the "token" input is empty, so pdd-sync cannot call the GitHub API/

it.each([
  ['no token: the summary says why there is no pull request, and no API call is made', '', false],
  ['a token: a pull request and no such note', 'ghs_noTokenTestToken0123456789', true]
])(
  '%s',
  async (_name, token, withPr) => {
    api = await startGitHubApi()
    api.ensureRepo('acme', 'calc')
    const repo = makeRepo({ 'prompts/calc_python.prompt': 'calc\n' })
    const [pdd] = installFakePdd(tempDir('fake-pdd-'), {})
    const r = await runActionAsync(
      { mode: 'run', token, 'pdd-command': pdd as string, budget: '10' },
      { workspace: cloneOf(repo.origin), event: 'workflow_dispatch', apiUrl: api.url }
    )
    expect(r.status, r.stdout).toBe(0)
    expect(r.outputs.synced).toBe('["calc_python"]')
    expect(git(repo.origin, 'ls-tree', '-r', '--name-only', 'refs/heads/pdd-sync/main')).toMatch(/calc\.py/)
    if (withPr) {
      expect(r.summary).not.toMatch(WHY)
      expect(r.outputs['pull-request-operation']).toBe('created')
    } else {
      expect(r.summary).toMatch(WHY)
      expect(r.outputs['pull-request-operation']).toBe('none')
      expect(api.requests).toEqual([])
    }
  },
  120_000
)
