/**
 * The executor with the REAL pdd-cli against the scripted LLM server: real git, real worktrees, real PDD.
 */
import { expect, it } from 'vitest'
import { Git } from '../src/adapters/git.js'
import { ConsoleReporter } from '../src/adapters/reporter.js'
import { executePlan } from '../src/execute/execute.js'
import type { RunResult } from '../src/execute/result.js'
import { planRepository } from '../src/plan/plan.js'
import { planOptionsFor } from './helpers/plan-options.js'
import { formatRecord, type RunRecord } from '../src/state/record.js'
import { git, makeRepo, writeFiles } from './helpers/git-repo.js'
import { start, type Script } from './helpers/llm-server.js'
import { describeRealPdd, pddDecision, preparePddProject, realPdd } from './helpers/real-pdd.js'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const quiet = new ConsoleReporter(() => undefined)

const CALC: Script = {
  units: {
    calc: {
      code: 'def add(a, b):\n    return a + b\n',
      example:
        'import os, sys\nsys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))\nfrom calc import add\nprint(add(1, 2))\n',
      test: 'from calc import add\n\n\ndef test_add():\n    assert add(1, 2) == 3\n\n\ndef test_add_negative():\n    assert add(-1, 1) == 0\n'
    }
  }
}

async function syncOnce(dir: string, env: NodeJS.ProcessEnv, budget = 5): Promise<RunResult> {
  const planOptions = planOptionsFor(dir)
  const planned = await planRepository(planOptions, quiet)
  const g = await Git.open(dir)
  return executePlan({
    git: g,
    planned,
    planOptions,
    branch: 'pdd-sync/main',
    base: (await g.commitOf('HEAD')) as string,
    budget,
    concurrency: 2,
    policy: 'fit',
    timeoutMs: 150_000,
    invocation: { command: [path.join(realPdd()?.binDir ?? '', 'pdd')], maxAttempts: 2, local: true },
    reporter: quiet,
    env
  })
}

describeRealPdd('executor with the real pdd', () => {
  it(
    'syncs a fresh unit to in-sync; the next run on the recorded state starts no pdd and costs $0',
    { timeout: 300_000 },
    async () => {
      const server = await start(CALC, { quiet: true })
      try {
        const home = mkdtempSync(path.join(tmpdir(), 'pdd-proj-'))
        const env = preparePddProject(home, server)
        const repo = makeRepo({
          'prompts/calc_python.prompt': 'Write a Python module calc with add(a, b) returning the sum.\n',
          '.pdd/llm_model.csv': readFileSync(path.join(home, '.pdd', 'llm_model.csv'), 'utf8'),
          '.gitignore': '.pdd/*\n!.pdd/llm_model.csv\n'
        })
        const base = git(repo.dir, 'rev-parse', 'HEAD').trim()
        const first = await syncOnce(repo.dir, env)
        const unit = first.units.find(u => u.id === 'calc_python')
        expect(unit?.status, unit?.reason).toBe('synced')
        expect(unit?.operations).toEqual(expect.arrayContaining(['generate', 'example', 'test']))
        expect(first.spent).toBeGreaterThan(0)
        expect(unit?.cost).toBeCloseTo(first.spent, 6)
        const files = git(repo.dir, 'diff', '--name-only', base, 'pdd-sync/main').trim().split('\n').sort()
        expect(files).toEqual(['calc.py', 'examples/calc_example.py', 'test_calc.py'])
        // PDD records the last operation it ran as the fingerprint's command.
        expect(unit?.fingerprint?.command).toBe(unit?.operations.at(-1))
        expect(unit?.runReport?.exit_code).toBe(0)

        // The real PDD agrees with the post-condition: on the bot branch with the recorded state, it decides nothing.
        git(repo.dir, 'checkout', '-q', 'pdd-sync/main')
        writeFiles(repo.dir, {
          '.pdd/meta/calc_python.json': JSON.stringify(unit?.fingerprint),
          '.pdd/meta/calc_python_run.json': JSON.stringify(unit?.runReport)
        })
        expect(pddDecision(repo.dir, env, 'calc', 'python')).toBe('nothing')
        rmSync(path.join(repo.dir, '.pdd', 'meta'), { recursive: true, force: true })

        // Publishing (a later step) records the result in notes; do it by hand, then plan again on the bot branch.
        const record: RunRecord = {
          schema: 1,
          runId: 'r1',
          trigger: 'schedule',
          baseSha: base,
          createdAt: new Date().toISOString(),
          budget: first.budget,
          spent: first.spent,
          units: first.units.map(u => ({
            ...u,
            duration: u.duration ?? 0,
            fingerprint: u.fingerprint ?? null,
            runReport: u.runReport ?? null
          }))
        }
        git(repo.dir, 'checkout', '-q', 'pdd-sync/main')
        git(repo.dir, 'notes', '--ref=refs/notes/pdd-sync', 'add', '-m', formatRecord(record), 'HEAD')
        const callsBefore = server.log.length
        const second = await syncOnce(repo.dir, { ...env, PATH: '/nonexistent' })
        expect(second.units.map(u => [u.id, u.status])).toEqual([['calc_python', 'unchanged']])
        expect(second.spent).toBe(0)
        expect(server.log.length).toBe(callsBefore)
      } finally {
        await server.close()
      }
    }
  )

  it.each([
    [
      'tests that keep failing: PDD exits 0 with "Overall status: Failed"',
      {
        units: {
          calc: {
            ...CALC.units.calc,
            test: 'from calc import add\n\n\ndef test_add():\n    assert add(1, 2) == 4\n'
          }
        }
      },
      /failing/
    ],
    [
      'the LLM answers HTTP 500 for ever',
      { ...CALC, outcomes: { all: [{ http: 500, times: Infinity }] } },
      /All candidate models failed/
    ]
  ] as [string, Script, RegExp][])(
    '%s → failed with PDD’s reason; nothing reaches the bot branch',
    { timeout: 300_000 },
    async (_n, script, reason) => {
      const server = await start(script, { quiet: true })
      try {
        const home = mkdtempSync(path.join(tmpdir(), 'pdd-proj-'))
        const env = preparePddProject(home, server)
        const repo = makeRepo({
          'prompts/calc_python.prompt': 'Write a Python module calc with add(a, b) returning the sum.\n',
          '.pdd/llm_model.csv': readFileSync(path.join(home, '.pdd', 'llm_model.csv'), 'utf8')
        })
        const base = git(repo.dir, 'rev-parse', 'HEAD').trim()
        const r = await syncOnce(repo.dir, env)
        expect(r.units.map(u => [u.id, u.status])).toEqual([['calc_python', 'failed']])
        expect(r.units[0]?.reason).toMatch(reason)
        expect(git(repo.dir, 'rev-parse', 'pdd-sync/main').trim()).toBe(base)
        expect(git(repo.dir, 'worktree', 'list').trim().split('\n')).toHaveLength(1)
      } finally {
        await server.close()
      }
    }
  )
})
