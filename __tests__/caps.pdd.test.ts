/**
 * Caps across runs, end to end: the bundled action, the real pdd-cli against the scripted LLM server (behind a
 * console script that logs every start), real git with a bare origin (each run in a fresh shallow clone) and the
 * GitHub API stand-in.
 *
 * One story, whose steps several tests read (each real sync costs seconds of CPU): two runs start together on
 * different refs under a daily cap that lets one in; the one that ran has then spent this month's cap, so the
 * next run (a new unit to sync) plans, installs and runs nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { ActionRun } from './helpers/action-runner.js'
import { actionWorld, type ActionWorld } from './helpers/action-world.js'
import { CALC_UNIT, GREET_UNIT, PROMPTS } from './helpers/calc-units.js'
import { git, writeFiles } from './helpers/git-repo.js'
import { runRecordsIn } from './helpers/notes.js'
import { recordingPdd, type RecordingPdd } from './helpers/pdd-wrapper.js'
import { describeRealPdd } from './helpers/real-pdd.js'
import { suiteScope } from './helpers/suite-scope.js'

const TOKEN = 'ghs_capsTestToken0123456789'
const TIMEOUT = 900_000
/** A fresh unit is estimated at PDD's table price ($2.15): this daily cap lets one run in, not two. */
const DAILY = '3'

interface Story {
  w: ActionWorld
  pdd: RecordingPdd
  /** The two runs started together (main, then dev). */
  race: [ActionRun, ActionRun]
  /** pdd's starts during the race. */
  raceStarts: string[]
  /** What the origin's notes recorded after the race. */
  raceRecorded: number
  /** After the race: a new unit on main, and a monthly cap equal to what the race recorded. */
  capped: ActionRun
  /** pdd's starts and the LLM server's calls between the race and the end of the capped run. */
  cappedStarts: number
  cappedCalls: number
}

let story: Story | undefined
const got = (): Story => {
  if (!story) throw new Error('the story did not happen (see beforeAll)')
  return story
}
const spentOf = (r: ActionRun): number => Number(r.outputs.spent)
/** The run of the race that synced calc, and the one the daily cap stopped (whichever they are). */
const ranAndStopped = (race: ActionRun[]): { ran: ActionRun[]; stopped: ActionRun[] } => ({
  ran: race.filter(r => r.outputs.synced === '["calc_python"]'),
  stopped: race.filter(r => /Daily cap reached/.test(r.summary))
})

describeRealPdd.concurrent('caps across runs (daily-budget, monthly-budget)', () => {
  const suite = suiteScope()
  afterAll(() => suite.close())
  beforeAll(async () => {
    const pdd = recordingPdd({ consoleScript: true })
    const w = await actionWorld(
      suite.scope,
      { units: { calc: CALC_UNIT, greet: GREET_UNIT } },
      PROMPTS.calc,
      {
        token: TOKEN,
        pddCommand: pdd.command,
        inputs: { budget: '5', 'max-attempts': '2' }
      }
    )
    git(w.origin, 'branch', 'dev', 'main')
    w.api.ensureRepo('acme', 'calc', { branches: ['dev'] })
    const caps = { 'daily-budget': DAILY, 'monthly-budget': '50', 'fail-on': 'never' }
    const race = await Promise.all([
      w.run(caps, { ref: 'main', runId: '1001' }),
      w.run(caps, { ref: 'dev', runId: '1002' })
    ])
    const raceStarts = pdd.starts()
    const llm = w.repo.server.calls().length

    // A new unit to sync on main, and a monthly cap the race already used up.
    git(w.repo.dir, 'pull', '-q', 'origin', 'main')
    git(w.repo.dir, 'checkout', '-q', 'main')
    writeFiles(w.repo.dir, PROMPTS.greet)
    git(w.repo.dir, 'add', '-A')
    git(w.repo.dir, 'commit', '-q', '-m', 'greet')
    git(w.repo.dir, 'push', '-q', 'origin', 'HEAD:main')
    // The cap is exactly what the race recorded (outputs.spent is rounded to 4 decimals).
    const raceRecorded = runRecordsIn(w.origin).reduce((a, r) => a + r.spent, 0)
    const capped = await w.run({ 'monthly-budget': String(raceRecorded) }, { ref: 'main', runId: '4242' })
    story = {
      w,
      pdd,
      race,
      raceStarts,
      raceRecorded,
      capped,
      cappedStarts: pdd.starts().length - raceStarts.length,
      cappedCalls: w.repo.server.calls().length - llm
    }
  }, TIMEOUT)

  it('two runs started together on different refs under a daily cap: together they stay within it', () => {
    const { race, raceStarts, raceRecorded } = got()
    for (const r of race) expect(r.status, r.stderr).toBe(0)
    expect(race.map(spentOf).reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(Number(DAILY))
    // Exactly one got the room; the other found the cap reserved and ran nothing.
    const { ran, stopped } = ranAndStopped(race)
    expect(ran).toHaveLength(1)
    expect(stopped).toHaveLength(1)
    expect(stopped[0]?.outputs).toMatchObject({ spent: '0.0000', status: 'budget' })
    expect(stopped[0]?.summary).toMatch(/reserved by runs still going|held by runs still going/)
    // pdd started for one run only, once: the sync (its version is read from the venv, not `pdd --version`).
    expect(raceStarts).toHaveLength(1)
    expect(raceStarts[0]).toMatch(/^--force --local sync .*calc$/)
    expect(raceRecorded).toBeCloseTo(spentOf(race[0]) + spentOf(race[1]), 4)
  })

  it('the run that ran reports what it spent against the monthly cap', () => {
    const [r1] = ranAndStopped(got().race).ran
    const spent1 = Number(r1?.outputs.spent)
    expect(spent1).toBeGreaterThan(0)
    expect(Number(r1?.outputs['spent-this-month'])).toBeCloseTo(spent1, 4)
    expect(r1?.summary).toMatch(
      /\*\*Spent:\*\* this run \$[\d.]+ · today \$[\d.]+ of \$3\.0000 · this month \$[\d.]+ of \$50\.0000/
    )
  })

  it('once this month has spent the monthly cap, the next run plans, installs and runs nothing, and says why', () => {
    const { race, raceRecorded, capped: r2, cappedStarts, cappedCalls } = got()
    const spent1 = Number(ranAndStopped(race).ran[0]?.outputs.spent)
    expect(raceRecorded).toBeCloseTo(spent1, 4)
    expect(r2.status, r2.stderr).toBe(0)
    expect(cappedStarts).toBe(0)
    expect(cappedCalls).toBe(0)
    expect(r2.stdout).not.toContain('::group::Install pdd')
    expect(r2.outputs).toMatchObject({
      status: 'budget',
      spent: '0.0000',
      synced: '[]',
      'budget-exhausted': 'true'
    })
    expect(JSON.parse(r2.outputs.skipped ?? '[]')).toContain('greet_python')
    expect(Number(r2.outputs['spent-this-month'])).toBeCloseTo(spent1, 4)
    expect(r2.summary).toContain('> [!WARNING]\n> Monthly cap reached:')
    expect(r2.summary).toMatch(/nothing was installed or run/)
    expect(r2.summary).toMatch(/greet_python \| ⏭️ skipped-budget \|.*\| monthly cap reached/)
  })
})
