import { chmodSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Git, GitError } from '../src/adapters/git.js'
import { git, makeRepo, tempDir } from './helpers/git-repo.js'

/**
 * A `git` on PATH that logs each command line to `calls.log` and runs the real git; with `oldGit`, its
 * `update-ref --stdin` knows no transaction commands (as git before 2.27 answered `start`).
 */
function loggingGit(oldGit = false): { env: NodeJS.ProcessEnv; calls: () => string[]; raw: () => string } {
  const bin = tempDir('pdd-sync-gitlog-')
  const real = git(bin, '--exec-path').trim()
  const log = path.join(bin, 'calls.log')
  const old = oldGit
    ? `if [ "$5 $6" = "update-ref --stdin" ]; then read -r line; echo "fatal: unknown command: start" >&2; exit 128; fi\n`
    : ''
  writeFileSync(log, '')
  writeFileSync(path.join(bin, 'git'), `#!/bin/sh\necho "$*" >> '${log}'\n${old}exec '${real}/git' "$@"\n`)
  chmodSync(path.join(bin, 'git'), 0o755)
  return {
    env: { PATH: `${bin}:${process.env.PATH ?? ''}` },
    raw: () => readFileSync(log, 'utf8'),
    // Without the configuration every command of the run has (`-c core.hooksPath=/dev/null …`).
    calls: () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map(c => c.replace(/^(-c \S+ )+/, ''))
  }
}

/** A repository with three commits on main: their shas, oldest first. */
function threeCommits(): { dir: string; shas: string[] } {
  const repo = makeRepo({ 'a.txt': '1\n' })
  for (const n of ['2', '3']) {
    writeFileSync(path.join(repo.dir, 'a.txt'), `${n}\n`)
    git(repo.dir, 'commit', '-qam', n)
  }
  return { dir: repo.dir, shas: git(repo.dir, 'rev-list', '--reverse', 'HEAD').trim().split('\n') }
}

const at = (dir: string, ref: string): string => git(dir, 'rev-parse', ref).trim()

describe('Git.withRefTransactions: one `update-ref --stdin` moves a ref many times (real git)', () => {
  it('each move is on disk when it resolves, and all of them took one git process', async () => {
    const { dir, shas } = threeCommits()
    const logged = loggingGit()
    const g = (await Git.open(dir, logged.env)).withRefTransactions()
    const ref = 'refs/heads/pdd-sync/main'
    await g.updateRef(ref, shas[0] as string, null)
    expect(at(dir, ref)).toBe(shas[0])
    for (const [from, to] of [
      [0, 1],
      [1, 2],
      [2, 0],
      [0, 2]
    ] as const) {
      await g.updateRef(ref, shas[to] as string, shas[from] as string)
      expect(at(dir, ref)).toBe(shas[to])
    }
    await g.closeRefTransactions()
    expect(logged.calls().filter(c => c.startsWith('update-ref'))).toEqual(['update-ref --stdin'])
    // With the configuration of every command of the run: no hook (`reference-transaction`) runs.
    expect(logged.raw()).toContain('-c core.hooksPath=/dev/null -c commit.gpgSign=false update-ref --stdin\n')
  })

  it('a refused compare-and-swap throws git’s message for that move; the next move starts a new process', async () => {
    const { dir, shas } = threeCommits()
    const logged = loggingGit()
    const g = (await Git.open(dir, logged.env)).withRefTransactions()
    const ref = 'refs/heads/bot'
    await g.updateRef(ref, shas[1] as string, null)
    // Not where the caller believes it is, and a must-not-exist on a ref that exists: both refused, nothing moved.
    const wrong = await g.updateRef(ref, shas[2] as string, shas[0] as string).catch((e: unknown) => e)
    expect(wrong).toBeInstanceOf(GitError)
    expect((wrong as GitError).message).toMatch(/update-ref refs\/heads\/bot/)
    expect((wrong as GitError).stderr).toMatch(/refs\/heads\/bot/)
    expect(at(dir, ref)).toBe(shas[1])
    await expect(g.updateRef(ref, shas[2] as string, null)).rejects.toBeInstanceOf(GitError)
    expect(at(dir, ref)).toBe(shas[1])
    await g.updateRef(ref, shas[2] as string, shas[1] as string)
    expect(at(dir, ref)).toBe(shas[2])
    await g.closeRefTransactions()
    expect(logged.calls().filter(c => c.startsWith('update-ref')).length).toBe(3)
  })

  it('moves asked at once are made in the order asked', async () => {
    const { dir, shas } = threeCommits()
    const g = (await Git.open(dir)).withRefTransactions()
    const ref = 'refs/heads/order'
    const moves = [
      g.updateRef(ref, shas[0] as string, null),
      g.updateRef(ref, shas[1] as string, shas[0] as string),
      g.updateRef(ref, shas[2] as string, shas[1] as string)
    ]
    await Promise.all(moves)
    expect(at(dir, ref)).toBe(shas[2])
    await g.closeRefTransactions()
    // Closed: a later move starts a process of its own.
    await g.updateRef(ref, shas[0] as string, shas[2] as string)
    expect(at(dir, ref)).toBe(shas[0])
    await g.closeRefTransactions()
  })

  it('a git without transaction commands moves the ref with one command a move', async () => {
    const { dir, shas } = threeCommits()
    const logged = loggingGit(true)
    const g = (await Git.open(dir, logged.env)).withRefTransactions()
    const ref = 'refs/heads/old-git'
    await g.updateRef(ref, shas[0] as string, null)
    await g.updateRef(ref, shas[1] as string, shas[0] as string)
    await expect(g.updateRef(ref, shas[2] as string, shas[0] as string)).rejects.toBeInstanceOf(GitError)
    expect(at(dir, ref)).toBe(shas[1])
    await g.closeRefTransactions()
    const calls = logged.calls().filter(c => c.startsWith('update-ref'))
    expect(calls[0]).toBe('update-ref --stdin')
    expect(calls.slice(1)).toEqual([
      `update-ref ${ref} ${shas[0]} ${'0'.repeat(40)}`,
      `update-ref ${ref} ${shas[1]} ${shas[0]}`,
      `update-ref ${ref} ${shas[2]} ${shas[0]}`
    ])
  })
})
