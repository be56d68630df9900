/**
 * A pdd that stops before its sync starts spent nothing, and the run books nothing for it (bundled CLI, real
 * pdd-cli 0.0.310): a global option pdd rejects (`--time 5`, out of its range) passes `pdd --version` (Click runs
 * the eager `--version` first) and fails every `pdd sync` with a Click usage error, exit 2, before any LLM call.
 * Before, the group's whole admission was booked ("Spent $3.00 of $3.00") and recorded against the caps.
 */
import { expect, it } from 'vitest'
import type { RunResult } from '../src/execute/result.js'
import { runCliAsync } from './helpers/bundles.js'
import { CALC_UNIT, PROMPTS } from './helpers/calc-units.js'
import { runRecordsIn } from './helpers/notes.js'
import { realRepo } from './helpers/real-execute.js'
import { describeRealPdd, realPdd } from './helpers/real-pdd.js'

describeRealPdd('a pdd usage error books nothing', () => {
  it('fails the unit naming the usage error, spends $0 and records $0', async () => {
    const repo = await realRepo({ units: { calc: CALC_UNIT } }, PROMPTS.calc)
    try {
      const command = JSON.stringify([realPdd()?.pdd, '--time', '5'])
      const r = await runCliAsync(
        ['run', '--repo', repo.dir, '--no-fetch', '--pdd-command', command, '--budget', '3', '--json'],
        repo.env
      )
      expect(r.status, r.stderr).toBe(1)
      const result = JSON.parse(r.stdout) as RunResult
      expect(result.spent).toBe(0)
      expect(result.units.map(u => [u.id, u.status, u.cost])).toEqual([['calc_python', 'failed', 0]])
      expect(result.units[0]?.reason).toMatch(/^pdd exited 2: pdd usage error: Invalid value for '--time'/)
      expect(repo.server.calls()).toHaveLength(0)
      const records = runRecordsIn(repo.dir)
      expect(records.map(rec => rec.spent)).toEqual([0])
    } finally {
      await repo.server.close()
    }
  }, 300_000)
})
