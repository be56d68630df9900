/**
 * actions/checkout clones with depth 1. The bot branch of an earlier run forks from an older base commit, beyond
 * that shallow boundary: publishing and carrying over must still tell the bot's commits from the base's history.
 */
import { execFileSync } from 'node:child_process'
import { expect, it } from 'vitest'
import { Git } from '../src/adapters/git.js'
import { BOT } from '../src/execute/execute.js'
import { publishBranch } from '../src/publish/branch.js'
import { carryOver } from '../src/publish/carry-over.js'
import { cloneOf, git, gitEnv, makeRepo, writeFiles } from './helpers/git-repo.js'

const BRANCH = 'pdd-sync/main'
const LOCAL = `refs/heads/${BRANCH}`

/** A bot commit of `files` on `base` in `dir`, set as the local bot branch. */
function botCommit(dir: string, base: string, files: Record<string, string>, subject: string): string {
  git(dir, 'checkout', '-q', '--detach', base)
  writeFiles(dir, files)
  git(dir, 'add', '-A')
  execFileSync('git', ['commit', '-q', '-m', subject], {
    cwd: dir,
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

it('in a depth-1 clone, an earlier bot branch forked from an older base is neither human work nor lost', async () => {
  const repo = makeRepo({ 'prompts/calc_python.prompt': 'calc\n', 'prompts/greet_python.prompt': 'greet\n' })
  for (let i = 0; i < 3; i++) repo.commit({ [`notes${i}.md`]: `${i}\n` }, `human ${i}`)
  const first = cloneOf(repo.origin)
  const b1 = git(first, 'rev-parse', 'HEAD').trim()
  botCommit(first, b1, { 'calc.py': 'x = 1\n' }, 'pdd-sync: calc (python): generate')
  const g1 = await Git.open(first, gitEnv())
  const opts = { remote: 'origin', branch: BRANCH, localRef: LOCAL, identity: BOT }
  const p1 = await publishBranch({
    ...opts,
    git: g1,
    base: b1,
    overwriteHumanCommits: false,
    allowWorkflowChanges: false
  })
  expect(p1.operation).toBe('pushed')

  // The base moves on; the next run checks out only its tip.
  for (let i = 3; i < 6; i++) repo.commit({ [`notes${i}.md`]: `${i}\n` }, `human ${i}`)
  const shallow = cloneOf(repo.origin, 1)
  expect(git(shallow, 'rev-parse', '--is-shallow-repository').trim()).toBe('true')
  const b2 = git(shallow, 'rev-parse', 'HEAD').trim()
  const g2 = await Git.open(shallow, gitEnv())
  const head = botCommit(shallow, b2, { 'greet.py': 'y = 2\n' }, 'pdd-sync: greet (python): generate')

  const kept = await carryOver({ ...opts, git: g2, head, ran: new Set(['greet']) })
  expect(kept.carried).toEqual(['calc (python)'])
  const files = git(shallow, 'ls-tree', '-r', '--name-only', kept.head)
  expect(files).toMatch(/^calc\.py$/m)
  expect(files).toMatch(/^greet\.py$/m)

  const p2 = await publishBranch({
    ...opts,
    git: g2,
    base: b2,
    overwriteHumanCommits: false,
    allowWorkflowChanges: false
  })
  expect(p2.humanCommits ?? []).toEqual([])
  expect(p2.operation).toBe('pushed')
  expect(git(repo.origin, 'rev-parse', LOCAL).trim()).toBe(kept.head)
})
