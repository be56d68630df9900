/**
 * A group whose files git already tracks (a unit synced before, its prompt edited since: the usual run) is
 * committed with one git process, `commit --only`, no `git add` first (src/adapters/git/commits.ts `known`): the
 * files it held before pdd ran are tracked ones, since a lent worktree holds nothing else. New files are added as
 * before. Real git (a `git` on PATH logging each command), the pdd stand-in, the executor.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Git } from '../src/adapters/git.js'
import { ConsoleReporter } from '../src/adapters/reporter.js'
import { executePlan } from '../src/execute/execute.js'
import type { RunResult } from '../src/execute/result.js'
import { planRepository } from '../src/plan/plan.js'
import { installFakePdd } from './helpers/fake-pdd.js'
import { git, makeRepo, tempDir, writeFiles } from './helpers/git-repo.js'
import { loggingGit } from './helpers/logging-git.js'
import { planOptionsFor } from './helpers/plan-options.js'

const BOT = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' }

const commands = (calls: string[]): string[] =>
  calls.map(c => c.split(' ').find(w => !w.startsWith('-') && !w.includes('=')) ?? c)

/** Executes the plan of `dir` at concurrency 2 with git logging its commands; the result and those commands. */
async function run(dir: string): Promise<{ result: RunResult; calls: string[] }> {
  const logged = loggingGit()
  const planOptions = planOptionsFor(dir, { notesRef: null })
  const reporter = new ConsoleReporter(() => undefined)
  const planned = await planRepository(planOptions, reporter)
  planned.plan.calibrating = false
  const result = await executePlan({
    git: await Git.open(dir, logged.env),
    planned,
    planOptions,
    branch: 'pdd-sync/main',
    base: git(dir, 'rev-parse', 'HEAD').trim(),
    budget: 20,
    concurrency: 2,
    policy: 'fit',
    timeoutMs: 60_000,
    invocation: {
      command: installFakePdd(path.join(tempDir(), 'bin'), { costPerCall: 0.01 }),
      maxAttempts: 3,
      local: true
    },
    reporter
  })
  return { result, calls: commands(logged.calls()) }
}

describe('a group’s commit: `git add` only for files git does not track yet', () => {
  it('tracked files changed by pdd: `commit --only` alone; a new unit’s files: `add`, then `commit`', async () => {
    const repo = makeRepo({
      'prompts/calc_python.prompt': 'calc\n',
      'calc.py': 'old calc\n',
      'examples/calc_example.py': 'old example\n',
      'test_calc.py': 'old test\n',
      'prompts/util_python.prompt': 'util\n',
      'util.py': 'old util\n',
      'examples/util_example.py': 'old example\n',
      'test_util.py': 'old test\n',
      'prompts/fresh_python.prompt': 'fresh\n'
    })
    const { result, calls } = await run(repo.dir)
    expect(result.units.map(u => `${u.id} ${u.status}`).sort()).toEqual([
      'calc_python synced',
      'fresh_python synced',
      'util_python synced'
    ])
    // Three commits, one `add`: the new unit's.
    expect(
      calls.filter(c => c === 'commit'),
      calls.join(' ')
    ).toHaveLength(3)
    expect(calls.filter(c => c === 'add')).toHaveLength(1)
    const show = (f: string): string => git(repo.dir, 'show', `pdd-sync/main:${f}`)
    for (const u of ['calc', 'util', 'fresh']) {
      expect(show(`${u}.py`)).toBe(`def ${u}(a, b):\n    return a + b`)
      expect(show(`test_${u}.py`)).toMatch(new RegExp(`def test_${u}\\(\\)`))
      expect(show(`examples/${u}_example.py`)).toMatch(new RegExp(`print\\(${u}\\(1, 2\\)\\)`))
    }
    // Each group's commit holds its own files only, on the previous one.
    const log = git(repo.dir, 'log', '--format=%s', '--name-only', 'main..pdd-sync/main')
    expect(log).not.toMatch(/\.pdd\/meta/)
    expect(git(repo.dir, 'rev-list', '--count', 'main..pdd-sync/main').trim()).toBe('3')
  })

  it('a path said known that git does not know (in neither HEAD nor the index): added, then committed', async () => {
    const repo = makeRepo({ 'a.py': 'a0\n', 'b.py': 'b0\n' })
    const base = git(repo.dir, 'rev-parse', 'HEAD').trim()
    const logged = loggingGit()
    const main = await Git.open(repo.dir, logged.env)
    const wtDir = path.join(tempDir('pdd-sync-wt-'), 'wt')
    const wt = await main.addWorktree(wtDir, base)
    writeFiles(wtDir, { 'a.py': 'a1\n', 'b.py': 'b1\n', 'c.py': 'c1\n' })
    // Out of the index, still in HEAD: git knows it (`commit --only` takes it as the worktree holds it).
    git(wtDir, 'rm', '-q', '--cached', 'b.py')
    const before = logged.calls().length
    const known = new Set(['a.py', 'b.py', 'c.py'])
    const made = await wt.commitPathsOnto(base, ['a.py', 'b.py', 'c.py'], 'm\n', BOT, BOT, known)
    expect(commands(logged.calls().slice(before))).toEqual(['commit', 'add', 'commit'])
    for (const f of ['a', 'b', 'c']) expect(git(repo.dir, 'show', `${made ?? ''}:${f}.py`)).toBe(`${f}1\n`)
    expect(git(repo.dir, 'rev-parse', `${made ?? ''}^`).trim()).toBe(base)
  })
})
