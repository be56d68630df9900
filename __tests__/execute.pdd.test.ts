/**
 * The executor (`executePlan`) with the REAL pdd-cli, real git and real worktrees on its way to success, in ONE
 * run whose results several tests read (each real sync costs seconds of CPU): two groups where one prompt
 * includes the other's code file (dependency order, the dependent worktree built on the commit it depends on),
 * the LLM answering HTTP 429 twice first (PDD retries), tests that the fix step repairs on attempt 2, the files,
 * cost and state of a fresh unit, the live check (the planner's decision equals the real PDD's on the bot branch
 * with the run recorded), and the next run on that record, which starts no pdd. The run's pdd is wrapped by
 * helpers/pdd-record.ts, so calc's sync also shows what PDD itself did on the repair (exit code, "Overall status",
 * its run report): real-pdd.e2e.test.ts has no sync of its own for it.
 */
import { readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { RunResult, UnitResult } from '../src/execute/result.js'
import type { PlanWithState } from '../src/plan/plan.js'
import { git } from './helpers/git-repo.js'
import type { LoggedCall, Script } from './helpers/llm-server.js'
import { sharedPddDecision } from './helpers/pdd-decider.js'
import {
  capturedCsv,
  nextRunDecisions,
  realRepo,
  runExecutor,
  BRANCH,
  type Decisions,
  type RealRepo
} from './helpers/real-execute.js'
import { csvCost, describeRealPdd } from './helpers/real-pdd.js'
import { overall, recordedSync, recordingCommand } from './helpers/pdd-record.js'

const TIMEOUT = 1_200_000
/** A wall-clock limit per sync far beyond a sync's, so that a loaded machine shows the behaviour, not a timeout. */
const NO_TIMEOUT = { timeoutMs: 900_000 }
/** What the repository holds before the run: a hand-written calc without sub. */
const LEGACY_CALC = 'def add(a, b):\n    return a + b\n'
/** What the LLM generates for calc: `add` is wrong, and calc's tests catch it. */
const BROKEN =
  '"""calc v2: generated."""\n\n\ndef add(a, b):\n    return a - b\n\n\ndef sub(a, b):\n    return a - b\n'
/** What the fix step answers with from its 2nd attempt on: the report's generate request must quote it. */
const FIXED =
  '"""calc v2: repaired."""\n\n\ndef add(a, b):\n    return a + b\n\n\ndef sub(a, b):\n    return a - b\n'
const example = (module: string, names: string, call: string): string =>
  [
    'import sys',
    'from pathlib import Path',
    '',
    'sys.path.insert(0, str(Path(__file__).resolve().parents[1]))',
    `from ${module} import ${names}`,
    '',
    `print(${call})`,
    ''
  ].join('\n')
const REPORT = [
  '"""report: sums, in words."""',
  'from calc import add, sub',
  '',
  '',
  'def summary(a, b):',
  '    return f"{a} + {b} = {add(a, b)}, {a} - {b} = {sub(a, b)}"',
  ''
].join('\n')

/** Each unit is named by a marker phrase of its prompt, which every request about it quotes. The report's
 *  requests also quote calc's code (its prompt includes calc.py), so only a marker tells them apart. */
const SCRIPT: Script = {
  units: {
    calc: {
      marker: 'UNIT-CALC',
      code: BROKEN,
      fixedCode: FIXED,
      repairOnAttempt: 2,
      example: example('calc', 'add, sub', 'add(1, 2), sub(3, 1)'),
      test: 'from calc import add, sub\n\n\ndef test_add():\n    assert add(1, 2) == 3\n\n\ndef test_sub():\n    assert sub(3, 1) == 2\n'
    },
    report: {
      marker: 'UNIT-REPORT',
      code: REPORT,
      example: example('report', 'summary', 'summary(3, 1)'),
      test: "from report import summary\n\n\ndef test_summary():\n    assert summary(3, 1) == '3 + 1 = 4, 3 - 1 = 2'\n"
    }
  },
  // The first two requests (calc's generate: report waits for calc) are refused as rate-limited.
  outcomes: { all: [{ http: 429, times: 2 }] }
}
const PROMPTS = {
  'prompts/calc_python.prompt': 'UNIT-CALC. Write a Python module calc with add(a, b) and sub(a, b).\n',
  'prompts/report_python.prompt':
    'UNIT-REPORT. Write a Python module report with summary(a, b) describing a + b and a - b, using this ' +
    'module:\n<include>calc.py</include>\n'
}

/** The run, and what was looked at after it, in the order they happened. */
interface Scenario {
  r: RealRepo
  result: RunResult
  planned: PlanWithState
  /** The server's calls of the run (before the live check and the next run). */
  calls: LoggedCall[]
  decisions: Decisions[]
  /** The run after, on the bot branch with the run recorded in notes, with no pdd on PATH. */
  next: RunResult
  /** Server requests during the next run. */
  nextRequests: number
  /** The groups pdd was started for during the next run. */
  nextStarts: string[]
}

let s: Scenario | undefined
const scenario = (): Scenario => {
  if (!s) throw new Error('the run did not happen (see beforeAll)')
  return s
}
const unit = (r: RunResult, id: string): UnitResult => {
  const u = r.units.find(x => x.id === id)
  if (!u) throw new Error(`${id} not in the result: ${JSON.stringify(r.units)}`)
  return u
}
/** The calls about a unit; auto-deps summarises calc.py for the report's sync, so it is left out. */
const seqs = (calls: LoggedCall[], u: string): number[] =>
  calls.filter(c => c.unit === u && c.kind !== 'auto-deps').map(c => c.seq)
const text = (c: LoggedCall | undefined): string => JSON.stringify(c?.request ?? '')

describeRealPdd.concurrent(
  'executor with the real pdd: calc, and a report whose prompt includes calc.py',
  () => {
    let repo: RealRepo | undefined
    beforeAll(async () => {
      const r = (repo = await realRepo(SCRIPT, { ...PROMPTS, 'calc.py': LEGACY_CALC }))
      const { result, planned } = await runExecutor(r, {
        ...NO_TIMEOUT,
        invocation: { command: recordingCommand() }
      })
      const calls = r.server.calls()
      console.info(
        JSON.stringify(result.units.map(u => [u.id, u.status, u.reason, u.operations])),
        r.server.log.map(c => `${c.seq}:${c.unit}:${c.kind}:${c.status}`).join(' ')
      )
      const decisions = await nextRunDecisions(r, result, sharedPddDecision)
      console.info(`live check: ${JSON.stringify(decisions)}`)
      const before = r.server.log.length
      // The capturing wrapper writes <basename>.args at every start: none may appear during the next run.
      for (const f of readdirSync(r.capture)) if (f.endsWith('.args')) rmSync(path.join(r.capture, f))
      const next = (await runExecutor(r, { ...NO_TIMEOUT, env: { ...r.env, PATH: '/nonexistent' } })).result
      const nextStarts = readdirSync(r.capture).filter(f => f.endsWith('.args'))
      s = {
        r,
        result,
        planned,
        calls,
        decisions,
        next,
        nextRequests: r.server.log.length - before,
        nextStarts
      }
    }, TIMEOUT)
    afterAll(() => repo?.server.close())

    it('plans calc first (generate) and the report after it (auto-deps, PDD’s check for its <include>)', () => {
      expect(scenario().planned.plan.units.map(u => [u.id, u.operation, u.dependsOn])).toEqual([
        ['calc_python', 'generate', []],
        ['report_python', 'auto-deps', ['calc_python']]
      ])
    })

    it('the LLM answers HTTP 429 twice, then normally → PDD retries and the unit is synced', () => {
      const { r, result } = scenario()
      expect(r.server.log.slice(0, 2).map(c => [c.unit, c.status])).toEqual([
        ['calc', 429],
        ['calc', 429]
      ])
      const u = unit(result, 'calc_python')
      expect(u.status, u.reason).toBe('synced')
      expect(r.server.warnings).toEqual([])
    })

    it('tests that the fix step repairs on attempt 2 → synced after fix, cost = the CSV sum', () => {
      const { r, result } = scenario()
      const u = unit(result, 'calc_python')
      expect(u.status, u.reason).toBe('synced')
      expect(u.operations).toContain('fix')
      expect(r.server.calls('fix').filter(c => c.unit === 'calc').length).toBeGreaterThanOrEqual(2)
      const csv = csvCost(capturedCsv(r, 'calc'))
      expect(csv).toBeGreaterThan(0)
      expect(u.cost).toBeCloseTo(csv, 6)
      expect(git(r.dir, 'show', `${BRANCH}:calc.py`).trimEnd()).toBe(FIXED.trimEnd())
    })

    it('PDD’s own account of calc’s repair: exit 0, Overall status: Success, two fix requests, 2 tests passed', () => {
      const { r, calls } = scenario()
      const sync = recordedSync(r, 'calc')
      expect(sync.code).toBe(0)
      expect(overall(sync.stdout)).toBe('Success')
      const fixes = calls.filter(c => c.unit === 'calc' && c.template === 'fix_errors_from_unit_tests_LLM')
      expect(fixes).toHaveLength(2)
      expect(sync.read('calc.py').trimEnd()).toBe(FIXED.trimEnd())
      expect(sync.json('.pdd/meta/calc_python_run.json')).toMatchObject({ tests_passed: 2, tests_failed: 0 })
    })

    it('a fresh unit: generate, example and test ran; its files, cost and PDD’s state are recorded', () => {
      const { r, result } = scenario()
      const u = unit(result, 'calc_python')
      expect(u.operations).toEqual(expect.arrayContaining(['generate', 'example', 'test']))
      expect(result.spent).toBeGreaterThan(0)
      const report = csvCost(capturedCsv(r, 'report'))
      expect(result.spent).toBeCloseTo(csvCost(capturedCsv(r, 'calc')) + report, 6)
      expect(result.spent).toBeCloseTo(
        result.units.reduce((a, x) => a + (x.cost ?? 0), 0),
        6
      )
      // calc's commit is the first on the bot branch (the report's is on top of it).
      const files = git(r.dir, 'diff', '--name-only', r.base, `${BRANCH}~1`).trim().split('\n').sort()
      expect(files).toEqual(['calc.py', 'examples/calc_example.py', 'test_calc.py'])
      // PDD records the last operation it ran as the fingerprint's command.
      expect(u.fingerprint?.command).toBe(u.operations.at(-1))
      expect(u.runReport?.exit_code).toBe(0)
    })

    it('runs calc first; the report group’s worktree holds calc’s committed output and its generate call quotes it', () => {
      const { r, result, calls } = scenario()
      const report = unit(result, 'report_python')
      expect(report.status, report.reason).toBe('synced')
      // Dependency order: every report request came after calc's last one.
      expect(Math.min(...seqs(calls, 'report'))).toBeGreaterThan(Math.max(...seqs(calls, 'calc')))
      // The report's worktree was made from the head calc's commit landed on: its generate call quotes the
      // repaired calc (not the broken code calc's generate answered with, nor the legacy one on main).
      const generate = calls.find(c => c.unit === 'report' && c.kind === 'generate')
      expect(text(generate)).toContain('calc v2: repaired.')
      expect(text(generate)).toContain('def sub(a, b)')
      expect(git(r.dir, 'show', `${BRANCH}:report.py`)).toContain('def summary(a, b)')
      expect(git(r.dir, 'log', '--format=%s', `${r.base}..${BRANCH}`).trim().split('\n')).toEqual([
        expect.stringMatching(/^pdd-sync: report \(python\)/),
        expect.stringMatching(/^pdd-sync: calc \(python\)/)
      ])
      expect(report.runReport).toMatchObject({ tests_failed: 0, coverage: 100 })
    })

    it('live check: on the bot branch with the run recorded, the planner and the real PDD both decide nothing', () => {
      expect(scenario().decisions).toEqual([
        { id: 'calc_python', planner: 'nothing', pdd: 'nothing' },
        { id: 'report_python', planner: 'nothing', pdd: 'nothing' }
      ])
    })

    it('the next run on the recorded state starts no pdd (none on PATH) and costs $0', () => {
      const { next, nextRequests, nextStarts } = scenario()
      expect(next.units.map(u => [u.id, u.status])).toEqual([
        ['calc_python', 'unchanged'],
        ['report_python', 'unchanged']
      ])
      expect(next.spent).toBe(0)
      expect(nextRequests).toBe(0)
      expect(nextStarts).toEqual([])
    })
  }
)
