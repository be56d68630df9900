import { execFileSync } from 'node:child_process'
import { chmodSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Git } from '../src/adapters/git.js'
import { git, gitEnv, makeRepo, tempDir, writeFiles } from './helpers/git-repo.js'
import { loggingGit } from './helpers/logging-git.js'

const BOT = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' }

/**
 * A repository at `base` with a linked worktree there, and `onto`: `base` plus another group's file (as the bot
 * branch is after a landing). The worktree's git logs its commands.
 */
async function setup(): Promise<{
  dir: string
  base: string
  onto: string
  wt: Git
  wtDir: string
  calls: () => string[]
}> {
  const repo = makeRepo({
    'a.py': 'a0\n',
    'b.py': 'b0\n',
    'gone.py': 'g\n',
    'prompts/a_python.prompt': 'a\n'
  })
  const base = git(repo.dir, 'rev-parse', 'HEAD').trim()
  writeFiles(repo.dir, { 'other.py': 'another group\n' })
  git(repo.dir, 'add', 'other.py')
  git(repo.dir, 'commit', '-qm', 'other group')
  const onto = git(repo.dir, 'rev-parse', 'HEAD').trim()
  git(repo.dir, 'checkout', '-q', '--detach', base)
  const logged = loggingGit()
  const main = await Git.open(repo.dir, logged.env)
  const wtDir = path.join(tempDir('pdd-sync-wt-'), 'wt')
  const wt = await main.addWorktree(wtDir, base)
  return { dir: repo.dir, base, onto, wt, wtDir, calls: logged.calls }
}

const parents = (dir: string, rev: string): string[] =>
  git(dir, 'rev-list', '--parents', '-n', '1', rev).trim().split(' ').slice(1)
const commands = (calls: string[]): string[] =>
  calls.map(c => c.split(' ').find(w => !w.startsWith('-') && !w.includes('=')) ?? c)

describe('commitPathsOnto: a group’s commit made on the bot branch’s head (real git, linked worktree)', () => {
  it('files all present: HEAD moved without a process, `commit --only` makes onto + the paths; no `reset`', async () => {
    const s = await setup()
    writeFiles(s.wtDir, {
      'a.py': 'a synced\n',
      'tests/test_a.py': 'ta\n',
      'b.py': 'left by pdd, not committed\n'
    })
    chmodSync(path.join(s.wtDir, 'tests/test_a.py'), 0o755)
    symlinkSync('a.py', path.join(s.wtDir, 'link.py'))
    const paths = ['a.py', 'tests/test_a.py', 'link.py', 'prompts/a_python.prompt']
    const before = s.calls().length
    const made = await s.wt.commitPathsOnto(s.onto, paths, 'pdd-sync: a\n\nPdd-Sync-Run: t\n', BOT)
    expect(made).toMatch(/^[0-9a-f]{40}$/)
    expect(commands(s.calls().slice(before))).toEqual(['add', 'commit'])
    expect(parents(s.dir, made as string)).toEqual([s.onto])
    expect(git(s.wtDir, 'rev-parse', 'HEAD').trim()).toBe(made)
    // Exactly onto's tree plus the paths as the worktree holds them (mode, symlink), built the long way in an
    // index of its own; b.py stays as onto has it.
    const index = { ...gitEnv(), GIT_INDEX_FILE: path.join(tempDir(), 'index') }
    const inIndex = (...args: string[]): string =>
      execFileSync('git', args, { cwd: s.wtDir, env: index, encoding: 'utf8' })
    inIndex('read-tree', s.onto)
    inIndex('add', '-A', '--', ...paths)
    expect(git(s.dir, 'rev-parse', `${made}^{tree}`)).toBe(inIndex('write-tree'))
    expect(git(s.dir, 'show', `${made}:link.py`)).toBe('a.py')
    expect(git(s.dir, 'ls-tree', made as string, 'tests/test_a.py')).toMatch(/^100755 /)
    expect(git(s.dir, 'show', `${made}:b.py`)).toBe('b0\n')
    expect(git(s.dir, 'show', `${made}:other.py`)).toBe('another group\n')
    expect(git(s.dir, 'log', '-1', '--format=%an <%ae>|%cn|%B', made as string)).toBe(
      `${BOT.name} <${BOT.email}>|${BOT.name}|pdd-sync: a\n\nPdd-Sync-Run: t\n\n`
    )
  })

  it('nothing changed: null, and HEAD is at onto as a reset leaves it', async () => {
    const s = await setup()
    const made = await s.wt.commitPathsOnto(s.onto, ['a.py', 'prompts/a_python.prompt'], 'm\n', BOT)
    expect(made).toBeNull()
    expect(git(s.wtDir, 'rev-parse', 'HEAD').trim()).toBe(s.onto)
  })

  it('a missing file (a deletion) and a held HEAD.lock take the `reset` way, with the same commit', async () => {
    const s = await setup()
    writeFiles(s.wtDir, { 'a.py': 'a synced\n' })
    rmSync(path.join(s.wtDir, 'gone.py'))
    let before = s.calls().length
    const made = await s.wt.commitPathsOnto(s.onto, ['a.py', 'gone.py'], 'm\n', BOT)
    expect(commands(s.calls().slice(before))).toEqual(['reset', 'add', 'rm', 'commit'])
    expect(parents(s.dir, made as string)).toEqual([s.onto])
    expect(git(s.dir, 'ls-tree', '-r', '--name-only', made as string).split('\n')).not.toContain('gone.py')
    expect(git(s.dir, 'show', `${made}:a.py`)).toBe('a synced\n')

    const t = await setup()
    writeFiles(t.wtDir, { 'a.py': 'a synced\n' })
    const gitDir = git(t.wtDir, 'rev-parse', '--git-dir').trim()
    writeFileSync(path.join(gitDir, 'HEAD.lock'), 'held\n')
    before = t.calls().length
    const refused = await t.wt.commitPathsOnto(t.onto, ['a.py'], 'm\n', BOT).catch((e: unknown) => e)
    // git itself cannot move a HEAD whose lock is held: the reset fails as it did before; HEAD is untouched.
    expect(refused).toBeInstanceOf(Error)
    expect(commands(t.calls().slice(before))).toEqual(['reset'])
    expect(readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim()).toBe(t.base)
    rmSync(path.join(gitDir, 'HEAD.lock'))
    const made2 = await t.wt.commitPathsOnto(t.onto, ['a.py'], 'm\n', BOT)
    expect(parents(t.dir, made2 as string)).toEqual([t.onto])
  })
})
