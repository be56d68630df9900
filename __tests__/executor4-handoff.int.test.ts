/**
 * The hand-off of a slot from one group to the next (docs/architecture.md "Performance"): the next group's pdd
 * spawns before the finished group's straggler sweep (a read of all of /proc), and the sweep still ends what the
 * sync left running before the group is judged. Real git worktrees, the pdd stand-in, the run's timeline
 * (`PDD_SYNC_TIMELINE`, group-timing.ts) as the witness of the order.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConsoleReporter } from '../src/adapters/reporter.js'
import type { RunResult } from '../src/execute/result.js'
import { installFakePdd, type FakePddFaults } from './helpers/fake-pdd.js'
import { makeRepo, tempDir } from './helpers/git-repo.js'
import { executeWithTimeline, type TimelineEvent } from './helpers/timeline-run.js'

type Event = TimelineEvent

async function run(
  faults: FakePddFaults,
  concurrency = 1
): Promise<{ result: RunResult; events: Event[]; lines: string[]; dir: string }> {
  const repo = makeRepo({ 'prompts/calc_python.prompt': 'calc\n', 'prompts/util_python.prompt': 'util\n' })
  const command = installFakePdd(path.join(tempDir(), 'bin'), faults)
  const lines: string[] = []
  const reporter = new ConsoleReporter(l => lines.push(l))
  const { outcome, events } = await executeWithTimeline(repo.dir, command, { concurrency, reporter })
  if (outcome instanceof Error) throw outcome
  return { result: outcome, events, lines, dir: repo.dir }
}

/** When `group` marked `ev` (throws when it did not). */
function at(events: Event[], group: string, ev: string): number {
  const e = events.find(x => x.group === group && x.ev === ev)
  if (!e) throw new Error(`no ${ev} mark for ${group}: ${JSON.stringify(events)}`)
  return e.t
}

describe('a slot’s hand-off: the next pdd first, then the sweep, then the verdict', () => {
  it('at concurrency 1 the second group spawns its pdd before the first group’s straggler sweep', async () => {
    // Each sync takes a second: the second group's worktree (made while the first syncs) is ready by then.
    const { result, events } = await run({ costPerCall: 0.01, delayMs: 1000 })
    expect(result.units.map(u => u.status)).toEqual(['synced', 'synced'])
    const [first, second] = ['calc', 'util'].sort((a, b) => at(events, a, 'spawn') - at(events, b, 'spawn'))
    const a = first as string
    const b = second as string
    // The slot went to the next group as soon as pdd ended…
    expect(at(events, a, 'pdd')).toBeLessThanOrEqual(at(events, a, 'paid'))
    expect(at(events, a, 'paid')).toBeLessThanOrEqual(at(events, b, 'spawn'))
    // …and the sweep came after that spawn, before the group was judged, committed and landed.
    expect(at(events, b, 'spawn')).toBeLessThanOrEqual(at(events, a, 'stragglers'))
    expect(at(events, a, 'stragglers')).toBeLessThanOrEqual(at(events, a, 'verdict'))
    expect(at(events, a, 'verdict')).toBeLessThanOrEqual(at(events, a, 'land'))
    // Each group's marks, and the run's own.
    for (const g of ['calc', 'util'])
      expect(events.filter(e => e.group === g).map(e => e.ev)).toEqual([
        'admitted',
        'worktree',
        'restore',
        'spawn',
        'pdd',
        'paid',
        'stragglers',
        'verdict',
        'commit',
        'land',
        'released'
      ])
    expect(events.filter(e => !e.group).map(e => e.ev)).toEqual([
      'execute',
      'bot-branch',
      'scheduled',
      'executed'
    ])
  })

  it('what a sync left running in a session of its own is still killed before it can write', async () => {
    const late = path.join(tempDir('pdd-sync-orphan-'), 'late.txt')
    const afterMs = 3000
    const started = Date.now()
    const { result, lines } = await run({ costPerCall: 0.01, orphan: { afterMs, file: late } }, 2)
    expect(result.units.map(u => u.status)).toEqual(['synced', 'synced'])
    const pids = [...new Set(lines.flatMap(l => /FAKE_PDD_ORPHAN_PID: (\d+)/.exec(l)?.[1] ?? []))].map(Number)
    try {
      expect(pids).toHaveLength(2)
      // Past the time the orphans would have written, had they lived.
      await new Promise(resolve => setTimeout(resolve, Math.max(0, started + afterMs + 1000 - Date.now())))
      expect(existsSync(late)).toBe(false)
      for (const pid of pids) expect(alive(pid)).toBe(false)
    } finally {
      // Never leave one behind when the sweep failed.
      for (const pid of pids.filter(alive)) process.kill(pid, 'SIGKILL')
    }
  })
})

/** Whether `pid` is a live process (a zombie, killed but not yet reaped, is not). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}
