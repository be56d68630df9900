import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Git } from '../src/adapters/git.js'
import { WorktreePool } from '../src/execute/worktree-pool.js'
import { git, makeRepo, writeFiles } from './helpers/git-repo.js'

const BOT = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' }
const worktrees = (dir: string): number => git(dir, 'worktree', 'list').trim().split('\n').length

describe('WorktreePool (real git worktrees, reused from group to group)', () => {
  it('gives a used worktree back clean at the next base: no change, untracked, ignored or staged file of the last group', async () => {
    const repo = makeRepo({ 'a.py': '1\n', '.gitignore': '*.log\nvenv/\n' })
    const base1 = git(repo.dir, 'rev-parse', 'HEAD').trim()
    const base2 = repo.commit({ 'a.py': '2\n', 'b.py': 'b\n' })
    const pool = new WorktreePool(await Git.open(repo.dir))
    const first = await pool.acquire(base1)
    writeFiles(first.dir, { 'a.py': 'edited\n', 'new.py': 'n\n', 'crash.log': 'x\n', 'venv/lib/x.py': 'x\n' })
    writeFiles(first.dir, { '.pdd/meta/a_python.json': '{}', 'nested/.git/HEAD': 'ref: refs/heads/x\n' })
    const commit = (await first.wt.commitPaths(['new.py'], 'group 1', BOT)) as string
    writeFiles(first.dir, { 'staged.py': 's\n' })
    git(first.dir, 'add', 'staged.py')
    writeFileSync(path.join(first.scratch, 'cost.csv'), 'old\n')
    pool.release(first, commit)

    const second = await pool.acquire(base2)
    expect(second.dir).toBe(first.dir)
    expect(git(second.dir, 'rev-parse', 'HEAD').trim()).toBe(base2)
    expect(git(second.dir, 'status', '--porcelain', '--ignored', '--untracked-files=all')).toBe('')
    expect(readFileSync(path.join(second.dir, 'a.py'), 'utf8')).toBe('2\n')
    expect(existsSync(path.join(second.dir, 'new.py'))).toBe(false)
    expect(existsSync(path.join(second.dir, 'nested'))).toBe(false)
    pool.release(second, base2)
    expect(await pool.close()).toEqual([])
    expect(worktrees(repo.dir)).toBe(1)
    expect(existsSync(first.dir)).toBe(false)
    expect(existsSync(first.scratch)).toBe(false)
  })

  it('lends distinct worktrees to groups running at once, makes no more than run at once, and removes them all', async () => {
    const repo = makeRepo({ 'a.py': '1\n' })
    const base = git(repo.dir, 'rev-parse', 'HEAD').trim()
    const pool = new WorktreePool(await Git.open(repo.dir))
    const dirs = new Set<string>()
    for (let round = 0; round < 3; round++) {
      const places = await Promise.all([pool.acquire(base), pool.acquire(base), pool.acquire(base)])
      expect(new Set(places.map(p => p.dir)).size).toBe(3)
      for (const p of places) {
        dirs.add(p.dir)
        writeFileSync(path.join(p.dir, 'scratch.txt'), p.dir)
      }
      for (const p of places) pool.release(p, base)
    }
    expect(dirs.size).toBe(3)
    expect(worktrees(repo.dir)).toBe(4)
    expect(await pool.close()).toEqual([])
    expect(worktrees(repo.dir)).toBe(1)
    expect([...dirs].filter(d => existsSync(d))).toEqual([])
  })

  it('a worktree git cannot scrub is dropped and replaced by a new one, and still removed at the end', async () => {
    const repo = makeRepo({ 'a.py': '1\n' })
    const base = git(repo.dir, 'rev-parse', 'HEAD').trim()
    const pool = new WorktreePool(await Git.open(repo.dir))
    const first = await pool.acquire(base)
    // A pdd killed in the middle of a git command leaves the work tree's index locked.
    const gitDir = git(first.dir, 'rev-parse', '--absolute-git-dir').trim()
    writeFileSync(path.join(gitDir, 'index.lock'), '')
    writeFiles(first.dir, { 'a.py': 'dirty\n' })
    pool.release(first, base)
    const second = await pool.acquire(base)
    expect(second.dir).not.toBe(first.dir)
    expect(git(second.dir, 'status', '--porcelain')).toBe('')
    pool.release(second, base)
    await pool.close()
    expect(worktrees(repo.dir)).toBe(1)
    expect(existsSync(first.dir)).toBe(false)
    expect(existsSync(second.dir)).toBe(false)
  })
  it('lends the idle worktree already at the group’s base (the head it was scrubbed to), not the first or last one back', async () => {
    const repo = makeRepo({ 'a.py': '1\n' })
    const base1 = git(repo.dir, 'rev-parse', 'HEAD').trim()
    const base2 = repo.commit({ 'a.py': '2\n' })
    const pool = new WorktreePool(await Git.open(repo.dir))
    const [x, y, z] = await Promise.all([pool.acquire(base1), pool.acquire(base1), pool.acquire(base1)])
    writeFiles(y.dir, { 'scratch.txt': 'x\n' })
    // Given back scrubbed to the bot branch's head then: only the middle one at base2.
    pool.release(x, base1)
    pool.release(y, base2)
    pool.release(z, base1)
    const next = await pool.acquire(base2)
    expect(next.dir).toBe(y.dir)
    expect(git(next.dir, 'rev-parse', 'HEAD').trim()).toBe(base2)
    expect(git(next.dir, 'status', '--porcelain', '--ignored', '--untracked-files=all')).toBe('')
    const other = await pool.acquire(base2)
    expect([x.dir, z.dir]).toContain(other.dir)
    expect(git(other.dir, 'rev-parse', 'HEAD').trim()).toBe(base2)
    for (const p of [next, other]) pool.release(p, base2)
    expect(await pool.close()).toEqual([])
    expect(worktrees(repo.dir)).toBe(1)
  })
  it('anyBase: an idle worktree is lent at the head it was scrubbed to (no checkout), clean, and says where it is', async () => {
    const repo = makeRepo({ 'a.py': '1\n' })
    const base1 = git(repo.dir, 'rev-parse', 'HEAD').trim()
    const base2 = repo.commit({ 'a.py': '2\n' })
    const pool = new WorktreePool(await Git.open(repo.dir))
    const first = await pool.acquire(base1)
    expect(first.head).toBe(base1)
    writeFiles(first.dir, { 'a.py': 'edited\n', 'new.py': 'n\n' })
    pool.release(first, base1)
    const any = await pool.acquire(base2, true)
    expect(any.dir).toBe(first.dir)
    expect(any.head).toBe(base1)
    expect(git(any.dir, 'rev-parse', 'HEAD').trim()).toBe(base1)
    expect(git(any.dir, 'status', '--porcelain', '--ignored', '--untracked-files=all')).toBe('')
    pool.release(any, base1)
    const exact = await pool.acquire(base2)
    expect(exact.head).toBe(base2)
    expect(git(exact.dir, 'rev-parse', 'HEAD').trim()).toBe(base2)
    pool.release(exact, base2)
    expect(await pool.close()).toEqual([])
  })
  it('retire: idle worktrees are removed at once, and each one given back after it, never lent again', async () => {
    const repo = makeRepo({ 'a.py': '1\n' })
    const base = git(repo.dir, 'rev-parse', 'HEAD').trim()
    const pool = new WorktreePool(await Git.open(repo.dir))
    const [idle, busy] = await Promise.all([pool.acquire(base), pool.acquire(base)])
    pool.release(idle, base)
    pool.retire()
    pool.release(busy, base)
    // Neither is lent again: a (late) group gets a new one.
    const late = await pool.acquire(base)
    expect([idle.dir, busy.dir]).not.toContain(late.dir)
    pool.release(late, base)
    expect(await pool.close()).toEqual([])
    expect(worktrees(repo.dir)).toBe(1)
    expect([idle.dir, busy.dir, late.dir].filter(d => existsSync(d))).toEqual([])
  })
})

