/**
 * The bot branch is reset beside the first groups' worktrees and restores (docs/architecture.md "Performance"),
 * and no pdd starts before it has been: a branch that cannot be reset fails the run with git's error, as it did
 * when the reset came first, with no pdd started and nothing spent. Real git (a ref lock held, as a concurrent git
 * would hold it), the pdd stand-in logging each invocation, the run's timeline as the witness of the order.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConsoleReporter } from '../src/adapters/reporter.js'
import { installFakePdd } from './helpers/fake-pdd.js'
import { makeRepo, tempDir } from './helpers/git-repo.js'
import { executeWithTimeline, type TimelineEvent } from './helpers/timeline-run.js'

type Event = TimelineEvent

async function run(lockBranch: boolean): Promise<{ outcome: unknown; calls: string[]; events: Event[] }> {
  const repo = makeRepo({ 'prompts/calc_python.prompt': 'calc\n', 'prompts/util_python.prompt': 'util\n' })
  const log = path.join(tempDir('pdd-sync-calls-'), 'calls.jsonl')
  const command = installFakePdd(path.join(tempDir(), 'bin'), { costPerCall: 0.01, log })
  if (lockBranch) {
    // What git leaves while another process moves the branch: update-ref cannot take the lock.
    mkdirSync(path.join(repo.dir, '.git', 'refs', 'heads', 'pdd-sync'), { recursive: true })
    writeFileSync(path.join(repo.dir, '.git', 'refs', 'heads', 'pdd-sync', 'main.lock'), '')
  }
  const reporter = new ConsoleReporter(() => undefined)
  const { outcome, events } = await executeWithTimeline(repo.dir, command, { concurrency: 2, reporter })
  const calls = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []
  return { outcome, calls, events }
}

describe('the bot branch is reset beside the first groups, before any pdd', () => {
  it('a branch that cannot be reset fails the run with no pdd started', async () => {
    const { outcome, calls, events } = await run(true)
    expect(outcome).toBeInstanceOf(Error)
    expect(String((outcome as Error).message)).toMatch(/pdd-sync\/main/)
    expect(calls).toEqual([])
    expect(events.filter(e => e.ev === 'spawn')).toEqual([])
  })

  it('every pdd spawns after the branch was reset', async () => {
    const { outcome, calls, events } = await run(false)
    const units = (outcome as { units: { status: string }[] }).units
    expect(units.map(u => u.status)).toEqual(['synced', 'synced'])
    expect(calls).toHaveLength(2)
    const reset = events.find(e => e.ev === 'bot-branch' && e.group === undefined)
    expect(reset).toBeDefined()
    const spawns = events.filter(e => e.ev === 'spawn')
    expect(spawns).toHaveLength(2)
    for (const s of spawns) expect(s.t).toBeGreaterThanOrEqual((reset as Event).t)
  })
})
