/**
 * Two groups where one prompt includes the other's code file, run by the executor (`executePlan`) with the REAL
 * pdd-cli, real git and real worktrees: dependency order, and the dependent group's worktree built on the
 * commit of the group it depends on. Ends with the live check (planner's decision = the real PDD's).
 */
import { afterEach, expect, it } from 'vitest'
import type { RunResult, UnitResult } from '../src/execute/result.js'
import { git } from './helpers/git-repo.js'
import type { LoggedCall, Script } from './helpers/llm-server.js'
import { nextRunDecisions, realRepo, runExecutor, BRANCH, type RealRepo } from './helpers/real-execute.js'
import { describeRealPdd } from './helpers/real-pdd.js'

const TIMEOUT = 300_000
/** What the repository holds before the run: a hand-written calc without sub. */
const LEGACY_CALC = 'def add(a, b):\n    return a + b\n'
/** What the LLM generates for calc: the report's generate request must quote it. */
const CALC =
  '"""calc v2: generated."""\n\n\ndef add(a, b):\n    return a + b\n\n\ndef sub(a, b):\n    return a - b\n'
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
      code: CALC,
      example: example('calc', 'add, sub', 'add(1, 2), sub(3, 1)'),
      test: 'from calc import add, sub\n\n\ndef test_add():\n    assert add(1, 2) == 3\n\n\ndef test_sub():\n    assert sub(3, 1) == 2\n'
    },
    report: {
      marker: 'UNIT-REPORT',
      code: REPORT,
      example: example('report', 'summary', 'summary(3, 1)'),
      test: "from report import summary\n\n\ndef test_summary():\n    assert summary(3, 1) == '3 + 1 = 4, 3 - 1 = 2'\n"
    }
  }
}
const PROMPTS = {
  'prompts/calc_python.prompt': 'UNIT-CALC. Write a Python module calc with add(a, b) and sub(a, b).\n',
  'prompts/report_python.prompt':
    'UNIT-REPORT. Write a Python module report with summary(a, b) describing a + b and a - b, using this ' +
    'module:\n<include>calc.py</include>\n'
}

let repo: RealRepo | undefined
afterEach(async () => {
  await repo?.server.close()
  repo = undefined
})

const unit = (r: RunResult, id: string): UnitResult | undefined => r.units.find(x => x.id === id)
/** The calls about a unit; auto-deps summarises calc.py for the report's sync, so it is left out. */
const seqs = (calls: LoggedCall[], u: string): number[] =>
  calls.filter(c => c.unit === u && c.kind !== 'auto-deps').map(c => c.seq)
const text = (c: LoggedCall | undefined): string => JSON.stringify(c?.request ?? '')

describeRealPdd('executor with the real pdd: a prompt that includes another unit’s code', () => {
  it(
    'runs calc first; the report group’s worktree holds calc’s committed output and its generate call quotes it',
    async () => {
      const r = (repo = await realRepo(SCRIPT, { ...PROMPTS, 'calc.py': LEGACY_CALC }))
      const { result, planned } = await runExecutor(r)
      const plan = planned.plan.units.map(u => [u.id, u.operation, u.dependsOn])
      console.info(JSON.stringify(plan), r.server.warnings)
      console.info(
        JSON.stringify(result.units.map(u => [u.id, u.status, u.reason, u.operations])),
        r.server.log.map(c => `${c.seq}:${c.unit}:${c.kind}`).join(' ')
      )
      expect(plan).toEqual([
        ['calc_python', 'generate', []],
        // A prompt with an <include> starts with auto-deps (PDD's check_for_dependencies).
        ['report_python', 'auto-deps', ['calc_python']]
      ])
      expect(unit(result, 'calc_python')?.status, unit(result, 'calc_python')?.reason).toBe('synced')
      expect(unit(result, 'report_python')?.status, unit(result, 'report_python')?.reason).toBe('synced')
      expect(r.server.warnings).toEqual([])

      // Dependency order: every report request came after calc's last one.
      const calls = r.server.calls()
      expect(Math.min(...seqs(calls, 'report'))).toBeGreaterThan(Math.max(...seqs(calls, 'calc')))
      // The report's worktree was made from the head calc's commit landed on: its generate call quotes calc v2.
      const generate = calls.find(c => c.unit === 'report' && c.kind === 'generate')
      expect(text(generate)).toContain('calc v2: generated.')
      expect(text(generate)).toContain('def sub(a, b)')
      expect(git(r.dir, 'show', `${BRANCH}:calc.py`)).toContain('calc v2')
      expect(git(r.dir, 'show', `${BRANCH}:report.py`)).toContain('def summary(a, b)')
      expect(git(r.dir, 'log', '--format=%s', `${r.base}..${BRANCH}`).trim().split('\n')).toEqual([
        expect.stringMatching(/^pdd-sync: report \(python\)/),
        expect.stringMatching(/^pdd-sync: calc \(python\)/)
      ])
      expect(unit(result, 'report_python')?.runReport).toMatchObject({ tests_failed: 0, coverage: 100 })

      const decisions = await nextRunDecisions(r, result)
      console.info(`live check: ${JSON.stringify(decisions)}`)
      expect(decisions).toEqual([
        { id: 'calc_python', planner: 'nothing', pdd: 'nothing' },
        { id: 'report_python', planner: 'nothing', pdd: 'nothing' }
      ])
    },
    TIMEOUT
  )
})
