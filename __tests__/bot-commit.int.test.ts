/**
 * With real git: carry-over and the human-commit check read the trailers of new bot commits (whatever their
 * subject, whoever GitHub made their committer when it signed them) and still read old commits without
 * trailers the old way; a bot commit a person amended is theirs. The author input reaches the commit and
 * survives a replay.
 */
import { execFileSync } from 'node:child_process'
import { expect, it } from 'vitest'
import { Git, type Identity } from '../src/adapters/git.js'
import { renderCommitMessage } from '../src/execute/commit-message.js'
import { BOT } from '../src/execute/execute.js'
import { WEB_FLOW } from '../src/publish/bot-commit.js'
import { publishBranch } from '../src/publish/branch.js'
import { carryOver } from '../src/publish/carry-over.js'
import { cloneOf, git, gitEnv, makeRepo, writeFiles } from './helpers/git-repo.js'

const BRANCH = 'pdd-sync/main'
const ALICE = { name: 'Alice', email: 'alice@example.com' }

/** Commits `files` on `parent` in `dir` as `author`/`committer` and returns the commit. */
function commitAs(
  dir: string,
  parent: string,
  files: Record<string, string>,
  message: string,
  author: Identity,
  committer: Identity = author
): string {
  git(dir, 'checkout', '-q', '--detach', parent)
  writeFiles(dir, files)
  git(dir, 'add', '-A')
  execFileSync('git', ['commit', '-q', '-F', '-'], {
    cwd: dir,
    input: message,
    env: {
      ...gitEnv(),
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: committer.name,
      GIT_COMMITTER_EMAIL: committer.email
    }
  })
  return git(dir, 'rev-parse', 'HEAD').trim()
}

const newMessage = (basename: string, template: string): string =>
  renderCommitMessage({
    basename,
    units: [{ id: `${basename}_python`, language: 'python', operations: ['generate'] }],
    runId: 'run-1',
    cost: 0.1,
    template
  })

function setup(): { dir: string; origin: string; base: string } {
  const repo = makeRepo({ 'prompts/a_python.prompt': 'a\n' })
  const dir = cloneOf(repo.origin)
  return { dir, origin: repo.origin, base: git(dir, 'rev-parse', 'HEAD').trim() }
}

it('an old commit (subject, bot identity) and a new signed one (trailers, GitHub committer) are carried', async () => {
  const { dir, origin, base } = setup()
  const old = commitAs(dir, base, { 'old.py': '1\n' }, 'pdd-sync: old (python): generate\n', BOT)
  const signed = commitAs(
    dir,
    old,
    { 'new.py': '2\n' },
    newMessage('new', 'chore: {basename}'),
    ALICE,
    WEB_FLOW
  )
  git(dir, 'push', '-q', 'origin', `${signed}:refs/heads/${BRANCH}`)
  const head = commitAs(dir, base, { 'mine.py': '3\n' }, newMessage('mine', 'x {unit}'), BOT)
  const g = await Git.open(dir, gitEnv())
  const kept = await carryOver({
    git: g,
    remote: 'origin',
    branch: BRANCH,
    head,
    ran: new Set(['mine']),
    identity: BOT
  })
  expect(kept.carried).toEqual(['old (python)', 'new (python)'])
  expect(git(dir, 'ls-tree', '-r', '--name-only', kept.head).split('\n')).toEqual(
    expect.arrayContaining(['old.py', 'new.py', 'mine.py'])
  )
  // The carried signed commit keeps its author; the bot commits it again.
  expect(git(dir, 'log', '-1', '--format=%an <%ae>|%cn <%ce>|%s', kept.head).trim()).toBe(
    `Alice <alice@example.com>|${BOT.name} <${BOT.email}>|chore: new`
  )
  git(dir, 'update-ref', `refs/heads/${BRANCH}`, kept.head)
  const p = await publishBranch({
    git: g,
    remote: 'origin',
    branch: BRANCH,
    localRef: `refs/heads/${BRANCH}`,
    base,
    identity: BOT,
    overwriteHumanCommits: false,
    allowWorkflowChanges: false
  })
  expect(p.operation).toBe('pushed')
  expect(git(origin, 'rev-parse', BRANCH).trim()).toBe(kept.head)
})

it('a bot commit a person amended, or a web edit without trailers, is human work: not carried, not overwritten', async () => {
  for (const [author, committer, message] of [
    [BOT, ALICE, newMessage('new', 'pdd-sync: {unit}: {operations}')],
    [ALICE, WEB_FLOW, 'Update new.py\n']
  ] as const) {
    const { dir, origin, base } = setup()
    const theirs = commitAs(dir, base, { 'new.py': '2\n' }, message, author, committer)
    git(dir, 'push', '-q', 'origin', `${theirs}:refs/heads/${BRANCH}`)
    const head = commitAs(dir, base, { 'mine.py': '3\n' }, newMessage('mine', 'x'), BOT)
    git(dir, 'update-ref', `refs/heads/${BRANCH}`, head)
    const g = await Git.open(dir, gitEnv())
    const o = { git: g, remote: 'origin', branch: BRANCH, identity: BOT }
    expect((await carryOver({ ...o, head, ran: new Set(['mine']) })).carried).toEqual([])
    const p = await publishBranch({
      ...o,
      localRef: `refs/heads/${BRANCH}`,
      base,
      overwriteHumanCommits: false,
      allowWorkflowChanges: false
    })
    expect(p.operation).toBe('human-commits')
    expect(p.humanCommits?.map(c => c.sha)).toEqual([theirs])
    expect(git(origin, 'rev-parse', BRANCH).trim()).toBe(theirs)
  }
})

it('commitPaths makes the author input the author and the bot the committer', async () => {
  const { dir, base } = setup()
  git(dir, 'checkout', '-q', '--detach', base)
  writeFiles(dir, { 'a.py': 'x\n' })
  const g = await Git.open(dir, gitEnv())
  const sha = await g.commitPaths(['a.py'], newMessage('a', 'sync {unit}'), BOT, ALICE)
  expect(
    git(
      dir,
      'log',
      '-1',
      '--format=%an <%ae>|%cn <%ce>|%(trailers:key=PDD-Sync-Run,valueonly)',
      sha ?? ''
    ).trim()
  ).toBe(`Alice <alice@example.com>|${BOT.name} <${BOT.email}>|run-1`)
})
