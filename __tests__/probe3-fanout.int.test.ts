/**
 * Probes of the finalize job's collection of shard reports (src/fanout/collect.ts) with real git refs: reports
 * that speak for another leg, another run, or with amounts that are not amounts. Before the fix, a unit of
 * another leg was listed (and counted) twice, a report on the wrong leg's ref was taken for that leg, and a
 * negative or textual `spent` went into the run's spend.
 */
import { describe, expect, it } from 'vitest'
import { Git, shardRef } from '../src/adapters/git.js'
import type { UnitResult } from '../src/execute/result.js'
import { BOT } from '../src/execute/execute.js'
import { closeRun, collectShards } from '../src/fanout/collect.js'
import type { ShardReport } from '../src/fanout/report.js'
import type { ShardSpec } from '../src/plan/matrix.js'
import { gitEnv, makeRepo } from './helpers/git-repo.js'
import { CollectingReporter } from './helpers/install-cache.js'

const RUN = '9001'
const SPECS: ShardSpec[] = [
  { shard: 0, units: ['a_python', 'b_python'], budget: 1 },
  { shard: 1, units: ['c_python'], budget: 1 }
]
const KNOWN = new Map(['a', 'b', 'c'].map(b => [`${b}_python`, { basename: b, language: 'python' }]))

const unit = (id: string, cost = 0.1): UnitResult => ({
  id,
  basename: id.replace(/_python$/, ''),
  language: 'python',
  status: 'synced',
  operations: ['generate'],
  cost,
  reason: ''
})

async function world(): Promise<{ git: Git; base: string }> {
  const repo = makeRepo({ 'a.txt': 'a\n' })
  const git = await Git.open(repo.dir, gitEnv())
  return { git, base: (await git.commitOf('HEAD')) ?? '' }
}

/** Writes a report on leg `leg`'s ref; `over` changes any field (or the raw text). */
async function report(
  git: Git,
  base: string,
  leg: number,
  units: UnitResult[],
  over: Partial<ShardReport> | ((json: string) => string) = {}
): Promise<void> {
  const r: ShardReport = {
    version: 1,
    runKey: RUN,
    shard: leg,
    baseSha: base,
    head: base,
    complete: true,
    result: { budget: 1, spent: units.reduce((a, u) => a + (u.cost ?? 0), 0), units },
    promptPaths: {},
    contextOf: {},
    ...(typeof over === 'function' ? {} : over)
  }
  const json = JSON.stringify(r)
  await git.writeFileCommit({
    ref: shardRef(RUN, leg),
    name: 'shard.json',
    text: typeof over === 'function' ? over(json) : json,
    parent: base,
    message: 'shard',
    who: BOT
  })
}

async function collect(
  git: Git,
  base: string
): Promise<{ r: CollectingReporter; c: Awaited<ReturnType<typeof collectShards>> }> {
  const r = new CollectingReporter()
  const c = await collectShards({
    git,
    remote: null,
    runKey: RUN,
    baseSha: base,
    specs: SPECS,
    known: KNOWN,
    identity: BOT,
    reporter: r
  })
  return { r, c }
}

const statuses = (c: { result: { units: UnitResult[] } }): string[] =>
  c.result.units.map(u => `${u.id}:${u.status}${u.reason ? ` (${u.reason})` : ''}`)

describe('collecting shard reports', () => {
  it('a unit of another leg, and a unit twice, are listed once, from their own leg', async () => {
    const { git, base } = await world()
    await report(git, base, 0, [unit('a_python'), unit('a_python'), unit('b_python'), unit('c_python', 5)])
    await report(git, base, 1, [unit('c_python', 0.2)])
    const { r, c } = await collect(git, base)
    expect(statuses(c)).toEqual(['a_python:synced', 'b_python:synced', 'c_python:synced'])
    expect(c.result.units.find(u => u.id === 'c_python')?.cost).toBe(0.2)
    expect(r.of('warning')).toEqual([
      'Shard 0 reported units that are not its own, or twice: a_python, c_python; ignored.'
    ])
  })

  it("a report on one leg's ref that claims another leg is left out", async () => {
    const { git, base } = await world()
    await report(git, base, 0, [unit('c_python')], { shard: 1 })
    await report(git, base, 1, [unit('c_python')])
    const { r, c } = await collect(git, base)
    expect(r.of('warning')).toEqual(['Shard 0 left a report of shard 1 on its ref: left out.'])
    expect(statuses(c)).toEqual([
      'a_python:failed (shard 0 did not report)',
      'b_python:failed (shard 0 did not report)',
      'c_python:synced'
    ])
  })

  it('a report of another run on this run’s ref is left out', async () => {
    const { git, base } = await world()
    await report(git, base, 0, [unit('a_python'), unit('b_python')], { runKey: '1234' })
    await report(git, base, 1, [unit('c_python')])
    const { r } = await collect(git, base)
    expect(r.of('warning')).toEqual(['Shard 0 left a report of run 1234, not of run 9001: left out.'])
  })

  it.each([
    [
      'a negative spend',
      (j: string) => j.replace(/"spent":[0-9.]+/, '"spent":-40'),
      /"spent" \(-40\) is not an amount/
    ],
    [
      'a spend that is text',
      (j: string) => j.replace(/"spent":[0-9.]+/, '"spent":"0.2"'),
      /"spent" \("0.2"\)/
    ],
    ['a unit without an id', (j: string) => j.replace('"id":"a_python",', ''), /unit 1 is not a unit result/],
    [
      'a negative unit cost',
      (j: string) => j.replace('"cost":0.1', '"cost":-9'),
      /unit 1 is not a unit result/
    ],
    ['a report cut short', (j: string) => j.slice(0, j.length / 2), /unreadable report/]
  ])('%s: the report is unreadable, its units did not report', async (_what, edit, said) => {
    const { git, base } = await world()
    await report(git, base, 0, [unit('a_python'), unit('b_python')], edit)
    await report(git, base, 1, [unit('c_python')])
    const { r, c } = await collect(git, base)
    expect(r.of('warning').join('\n')).toMatch(said)
    expect(r.of('warning').join('\n')).toMatch(/^Shard 0 left an unreadable report/)
    expect(c.result.spent).toBe(0.1)
    expect(statuses(c)[0]).toBe('a_python:failed (shard 0 did not report)')
  })

  it('a finalize run twice publishes nothing twice: no unit, no spend, no "did not report"', async () => {
    const { git, base } = await world()
    await report(git, base, 0, [unit('a_python'), unit('b_python')])
    await report(git, base, 1, [unit('c_python')])
    const first = await collect(git, base)
    expect(first.c.result.spent).toBe(0.3)
    const o = { git, remote: null, runKey: RUN, baseSha: base, specs: SPECS, known: KNOWN, identity: BOT }
    await closeRun({ ...o, reporter: first.r }, first.c)
    expect(first.r.of('warning')).toEqual([])
    const second = await collect(git, base)
    expect(statuses(second.c)).toEqual([])
    expect(second.c.result.spent).toBe(0)
    expect(second.c.outcomes.earlier).toEqual([0, 1])
  })
})
