import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RunResult } from '../src/execute/result.js'
import { agentStandIn } from './helpers/agent-standin.js'
import { runCli } from './helpers/bundles.js'
import { exampleRepo } from './helpers/example-repo.js'
import { FAKE_PROVIDER_ENV, installFakePdd } from './helpers/fake-pdd.js'
import { git, makeRepo, tempDir } from './helpers/git-repo.js'

describe('pdd-sync run (bundled CLI) with the pdd stand-in', () => {
  // The stand-in writes PDD's default layout only, so this repository has no .pddrc, and its fingerprints do
  // not hash included files, so no prompt includes another unit's code; the real PDD runs the example
  // repository and include chains in the real-pdd tests (execute.pdd.test.ts).
  it('syncs a repository onto a local bot branch and writes the RunResult', () => {
    const repo = makeRepo({
      'prompts/calculator_python.prompt': 'calc\n',
      'prompts/calculator_typescript.prompt': 'calc\n',
      'prompts/report_python.prompt': 'report\n'
    })
    const base = git(repo.dir, 'rev-parse', 'HEAD').trim()
    const [pdd] = installFakePdd(path.join(tempDir(), 'bin'), { costPerCall: 0.01 })
    const agent = agentStandIn(tempDir(), {})
    const out = path.join(tempDir(), 'result.json')
    const r = runCli(
      [
        'run',
        '--repo',
        repo.dir,
        '--pdd-command',
        pdd as string,
        '--budget',
        '10',
        '--result',
        out,
        '--no-fetch',
        // The TypeScript unit's verify and tests need an agent CLI (docs/pdd-agents.md): a stand-in is on PATH.
        '--agentic-fallback'
      ],
      { ...FAKE_PROVIDER_ENV, PATH: `${agent.binDir}${path.delimiter}${process.env.PATH ?? ''}` }
    )
    expect(r.stderr).toMatch(/Using pdd/)
    expect(r.status).toBe(0)
    const result = JSON.parse(readFileSync(out, 'utf8')) as RunResult
    expect(Object.keys(result).slice(0, 3)).toEqual(['budget', 'spent', 'units'])
    const byId = Object.fromEntries(result.units.map(u => [u.id, u]))
    expect(byId['calculator_python']?.status).toBe('synced')
    expect(byId['calculator_typescript']?.status).toBe('synced')
    expect(byId['report_python']?.status, byId['report_python']?.reason).toBe('synced')
    for (const u of result.units)
      expect(Object.keys(u)).toEqual(
        expect.arrayContaining(['id', 'basename', 'language', 'status', 'operations', 'cost', 'reason'])
      )
    expect(result.budget).toBe(10)
    expect(result.spent).toBeGreaterThan(0)
    expect(result.branch).toBe('pdd-sync/main')
    expect(git(repo.dir, 'rev-parse', 'pdd-sync/main').trim()).toBe(result.head)
    expect(git(repo.dir, 'rev-list', '--count', `${base}..pdd-sync/main`).trim()).toBe('2')
    expect(git(repo.dir, 'log', '-1', '--format=%B', 'pdd-sync/main')).toMatch(/PDD-Sync-Cost: \$\d/)
    expect(r.stdout).toMatch(/^synced\s+calculator_typescript/m)
  })

  it('a run with nothing to do never starts pdd, not even --version', () => {
    const repo = exampleRepo()
    const r = runCli([
      'run',
      '--repo',
      repo.dir,
      '--pdd-command',
      '/nonexistent/pdd',
      '--units',
      'calculator_python',
      '--trigger',
      'workflow_dispatch',
      '--json',
      '--no-fetch'
    ])
    expect(r.status).toBe(0)
    const result = JSON.parse(r.stdout) as RunResult
    expect(result.units.map(u => [u.id, u.status])).toEqual([['calculator_python', 'unchanged']])
    expect(result.spent).toBe(0)
  })

  it('a missing pdd is one clear error before any unit is touched', () => {
    const repo = exampleRepo()
    const r = runCli(['run', '--repo', repo.dir, '--pdd-command', '/nonexistent/pdd', '--no-fetch'])
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/pdd executable not found: \/nonexistent\/pdd/)
    expect(git(repo.dir, 'branch', '--list', 'pdd-sync/*').trim()).toBe('')
  })
})

describe('pdd-sync run cancelled (SIGTERM, as when a workflow is cancelled)', () => {
  it('stops the running sync, skips the rest, keeps what finished and still writes the result', async () => {
    const { spawn } = await import('node:child_process')
    const { existsSync: exists, readFileSync: read } = await import('node:fs')
    const { TEST_DIST } = await import('./helpers/bundles.js')
    const repo = makeRepo({
      'prompts/a_python.prompt': 'a\n',
      'prompts/b_python.prompt': 'b\n',
      'prompts/c_python.prompt': 'c\n'
    })
    const bin = path.join(tempDir(), 'bin')
    const log = path.join(bin, 'invocations.jsonl')
    const [pdd] = installFakePdd(bin, { delayMs: 1500, log })
    const out = path.join(tempDir(), 'result.json')
    const child = spawn(
      process.execPath,
      [
        path.join(TEST_DIST, 'cli.js'),
        'run',
        '--repo',
        repo.dir,
        '--pdd-command',
        pdd as string,
        '--concurrency',
        '1',
        '--result',
        out,
        '--no-fetch'
      ],
      { stdio: 'ignore', env: { ...process.env, ...FAKE_PROVIDER_ENV } }
    )
    const syncs = (): number =>
      exists(log)
        ? read(log, 'utf8')
            .split('\n')
            .filter(l => l.includes('"sync"')).length
        : 0
    for (let i = 0; i < 300 && syncs() < 2; i++) await new Promise(r => setTimeout(r, 50))
    expect(syncs()).toBe(2)
    child.kill('SIGTERM')
    const code = await new Promise<number | null>(r => child.on('close', r))
    expect(code).not.toBeNull()
    const result = JSON.parse(read(out, 'utf8')) as RunResult
    expect(result.cancelled).toBe(true)
    expect(result.units.map(u => [u.id, u.status])).toEqual([
      ['a_python', 'synced'],
      ['b_python', 'failed'],
      ['c_python', 'skipped-budget']
    ])
    expect(result.units[1]?.reason).toMatch(/cancelled/)
    expect(result.units[2]?.reason).toMatch(/cancelled/)
    expect(git(repo.dir, 'diff', '--name-only', 'main', 'pdd-sync/main').trim().split('\n').sort()).toEqual([
      'a.py',
      'examples/a_example.py',
      'test_a.py'
    ])
  }, 60_000)
})
