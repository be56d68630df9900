/**
 * A prompts folder whose real path leaves the repository is never walked (README "Bad input"). Before: `prompts`
 * linked to `/` (or `prompts_dir: ../../..`, or `PDD_PROMPTS_DIR=/`) made the planner walk the whole disk —
 * 42 s on this machine — and name 30,000 files of the runner in warnings and problems.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { discoverUnits } from '../src/discover/discover.js'
import { makeRepo, tempDir } from './helpers/git-repo.js'

/** A folder outside the repository holding a prompt and a runtime prompt, as a runner's disk does. */
function outsideFolder(): string {
  const dir = tempDir('pdd-sync-outside-')
  mkdirSync(path.join(dir, 'deep', 'er'), { recursive: true })
  writeFileSync(path.join(dir, 'secret_python.prompt'), 'not ours\n')
  writeFileSync(path.join(dir, 'deep', 'er', 'step_LLM.prompt'), 'not ours\n')
  return dir
}

describe('prompt folders outside the repository', () => {
  it('a prompts folder linked out of the repository is a problem naming it, and nothing there is read', async () => {
    const outside = outsideFolder()
    const repo = makeRepo({ 'other/alpha_python.prompt': 'alpha\n' })
    symlinkSync(outside, path.join(repo.dir, 'prompts'))
    const r = await discoverUnits({ repoRoot: repo.dir, env: {} })
    expect(r.problems.map(p => p.file)).toEqual(['prompts'])
    expect(r.problems[0]?.message).toMatch(/leads outside the repository/)
    const text = JSON.stringify(r)
    expect(text).not.toContain('secret_python')
    expect(text).not.toContain('step_LLM')
    expect(r.units).toEqual([])
  })

  it.each([
    ['.pddrc prompts_dir', (out: string): Record<string, string> => ({ '.pddrc': pddrc(out) }), {}],
    ['PDD_PROMPTS_DIR', (): Record<string, string> => ({}), { PDD_PROMPTS_DIR: 'OUT' }]
  ])('%s naming a folder outside is a problem, the repository prompts still plan', async (_, files, env) => {
    const outside = outsideFolder()
    const repo = makeRepo({ 'prompts/alpha_python.prompt': 'alpha\n', ...files(outside) })
    const e = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === 'OUT' ? outside : v]))
    const r = await discoverUnits({ repoRoot: repo.dir, env: e })
    expect(r.problems.map(p => p.message)).toEqual([expect.stringMatching(/leads outside the repository/)])
    expect(JSON.stringify(r)).not.toContain('secret_python')
    expect(JSON.stringify(r)).not.toContain('step_LLM')
    // PDD_PROMPTS_DIR is where `pdd sync` looks, so prompts/ is then unreachable, as in PDD.
    if (!('PDD_PROMPTS_DIR' in env)) expect(r.units.map(u => u.id)).toEqual(['alpha_python'])
  })
})

function pddrc(outside: string): string {
  return `contexts:\n  other:\n    paths: ["nothing/**"]\n    defaults:\n      prompts_dir: ${JSON.stringify(outside)}\n`
}
