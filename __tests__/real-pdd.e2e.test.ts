/**
 * The real `pdd sync` (pdd-cli in the cached venv) against the scripted LLM server, in temp projects with PDD's
 * default layout (`prompts/calc_python.prompt`, no `.pddrc`): what PDD does on success and when the budget runs
 * out. Each sync takes several seconds, so there are few of them, and they run side by side (each test owns its
 * project and its server, closed when that test ends). What PDD itself does on the other faults the action has
 * to report is checked on the executor tests' syncs of the same project and script, as helpers/pdd-record.ts
 * keeps them: tests that the fix step repairs on attempt 2 (execute.pdd.test.ts), tests that keep failing and
 * an LLM that answers HTTP 500 for ever (execute-faults.pdd.test.ts). */
import fs from 'node:fs'
import path from 'node:path'
import { expect, it, type TestContext } from 'vitest'
import { tempDir, writeFiles } from './helpers/git-repo.js'
import { start, type LlmServer, type Script } from './helpers/llm-server.js'
import {
  csvCost,
  describeRealPdd,
  phases,
  preparePddProject,
  realPdd,
  runPddSync,
  type SyncResult
} from './helpers/real-pdd.js'
import { CALC, CALC_UNIT } from './helpers/calc-units.js'
import { expectBookedCalls, overall } from './helpers/pdd-record.js'

/** A sync's own limit: generous, since these syncs (and the fix loop's test runs) share a loaded machine. */
const SYNC_TIMEOUT = 420_000
const TIMEOUT = SYNC_TIMEOUT + 60_000

interface Synced {
  dir: string
  run: SyncResult
  server: LlmServer
}

/** A fresh project with the calc prompt, synced once against a server running `script` (closed after test `t`). */
async function sync(
  t: Pick<TestContext, 'onTestFinished'>,
  script: Script,
  opts: { budget?: number } = {}
): Promise<Synced> {
  const dir = tempDir('real-pdd-')
  writeFiles(dir, {
    'prompts/calc_python.prompt': 'Write a Python module calc with add(a, b) and sub(a, b).\n'
  })
  const server = await start(script, { quiet: true })
  t.onTestFinished(() => server.close())
  const env = preparePddProject(dir, server)
  const run = await runPddSync(dir, 'calc', { env, maxAttempts: 2, timeoutMs: SYNC_TIMEOUT, ...opts })
  console.info(
    `real pdd sync (${phases(run.stdout).join(' → ')}): ${run.ms} ms, ${server.calls().length} LLM calls`
  )
  return { dir, run, server }
}

const read = (dir: string, rel: string): string => fs.readFileSync(path.join(dir, rel), 'utf8')
const json = (dir: string, rel: string): Record<string, unknown> =>
  JSON.parse(read(dir, rel)) as Record<string, unknown>

/** The kinds of the calls made, without the completeness check PDD makes after generate only when that race
 *  leaves it without the finish reason. */
const kinds = (server: LlmServer): string[] =>
  server
    .calls()
    .filter((c, i, all) => !(c.kind === 'analysis' && all[i - 1]?.kind === 'generate'))
    .map(c => c.kind ?? '')

describeRealPdd.concurrent('real pdd sync against the scripted LLM', () => {
  it(
    'syncs a fresh Python unit: generate → example → crash check → test, each call booked at the scripted usage',
    async t => {
      const { dir, run, server } = await sync(t, { units: { calc: CALC_UNIT } })

      expect(run.code).toBe(0)
      expect(overall(run.stdout)).toBe('Success')
      expect(phases(run.stdout)).toEqual(['generate', 'example', 'crash', 'test', 'synced'])
      expect(read(dir, 'calc.py').trimEnd()).toBe(CALC.trimEnd())
      expect(read(dir, 'examples/calc_example.py')).toContain('from calc import add, sub')
      expect(read(dir, 'test_calc.py')).toContain('def test_sub():')
      expect(json(dir, '.pdd/meta/calc_python.json')).toMatchObject({
        pdd_version: realPdd()?.version,
        command: 'test'
      })
      expect(json(dir, '.pdd/meta/calc_python_run.json')).toMatchObject({
        exit_code: 0,
        tests_passed: 2,
        tests_failed: 0,
        coverage: 100
      })
      expect(kinds(server)).toEqual([
        'generate',
        'extract',
        'example',
        'analysis',
        'extract',
        'test',
        'analysis',
        'extract'
      ])
      expect(server.warnings).toEqual([])
      expectBookedCalls(run.costCsv, server.calls().length)
    },
    TIMEOUT
  )

  it(
    'a budget below the cost of two calls ($0.001, calls at $0.002) stops the sync after its first operation',
    async t => {
      const usage = { prompt_tokens: 1000, completion_tokens: 500 }
      const { run, server } = await sync(t, { units: { calc: CALC_UNIT }, usage }, { budget: 0.001 })

      expect(run.code).toBe(0)
      expect(overall(run.stdout)).toBe('Failed')
      expect(run.stdout).toMatch(/Budget of \$[\d.]+ exceeded/)
      expect(phases(run.stdout)).toEqual(['generate'])
      expectBookedCalls(run.costCsv, server.calls().length, usage)
      expect(csvCost(run.costCsv)).toBeGreaterThan(0.001)
    },
    TIMEOUT
  )
})
