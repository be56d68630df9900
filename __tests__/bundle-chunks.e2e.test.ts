/**
 * The action bundle starts without the packages only some runs use (docs/architecture.md, "Bundle"):
 * `@actions/artifact` and `@actions/cache` are chunk files next to `index.js`, read only when used, and so is the
 * code of a run (executor, publisher, REST client): `mode: plan` and a refused input never read it.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readOutputs } from './helpers/actions-files.js'
import { ROOT, TEST_DIST } from './helpers/bundles.js'
import { makeRepo } from './helpers/git-repo.js'

const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

/** Strings of the two packages' own code (artifact name validation, the cache service's feature check). */
const LAZY_MARKERS = ['Artifact name is valid', 'ACTIONS_CACHE_URL']

/** Strings of a run's own code (its summary's failure line) and of the REST client (Octokit's rate limiter). */
const RUN_MARKERS = ['the paid results are not on the remote', 'Bottleneck']

/** Whether a chunk file carries code with one of `markers` (default: @actions/artifact or @actions/cache). */
function isLazyChunk(f: string, markers = LAZY_MARKERS): boolean {
  const text = readFileSync(path.join(TEST_DIST, f), 'utf8')
  return markers.some(m => text.includes(m))
}

/**
 * Copies the action bundle into a fresh folder with the repository's package.json (ES modules): `index.js` and
 * the action's own chunk (`main`, imported once the event file is checked), and with `withChunks` also the chunks
 * of @actions/artifact and @actions/cache.
 */
function copyBundle(withChunks: boolean, markers = LAZY_MARKERS): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdd-sync-chunks-'))
  dirs.push(dir)
  copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'))
  for (const f of readdirSync(TEST_DIST)) {
    const chunk = /^\d+\.index\.js$/.test(f)
    if (f === 'index.js' || (chunk && (withChunks || !isLazyChunk(f, markers))))
      copyFileSync(path.join(TEST_DIST, f), path.join(dir, f))
  }
  return dir
}

/** Runs the bundled action in `dir` (by default with an invalid `mode`: it reads its inputs and stops there). */
function coldStart(
  dir: string,
  inputs: Record<string, string> = { INPUT_MODE: 'not-a-mode' },
  workspace = dir
): { status: number | null; out: string; outputs: Record<string, string> } {
  const out = path.join(dir, 'output')
  const summary = path.join(dir, 'summary')
  writeFileSync(out, '')
  writeFileSync(summary, '')
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_') && !k.startsWith('GITHUB_'))
  )
  const r = spawnSync(process.execPath, [path.join(dir, 'index.js')], {
    cwd: workspace,
    env: {
      ...clean,
      ...inputs,
      GITHUB_OUTPUT: out,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_WORKSPACE: workspace
    },
    encoding: 'utf8'
  })
  return { status: r.status, out: r.stdout + r.stderr, outputs: readOutputs(out) }
}

describe('the action bundle', () => {
  it('keeps @actions/artifact and @actions/cache out of index.js, in chunk files beside it', () => {
    const chunks = readdirSync(TEST_DIST).filter(f => /^\d+\.index\.js$/.test(f))
    expect(chunks.length).toBeGreaterThan(0)
    const index = readFileSync(path.join(TEST_DIST, 'index.js'), 'utf8')
    const chunkText = chunks.map(f => readFileSync(path.join(TEST_DIST, f), 'utf8')).join('\n')
    for (const marker of LAZY_MARKERS) {
      expect(index).not.toContain(marker)
      expect(chunkText).toContain(marker)
    }
  })

  it('starts and reads its inputs without the chunk files of @actions/artifact and @actions/cache', () => {
    const without = coldStart(copyBundle(false))
    expect(without.status).toBe(1)
    expect(without.out).toMatch(/Input "mode" must be one of plan, run, shard, finalize; got "not-a-mode"/)
    // The same answer with them: they change nothing until an artifact or a cache is used.
    const withChunks = coldStart(copyBundle(true))
    expect(withChunks.status).toBe(1)
    expect(withChunks.out).toBe(without.out)
  })

  it('plans, and refuses a bad input, without the chunk files of a run (executor, publisher, REST client)', () => {
    const run = readdirSync(TEST_DIST).filter(f => /^\d+\.index\.js$/.test(f) && isLazyChunk(f, RUN_MARKERS))
    expect(run.length).toBeGreaterThan(0)
    expect(readFileSync(path.join(TEST_DIST, 'index.js'), 'utf8')).not.toContain(RUN_MARKERS[0])
    const dir = copyBundle(false, RUN_MARKERS)
    for (const f of run) expect(readdirSync(dir)).not.toContain(f)
    const repo = makeRepo({ 'prompts/calc_python.prompt': 'Write a calculator.\n' })
    const plan = coldStart(dir, { INPUT_MODE: 'plan', INPUT_BUDGET: '5' }, repo.dir)
    expect(plan.out).toMatch(/Planned 1 unit\(s\), 1 with work/)
    expect(plan.status, plan.out).toBe(0)
    expect(JSON.parse(plan.outputs.units ?? '[]')).toEqual(['calc_python'])
    const refused = coldStart(dir, { INPUT_MODE: 'run', INPUT_BUDGET: '0x10' }, repo.dir)
    expect(refused.status).toBe(1)
    expect(refused.out).toMatch(/::error::Input "budget" must be a decimal number/)
  })

  it('names a missing chunk file and sets status "error" instead of stopping on a stack trace', () => {
    const repo = makeRepo({ 'prompts/calc_python.prompt': 'Write a calculator.\n' })
    const r = coldStart(copyBundle(false, RUN_MARKERS), { INPUT_MODE: 'run', INPUT_BUDGET: '5' }, repo.dir)
    expect(r.status).toBe(1)
    expect(r.out).toMatch(
      /::error::.*\d+\.index\.js \(the run code of pdd-sync\) is missing: the dist\/ folder is incomplete/
    )
    expect(r.out).not.toMatch(/\n\s+at /)
    expect(r.outputs.status).toBe('error')
  })
})
