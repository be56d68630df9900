/**
 * Non-Python units with the REAL pdd, the scripted LLM and a stand-in agent CLI (helpers/agent-standin.ts):
 * pdd-cli 0.0.310 verifies non-Python code and writes non-Python tests only through an agent CLI
 * (docs/pdd-agents.md). With `claude` on PATH and `agentic-fallback` on, a TypeScript, a JavaScript and a TSX
 * unit go from a fresh prompt to `synced` through generate, example, crash, verify and test. Without an agent
 * (or with `agentic-fallback` off) such a unit is `skipped-runtime` before any LLM call, and costs $0.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { ConsoleReporter } from '../src/adapters/reporter.js'
import { provideRuntimes, type ProvidedRuntimes } from '../src/execute/runtimes-step.js'
import { planRepository } from '../src/plan/plan.js'
import { agentStandIn } from './helpers/agent-standin.js'
import { git } from './helpers/git-repo.js'
import { planOptionsFor } from './helpers/plan-options.js'
import { BRANCH, nextRunDecisions, realRepo, runExecutor, type RealRepo } from './helpers/real-execute.js'
import { describeRealPdd } from './helpers/real-pdd.js'
import type { Script } from './helpers/llm-server.js'

const quiet = new ConsoleReporter(() => undefined)
const PDDRC =
  'version: "1.0"\ncontexts:\n  default:\n    defaults:\n      generate_output_path: "src/"\n' +
  '      example_output_path: "examples/"\n      test_output_path: "tests/"\n'

const UNITS = {
  greet: {
    code: 'export function greet(name: string): string {\n  return `Hello, ${name}!`\n}\n',
    example: "import { greet } from '../src/greet'\n\nconsole.log(greet('world'))\n",
    test: ''
  }
}

/**
 * One basename in TypeScript, JavaScript and TSX: one `pdd sync greet` (one start of PDD) takes all three through
 * generate, example, crash, verify and test. Each language's requests carry its prompt's marker; examples and
 * tests import their own module by its full name (`src/greet.ts`, `.js` and `.tsx` sit side by side).
 */
const THREE: Script = {
  units: {
    'greet-ts': {
      marker: 'greet-typescript-spec',
      code: 'export function greet(name: string): string {\n  return `Hello, ${name}!`\n}\n',
      example: "import { greet } from '../src/greet.ts'\n\nconsole.log(greet('world'))\n",
      test: ''
    },
    'greet-js': {
      marker: 'greet-javascript-spec',
      code: 'function shout(s) {\n  return s.toUpperCase()\n}\nmodule.exports = { shout }\n',
      example: "const { shout } = require('../src/greet.js')\n\nconsole.log(shout('hi'))\n",
      test: ''
    },
    'greet-tsx': {
      marker: 'greet-tsx-spec',
      code: 'export function Badge(props: { label: string }) {\n  return `<b>${props.label}</b>`\n}\n',
      example: "import { Badge } from '../src/greet.tsx'\n\nconsole.log(Badge({ label: 'new' }))\n",
      test: ''
    }
  }
}
const PROMPTS = {
  '.pddrc': PDDRC,
  'prompts/greet_typescript.prompt': 'greet-typescript-spec: a TypeScript module exporting greet(name).\n',
  'prompts/greet_javascript.prompt': 'greet-javascript-spec: a CommonJS module exporting shout(s).\n',
  'prompts/greet_typescriptreact.prompt': 'greet-tsx-spec: a TSX module exporting Badge({ label }).\n'
}
/** The tests the stand-in agent writes, per code file (PDD runs them with `npx tsx {file}` / `node {file}`). */
const AGENT_TESTS = {
  'greet.ts':
    "import { greet } from '../src/greet.ts'\n\nif (greet('a') !== 'Hello, a!') throw new Error('greet')\n" +
    "console.log('1 passed')\n",
  'greet.js':
    "const { shout } = require('../src/greet.js')\n\nif (shout('hi') !== 'HI') throw new Error('shout')\n" +
    "console.log('1 passed')\n",
  'greet.tsx':
    "import { Badge } from '../src/greet.tsx'\n\nif (Badge({ label: 'x' }) !== '<b>x</b>') throw new Error('badge')\n" +
    "console.log('1 passed')\n"
}

