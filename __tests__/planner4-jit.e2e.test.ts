import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { TEST_DIST } from './helpers/bundles.js'
import { tempDir } from './helpers/git-repo.js'
import { generate } from '../bench/generate.mjs'

/** The bundled command run with V8's inlining trace: a line per function TurboFan considers inlining. */
function planTraced(repo: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(
    process.execPath,
    [
      '--trace-turbo-inlining',
      path.join(TEST_DIST, 'cli.js'),
      'plan',
      '--repo',
      repo,
      '--json',
      '--no-fetch'
    ],
    { encoding: 'utf8', maxBuffer: 1 << 28 }
  )
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('pdd-sync plan runs without TurboFan inlining (src/plan/jit.ts)', () => {
  it('optimizes the hot planning code without inlining, and plans as before', () => {
    // Enough units for the discovery and state loops to be optimized (the trace shows TurboFan's inlining
    // heuristic at work on them when the command does not switch it off).
    const repo = path.join(tempDir('pdd-sync-jit-'), 'repo')
    generate(repo, { units: 200, layout: 'meta' })
    const r = planTraced(repo)
    expect(r.status).toBe(0)
    expect(r.stdout.length).toBeGreaterThan(0)
    // The trace goes to stdout, ahead of the JSON: with inlining on, it names the functions it inlines.
    expect(r.stdout).not.toMatch(/^(Considering|Inlining) /m)
    const plan = JSON.parse(r.stdout) as { units: unknown[] }
    expect(plan.units).toHaveLength(200)
  })
})
