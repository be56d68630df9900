/**
 * A local notes ref that is not a commit stops `pdd-sync run` and `finalize` before anything is paid (README "The
 * command line"). Before: planning ignored it with a warning, the run paid for every group and put the commits on
 * the bot branch, then `git notes list` failed: exit 1, no result printed, no run record, and the next run was
 * refused because the bot branch held unmerged work.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCliAsync } from './helpers/bundles.js'
import { FAKE_PROVIDER_ENV, installFakePdd } from './helpers/fake-pdd.js'
import { git, makeRepo, tempDir } from './helpers/git-repo.js'

const ENV = { ...process.env, ...FAKE_PROVIDER_ENV }

describe.concurrent('a notes ref that is not a commit', () => {
  it.each([
    ['a blob', (dir: string): string => git(dir, 'hash-object', '-w', 'prompts/alpha_python.prompt')],
    ['a tree', (dir: string): string => git(dir, 'rev-parse', 'HEAD^{tree}')]
  ])('pointing at %s: run and finalize stop (exit 2) before pdd starts', async (_, object) => {
    const repo = makeRepo({ 'prompts/alpha_python.prompt': 'alpha\n' })
    git(repo.dir, 'update-ref', 'refs/notes/pdd-sync', object(repo.dir).trim())
    const bin = path.join(tempDir(), 'bin')
    const log = path.join(bin, 'calls.jsonl')
    const [pdd] = installFakePdd(bin, { log })
    const r = await runCliAsync(
      ['run', '--repo', repo.dir, '--pdd-command', pdd as string, '--no-fetch'],
      ENV
    )
    expect(r.stderr).toMatch(
      /refs\/notes\/pdd-sync here is not a notes commit.*git update-ref -d refs\/notes\/pdd-sync/
    )
    expect(r.status).toBe(2)
    expect(existsSync(log) ? readFileSync(log, 'utf8') : '').not.toContain('sync')
    expect(git(repo.dir, 'branch', '--list', 'pdd-sync/*').trim()).toBe('')
    const fin = await runCliAsync(['finalize', '--repo', repo.dir, '--matrix', '{"include":[]}'], ENV)
    expect(fin.stderr).toMatch(/refs\/notes\/pdd-sync here is not a notes commit/)
    expect(fin.status).toBe(2)
  })
})
