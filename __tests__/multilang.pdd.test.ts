/**
 * One basename in two languages (Python and TypeScript) with the REAL pdd and the scripted LLM: one group, one
 * `pdd sync calc`, one budget; results per language, combined per basename in the checklist; a failed language
 * does not hold back the files of the one that synced. pdd-cli 0.0.310 verifies and tests non-Python code only
 * through an agent CLI (docs/pdd-agents.md): with a stand-in agent that has no test for calc, the TypeScript unit
 * fails at test (a real failure, reason from PDD).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { ConsoleReporter } from '../src/adapters/reporter.js'
import { provideRuntimes } from '../src/execute/runtimes-step.js'
import { planRepository } from '../src/plan/plan.js'
import { renderPullRequestBody } from '../src/publish/checklist.js'
import { git } from './helpers/git-repo.js'
import type { Script } from './helpers/llm-server.js'
import { planOptionsFor } from './helpers/plan-options.js'
import {
  BRANCH,
  capturedBudget,
  nextRunDecisions,
  realRepo,
  runExecutor,
  type RealRepo
} from './helpers/real-execute.js'
import { describeRealPdd } from './helpers/real-pdd.js'
import { agentStandIn } from './helpers/agent-standin.js'

const quiet = new ConsoleReporter(() => undefined)
const PDDRC =
  'version: "1.0"\ncontexts:\n  default:\n    defaults:\n      generate_output_path: "src/"\n' +
  '      example_output_path: "examples/"\n      test_output_path: "tests/"\n'

// Two script entries for one basename: each language's requests carry its prompt's marker.
const SCRIPT: Script = {
  units: {
    calc: {
      marker: 'calc-python-spec',
      code: 'def add(a, b):\n    return a + b\n',
      example: [
        'import sys',
        'from pathlib import Path',
        "sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'src'))",
        'from calc import add',
        'print(add(1, 2))',
        ''
      ].join('\n'),
      test: [
        'import importlib.util',
        'from pathlib import Path',
        "_spec = importlib.util.spec_from_file_location('calc', Path(__file__).resolve().parents[1] / 'src' / 'calc.py')",
        'calc = importlib.util.module_from_spec(_spec)',
        '_spec.loader.exec_module(calc)',
        '',
        '',
        'def test_add():',
        '    assert calc.add(1, 2) == 3',
        ''
      ].join('\n')
    },
    'calc-ts': {
      marker: 'calc-typescript-spec',
      code: 'export const add = (a: number, b: number): number => a + b\n',
      example: "import { add } from '../src/calc'\n\nconsole.log(add(1, 2))\n",
      test: ''
    }
  }
}
const FILES = {
  '.pddrc': PDDRC,
  'prompts/calc_python.prompt': 'calc-python-spec: a Python module `calc` with add(a, b).\n',
  'prompts/calc_typescript.prompt': 'calc-typescript-spec: a TypeScript module `calc` exporting add(a, b).\n'
}

describeRealPdd('one basename in Python and TypeScript with the real pdd', () => {
  let tools: string
  beforeAll(() => {
    tools = mkdtempSync(path.join(tmpdir(), 'pdd-tools-'))
  })
  afterAll(() => rmSync(tools, { recursive: true, force: true }))

  async function run(
    repo: RealRepo,
    skip: { skipVerify?: boolean; skipTests?: boolean },
    agenticFallback = false
  ) {
    const planned = await planRepository(planOptionsFor(repo.dir, skip), quiet)
    const runtimes = await provideRuntimes(planned, repo.env, { toolDir: tools }, quiet, { agenticFallback })
    return runExecutor(repo, { runtimes, plan: skip, invocation: { ...skip, agenticFallback }, budget: 5 })
  }

  it(
    'syncs both languages in one group under one budget; PDD agrees after',
    { timeout: 600_000 },
    async () => {
      const repo = await realRepo(SCRIPT, FILES)
      try {
        const skip = { skipVerify: true, skipTests: true }
        const { result } = await run(repo, skip)
        // Languages in PDD's stable order (Python first), both synced by one `pdd sync calc`.
        expect(result.units.map(u => [u.id, u.status])).toEqual([
          ['calc_python', 'synced'],
          ['calc_typescript', 'synced']
        ])
        // One budget: the group was admitted once, and what both languages cost is what the run spent.
        expect(capturedBudget(repo, 'calc')).toBeLessThanOrEqual(5)
        const costs = result.units.reduce((a, u) => a + (u.cost ?? 0), 0)
        // PDD's table prints each language's cost to four decimals; the run books its cost CSV.
        expect(Math.abs(costs - result.spent)).toBeLessThan(0.001)
        expect(git(repo.dir, 'show', `${BRANCH}:src/calc.py`)).toContain('def add')
        expect(git(repo.dir, 'show', `${BRANCH}:src/calc.ts`)).toContain('export const add')
        // One commit for the basename, naming both languages.
        expect(
          git(repo.dir, 'log', '--format=%s', `${repo.base}..${BRANCH}`).trim().split('\n')
        ).toHaveLength(1)
        for (const d of await nextRunDecisions(repo, result)) expect(d.planner, d.id).toBe(d.pdd)
      } finally {
        await repo.server.close()
      }
    }
  )

  it(
    'Python synced while TypeScript failed: the Python files land, the TypeScript ones do not',
    { timeout: 600_000 },
    async () => {
      // A stand-in agent CLI with no test scripted for calc: PDD's agentic test generation for TypeScript fails.
      const agent = agentStandIn(path.join(tools, 'agent'), {})
      const base = await realRepo(SCRIPT, FILES)
      const { PDD_AGENTIC_DISABLED_PROVIDERS: _off, ...env } = base.env
      const repo = { ...base, env: { ...env, PATH: `${agent.binDir}${path.delimiter}${env.PATH}` } }
      try {
        const { result } = await run(repo, {}, true)
        const py = result.units.find(u => u.id === 'calc_python')
        const ts = result.units.find(u => u.id === 'calc_typescript')
        expect(py?.status, py?.reason).toBe('synced')
        expect(ts?.status).toBe('failed')
        expect(ts?.operations).toEqual(['generate', 'example', 'crash', 'verify', 'test'])
        expect(ts?.reason).toBe('Agentic test generation failed: stand-in agent: no scripted test for calc')
        const files = git(repo.dir, 'ls-tree', '-r', '--name-only', BRANCH).split('\n')
        expect(files).toEqual(
          expect.arrayContaining(['src/calc.py', 'examples/calc_example.py', 'tests/test_calc.py'])
        )
        expect(files.filter(f => f.endsWith('.ts'))).toEqual([])
        // The checklist: one line per language under the basename, each with its own status and cost.
        const body = renderPullRequestBody({ result, trigger: 'workflow_dispatch' })
        expect(body).toMatch(/- \[x\] calc \(python\): [^\n]*\$/m)
        expect(body).toMatch(
          /- \[ \] calc \(typescript\): [^\n]*Agentic test generation failed: stand-in agent: no scripted test/m
        )
      } finally {
        await repo.server.close()
      }
    }
  )
})
