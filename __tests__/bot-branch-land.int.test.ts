/**
 * With real git: a group whose commit cannot be put on the bot branch (a git error: here the branch's ref is
 * locked) must not take the groups after it down too, nor vanish from the run's result. Before the fix, one
 * failed land rejected every later land of the run (the replay chain stayed rejected), and executePlan left
 * those groups' units out of the result entirely while booking their spend.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { Git } from '../src/adapters/git.js'
import { BotBranch } from '../src/execute/bot-branch.js'
import { BOT } from '../src/execute/execute.js'
import type { GroupRun } from '../src/execute/group.js'
import { git, makeRepo, writeFiles } from './helpers/git-repo.js'

const BRANCH = 'pdd-sync/main'

/** A group's commit of `file` on `base` (as a group's worktree makes it), as a GroupRun of one synced unit. */
function groupRun(dir: string, base: string, name: string): GroupRun {
  git(dir, 'checkout', '-q', '--detach', base)
  writeFiles(dir, { [`${name}.py`]: `UNIT = '${name}'\n` })
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', `pdd-sync: ${name}`)
  const commit = git(dir, 'rev-parse', 'HEAD').trim()
  const unit = { id: `${name}_python`, basename: name, language: 'python', operations: ['generate'] }
  return {
    units: [{ ...unit, status: 'synced', cost: 0.01, reason: 'in sync' }],
    cost: 0.01,
    commit,
    base
  }
}

it('a land that fails leaves the next groups landing on the head before it', async () => {
  const repo = makeRepo({ 'prompts/a_python.prompt': 'a\n' })
  const base = git(repo.dir, 'rev-parse', 'HEAD').trim()
  const runs = ['a', 'b', 'c'].map(n => groupRun(repo.dir, base, n))
  const g = await Git.open(repo.dir)
  const bot = await BotBranch.reset(g, BRANCH, base, BOT)
  const lock = path.join(repo.dir, '.git', 'refs', 'heads', 'pdd-sync', 'main.lock')
  mkdirSync(path.dirname(lock), { recursive: true })
  writeFileSync(lock, '')
  await expect(bot.land(runs[0] as GroupRun)).rejects.toThrow(/update-ref/)
  rmSync(lock)
  await bot.land(runs[1] as GroupRun)
  await bot.land(runs[2] as GroupRun)
  const files = git(repo.dir, 'ls-tree', '-r', '--name-only', BRANCH).split('\n')
  expect(files).toEqual(expect.arrayContaining(['b.py', 'c.py']))
  expect(files).not.toContain('a.py')
  expect(bot.head).toBe(git(repo.dir, 'rev-parse', BRANCH).trim())
  expect(runs[1]?.units[0]?.commit).toBeDefined()
})
