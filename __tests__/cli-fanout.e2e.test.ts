/**
 * The fan-out from the command line (bundled CLI, pdd stand-in): `plan --shards 2`, each leg with
 * `run --shard K --push` in its own clone (as matrix jobs are), `finalize --push` from a third clone — first with
 * one leg missing, then after it ran. The real pdd runs the same flow through the action in fanout.pdd.test.ts.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RunResult } from '../src/execute/result.js'
import { runCli } from './helpers/bundles.js'
import { FAKE_PROVIDER_ENV, installFakePdd } from './helpers/fake-pdd.js'
import { cloneOf, git, makeRepo, tempDir } from './helpers/git-repo.js'
import { runRecordsIn } from './helpers/notes.js'

interface PlanFile {
  baseSha: string
  matrix: { include: { shard: string; units: string; budget: string }[] }
}

describe('pdd-sync plan --shards / run --shard / finalize', () => {
  it('two legs in two clones, a finalize that lists the missing one, then the whole run', () => {
    const repo = makeRepo({
      'prompts/calculator_python.prompt': 'calc\n',
      'prompts/report_python.prompt': 'report\n'
    })
    const [pdd] = installFakePdd(path.join(tempDir(), 'bin'), { costPerCall: 0.01 })
    const planFile = path.join(tempDir(), 'plan.json')
    const p = runCli([
      'plan',
      '--repo',
      repo.dir,
      '--no-fetch',
      '--json',
      '--output',
      planFile,
      '--shards',
      '2',
      '--budget',
      '3'
    ])
    expect(p.status, p.stderr).toBe(0)
    const plan = JSON.parse(readFileSync(planFile, 'utf8')) as PlanFile
    expect(plan.baseSha).toBe(git(repo.dir, 'rev-parse', 'HEAD').trim())
    const legs = plan.matrix.include
    expect(legs.map(l => l.units).sort()).toEqual(['calculator_python', 'report_python'])
    expect(legs.reduce((a, l) => a + Number(l.budget), 0)).toBeLessThanOrEqual(3)

    const shard = (i: number): ReturnType<typeof runCli> => {
      const leg = legs[i] as PlanFile['matrix']['include'][number]
      const clone = cloneOf(repo.origin)
      const args = [
        'run',
        '--repo',
        clone,
        '--pdd-command',
        pdd as string,
        '--budget',
        leg.budget,
        '--no-fetch'
      ]
      return runCli(
        [
          ...args,
          '--shard',
          leg.shard,
          '--units',
          leg.units,
          '--base-sha',
          plan.baseSha,
          '--run-key',
          'r1',
          '--push'
        ],
        FAKE_PROVIDER_ENV
      )
    }
    const finalize = (): { status: number | null; stdout: string; stderr: string; result: RunResult } => {
      const clone = cloneOf(repo.origin)
      const out = path.join(tempDir(), 'result.json')
      const r = runCli([
        'finalize',
        '--repo',
        clone,
        '--matrix',
        planFile,
        '--run-key',
        'r1',
        '--push',
        '--result',
        out
      ])
      return { ...r, result: JSON.parse(readFileSync(out, 'utf8')) as RunResult }
    }
    const refs = (): string =>
      git(repo.origin, 'for-each-ref', '--format=%(refname)', 'refs/pdd-sync/').trim()

    const s0 = shard(0)
    expect(s0.status, s0.stderr).toBe(0)
    expect(s0.stderr).toContain(
      `Shard ${legs[0]?.shard} reported to refs/pdd-sync/runs/r1/shard-${legs[0]?.shard}`
    )
    expect(refs()).toBe(`refs/pdd-sync/runs/r1/shard-${legs[0]?.shard}`)
    // A shard writes no bot branch and no run record.
    expect(git(repo.origin, 'branch', '--list', 'pdd-sync/main').trim()).toBe('')
    expect(runRecordsIn(repo.origin)).toEqual([])

    const f1 = finalize()
    expect(f1.status).toBe(1)
    expect(f1.stderr).toContain(`Shard ${legs[1]?.shard} did not report`)
    const st = (r: RunResult): string[] =>
      r.units.map(u => `${u.id} ${u.status} ${u.status === 'failed' ? u.reason : ''}`.trim())
    expect(st(f1.result)).toEqual([
      `${legs[0]?.units} synced`,
      `${legs[1]?.units} failed shard ${legs[1]?.shard} did not report`
    ])
    expect(refs()).toBe('refs/pdd-sync/runs/r1/finalized')

    const s1 = shard(1)
    expect(s1.status, s1.stderr).toBe(0)
    const f2 = finalize()
    expect(f2.status, f2.stderr).toBe(0)
    expect(st(f2.result)).toEqual([`${legs[1]?.units} synced`])
    expect(refs()).toBe('refs/pdd-sync/runs/r1/finalized')
    // The first finalize's result stays on the bot branch (carried over), beside the re-run leg's.
    const subjects = git(repo.origin, 'log', '--format=%s', 'main..pdd-sync/main')
    expect(subjects).toMatch(/^pdd-sync: calculator \(python\)/m)
    expect(subjects).toMatch(/^pdd-sync: report \(python\)/m)
    expect(runRecordsIn(repo.origin)).toHaveLength(2)
  })
})
