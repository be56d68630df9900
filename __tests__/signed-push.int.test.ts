/**
 * sign-commits (docs/architecture.md "Signed commits"): the bot branch's commits are made again through the API
 * stand-in — GraphQL createCommitOnBranch, or the git data API for what GraphQL cannot carry — with the very
 * trees git made, signed by GitHub, moved into place with a lease; the next run knows them as the bot's.
 */
import { execFileSync } from 'node:child_process'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { Git } from '../src/adapters/git.js'
import { renderCommitMessage } from '../src/execute/commit-message.js'
import { BOT } from '../src/execute/execute.js'
import { publishBranch, type PublishBranchOptions } from '../src/publish/branch.js'
import { carryOver } from '../src/publish/carry-over.js'
import type { SignPath } from '../src/publish/signed-push.js'
import { cloneOf, git, gitEnv, makeRepo, writeFiles, type TestRepo } from './helpers/git-repo.js'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'
import { clientOf } from './helpers/github-client.js'

const BRANCH = 'pdd-sync/main'
const LOCAL = `refs/heads/${BRANCH}`
const TOKEN = 'ghs_signedPushTokenNeverShown0123456789'

let api: GitHubApi
let repo: TestRepo
let dir: string
let base: string
beforeEach(async () => {
  repo = makeRepo({ 'calc.py': 'x = 1\n', 'old.txt': 'gone soon\n', 'run.sh': 'echo hi\n' })
  api = await startGitHubApi({ gitDir: full => (full === 'acme/calc' ? repo.origin : undefined) })
  api.ensureRepo('acme', 'calc')
  dir = cloneOf(repo.origin)
  base = git(dir, 'rev-parse', 'HEAD').trim()
})
afterEach(async () => {
  expect(api.problems).toEqual([])
  expect(JSON.stringify(api.requests.map(r => r.body))).not.toContain(TOKEN)
  await api.close()
})

/** A bot commit of `basename` on `parent`: `files` written (null deletes), `exec` paths made executable. */
function botCommit(
  parent: string,
  basename: string,
  files: Record<string, string | null>,
  exec: string[] = []
): string {
  git(dir, 'checkout', '-q', '--detach', parent)
  for (const [p, text] of Object.entries(files)) {
    if (text === null) git(dir, 'rm', '-q', p)
    else writeFiles(dir, { [p]: text })
  }
  git(dir, 'add', '-A')
  for (const p of exec) git(dir, 'update-index', '--chmod=+x', p)
  const message = renderCommitMessage({
    basename,
    units: [{ id: `${basename}_python`, language: 'python', operations: ['generate'] }],
    runId: 'run-1',
    cost: 0.5
  })
  execFileSync('git', ['commit', '-q', '-F', '-'], {
    cwd: dir,
    input: message,
    env: {
      ...gitEnv(),
      GIT_AUTHOR_NAME: BOT.name,
      GIT_AUTHOR_EMAIL: BOT.email,
      GIT_COMMITTER_NAME: BOT.name,
      GIT_COMMITTER_EMAIL: BOT.email
    }
  })
  const head = git(dir, 'rev-parse', 'HEAD').trim()
  git(dir, 'update-ref', LOCAL, head)
  return head
}

async function publish(via?: SignPath, o: Partial<PublishBranchOptions> = {}) {
  return publishBranch({
    git: await Git.open(dir, gitEnv()),
    remote: 'origin',
    branch: BRANCH,
    localRef: LOCAL,
    base,
    identity: BOT,
    overwriteHumanCommits: false,
    allowWorkflowChanges: false,
    sign: { github: clientOf(api, 'acme/calc', TOKEN), ...(via ? { via } : {}) },
    ...o
  })
}

const remote = (rev: string, format: string): string =>
  git(repo.origin, 'log', '--reverse', `--format=${format}`, `${base}..${rev}`).trim()
const fields = (): string[] => api.graphql.flatMap(c => c.fields)