describe('WorktreePool.prewarm (worktrees made before the first groups ask)', () => {
  it('makes the worktrees ahead, lends them to the first groups, makes a spare up to its limit, and removes them all', async () => {
    const repo = makeRepo({ 'a.py': '1\n' })
    const base = git(repo.dir, 'rev-parse', 'HEAD').trim()
    const pool = new WorktreePool(await Git.open(repo.dir), 3)
    pool.prewarm(base, 2)
    const [a, b] = await Promise.all([pool.acquire(base), pool.acquire(base, true)])
    // Both were made ahead: named wt-1 and wt-2, and the spare (wt-3) is being made now that none is idle.
    expect([a.dir, b.dir].map(d => path.basename(d).split('-').slice(0, 2).join('-')).sort()).toEqual([
      'wt-1',
      'wt-2'
    ])
    const c = await pool.acquire(base)
    expect(path.basename(c.dir).startsWith('wt-3-')).toBe(true)
    for (const p of [a, b, c]) expect(git(p.dir, 'rev-parse', 'HEAD').trim()).toBe(base)
    // No more than the limit: a fourth group at once waits for nothing, it makes its own.
    const d = await pool.acquire(base)
    expect(path.basename(d.dir).startsWith('wt-4-')).toBe(true)
    for (const p of [a, b, c, d]) pool.release(p, base)
    expect(await pool.close()).toEqual([])
    expect(worktrees(repo.dir)).toBe(1)
  })

  it('a worktree that could not be made ahead is dropped quietly: the group makes its own, and the error is its', async () => {
    const repo = makeRepo({ 'a.py': '1\n' })
    const base = git(repo.dir, 'rev-parse', 'HEAD').trim()
    const pool = new WorktreePool(await Git.open(repo.dir), 2)
    pool.prewarm('0'.repeat(40), 1)
    const place = await pool.acquire(base)
    expect(git(place.dir, 'rev-parse', 'HEAD').trim()).toBe(base)
    await expect(pool.acquire('1'.repeat(40))).rejects.toThrow(/worktree add/)
    pool.release(place, base)
    expect(await pool.close()).toEqual([])
    expect(worktrees(repo.dir)).toBe(1)
  })
})
