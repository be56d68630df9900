/**
 * The pool's worktrees are removed without a `git worktree remove` process: their files and administrative
 * folder deleted as git deletes them (src/adapters/git/worktrees.ts), leaving nothing for `git worktree prune`;
 * a worktree git would not remove so (a locked one) is still left to git. Real git, a `git` on PATH logging
 * each command.
 */
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Git } from '../src/adapters/git.js'
import { WorktreePool } from '../src/execute/worktree-pool.js'
import { git, makeRepo, writeFiles } from './helpers/git-repo.js'
import { loggingGit } from './helpers/logging-git.js'

const admins = (dir: string): string[] => {
  const d = path.join(dir, '.git', 'worktrees')
  return existsSync(d) ? readdirSync(d) : []
}

describe('removing the pool’s worktrees', () => {
  it('files and administrative folder deleted, no git process; git has nothing left to prune', async () => {
    const repo = makeRepo({ 'a.py': '1\n', 'src/b.py': 'b\n' })
    const base = git(repo.dir, 'rev-parse', 'HEAD').trim()
    const logged = loggingGit()
    const pool = new WorktreePool(await Git.open(repo.dir, logged.env))
    const places = await Promise.all([pool.acquire(base), pool.acquire(base)])
    writeFiles(places[0]?.dir ?? '', { 'left.txt': 'x\n', 'venv/lib/x.py': 'v\n' })
    expect(admins(repo.dir)).toHaveLength(2)
    for (const p of places) pool.release(p, base)
    expect(await pool.close()).toEqual([])
    expect(logged.calls().filter(c => / worktree remove /.test(` ${c} `))).toEqual([])
    expect(places.filter(p => existsSync(p.dir) || existsSync(p.scratch))).toEqual([])
    expect(admins(repo.dir)).toEqual([])
    expect(git(repo.dir, 'worktree', 'list').trim().split('\n')).toHaveLength(1)
    expect(git(repo.dir, 'worktree', 'prune', '--dry-run', '--verbose')).toBe('')
    // A worktree made again at the same place is a new one git knows.
    const again = await pool.acquire(base)
    expect(git(again.dir, 'status', '--porcelain')).toBe('')
    pool.release(again, base)
    expect(await pool.close()).toEqual([])
  })

  it('a locked worktree is left to git, which keeps its record: not deleted behind its lock', async () => {
    const repo = makeRepo({ 'a.py': '1\n' })
    const base = git(repo.dir, 'rev-parse', 'HEAD').trim()
    const logged = loggingGit()
    const pool = new WorktreePool(await Git.open(repo.dir, logged.env))
    const place = await pool.acquire(base)
    git(repo.dir, 'worktree', 'lock', place.dir)
    pool.release(place, base)
    await pool.close()
    expect(logged.calls().filter(c => / worktree remove /.test(` ${c} `))).toHaveLength(1)
    // git kept its record of the locked worktree (the pool deletes its scratch folder either way).
    expect(admins(repo.dir)).toHaveLength(1)
    git(repo.dir, 'worktree', 'unlock', place.dir)
    git(repo.dir, 'worktree', 'prune')
    expect(admins(repo.dir)).toEqual([])
  })
})