it.each(['graphql', 'git-data'] as const)(
  'via %s: the same trees and messages as git, signed by GitHub, the branch created and then moved with a lease',
  async via => {
    const c1 = botCommit(base, 'calc', { 'calc.py': 'x = 2\n', 'pkg/new.py': 'y = 1\n', 'old.txt': null })
    const c2 = botCommit(c1, 'greet', { 'greet.py': 'print("hi")\n', 'bin.dat': '\u0000\u00ff\u0001binary' })
    const p = await publish(via)
    expect(p.operation).toBe('pushed')
    const head = git(repo.origin, 'rev-parse', BRANCH).trim()
    expect(p.head).toBe(head)
    expect(head).not.toBe(c2)
    // Same trees, same messages (trailers included), committed by GitHub and listed as signed.
    expect(remote(BRANCH, '%T')).toBe(
      [c1, c2].map(c => git(dir, 'rev-parse', `${c}^{tree}`).trim()).join('\n')
    )
    expect(remote(BRANCH, '%B')).toBe(git(dir, 'log', '--reverse', '--format=%B', `${base}..${c2}`).trim())
    expect(remote(BRANCH, '%cn <%ce>')).toBe('GitHub <noreply@github.com>\nGitHub <noreply@github.com>')
    expect(api.verified).toEqual(expect.arrayContaining(remote(BRANCH, '%H').split('\n')))
    // No scratch branch is left; the signed head is in the local repository (the notes go on it).
    expect(
      git(repo.origin, 'for-each-ref', '--format=%(refname)', 'refs/heads').trim().split('\n').sort()
    ).toEqual(['refs/heads/main', `refs/heads/${BRANCH}`])
    expect(git(dir, 'cat-file', '-t', head).trim()).toBe('commit')
    if (via === 'graphql') expect(fields().filter(f => f === 'createCommitOnBranch')).toHaveLength(2)
    else expect(api.requests.filter(r => r.operationId === 'git/create-commit')).toHaveLength(2)

    // The next run: the signed commits are the bot's (carried, not human), and a new push moves the branch.
    const g = await Git.open(dir, gitEnv())
    const mine = botCommit(base, 'greet', { 'greet.py': 'print("hello")\n' })
    const kept = await carryOver({
      git: g,
      remote: 'origin',
      branch: BRANCH,
      head: mine,
      ran: new Set(['greet']),
      identity: BOT
    })
    expect(kept.carried).toEqual(['calc (python)'])
    git(dir, 'update-ref', LOCAL, kept.head)
    const again = await publish(via)
    expect(again.humanCommits ?? []).toEqual([])
    expect(again.operation).toBe('pushed')
    expect(git(repo.origin, 'rev-parse', `${BRANCH}^{tree}`).trim()).toBe(
      git(dir, 'rev-parse', `${kept.head}^{tree}`).trim()
    )

    // Another run moved the branch meanwhile: the lease refuses, and the branch stays where that run left it.
    const moved = git(repo.origin, 'rev-parse', BRANCH).trim()
    botCommit(base, 'calc', { 'calc.py': 'x = 3\n' })
    const stale = await publish(via, { remoteSha: base })
    expect(stale.operation).toBe('lease-failed')
    expect(git(repo.origin, 'rev-parse', BRANCH).trim()).toBe(moved)
  }
)

it('an executable goes through the git data API (createCommitOnBranch carries no modes), with its mode', async () => {
  const c1 = botCommit(base, 'tool', { 'run.sh': 'echo bye\n', 'tool.sh': 'exit 0\n' }, ['run.sh', 'tool.sh'])
  const p = await publish()
  expect(p.operation).toBe('pushed')
  expect(fields()).not.toContain('createCommitOnBranch')
  expect(api.requests.filter(r => r.operationId === 'git/create-tree')).toHaveLength(1)
  expect(git(repo.origin, 'rev-parse', `${BRANCH}^{tree}`).trim()).toBe(
    git(dir, 'rev-parse', `${c1}^{tree}`).trim()
  )
  expect(git(repo.origin, 'ls-tree', BRANCH, 'tool.sh').trim()).toMatch(/^100755 /)
})

it('forced through GraphQL, an executable would lose its mode: refused, nothing moved, no scratch branch left', async () => {
  botCommit(base, 'tool', { 'tool.sh': 'exit 0\n' }, ['tool.sh'])
  await expect(publish('graphql')).rejects.toThrow(/made tree .* not git's/)
  expect(git(repo.origin, 'for-each-ref', '--format=%(refname)', 'refs/heads').trim()).toBe('refs/heads/main')
})
