/**
 * Git states a command-line run meets. A bot branch checked out in another work tree of the repository
 * (`git worktree add ../review pdd-sync/main`): before the fix the run moved it there, and that work tree showed
 * the bot's commits as staged deletions (a commit there would revert them). Now `run` and `finalize` refuse
 * before anything is planned or paid, naming the work tree (src/cli/bot-branch-use.ts).
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCliAsync } from './helpers/bundles.js'
import { git, tempDir } from './helpers/git-repo.js'
import { changes, pddStarts, sandbox, SECRETS, snapshot } from './helpers/reliability.js'

const FILES = { 'prompts/calc_python.prompt': 'Write a calculator.\n' }
const ENV = { ...process.env, OPENAI_API_KEY: SECRETS.openai }
const IN_USE =
  /--branch "pdd-sync\/main" is checked out in (\S+): moving it there would show the bot's commits/

describe.concurrent('the bot branch checked out in another work tree', () => {
  it('cli run refuses before pdd starts, and the other work tree stays clean', async () => {
    const s = sandbox(FILES)
    git(s.dir, 'branch', 'pdd-sync/main')
    const review = path.join(tempDir(), 'review')
    git(s.dir, 'worktree', 'add', '-q', review, 'pdd-sync/main')
    const before = snapshot(s)
    const r = await runCliAsync(
      ['run', '--repo', s.dir, '--pdd-command', s.pddCommand, '--no-fetch'],
      ENV,
      s.dir
    )
    expect(r.stderr).toMatch(IN_USE)
    expect(r.stderr).toContain(review)
    expect(r.status).toBe(2)
    expect(pddStarts(s)).toEqual([])
    expect(changes(before, snapshot(s), {})).toEqual([])
    expect(git(review, 'status', '--porcelain')).toBe('')
  })

  it('cli finalize refuses the same way', async () => {
    const s = sandbox(FILES)
    git(s.dir, 'branch', 'pdd-sync/main')
    const review = path.join(tempDir(), 'review')
    git(s.dir, 'worktree', 'add', '-q', review, 'pdd-sync/main')
    const matrix = JSON.stringify({ include: [{ shard: '0', units: 'calc_python', budget: '1.0000' }] })
    const r = await runCliAsync(
      ['finalize', '--repo', s.dir, '--matrix', matrix, '--run-key', 'k'],
      ENV,
      s.dir
    )
    expect(r.stderr).toMatch(IN_USE)
    expect(r.status).toBe(2)
  })

  it('a work tree on another branch does not stop a run', async () => {
    const s = sandbox(FILES)
    git(s.dir, 'branch', 'topic')
    git(s.dir, 'worktree', 'add', '-q', path.join(tempDir(), 'topic'), 'topic')
    const r = await runCliAsync(
      ['run', '--repo', s.dir, '--pdd-command', s.pddCommand, '--no-fetch'],
      ENV,
      s.dir
    )
    expect(r.stderr).not.toMatch(/is checked out in/)
    expect(pddStarts(s).some(a => a.includes('sync'))).toBe(true)
  })
})
