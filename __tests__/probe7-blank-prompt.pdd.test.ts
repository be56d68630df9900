/**
 * The fact probe7-blank-prompt.e2e relies on, pinned against the real pdd-cli 0.0.310: a prompt with no text
 * (empty, or only blanks and line ends) fails `pdd sync` at `generate` with "Prompt must be a non-empty
 * string", before any LLM request and at $0. So the planner skips such a prompt instead of paying to start pdd.
 */
import { expect, it } from 'vitest'
import { realRepo } from './helpers/real-execute.js'
import { csvCost, describeRealPdd, runPddSync } from './helpers/real-pdd.js'

describeRealPdd('pdd sync of a prompt with no text', () => {
  it.each([
    ['empty', ''],
    ['blank', ' \n\t\n']
  ])(
    '%s: fails at generate before any LLM request, $0',
    async (_name, text) => {
      const repo = await realRepo({ units: {} }, { 'prompts/blank_python.prompt': text })
      try {
        const r = await runPddSync(repo.dir, 'blank', { env: repo.env, budget: 1, maxAttempts: 1 })
        // Rich wraps the Details cell: join its lines back.
        const out = r.stdout.replace(/[\s│]+/g, ' ')
        expect(out).toMatch(/'generate': An unexpected error occurred: Prompt must be a non-empty string/)
        expect(out).toMatch(/Overall status: Failed/)
        expect(repo.server.calls()).toHaveLength(0)
        expect(csvCost(r.costCsv)).toBe(0)
      } finally {
        await repo.server.close()
      }
    },
    300_000
  )
})
