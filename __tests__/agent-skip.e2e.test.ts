/**
 * The bundled action with the real pdd's scripted world (helpers/action-world.ts): when every unit with work is
 * skipped before spending (here a TypeScript unit whose planned verify and tests need an agent CLI, and there is
 * none), pdd-cli is not installed at all, nothing reaches the LLM, and the unit is published as skipped with the
 * reason naming what is missing (docs/pdd-agents.md).
 */
import { expect, it } from 'vitest'
import { actionWorld } from './helpers/action-world.js'
import { describeRealPdd } from './helpers/real-pdd.js'

const PDDRC =
  'version: "1.0"\ncontexts:\n  default:\n    defaults:\n      generate_output_path: "src/"\n' +
  '      example_output_path: "examples/"\n      test_output_path: "tests/"\n'

describeRealPdd('pdd is installed only when a unit can run', () => {
  it('every unit skipped for want of an agent CLI: no pdd install, no LLM call, the reason published', async t => {
    const world = await actionWorld(
      t,
      { units: { greet: { code: 'export const greet = (n: string) => n\n', example: '', test: '' } } },
      { '.pddrc': PDDRC, 'prompts/greet_typescript.prompt': 'A TypeScript module `greet`.\n' },
      // No pdd-command: the action would install pdd-cli into the tool cache.
      { inputs: { 'pdd-command': '' } }
    )
    const run = await world.run()
    // fail-on: all-failed counts a run where nothing could run as failed.
    expect(run.status, run.stdout).toBe(1)
    expect(run.stdout).toContain('::error::pdd-sync: 1 skipped (runtime) (fail-on: all-failed).')
    expect(run.stdout).toContain('pdd is not installed: no unit with work can run on this runner')
    expect(run.stdout).not.toMatch(/pdd-cli \S+ in .* \((?:installed|restored from the cache)\)/)
    expect(run.stdout).not.toContain('Install pdd')
    expect(run.stdout).toContain(
      'greet_typescript is skipped (nothing spent): PDD runs verify and test for typescript only through an agent CLI'
    )
    expect(JSON.parse(run.outputs.skipped ?? '[]')).toEqual(['greet_typescript'])
    expect(run.outputs.spent).toBe('0.0000')
    expect(world.repo.server.calls()).toEqual([])
  })
})
