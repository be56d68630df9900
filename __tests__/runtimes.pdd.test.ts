/**
 * Runtimes with the REAL pdd and the scripted LLM: PDD runs TypeScript and TSX examples with `npx tsx {file}` and
 * JavaScript with `node {file}`. The action provides the pinned tsx (this machine's npm says `yes = false`, so an
 * npx that had to install would be refused) and skips, before any LLM call, a unit whose runtime is missing.
 * pdd-cli 0.0.310 verifies and writes tests for non-Python code only through an agent CLI (docs/pdd-agents.md):
 * here the units sync with skip-verify and skip-tests; without them, and without an agent PDD may start, they are
 * skipped before any LLM call (agent-langs.pdd.test.ts syncs them through verify and test with a stand-in agent).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { ConsoleReporter } from '../src/adapters/reporter.js'
import { provideRuntimes, type ProvidedRuntimes } from '../src/execute/runtimes-step.js'
import { planRepository } from '../src/plan/plan.js'
import { git } from './helpers/git-repo.js'
import { planOptionsFor } from './helpers/plan-options.js'
import { BRANCH, nextRunDecisions, realRepo, runExecutor, type RealRepo } from './helpers/real-execute.js'
import { describeRealPdd } from './helpers/real-pdd.js'
import { agentStandIn } from './helpers/agent-standin.js'
import type { Script } from './helpers/llm-server.js'

const quiet = new ConsoleReporter(() => undefined)
const SKIP = { skipVerify: true, skipTests: true }
const PDDRC =
  'version: "1.0"\ncontexts:\n  default:\n    defaults:\n      generate_output_path: "src/"\n' +
  '      example_output_path: "examples/"\n      test_output_path: "tests/"\n'

const UNITS = {
  greet: {
    code: 'export function greet(name: string): string {\n  return `Hello, ${name}!`\n}\n',
    example: "import { greet } from '../src/greet'\n\nconsole.log(greet('world'))\n",
    test: ''
  },
  badge: {
    code: 'export function Badge(props: { label: string }) {\n  return `<b>${props.label}</b>`\n}\n',
    example: "import { Badge } from '../src/badge'\n\nconsole.log(Badge({ label: 'new' }))\n",
    test: ''
  }
}
const PROMPTS = {
  '.pddrc': PDDRC,
  'prompts/greet_typescript.prompt': 'A TypeScript module `greet` exporting greet(name).\n',
  'prompts/badge_typescriptreact.prompt': 'A TSX module `badge` exporting Badge({ label }).\n'
}

/**
 * One basename in TypeScript, JavaScript and TSX: one `pdd sync greet` (one start of PDD) runs all three
 * examples, with `npx tsx` and `node`. Each language's requests carry its prompt's marker; the examples import
 * their own module by its full name (`src/greet.ts`, `.js` and `.tsx` sit side by side).
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
const THREE_FILES = {
  '.pddrc': PDDRC,
  'prompts/greet_typescript.prompt': 'greet-typescript-spec: a TypeScript module exporting greet(name).\n',
  'prompts/greet_javascript.prompt': 'greet-javascript-spec: a CommonJS module exporting shout(s).\n',
  'prompts/greet_typescriptreact.prompt': 'greet-tsx-spec: a TSX module exporting Badge({ label }).\n'
}

describeRealPdd('runtimes with the real pdd', () => {
  let tools: string
  beforeAll(() => {
    tools = mkdtempSync(path.join(tmpdir(), 'pdd-tools-'))
  })
  afterAll(() => rmSync(tools, { recursive: true, force: true }))

  async function prepared(repo: RealRepo, skip: object): Promise<ProvidedRuntimes> {
    const planned = await planRepository(planOptionsFor(repo.dir, skip), quiet)
    return provideRuntimes(planned, repo.env, { toolDir: tools }, quiet)
  }

  it(
    'TypeScript, JavaScript and TSX units go from a fresh prompt to synced; PDD agrees on the bot branch',
    { timeout: 600_000 },
    async () => {
      const repo = await realRepo(THREE, THREE_FILES)
      try {
        const runtimes = await prepared(repo, SKIP)
        expect(runtimes.missing).toEqual(new Map())
        expect(readFileSync(path.join(runtimes.nodeModules ?? '', 'tsx', 'package.json'), 'utf8')).toContain(
          '"version": "4.23.15"'
        )
        const { result } = await runExecutor(repo, { runtimes, plan: SKIP, invocation: SKIP, concurrency: 3 })
        const byId = Object.fromEntries(result.units.map(u => [u.id, [u.status, u.operations.join(',')]]))
        expect(byId).toEqual({
          greet_typescript: ['synced', 'generate,example'],
          greet_javascript: ['synced', 'generate,example'],
          greet_typescriptreact: ['synced', 'generate,example']
        })
        const files = git(repo.dir, 'ls-tree', '-r', '--name-only', BRANCH).split('\n')
        for (const f of [
          'src/greet.ts',
          'examples/greet_example.ts',
          'src/greet.js',
          'examples/greet_example.js',
          'src/greet.tsx',
          'examples/greet_example.tsx'
        ])
          expect(files).toContain(f)
        for (const d of await nextRunDecisions(repo, result)) expect(d.planner, d.id).toBe(d.pdd)
      } finally {
        await repo.server.close()
      }
    }
  )

  it('with an agent CLI on PATH but agentic-fallback off, TypeScript and TSX units are skipped at $0', async () => {
    const repo = await realRepo(
      { units: { greet: UNITS.greet, badge: UNITS.badge } },
      {
        '.pddrc': PDDRC,
        'prompts/greet_typescript.prompt': PROMPTS['prompts/greet_typescript.prompt'],
        'prompts/badge_typescriptreact.prompt': PROMPTS['prompts/badge_typescriptreact.prompt']
      }
    )
    try {
      const agent = agentStandIn(path.join(tools, 'agent'), {})
      const { PDD_AGENTIC_DISABLED_PROVIDERS: _off, ...env } = repo.env
      const withAgent = { ...repo, env: { ...env, PATH: `${agent.binDir}${path.delimiter}${env.PATH}` } }
      const runtimes = await prepared(withAgent, {})
      for (const id of ['greet_typescript', 'badge_typescriptreact'])
        expect(runtimes.missing.get(id), id).toMatch(
          /only through an agent CLI, and `agentic-fallback` is off \(anthropic found\): set `agentic-fallback: true`/
        )
      const { result } = await runExecutor(withAgent, { runtimes })
      expect(result.units.map(u => [u.id, u.status, u.cost])).toEqual([
        ['badge_typescriptreact', 'skipped-runtime', 0],
        ['greet_typescript', 'skipped-runtime', 0]
      ])
      expect(repo.server.calls()).toEqual([])
      expect(agent.tasks()).toEqual([])
    } finally {
      await repo.server.close()
    }
  })

  it('skips a Go unit on a runner without go before any LLM call, and spends nothing', async () => {
    const repo = await realRepo(
      { units: { adder: { code: 'package adder\n', example: '', test: '' } } },
      { '.pddrc': PDDRC, 'prompts/adder_go.prompt': 'A Go package `adder`.\n' }
    )
    try {
      const noGo = (repo.env.PATH ?? '')
        .split(path.delimiter)
        .filter(d => !isExecutable(path.join(d, 'go')))
        .join(path.delimiter)
      const env = { ...repo.env, PATH: noGo }
      const runtimes = await prepared({ ...repo, env }, {})
      expect(runtimes.missing.get('adder_go')).toBe(
        '`go` is not on PATH: PDD runs `go run {file}` for go; add actions/setup-go before this action'
      )
      const { result } = await runExecutor({ ...repo, env }, { runtimes })
      expect(result.units).toMatchObject([
        {
          id: 'adder_go',
          status: 'skipped-runtime',
          cost: 0,
          operations: [],
          reason: runtimes.missing.get('adder_go')
        }
      ])
      expect(result.spent).toBe(0)
      expect(repo.server.calls()).toEqual([])
    } finally {
      await repo.server.close()
    }
  })
})

function isExecutable(file: string): boolean {
  try {
    return readFileSync(file).length > 0
  } catch {
    return false
  }
}
