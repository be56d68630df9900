/**
 * The fan-out from the command line with many units (bundled CLI, pdd stand-in): `plan --shards 4` over 40 units,
 * the four legs run AT ONCE as processes (each in its own clone, pushing its partial reports and reservations to
 * the same origin, as matrix jobs do), then `finalize --push`. Every unit of the matrix must appear in finalize's
 * result exactly once, and the bot branch must hold every synced unit's files.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RunResult } from '../src/execute/result.js'
import { runCli, runCliAsync } from './helpers/bundles.js'
import { FAKE_PROVIDER_ENV, installFakePdd } from './helpers/fake-pdd.js'
import { cloneOf, git, gitEnv, makeRepo, tempDir } from './helpers/git-repo.js'

interface PlanFile {
  baseSha: string
  matrix: { include: { shard: string; units: string; budget: string }[] }
}

const UNITS = 40
const SHARDS = 4

describe('pdd-sync fan-out of many units with the shards at once', () => {
  it('publishes every unit of the matrix exactly once', { timeout: 600_000 }, async () => {
    const names = Array.from({ length: UNITS }, (_, i) => `fan${String(i).padStart(2, '0')}`)
    const repo = makeRepo(Object.fromEntries(names.map(n => [`prompts/${n}_python.prompt`, `${n}\n`])))
    const [pdd] = installFakePdd(path.join(tempDir(), 'bin'), { costPerCall: 0.001 })
    const planFile = path.join(tempDir(), 'plan.json')
    const p = runCli([
      ...['plan', '--repo', cloneOf(repo.origin), '--json', '--output', planFile],
      ...['--shards', String(SHARDS), '--budget', '100']
    ])
    expect(p.status, p.stderr).toBe(0)
    const plan = JSON.parse(readFileSync(planFile, 'utf8')) as PlanFile
    const legs = plan.matrix.include
    const matrixUnits = legs.flatMap(l => l.units.split('\n').filter(Boolean)).sort()
    expect(matrixUnits).toEqual(names.map(n => `${n}_python`))
    expect(legs).toHaveLength(SHARDS)

    const env = { ...gitEnv(), ...FAKE_PROVIDER_ENV }
    const shards = await Promise.all(
      legs.map(leg =>
        runCliAsync(
          [
            ...['run', '--repo', cloneOf(repo.origin), '--pdd-command', pdd as string, '--json'],
            ...['--shard', leg.shard, '--units', leg.units, '--budget', leg.budget],
            ...['--base-sha', plan.baseSha, '--run-key', 'many', '--push']
          ],
          env
        )
      )
    )
    for (const s of shards) expect(s.status, s.stderr).toBe(0)

    const out = path.join(tempDir(), 'result.json')
    const fin = cloneOf(repo.origin)
    const f = runCli([
      ...['finalize', '--repo', fin, '--matrix', planFile, '--run-key', 'many'],
      ...['--push', '--result', out]
    ])
    const result = JSON.parse(readFileSync(out, 'utf8')) as RunResult
    const ids = result.units.map(u => u.id).sort()
    expect(ids, f.stderr).toEqual(matrixUnits)
    const synced = result.units.filter(u => u.status === 'synced')
    expect(synced.map(u => u.id).sort(), f.stderr).toEqual(matrixUnits)
    expect(f.status, f.stderr).toBe(0)

    const files = git(repo.origin, 'ls-tree', '-r', '--name-only', 'pdd-sync/main').split('\n')
    for (const u of synced) expect(files, u.id).toContain(`${u.basename}.py`)
  })
})
