/**
 * pdd (or the generated code its tests run) leaves a unit's output as a symbolic link out of the repository or
 * as a named pipe (src/execute/stray-output.ts). Before the fix the unit failed with an unrelated reason ("test:
 * PDD reported no reason"), and with keep-partial the link itself was committed to the bot branch. Now the reason
 * names the file, and it is never committed; the unit's other files still are (keep-partial). Session 10: a link
 * inside the repository too (it was committed as a link without its target).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RunResult } from '../src/execute/result.js'
import { git, makeRepo, tempDir } from './helpers/git-repo.js'
import { pddThen, runWith } from './helpers/stand-in-then.js'

async function run(after: string, keepPartial: boolean): Promise<{ result: RunResult; dir: string }> {
  const repo = makeRepo({ 'prompts/calc_python.prompt': 'calc\n', 'prompts/other_python.prompt': 'other\n' })
  return { result: await runWith(repo.dir, pddThen(after), keepPartial), dir: repo.dir }
}

const links = (dir: string): string[] =>
  git(dir, 'ls-tree', '-r', 'pdd-sync/main')
    .split('\n')
    .filter(l => l.startsWith('120000'))

describe.concurrent('an output that is a link out of the repository or a pipe', () => {
  const outside = (): string => {
    const d = path.join(tempDir('stray-outside-'), 'secret')
    mkdirSync(path.dirname(d), { recursive: true })
    writeFileSync(d, 'do not commit me\n')
    return d
  }

  it.each([
    [
      'a link out of the repository',
      (): string => `rm -f calc.py; ln -s '${outside()}' calc.py`,
      /^calc\.py is a symbolic link out of the repository \(read as missing, never committed\); /
    ],
    [
      'a named pipe',
      (): string => 'rm -f calc.py; mkfifo calc.py',
      /^calc\.py is not a regular file \(read as missing, never committed\); /
    ]
  ])('%s: the reason names it; keep-partial commits the rest, never it', async (_name, after, reason) => {
    const { result, dir } = await run(after(), true)
    const calc = result.units.find(u => u.id === 'calc_python')
    expect(calc?.status).toBe('failed')
    expect(calc?.reason).toMatch(reason)
    expect(result.units.find(u => u.id === 'other_python')?.status).toBe('synced')
    const files = git(dir, 'ls-tree', '-r', '--name-only', 'pdd-sync/main').split('\n')
    expect(files).not.toContain('calc.py')
    expect(files).toEqual(expect.arrayContaining(['test_calc.py', 'other.py']))
    expect(links(dir)).toEqual([])
  })

  // Session 10: before, a link inside the repository was committed as a link, without its target (lib/calc.py
  // was no output of the unit): the bot branch held a dangling link. PDD never writes a link.
  it.each([false, true])(
    'a link inside the repository (keep-partial %s) fails the unit and is never committed',
    async keepPartial => {
      const { result, dir } = await run(
        'mkdir -p lib; mv calc.py lib/calc.py; ln -s lib/calc.py calc.py',
        keepPartial
      )
      const calc = result.units.find(u => u.id === 'calc_python')
      expect(calc?.status).toBe('failed')
      expect(calc?.reason).toMatch(/^calc\.py is a symbolic link \(to lib\/calc\.py\), not a file PDD writes/)
      expect(result.units.find(u => u.id === 'other_python')?.status).toBe('synced')
      const files = git(dir, 'ls-tree', '-r', '--name-only', 'pdd-sync/main').split('\n')
      expect(files).not.toContain('calc.py')
      expect(files.includes('test_calc.py')).toBe(keepPartial)
      expect(links(dir)).toEqual([])
    }
  )
})

// Session 10: before, a prompt deleted during the sync (by generated code or a test) failed the unit with "test:
// PDD reported no reason", and keep-partial committed the deletion: merging the pull request deleted the prompt.
describe.concurrent('a prompt deleted during the sync', () => {
  it('fails the unit naming it; keep-partial commits the rest, never the deletion', async () => {
    const { result, dir } = await run('rm -f prompts/calc_python.prompt', true)
    const calc = result.units.find(u => u.id === 'calc_python')
    expect(calc?.status).toBe('failed')
    expect(calc?.reason).toMatch(
      /^prompts\/calc_python\.prompt, the unit's prompt, was deleted during the sync/
    )
    expect(git(dir, 'diff', '--name-only', '--diff-filter=D', 'main', 'pdd-sync/main')).toBe('')
    const files = git(dir, 'ls-tree', '-r', '--name-only', 'pdd-sync/main').split('\n')
    expect(files).toEqual(expect.arrayContaining(['prompts/calc_python.prompt', 'test_calc.py', 'other.py']))
  })
})

// Session 10: before, with keep-partial a 60 MiB output a generated test left was committed (GitHub refuses a
// file over 100 MiB and warns over 50 MiB: the push of every result fails or warns).
describe.concurrent('an output too big to push', () => {
  it('fails the unit naming its size; keep-partial commits the rest, never it', async () => {
    const { result, dir } = await run('head -c 62914560 /dev/zero > calc.py', true)
    const calc = result.units.find(u => u.id === 'calc_python')
    expect(calc?.status).toBe('failed')
    expect(calc?.reason).toMatch(/^calc\.py is 60 MiB, over the 50 MiB a file the bot commits may have/)
    const files = git(dir, 'ls-tree', '-r', '--name-only', 'pdd-sync/main').split('\n')
    expect(files).not.toContain('calc.py')
    expect(files).toEqual(expect.arrayContaining(['test_calc.py', 'other.py']))
  })
})