describeRealPdd('non-Python units with an agent CLI (stand-in) and the real pdd', () => {
  let scratch: string
  let tools: string
  beforeAll(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'pdd-agent-'))
    tools = path.join(scratch, 'tools')
  })
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))

  async function prepared(repo: RealRepo, agenticFallback: boolean): Promise<ProvidedRuntimes> {
    const planned = await planRepository(planOptionsFor(repo.dir, {}), quiet)
    return provideRuntimes(planned, repo.env, { toolDir: tools }, quiet, { agenticFallback })
  }

  it(
    'TypeScript, JavaScript and TSX units go from a fresh prompt to synced through verify and test',
    { timeout: 600_000 },
    async () => {
      const agent = agentStandIn(path.join(scratch, 'agent'), AGENT_TESTS)
      const base = await realRepo(THREE, PROMPTS)
      // The test project disables every agent provider; this run lets PDD start the stand-in.
      const { PDD_AGENTIC_DISABLED_PROVIDERS: _off, ...env } = base.env
      const repo = { ...base, env: { ...env, PATH: `${agent.binDir}${path.delimiter}${env.PATH}` } }
      try {
        const runtimes = await prepared(repo, true)
        expect(runtimes.missing).toEqual(new Map())
        const { result } = await runExecutor(repo, {
          runtimes,
          concurrency: 3,
          invocation: { agenticFallback: true }
        })
        const byId = Object.fromEntries(result.units.map(u => [u.id, [u.status, u.operations.join(',')]]))
        const all = 'generate,example,crash,verify,test'
        expect(byId).toEqual({
          greet_typescript: ['synced', all],
          greet_javascript: ['synced', all],
          greet_typescriptreact: ['synced', all]
        })
        const tasks = agent.tasks()
        for (const name of Object.keys(AGENT_TESTS)) {
          const mine = tasks.filter(t => path.basename(t.code ?? '') === name).map(t => t.task)
          expect(mine.sort(), name).toEqual(['test', 'verify'])
        }
        const files = git(repo.dir, 'ls-tree', '-r', '--name-only', BRANCH).split('\n')
        for (const t of tasks.filter(x => x.test))
          expect(files).toContain(path.relative(testRoot(t.test ?? ''), t.test ?? ''))
        for (const d of await nextRunDecisions(repo, result)) expect(d.planner, d.id).toBe(d.pdd)
      } finally {
        await repo.server.close()
      }
    }
  )

  it('without an agent CLI, a TypeScript unit that needs verify and tests is skipped before any LLM call', async () => {
    const repo = await realRepo(
      { units: { greet: UNITS.greet } },
      { '.pddrc': PDDRC, 'prompts/greet_typescript.prompt': PROMPTS['prompts/greet_typescript.prompt'] }
    )
    try {
      const runtimes = await prepared(repo, true)
      const why = runtimes.missing.get('greet_typescript') ?? ''
      expect(why).toMatch(/^PDD runs verify and test for typescript only through an agent CLI/)
      expect(why).toContain('install and sign in one on the runner and set `agentic-fallback: true`')
      expect(why).toContain('`skip-verify: true` and `skip-tests: true`')
      const { result } = await runExecutor(repo, { runtimes, invocation: { agenticFallback: true } })
      expect(result.units).toMatchObject([
        { id: 'greet_typescript', status: 'skipped-runtime', cost: 0, operations: [], reason: why }
      ])
      expect(result.spent).toBe(0)
      expect(repo.server.calls()).toEqual([])
    } finally {
      await repo.server.close()
    }
  })
})

/** The worktree a test path lies in: the folder above its `tests/`. */
function testRoot(file: string): string {
  return path.dirname(path.dirname(file))
}
