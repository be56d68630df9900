/**
 * A unit one of whose files would get a name over 255 bytes is refused at plan time, naming it (README "Bad
 * input"). Before: a 240-character basename was planned and run; pdd paid for generate, example, crash and test,
 * then failed writing `.pdd/meta/<basename>_python_run.json` (ENAMETOOLONG) with no cost row, so the run booked
 * its whole admission — the budget — and skipped every other unit; and again on every run.
 */
import { describe, expect, it } from 'vitest'
import { ConsoleReporter } from '../src/adapters/reporter.js'
import { buildPlan } from '../src/plan/plan.js'
import { makeRepo } from './helpers/git-repo.js'
import { planOptionsFor } from './helpers/plan-options.js'

const quiet = new ConsoleReporter(() => undefined)

describe('file names too long for a file system', () => {
  it.each([
    ['a long basename', `prompts/${'a'.repeat(240)}_python.prompt`, `${'a'.repeat(240)}_python_run.json`],
    [
      'a long multi-byte basename',
      `prompts/${'é'.repeat(120)}_python.prompt`,
      `${'é'.repeat(120)}_python_run.json`
    ]
  ])('%s is a problem naming the prompt; the other units plan', async (_, prompt, long) => {
    const repo = makeRepo({ 'prompts/alpha_python.prompt': 'alpha\n', [prompt]: 'long\n' })
    const plan = await buildPlan(planOptionsFor(repo.dir), quiet)
    expect(plan.units.map(u => u.id)).toEqual(['alpha_python'])
    expect(plan.problems).toHaveLength(1)
    expect(plan.problems[0]?.file).toBe(prompt)
    const bytes = Buffer.byteLength(long)
    expect(plan.problems[0]?.message).toContain(`would be ${bytes} bytes, over the 255`)
  })

  it('a basename whose every file name fits is planned', async () => {
    const b = 'b'.repeat(230)
    const repo = makeRepo({ [`prompts/${b}_python.prompt`]: 'fits\n' })
    const plan = await buildPlan(planOptionsFor(repo.dir), quiet)
    expect(plan.units.map(u => u.id)).toEqual([`${b}_python`])
    expect(plan.problems).toEqual([])
  })
})
