import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Git } from '../src/adapters/git.js'
import { BotBranch } from '../src/execute/bot-branch.js'
import type { GroupRun } from '../src/execute/result.js'
import { WorktreePool, type Place } from '../src/execute/worktree-pool.js'
import { git, makeRepo, writeFiles } from './helpers/git-repo.js'

const BOT = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' }

/** A group that synced in `place`: its files written there, its commit still to make when it lands. */
function synced(place: Place, id: string, files: Record<string, string>, partial = false): GroupRun {
  writeFiles(place.dir, files)
  const message = `pdd-sync: ${id} (python): generate\n\nPdd-Sync-Run: test\n`
  return {
    units: [
      {
        id,
        basename: id,
        language: 'python',
        status: partial ? 'failed' : 'synced',
        operations: [],
        cost: 0.1,
        reason: 'r',
        ...(partial ? { partial: true } : {})
      }
    ],
    cost: 0.1,
    commit: null,
    base: place.head,
    pending: { wt: place.wt, paths: Object.keys(files), message, identity: BOT }
  }
}

const parents = (dir: string, rev: string): string[] =>
  git(dir, 'rev-list', '--parents', '-n', '1', rev).trim().split(' ').slice(1)

describe('BotBranch: a group’s commit is made when it lands (real git, worktrees of one base)', () => {
  it('groups that started from one base and touch different files land as fast-forwards: the commit made is the one landed, no replay', async () => {
    const repo = makeRepo({ 'a.py': '1\n', 'b.py': '1\n' })
    const base = git(repo.dir, 'rev-parse', 'HEAD').trim()
    const g = await Git.open(repo.dir)
    const pool = new WorktreePool(g)
    const [p1, p2, p3] = await Promise.all([pool.acquire(base), pool.acquire(base), pool.acquire(base)])
    const bot = await BotBranch.reset(g, 'pdd-sync/main', base, BOT)
    const runs = [
      synced(p1, 'a', { 'a.py': 'a synced\n', 'tests/test_a.py': 'ta\n' }),
      synced(p2, 'b', { 'b.py': 'b synced\n' }),
      synced(p3, 'c', { 'c.py': 'c new\n' })
    ]
    for (const r of runs) await bot.land(r)
    // Each commit was made on the head the previous one left: exactly the worktree's commit is on the branch.
    expect(runs.map(r => r.units[0]?.commit)).toEqual(runs.map(r => r.commit))
    expect(bot.head).toBe(runs[2]?.commit)
    expect(git(repo.dir, 'rev-parse', 'pdd-sync/main').trim()).toBe(bot.head)
    expect(parents(repo.dir, runs[1]?.commit as string)).toEqual([runs[0]?.commit])
    expect(parents(repo.dir, runs[2]?.commit as string)).toEqual([runs[1]?.commit])
    expect(parents(repo.dir, runs[0]?.commit as string)).toEqual([base])
    const files = git(repo.dir, 'ls-tree', '-r', '--name-only', 'pdd-sync/main').trim().split('\n')
    expect(files.sort()).toEqual(['a.py', 'b.py', 'c.py', 'tests/test_a.py'])
    expect(git(repo.dir, 'show', 'pdd-sync/main:b.py')).toBe('b synced\n')
    expect(git(repo.dir, 'show', 'pdd-sync/main:a.py')).toBe('a synced\n')
    // Each commit holds its own group's files only, with the message given and the bot as committer.
    expect(
      git(repo.dir, 'diff-tree', '--no-commit-id', '--name-only', '-r', runs[1]?.commit as string).trim()
    ).toBe('b.py')
    expect(git(repo.dir, 'log', '-1', '--format=%B%x00%cn', runs[1]?.commit as string)).toBe(
      `pdd-sync: b (python): generate\n\nPdd-Sync-Run: test\n\0${BOT.name}\n`
    )
    for (const p of [p1, p2, p3]) pool.release(p, bot.head)
    expect(await pool.close()).toEqual([])
  })

  it('a group whose files another group changed since its base is committed on its base and replayed: a conflict fails it', async () => {
    const repo = makeRepo({ 'shared.py': '1\n', 'x.py': '1\n' })
    const base = git(repo.dir, 'rev-parse', 'HEAD').trim()
    const g = await Git.open(repo.dir)
    const pool = new WorktreePool(g)
    const [p1, p2, p3] = await Promise.all([pool.acquire(base), pool.acquire(base), pool.acquire(base)])
    const bot = await BotBranch.reset(g, 'pdd-sync/main', base, BOT)
    const first = synced(p1, 'one', { 'shared.py': 'one\n' })
    const second = synced(p2, 'two', { 'shared.py': 'two\n' })
    const third = synced(p3, 'three', { 'x.py': 'three\n', 'shared.py': '1\n' })
    await bot.land(first)
    await bot.land(second)
    expect(second.units[0]?.status).toBe('conflict')
    expect(second.units[0]?.commit).toBeUndefined()
    expect(bot.head).toBe(first.commit)
    // Its commit was made on its base (in its worktree), not on the head.
    expect(parents(repo.dir, second.commit as string)).toEqual([base])
    // shared.py unchanged in the third group's worktree, but another group changed it since: replayed, the
    // same change merges cleanly (its shared.py is the base's), and the landed commit is a new one.
    await bot.land(third)
    expect(third.units[0]?.status).toBe('synced')
    expect(third.units[0]?.commit).toBe(bot.head)
    expect(bot.head).not.toBe(third.commit)
    expect(parents(repo.dir, bot.head)).toEqual([first.commit])
    expect(git(repo.dir, 'show', 'pdd-sync/main:shared.py')).toBe('one\n')
    expect(git(repo.dir, 'show', 'pdd-sync/main:x.py')).toBe('three\n')
    for (const p of [p1, p2, p3]) pool.release(p, bot.head)
    expect(await pool.close()).toEqual([])
  })

  it('a commit that holds no change lands nothing and takes back the partial mark; a worktree at an older head still fast-forwards', async () => {
    const repo = makeRepo({ 'a.py': '1\n', 'b.py': '1\n' })
    const base = git(repo.dir, 'rev-parse', 'HEAD').trim()
    const g = await Git.open(repo.dir)
    const pool = new WorktreePool(g)
    const [p1, p2] = await Promise.all([pool.acquire(base), pool.acquire(base)])
    const bot = await BotBranch.reset(g, 'pdd-sync/main', base, BOT)
    const same = synced(p1, 'a', { 'a.py': '1\n' }, true)
    await bot.land(same)
    expect(same.commit).toBeNull()
    expect(same.units[0]?.partial).toBeUndefined()
    expect(bot.head).toBe(base)
    const b = synced(p2, 'b', { 'b.py': 'b\n' })
    await bot.land(b)
    expect(b.units[0]?.commit).toBe(b.commit)
    pool.release(p1, bot.head)
    // p1 is scrubbed to the new head; a group there lands on top of it, no replay.
    const again = await pool.acquire(base, true)
    expect(again.head).toBe(bot.head)
    const c = synced(again, 'c', { 'c.py': 'c\n' })
    await bot.land(c)
    expect(parents(repo.dir, c.commit as string)).toEqual([b.commit])
    expect(readFileSync(path.join(again.dir, 'c.py'), 'utf8')).toBe('c\n')
    for (const p of [again, p2]) pool.release(p, bot.head)
    expect(await pool.close()).toEqual([])
  })
})
