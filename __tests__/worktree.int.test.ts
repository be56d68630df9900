import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Git } from '../src/adapters/git.js'
import { git, makeRepo, tempDir, writeFiles } from './helpers/git-repo.js'

const BOT = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' }

describe('Git worktrees, commits and replay (real git)', () => {
  it('commits exactly the named paths in a worktree, leaving scratch files out, and removes it', async () => {
    const repo = makeRepo({ 'a.py': '1\n' })
    const g = await Git.open(repo.dir)
    const head = git(repo.dir, 'rev-parse', 'HEAD').trim()
    const dir = path.join(tempDir(), 'wt')
    const wt = await g.addWorktree(dir, head)
    writeFiles(dir, { 'a.py': '2\n', 'b.py': 'new\n', 'crash.log': 'scratch\n', '.pdd/locks/x.lock': '1' })
    expect((await wt.dirtyPaths()).sort()).toEqual(['.pdd/locks/x.lock', 'a.py', 'b.py', 'crash.log'])
    const c = await wt.commitPaths(['a.py', 'b.py', 'gone.py'], 'pdd-sync: a (python): generate', BOT)
    expect(c).toMatch(/^[0-9a-f]{40}$/)
    expect(
      git(repo.dir, 'show', '--name-only', '--format=%an|%s', c as string)
        .trim()
        .split('\n')
    ).toEqual(['github-actions[bot]|pdd-sync: a (python): generate', '', 'a.py', 'b.py'])
    expect(await wt.commitPaths(['a.py'], 'nothing new', BOT)).toBeNull()
    await g.removeWorktree(dir)
    expect(existsSync(dir)).toBe(false)
    expect(git(repo.dir, 'worktree', 'list').trim().split('\n')).toHaveLength(1)
  })

  it('replays a group commit onto a moved branch head, and reports a conflict without leaving a mess', async () => {
    const repo = makeRepo({ 'a.py': '1\n', 'b.py': '1\n' })
    const g = await Git.open(repo.dir)
    const base = git(repo.dir, 'rev-parse', 'HEAD').trim()
    const mk = async (files: Record<string, string>): Promise<{ wt: Git; dir: string; commit: string }> => {
      const dir = path.join(tempDir(), 'wt')
      const wt = await g.addWorktree(dir, base)
      writeFiles(dir, files)
      return { wt, dir, commit: (await wt.commitPaths(Object.keys(files), 'group', BOT)) as string }
    }
    const first = await mk({ 'a.py': '2\n' })
    const second = await mk({ 'b.py': '2\n' })
    const third = await mk({ 'a.py': '3\n' })
    await g.updateRef('refs/heads/pdd-sync/main', base, null)
    await g.updateRef('refs/heads/pdd-sync/main', first.commit, base)
    const replayed = await second.wt.replay(second.commit, first.commit, BOT)
    expect(replayed).not.toBeNull()
    expect(git(repo.dir, 'show', `${replayed}:a.py`)).toBe('2\n')
    expect(git(repo.dir, 'show', `${replayed}:b.py`)).toBe('2\n')
    expect(await third.wt.replay(third.commit, replayed as string, BOT)).toBeNull()
    expect(await third.wt.dirtyPaths()).toEqual([])
    await expect(g.updateRef('refs/heads/pdd-sync/main', base, base)).rejects.toThrow(/update-ref/)
  })
})
