/**
 * Caps across runs, end to end: the bundled action, the real pdd-cli against the scripted LLM server (behind a
 * wrapper that logs every start), real git with a bare origin (each run in a fresh shallow clone) and the GitHub
 * API stand-in.
 */
import { expect, it, type TestContext } from 'vitest'
import type { ActionRun } from './helpers/action-runner.js'
import { actionWorld, type ActionWorld } from './helpers/action-world.js'
import { CALC_UNIT, GREET_UNIT, PROMPTS } from './helpers/calc-units.js'
import { git, writeFiles } from './helpers/git-repo.js'
import { runRecordsIn } from './helpers/notes.js'
import { recordingPdd, type RecordingPdd } from './helpers/pdd-wrapper.js'
import { describeRealPdd } from './helpers/real-pdd.js'

const TOKEN = 'ghs_capsTestToken0123456789'
const TIMEOUT = 480_000

interface World extends Omit<ActionWorld, 'run'> {
  pdd: RecordingPdd
  run(inputs: Record<string, string>, ref?: string, runId?: string): Promise<ActionRun>
}

async function world(t: TestContext): Promise<World> {
  const pdd = recordingPdd()
  const w = await actionWorld(t, { units: { calc: CALC_UNIT, greet: GREET_UNIT } }, PROMPTS.calc, {
    token: TOKEN,
    pddCommand: pdd.command,
    inputs: { budget: '5', 'max-attempts': '2' }
  })
  return { ...w, pdd, run: (inputs, ref = 'main', runId = '4242') => w.run(inputs, { ref, runId }) }
}

describeRealPdd.concurrent('caps across runs (daily-budget, monthly-budget)', () => {
  it(
    'once this month has spent the monthly cap, the next run plans, installs and runs nothing, and says why',
    async t => {
      const w = await world(t)
      const r1 = await w.run({ 'monthly-budget': '50' })
      expect(r1.outputs.synced, r1.stdout).toBe('["calc_python"]')
      const spent1 = Number(r1.outputs.spent)
      expect(spent1).toBeGreaterThan(0)
      expect(Number(r1.outputs['spent-this-month'])).toBeCloseTo(spent1, 4)
      expect(r1.summary).toMatch(
        /\*\*Spent:\*\* this run \$[\d.]+ · today \$[\d.]+ · this month \$[\d.]+ of \$50\.0000/
      )

      // A new unit to sync, and a monthly cap this month's first run already used up.
      git(w.repo.dir, 'pull', '-q', 'origin', 'main')
      git(w.repo.dir, 'checkout', '-q', 'main')
      const starts = w.pdd.starts().length
      const llm = w.repo.server.calls().length
      writeFiles(w.repo.dir, PROMPTS.greet)
      git(w.repo.dir, 'add', '-A')
      git(w.repo.dir, 'commit', '-q', '-m', 'greet')
      git(w.repo.dir, 'push', '-q', 'origin', 'HEAD:main')
      // The cap is exactly what the first run recorded (outputs.spent is rounded to 4 decimals).
      const recorded = runRecordsIn(w.origin).reduce((a, r) => a + r.spent, 0)
      expect(recorded).toBeCloseTo(spent1, 4)
      const r2 = await w.run({ 'monthly-budget': String(recorded) })
      expect(r2.status, r2.stderr).toBe(0)
      expect(w.pdd.starts()).toHaveLength(starts)
      expect(w.repo.server.calls()).toHaveLength(llm)
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
    },
    TIMEOUT
  )

  it(
    'two runs started together on different refs under a cap: together they stay within it',
    async t => {
      const w = await world(t)
      git(w.origin, 'branch', 'dev', 'main')
      w.api.ensureRepo('acme', 'calc', { branches: ['dev'] })
      // A fresh unit is estimated at PDD's table price ($2.15): the cap lets one run in, not two.
      const cap = '3'
      const [a, b] = await Promise.all([
        w.run({ 'daily-budget': cap, 'fail-on': 'never' }, 'main', '1001'),
        w.run({ 'daily-budget': cap, 'fail-on': 'never' }, 'dev', '1002')
      ])
      expect(a.status, a.stderr).toBe(0)
      expect(b.status, b.stderr).toBe(0)
      const spent = [a, b].map(r => Number(r.outputs.spent))
      expect(spent.reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(Number(cap))
      // Exactly one got the room; the other found the cap reserved and ran nothing.
      const ran = [a, b].filter(r => r.outputs.synced === '["calc_python"]')
      const stopped = [a, b].filter(r => /Daily cap reached/.test(r.summary))
      expect(ran).toHaveLength(1)
      expect(stopped).toHaveLength(1)
      expect(stopped[0]?.outputs).toMatchObject({ spent: '0.0000', status: 'budget' })
      expect(stopped[0]?.summary).toMatch(/reserved by runs still going|held by runs still going/)
      // The pdd wrapper ran for one run only: one --version, one sync.
      expect(w.pdd.starts().filter(s => s.startsWith('--version'))).toHaveLength(1)
      const records = runRecordsIn(w.origin)
      expect(records.map(r => r.spent).reduce((x, y) => x + y, 0)).toBeCloseTo(spent[0]! + spent[1]!, 6)
    },
    TIMEOUT
  )
})
