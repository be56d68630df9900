/**
 * A prompt the repository holds as a symbolic link to another prompt file inside it (`prompts/link_python.prompt
 * -> calc_python.prompt`): the planner plans it and PDD reads it through the link. Before, the executor took the
 * link for something the sync had left ("is a symbolic link (to prompts/calc_python.prompt), not a file PDD
 * writes") and failed the unit after pdd was paid: its generated files were discarded. Now an unchanged prompt
 * link is the user's input: the unit lands, and the link is committed as it was. A prompt that the sync turned
 * into a link still fails the unit (src/execute/stray-output.ts).
 */
import { symlinkSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RunResult } from '../src/execute/result.js'
import { git, makeRepo } from './helpers/git-repo.js'
import { pddThen, runWith } from './helpers/stand-in-then.js'

async function run(pdd: string, keepPartial: boolean): Promise<{ result: RunResult; dir: string }> {
  const repo = makeRepo({ 'prompts/calc_python.prompt': 'Write calc(a, b) returning a + b.\n' })
  symlinkSync('calc_python.prompt', path.join(repo.dir, 'prompts', 'link_python.prompt'))
  git(repo.dir, 'add', '-A')
  git(repo.dir, 'commit', '-qm', 'a prompt link')
  return { result: await runWith(repo.dir, pdd, keepPartial), dir: repo.dir }
}

describe.concurrent('a prompt that is a symbolic link inside the repository', () => {
  it('unchanged by the sync: the unit is synced and its files land; the link stays as committed', async () => {
    const { result, dir } = await run(pddThen(':', 'none'), false)
    const status = Object.fromEntries(result.units.map(u => [u.id, [u.status, u.reason]]))
    expect(status.link_python?.[0], status.link_python?.[1]).toBe('synced')
    expect(status.calc_python?.[0]).toBe('synced')
    const files = git(dir, 'ls-tree', '-r', '--name-only', 'pdd-sync/main').split('\n')
    expect(files).toEqual(expect.arrayContaining(['link.py', 'test_link.py', 'examples/link_example.py']))
    expect(git(dir, 'ls-tree', 'pdd-sync/main', 'prompts/link_python.prompt')).toMatch(/^120000 /)
    expect(git(dir, 'diff', '--name-only', 'main', 'pdd-sync/main', '--', 'prompts')).toBe('')
  })

  it('turned into a link by the sync: the unit still fails naming it, and the link is never committed', async () => {
    const pdd = pddThen(
      'mkdir -p lib; mv prompts/calc_python.prompt lib/p; ln -s ../lib/p prompts/calc_python.prompt',
      'calc'
    )
    const { result, dir } = await run(pdd, true)
    const calc = result.units.find(u => u.id === 'calc_python')
    expect(calc?.status).toBe('failed')
    expect(calc?.reason).toMatch(
      /^prompts\/calc_python\.prompt is a symbolic link \(to lib\/p\), not a file PDD writes/
    )
    expect(git(dir, 'ls-tree', 'pdd-sync/main', 'prompts/calc_python.prompt')).toMatch(/^100644 /)
  })
})
