/**
 * pdd (or the generated code its tests run) replaces a folder on the way to a unit's output with a symbolic link
 * — `examples/` linked to a folder outside the repository, or to another folder inside it — and writes the output
 * through it (src/execute/stray-output.ts). Before, only the output itself was looked at: a regular file there,
 * so the unit failed with "test: PDD reported no reason", and with keep-partial `git add` stopped at the link
 * ("beyond a symbolic link"): the group's whole commit failed, none of its paid files landed. Now the reason names
 * the folder, the output beyond it is never committed or copied, and keep-partial commits the unit's other files.
 */
import { mkdirSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RunResult } from '../src/execute/result.js'
import { git, makeRepo, tempDir } from './helpers/git-repo.js'
import { pddThen, runWith } from './helpers/stand-in-then.js'

async function run(after: string, keepPartial: boolean): Promise<{ result: RunResult; dir: string }> {
  const repo = makeRepo({ 'prompts/calc_python.prompt': 'calc\n', 'prompts/other_python.prompt': 'other\n' })
  return { result: await runWith(repo.dir, pddThen(after), keepPartial), dir: repo.dir }
}

/** Every file below `dir`, relative to it. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile())
    .map(e => path.relative(dir, path.join(e.parentPath, e.name)))
}

describe.concurrent('an output beyond a folder that pdd replaced with a symbolic link', () => {
  const outside = (): string => {
    const d = path.join(tempDir('linked-outside-'), 'examples')
    mkdirSync(d, { recursive: true })
    return d
  }

  it.each([
    [
      'out of the repository',
      (): string => `cp -r examples/. '${outside()}/'; rm -rf examples; ln -s '${outside()}' examples`,
      /^examples\/calc_example\.py lies beyond examples, a symbolic link out of the repository \(read as missing, never committed\); /
    ],
    [
      'inside the repository',
      (): string => 'mkdir -p lib; mv examples lib/examples; ln -s lib/examples examples',
      /^examples\/calc_example\.py lies beyond examples, a symbolic link \(to lib\/examples\), not a folder PDD writes/
    ]
  ])('%s: the reason names it; keep-partial commits the rest, never it', async (_name, after, reason) => {
    const { result, dir } = await run(after(), true)
    const calc = result.units.find(u => u.id === 'calc_python')
    expect(calc?.status).toBe('failed')
    expect(calc?.reason).toMatch(reason)
    expect(result.units.find(u => u.id === 'other_python')?.status).toBe('synced')
    const files = git(dir, 'ls-tree', '-r', '--name-only', 'pdd-sync/main').split('\n')
    expect(files).not.toContain('examples/calc_example.py')
    expect(files).toEqual(expect.arrayContaining(['calc.py', 'test_calc.py', 'other.py']))
    expect(git(dir, 'ls-tree', '-r', 'pdd-sync/main')).not.toMatch(/^120000/m)
    // Nothing read through the link was kept in the run's logs either.
    const logs = filesBelow(path.join(dir, '.git', 'pdd-sync', 'logs'))
    expect(logs.filter(f => f.includes('unlanded'))).toEqual([])
  })

  it('without keep-partial: the reason names the link, nothing of the unit is committed', async () => {
    const { result, dir } = await run(
      `cp -r examples/. '${outside()}/'; rm -rf examples; ln -s '${outside()}' examples`,
      false
    )
    const calc = result.units.find(u => u.id === 'calc_python')
    expect(calc?.status).toBe('failed')
    expect(calc?.reason).toMatch(/^examples\/calc_example\.py lies beyond examples, a symbolic link out/)
    const files = git(dir, 'ls-tree', '-r', '--name-only', 'pdd-sync/main').split('\n')
    expect(files.filter(f => f.includes('calc'))).toEqual(['prompts/calc_python.prompt'])
  })
})
