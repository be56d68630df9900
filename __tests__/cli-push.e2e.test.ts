import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RunResult } from '../src/execute/result.js'
import { runCli } from './helpers/bundles.js'
import { FAKE_PROVIDER_ENV, installFakePdd } from './helpers/fake-pdd.js'
import { git, makeRepo, tempDir } from './helpers/git-repo.js'
import { runRecordsIn } from './helpers/notes.js'

describe('pdd-sync run --push (bundled CLI, pdd stand-in)', () => {
  it('a remote that cannot be reached: the run record still lands in the local notes, with warnings', () => {
    const repo = makeRepo({ 'prompts/calc_python.prompt': 'calc\n' })
    // A configured remote that is not there (a remote that is not configured at all stops the run first).
    git(repo.dir, 'remote', 'add', 'nowhere', path.join(tempDir(), 'gone.git'))
    const [pdd] = installFakePdd(path.join(tempDir(), 'bin'), { costPerCall: 0.01 })
    const args = ['run', '--repo', repo.dir, '--pdd-command', pdd as string, '--json', '--no-fetch']
    const r = runCli([...args, '--push', 'nowhere'], FAKE_PROVIDER_ENV)
    expect(r.status, r.stderr).toBe(0)
    const result = JSON.parse(r.stdout) as RunResult
    expect(result.units.map(u => u.status)).toEqual(['synced'])
    expect(r.stderr).toMatch(/The run record is only in the local refs\/notes\/pdd-sync/)
    expect(r.stderr).toMatch(/pdd-sync\/main was not pushed to nowhere/)
    const [record] = runRecordsIn(repo.dir)
    expect(record).toMatchObject({ trigger: 'cli', spent: result.spent })
    expect(git(repo.origin, 'for-each-ref').trim()).not.toMatch(/pdd-sync/)
  })
})
