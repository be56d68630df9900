import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Plan } from '../src/types.js'
import { readOutputs } from './helpers/actions-files.js'
import { runAction } from './helpers/bundles.js'
import { exampleRepo } from './helpers/example-repo.js'
import { git, tempDir } from './helpers/git-repo.js'

/** Runner-like environment: output, summary, event payload and temp files in a fresh directory. */
function runner(
  workspace: string,
  event: string,
  payload: object = {}
): NodeJS.ProcessEnv & { GITHUB_OUTPUT: string; GITHUB_STEP_SUMMARY: string } {
  const dir = tempDir('runner-')
  const files = {
    out: path.join(dir, 'output'),
    summary: path.join(dir, 'summary'),
    event: path.join(dir, 'event.json')
  }
  writeFileSync(files.out, '')
  writeFileSync(files.summary, '')
  writeFileSync(files.event, JSON.stringify(payload))
  return {
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.out,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: dir
  }
}

describe('the action entry (bundled dist, inputs through INPUT_*)', () => {
  it('mode plan: plan file, units, matrix, shards, estimated cost and a job summary', () => {
    const repo = exampleRepo()
    const env = runner(repo.dir, 'schedule')
    const r = runAction({ mode: 'plan', 'max-shards': '8', budget: '1' }, env, repo.dir)
    expect(r.stdout).not.toMatch(/::error::/)
    expect(r.status).toBe(0)
    const out = readOutputs(env.GITHUB_OUTPUT)
    const plan = JSON.parse(readFileSync(out.plan as string, 'utf8')) as Plan
    expect(plan.version).toBe(1)
    expect(plan.units.map(u => u.id).sort()).toEqual([
      'backend/report_python',
      'calculator_python',
      'calculator_typescript'
    ])
    expect(JSON.parse(out.units as string)).toEqual(
      expect.arrayContaining(['calculator_typescript', 'backend/report_python'])
    )
    expect(JSON.parse(out.units as string)).not.toContain('calculator_python')
    const matrix = JSON.parse(out.matrix as string) as {
      include: { shard: string; units: string; budget: string }[]
    }
    expect(matrix.include).toHaveLength(2)
    // Strings only (`${{ matrix.units }}` of an array is the text "Array"); the shares add up to the budget.
    expect(matrix.include.map(l => l.shard)).toEqual(['0', '1'])
    expect(matrix.include.map(l => l.units).sort()).toEqual([
      'backend/report_python',
      'calculator_typescript'
    ])
    expect(matrix.include.reduce((a, l) => a + Number(l.budget), 0)).toBeLessThanOrEqual(1)
    expect(matrix.include.every(l => /^\d+\.\d{4}$/.test(l.budget))).toBe(true)
    expect(out['base-sha']).toBe(git(repo.dir, 'rev-parse', 'HEAD').trim())
    expect(JSON.parse(out.shards as string)).toEqual([0, 1])
    expect(Number(out['estimated-cost'])).toBeCloseTo(plan.estimatedCost, 4)
    const summary = readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8')
    expect(summary).toMatch(/## pdd-sync plan/)
    expect(summary).toMatch(/\| calculator_typescript \| typescript \| `generate` \|/)
    // No recorded cost: the run would calibrate rather than skip what PDD's table says exceeds the budget.
    expect(plan.calibrating).toBe(true)
    expect(summary).toMatch(/No cost is recorded in this repository yet: the estimates are PDD’s table/)
    expect(summary).not.toMatch(/exceeds the budget/)
  })

  it('mode plan on push: only changed units; nothing to do gives an empty matrix and shards "[]"', () => {
    const repo = exampleRepo()
    const before = git(repo.dir, 'rev-parse', 'HEAD').trim()
    const after = repo.commit({ 'README.md': 'docs only\n' })
    const env = runner(repo.dir, 'push', { before, after })
    const r = runAction({ mode: 'plan' }, env, repo.dir)
    expect(r.status).toBe(0)
    const out = readOutputs(env.GITHUB_OUTPUT)
    expect(JSON.parse(out.units as string)).toEqual([])
    expect(JSON.parse(out.matrix as string)).toEqual({ include: [] })
    expect(out.shards).toBe('[]')
    expect(out['estimated-cost']).toBe('0.0000')
  })

  it.each([
    [{ mode: 'shard' }, /mode "shard" needs input "shard"/],
    [{ mode: 'plan', shard: 'one' }, /Input "shard" must be a shard index from 0 to 255; got "one"/],
    [{ mode: 'finalize' }, /mode "finalize" needs input "matrix"/],
    [
      { mode: 'finalize', matrix: '{"include":7}' },
      /Input "matrix" .* is unusable: the matrix has no "include"/
    ],
    [{ mode: 'shard', shard: '0', 'base-sha': 'main' }, /Input "base-sha" must be a full commit id/],
    [{ 'budget-policy': 'greedy' }, /Input "budget-policy" must be one of fit, ordered; got "greedy"/],
    [{ 'python-version': '2.7' }, /Input "python-version" must look like 3.12/],
    [{ 'fail-on': 'sometimes' }, /Input "fail-on" must be one of never, any-failure, all-failed/],
    [{ concurrency: '0' }, /Input "concurrency" must be a decimal number from 1 to 16/],
    [{ branch: 'bad..name' }, /Input "branch" must be a branch name/],
    [{ mode: 'plan', budget: 'cheap' }, /Input "budget" must be a decimal number/],
    [{ mode: 'plan', 'skip-tests': 'maybe' }, /Input "skip-tests" must be true or false/],
    [{ mode: 'sideways' }, /Input "mode" must be one of/],
    [{ mode: 'plan', 'notes-ref': 'refs/heads/main' }, /Input "notes-ref" must be a ref under refs\/notes\//],
    [
      { mode: 'plan', 'timeout-minutes-per-group': '10', 'timeout-minutes-per-unit': '45' },
      /Inputs "timeout-minutes-per-group" \(10\) and "timeout-minutes-per-unit" \(45\) disagree/
    ],
    [
      { mode: 'plan', 'timeout-minutes-per-group': '0' },
      /Input "timeout-minutes-per-group" must be a decimal number/
    ]
  ])('fails clearly on %j', (inputs, message) => {
    const repo = exampleRepo()
    const env = runner(repo.dir, 'workflow_dispatch')
    const r = runAction(inputs, env, repo.dir)
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(message)
  })

  it.each([
    [{ 'timeout-minutes-per-unit': '45' }, /::warning::Input "timeout-minutes-per-unit" is deprecated/],
    [{ force: 'false' }, /::warning::Input "force" is ignored: the action always runs "pdd --force sync"/],
    [
      { 'pdd-version': '0.0.300' },
      /::warning::Input "pdd-version" is 0\.0\.300, but the planner was ported from pdd-cli 0\.0\.310/
    ]
  ])('warns and goes on for %j', (inputs, warning) => {
    const repo = exampleRepo()
    const env = runner(repo.dir, 'workflow_dispatch')
    const r = runAction({ mode: 'plan', ...inputs }, env, repo.dir)
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(warning)
  })

  it.each([
    ['pull_request', { GITHUB_HEAD_REF: 'pdd-sync/main', GITHUB_BASE_REF: 'main' }],
    ['push', { GITHUB_REF_NAME: 'pdd-sync/main' }]
  ])('a %s event on the bot branch is refused before anything is fetched or pushed', (event, refs) => {
    const repo = exampleRepo()
    const before = git(repo.dir, 'for-each-ref').trim()
    const env = { ...runner(repo.dir, event), ...refs }
    const r = runAction({ mode: 'run', token: '' }, env, repo.dir)
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/The base branch "pdd-sync\/main" is a bot branch/)
    expect(r.stdout).toContain("startsWith(github.head_ref || github.ref_name, 'pdd-sync/')")
    expect(git(repo.dir, 'for-each-ref').trim()).toBe(before)
  })
})
