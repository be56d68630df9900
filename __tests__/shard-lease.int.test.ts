/**
 * The shard reports' lease (real git, a bare origin): two attempts of one shard that started from the same ref
 * cannot replace each other's report — the second to push is refused and stops reporting; an attempt that
 * started from the ref as it is resumes from the partial report there.
 */
import { describe, expect, it } from 'vitest'
import { Git } from '../src/adapters/git.js'
import { ConsoleReporter } from '../src/adapters/reporter.js'
import { BOT } from '../src/execute/execute.js'
import type { RunResult, UnitResult } from '../src/execute/result.js'
import type { ShardReport } from '../src/fanout/report.js'
import { resumeShard } from '../src/fanout/resume.js'
import { ShardReporter } from '../src/fanout/shard.js'
import { Redactor } from '../src/trust/redact.js'
import { cloneOf, git, makeRepo } from './helpers/git-repo.js'

const REF = 'refs/pdd-sync/runs/7/shard-1'
const unit = (id: string, cost: number): UnitResult => ({
  id,
  basename: id.replace(/_python$/, ''),
  language: 'python',
  status: 'synced',
  operations: ['generate'],
  cost,
  reason: ''
})

async function attempt(origin: string, base: string, attemptNo: string, log: string[]) {
  const git = await Git.open(cloneOf(origin))
  const reporter = new ConsoleReporter(line => void log.push(line))
  const start = await resumeShard({ git, remote: 'origin', runKey: '7', shard: 1, baseSha: base, reporter })
  const shard = new ShardReporter({
    git,
    remote: 'origin',
    runKey: '7',
    shard: 1,
    attempt: attemptNo,
    baseSha: base,
    budget: 2,
    promptPaths: {},
    contextOf: {},
    identity: BOT,
    redactor: new Redactor(),
    reporter,
    ...start
  })
  return { shard, start }
}

const onOrigin = (origin: string): ShardReport =>
  JSON.parse(git(origin, 'cat-file', 'blob', `${REF}:shard.json`)) as ShardReport

describe('shard reports under a lease', () => {
  it('the second of two attempts started from the same ref is refused; a later one resumes', async () => {
    const repo = makeRepo({ 'a.txt': 'a\n' })
    const base = git(repo.dir, 'rev-parse', 'HEAD').trim()
    const log: string[] = []
    const one = await attempt(repo.origin, base, '1', log)
    const two = await attempt(repo.origin, base, '2', log)
    expect(one.start).toEqual({ lease: null, resumed: null })

    // Attempt 1 reports a finished unit (partial), then attempt 2 tries: its lease (no ref) no longer holds.
    one.shard.offer({ head: base, units: [unit('a_python', 0.25)] })
    const result: RunResult = { budget: 2, spent: 0.25, units: [unit('a_python', 0.25)], head: base }
    const oneRef = await one.shard.finish({ ...result, cancelled: true })
    expect(oneRef).toBe(REF)
    expect(onOrigin(repo.origin)).toMatchObject({ attempt: '1', complete: false })
    const twoRef = await two.shard.finish({ budget: 2, spent: 0, units: [], head: base })
    expect(twoRef).toBeNull()
    expect(log.join('\n')).toMatch(/warning: Shard 1: .* moved on origin \(another attempt of this shard\?\)/)
    expect(onOrigin(repo.origin)).toMatchObject({ attempt: '1', complete: false })

    // Attempt 3 starts from the ref as it is: it resumes from attempt 1's unit and may report over it.
    const three = await attempt(repo.origin, base, '3', log)
    expect(three.start.resumed?.units.map(u => u.id)).toEqual(['a_python'])
    expect(three.start.resumed?.spent).toBe(0.25)
    expect(three.start.lease).toBe(git(repo.origin, 'rev-parse', REF).trim())
    expect(
      await three.shard.finish({ ...result, units: [unit('a_python', 0.25), unit('b_python', 0.5)] })
    ).toBe(REF)
    expect(onOrigin(repo.origin)).toMatchObject({ attempt: '3', complete: true })
    expect(git(repo.origin, 'log', '-1', '--format=%P', REF).trim()).toBe(base)
  })
})
