import { describe, expect, it } from 'vitest'
import type { RunResult, UnitResult } from '../src/execute/result.js'
import {
  CHECKLIST_MARKER,
  checklistLine,
  failsStep,
  nextStep,
  pullRequestTitle,
  renderPullRequestBody,
  renderSummary,
  runStatus,
  type ChecklistInput,
  type FailOn,
  type RunStatus
} from '../src/publish/checklist.js'
import type { UnitStatus } from '../src/state/record.js'

function unit(over: Partial<UnitResult> & { id: string; status: UnitStatus }): UnitResult {
  const [basename = over.id, language = 'python'] = over.id.split(/_(?=[^_]+$)/)
  return { basename, language, operations: [], cost: 0, reason: '', ...over }
}

const result = (units: UnitResult[], extra: Partial<RunResult> = {}): RunResult => ({
  budget: 5,
  spent: units.reduce((a, u) => a + (u.cost ?? 0), 0),
  units,
  ...extra
})

const where = { workflowFile: 'pdd-sync.yml', ref: 'main', contextOf: { parser_typescript: 'web' } }

const cps = (s: string): number => [...s].length
const markers = (s: string): number => s.match(/<!-- pdd-sync:unit=/g)?.length ?? 0
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

describe('checklistLine', () => {
  it.each<[string, UnitResult, string]>([
    [
      'synced',
      unit({
        id: 'calculator_python',
        status: 'synced',
        operations: ['generate', 'example', 'test'],
        cost: 0.42
      }),
      '- [x] calculator (python): generate, example, test — $0.42 <!-- pdd-sync:unit=calculator_python status=synced -->'
    ],
    [
      'synced, cost unknown',
      unit({ id: 'calc_python', status: 'synced', operations: ['update'], cost: null }),
      '- [x] calc (python): update — cost unknown <!-- pdd-sync:unit=calc_python status=synced -->'
    ],
    [
      'synced, under a cent',
      unit({ id: 'calc_python', status: 'synced', operations: ['example'], cost: 0.0031 }),
      '- [x] calc (python): example — $0.0031 <!-- pdd-sync:unit=calc_python status=synced -->'
    ],
    [
      'failed after operations',
      unit({
        id: 'parser_typescript',
        status: 'failed',
        operations: ['generate', 'fix'],
        cost: 0.31,
        reason: '2 tests still fail'
      }),
      '- [ ] parser (typescript): fix failed (after generate) — 2 tests still fail — $0.31 <!-- pdd-sync:unit=parser_typescript status=failed -->'
    ],
    [
      'failed before any operation, partial kept',
      unit({
        id: 'parser_go',
        status: 'failed',
        cost: null,
        reason: 'could not run the group',
        partial: true
      }),
      '- [ ] parser (go): failed — could not run the group — partial output committed <!-- pdd-sync:unit=parser_go status=failed -->'
    ],
    [
      'skipped-budget',
      unit({ id: 'big_python', status: 'skipped-budget', reason: 'estimated $3.00 exceeds the $2.10 left' }),
      '- [ ] big (python): skipped (budget) — estimated $3.00 exceeds the $2.10 left <!-- pdd-sync:unit=big_python status=skipped-budget -->'
    ],
    [
      'skipped-dependency',
      unit({
        id: 'lexer_go',
        status: 'skipped-dependency',
        reason: 'depends on parser_go, which did not sync'
      }),
      '- [ ] lexer (go): skipped (dependency) — depends on parser_go, which did not sync <!-- pdd-sync:unit=lexer_go status=skipped-dependency -->'
    ],
    [
      'conflict',
      unit({
        id: 'ui_typescript',
        status: 'conflict',
        reason: 'Manual merge required: prompt and code changed'
      }),
      '- [ ] ui (typescript): needs a human (manual merge) — Manual merge required: prompt and code changed <!-- pdd-sync:unit=ui_typescript status=conflict -->'
    ],
    [
      'unchanged',
      unit({ id: 'util_python', status: 'unchanged', reason: 'all synced' }),
      '- [x] util (python): unchanged — all synced <!-- pdd-sync:unit=util_python status=unchanged -->'
    ],
    [
      'a basename with a folder and markdown characters',
      unit({ id: 'core/*x*_python', status: 'synced', operations: ['generate'], cost: 1 }),
      '- [x] core/\\*x\\* (python): generate — $1.00 <!-- pdd-sync:unit=core/%2Ax%2A_python status=synced -->'
    ]
  ])('%s', (_name, u, line) => {
    expect(checklistLine(u)).toBe(line)
  })

  it('puts the next step in a sub-bullet', () => {
    const u = unit({ id: 'a_python', status: 'failed', reason: 'x' })
    expect(checklistLine(u, 'Re-run.').split('\n')).toEqual([checklistLine(u), '  - Re-run.'])
  })

  it.each([
    ['a comment closer and a fake marker', 'evil --> <!-- pdd-sync:unit=x status=synced --> done'],
    ['newlines and a fake checklist line', 'one\n- [x] fake (python): ok\r\n\n## heading'],
    ['a table pipe and HTML', 'a | b </details> <script>']
  ])('keeps the marker intact against %s', (_name, reason) => {
    const line = checklistLine(unit({ id: 'p_python', status: 'failed', reason }))
    expect(line).not.toContain('\n')
    expect(line.match(/<!--/g)).toHaveLength(1)
    expect(line.match(/-->/g)).toHaveLength(1)
    expect(line).toMatch(/ <!-- pdd-sync:unit=p_python status=failed -->$/)
    expect(line).not.toMatch(/<(?!!-- pdd-sync)/)
  })

  it('does not mention anyone', () => {
    expect(checklistLine(unit({ id: 'p_python', status: 'failed', reason: 'ask @octocat' }))).not.toContain(
      '@octocat'
    )
  })

  it('cuts a long emoji reason by code points without splitting a pair', () => {
    const line = checklistLine(
      unit({ id: 'p_python', status: 'failed', reason: '😀'.repeat(5000) }),
      undefined,
      50
    )
    const reason = / — (.*) <!--/.exec(line)?.[1] ?? ''
    expect(cps(reason)).toBe(50)
    expect(reason.endsWith('😀…')).toBe(true)
    expect(line).not.toMatch(loneSurrogate)
  })
})

describe('nextStep', () => {
  it.each<[string, UnitResult, Omit<ChecklistInput, 'result' | 'trigger'>, string | undefined]>([
    ['synced', unit({ id: 'a_python', status: 'synced' }), where, undefined],
    ['unchanged', unit({ id: 'a_python', status: 'unchanged' }), where, undefined],
    [
      'failed, workflow and context known',
      unit({ id: 'parser_typescript', status: 'failed' }),
      { ...where, repository: 'o/r' },
      'Re-run with `gh workflow run pdd-sync.yml --ref main -R o/r -f units=parser_typescript`, or run `pdd --force --context web sync parser` locally.'
    ],
    [
      'failed, nothing known',
      unit({ id: 'calc_python', status: 'failed' }),
      {},
      'Re-run the workflow with `units: calc_python`, or run `pdd --force sync calc` locally.'
    ],
    [
      'skipped-budget, context default left out',
      unit({ id: 'big_python', status: 'skipped-budget' }),
      { workflowFile: 'sync.yml', contextOf: { big_python: 'default' } },
      'Raise the budget and re-run with `gh workflow run sync.yml -f units=big_python`, or run `pdd --force sync big` locally.'
    ],
    [
      'skipped-dependency',
      unit({ id: 'lexer_go', status: 'skipped-dependency' }),
      where,
      'Once the unit it depends on syncs, re-run with `gh workflow run pdd-sync.yml --ref main -f units=lexer_go`.'
    ],
    [
      'manual-merge conflict',
      unit({ id: 'ui_typescript', status: 'conflict', reason: 'Manual merge required: x' }),
      { promptPaths: { ui_typescript: 'prompts/ui_typescript.prompt' } },
      'Merge `prompts/ui_typescript.prompt` and the files generated from it by hand, commit, then re-run the workflow with `units: ui_typescript`.'
    ],
    [
      'replay conflict',
      unit({
        id: 'ui_typescript',
        status: 'conflict',
        reason: 'replay conflict: another group changed the same files'
      }),
      where,
      'Re-run with `gh workflow run pdd-sync.yml --ref main -f units=ui_typescript`.'
    ],
    [
      'a basename that needs quoting',
      unit({ id: "it's_python", status: 'failed' }),
      {},
      "Re-run the workflow with `units: it's_python`, or run `pdd --force sync 'it'\\''s'` locally."
    ]
  ])('%s', (_name, u, input, expected) => {
    expect(nextStep(u, input)).toBe(expected)
  })
})

describe('runStatus', () => {
  const s = (...statuses: UnitStatus[]): RunResult =>
    result(statuses.map((st, i) => unit({ id: `u${i}_python`, status: st })))
  it.each<[string, RunResult, RunStatus]>([
    ['nothing in scope', s(), 'success'],
    ['all unchanged', s('unchanged', 'unchanged'), 'success'],
    ['all synced or unchanged', s('synced', 'unchanged', 'synced'), 'success'],
    ['one failed, one synced', s('synced', 'failed'), 'partial'],
    ['synced and skipped for budget', s('synced', 'skipped-budget'), 'budget'],
    ['only skipped for budget', s('skipped-budget', 'skipped-budget', 'unchanged'), 'budget'],
    ['skipped for budget, and a dependent of one', s('skipped-budget', 'skipped-dependency'), 'budget'],
    ['synced, failed and skipped for budget', s('synced', 'failed', 'skipped-budget'), 'partial'],
    ['failed and skipped for budget', s('failed', 'skipped-budget'), 'failure'],
    ['synced and a conflict', s('synced', 'conflict', 'unchanged'), 'partial'],
    ['everything with work failed', s('failed', 'failed', 'unchanged'), 'failure'],
    ['a failure and its dependent', s('failed', 'skipped-dependency'), 'failure'],
    ['a lone conflict', s('conflict', 'unchanged'), 'failure']
  ])('%s → %s', (_name, r, expected) => {
    expect(runStatus(r)).toBe(expected)
  })
})

describe('failsStep (fail-on)', () => {
  const s = (...statuses: UnitStatus[]): RunResult =>
    result(statuses.map((st, i) => unit({ id: `u${i}_python`, status: st })))
  const cases: Array<[string, RunResult]> = [
    ['success', s('synced', 'unchanged')],
    ['budget (some synced)', s('synced', 'skipped-budget')],
    ['budget (none synced)', s('skipped-budget')],
    ['partial', s('synced', 'failed')],
    ['failure', s('failed')]
  ]
  const table: Record<FailOn, boolean[]> = {
    never: [false, false, false, false, false],
    'all-failed': [false, false, false, false, true],
    'any-failure': [false, false, false, true, true],
    'any-unsynced': [false, true, true, true, true]
  }
  it.each(Object.entries(table) as Array<[FailOn, boolean[]]>)('fail-on %s', (failOn, expected) => {
    expect(cases.map(([, r]) => failsStep(r, failOn))).toEqual(expected)
  })
})

describe('pullRequestTitle', () => {
  const r = result(
    [
      unit({ id: 'a_python', status: 'synced' }),
      unit({ id: 'b_python', status: 'synced' }),
      unit({ id: 'c_python', status: 'failed' })
    ],
    { branch: 'pdd-sync/main' }
  )
  const one = result([unit({ id: 'a_python', status: 'synced' })])
  it.each<[string, RunResult, string | undefined, string]>([
    ['default', r, undefined, 'pdd sync: 2 units updated'],
    ['singular', one, undefined, 'pdd sync: 1 unit updated'],
    ['empty template', one, '  ', 'pdd sync: 1 unit updated'],
    [
      'template',
      r,
      'PDD → {base}: {synced} synced, {failed} failed {other}',
      'PDD → main: 2 synced, 1 failed {other}'
    ],
    ['no base known', one, 'sync {base}', 'sync'],
    ['one line', one, 'a\nb', 'a b']
  ])('%s', (_name, res, template, expected) => {
    expect(pullRequestTitle(res, template)).toBe(expected)
  })

  it('is at most 256 characters', () => {
    expect(cps(pullRequestTitle(one, '🚀'.repeat(400)))).toBe(256)
  })
})

const realistic: ChecklistInput = {
  trigger: 'push',
  pddVersion: '0.0.310',
  runUrl: 'https://github.com/o/r/actions/runs/7',
  repository: 'o/r',
  workflowFile: 'pdd-sync.yml',
  ref: 'main',
  promptPaths: { ui_typescript: 'prompts/ui_typescript.prompt' },
  contextOf: { parser_typescript: 'web' },
  notesSaved: 'Could not push refs/notes/pdd-sync: the token lacks contents: write.',
  result: result(
    [
      unit({
        id: 'calculator_python',
        status: 'synced',
        operations: ['generate', 'example', 'test'],
        cost: 0.42
      }),
      unit({
        id: 'parser_typescript',
        status: 'failed',
        operations: ['generate', 'fix'],
        cost: 0.31,
        duration: 184.2,
        reason: 'fix failed after 3 attempts: 2 tests | still fail'
      }),
      unit({ id: 'parser_python', status: 'synced', operations: ['update'], cost: null, duration: 12.5 }),
      unit({
        id: 'ui_typescript',
        status: 'conflict',
        reason: 'Manual merge required: prompt and code changed'
      }),
      unit({ id: 'big_python', status: 'skipped-budget', reason: 'estimated $3.00 exceeds the $2.10 left' }),
      unit({ id: 'util_python', status: 'unchanged', reason: 'all synced' })
    ],
    { overshoot: 0.05, spent: 0.78 }
  )
}

describe('renderPullRequestBody', () => {
  it('renders a realistic run', () => {
    expect(renderPullRequestBody(realistic)).toMatchInlineSnapshot(`
      "## pdd sync

      Trigger: \`push\` · Budget: $5.00 · Spent: $0.78 (overshoot $0.05) · pdd-cli 0.0.310 · [Workflow run](https://github.com/o/r/actions/runs/7)

      **1 failed** · **1 conflict (manual merge)** · **1 skipped (budget)** · **2 synced** · 1 unchanged

      > [!WARNING]
      > The budget ran out: 1 unit skipped for budget; the next run picks up what is left.

      > [!WARNING]
      > Could not push refs/notes/pdd-sync: the token lacks contents: write.

      ### parser
      - [ ] parser (typescript): fix failed (after generate) — after 3 attempts: 2 tests | still fail — $0.31 <!-- pdd-sync:unit=parser_typescript status=failed -->
        - Re-run with \`gh workflow run pdd-sync.yml --ref main -R o/r -f units=parser_typescript\`, or run \`pdd --force --context web sync parser\` locally.
      - [x] parser (python): update — cost unknown <!-- pdd-sync:unit=parser_python status=synced -->

      ### ui
      - [ ] ui (typescript): needs a human (manual merge) — Manual merge required: prompt and code changed <!-- pdd-sync:unit=ui_typescript status=conflict -->
        - Merge \`prompts/ui_typescript.prompt\` and the files generated from it by hand, commit, then re-run with \`gh workflow run pdd-sync.yml --ref main -R o/r -f units=ui_typescript\`.

      ### big
      - [ ] big (python): skipped (budget) — estimated $3.00 exceeds the $2.10 left <!-- pdd-sync:unit=big_python status=skipped-budget -->
        - Raise the budget and re-run with \`gh workflow run pdd-sync.yml --ref main -R o/r -f units=big_python\`, or run \`pdd --force sync big\` locally.

      ### calculator
      - [x] calculator (python): generate, example, test — $0.42 <!-- pdd-sync:unit=calculator_python status=synced -->

      ---
      <sub>Written by pdd-sync-action on every run; edits to this description are overwritten. Tick a unit's box, or comment <code>/pdd-sync retry failed</code>, to re-run it (with the PR-control workflow; without it, boxes are display only).</sub>

      <!-- pdd-sync:checklist -->
      "
    `)
  })

  it('says so when nothing had work', () => {
    const body = renderPullRequestBody({
      trigger: 'schedule',
      result: result([unit({ id: 'a_python', status: 'unchanged' })])
    })
    expect(body).toContain('Nothing to sync')
    expect(body).toContain('1 unchanged')
    expect(markers(body)).toBe(0)
    expect(body.trimEnd().endsWith(CHECKLIST_MARKER)).toBe(true)
  })

  const many = (failed: number, synced: number, reason: string): ChecklistInput => ({
    ...realistic,
    result: result([
      ...Array.from({ length: synced }, (_, i) =>
        unit({ id: `ok${i}_python`, status: 'synced', operations: ['generate'], cost: 0.01, reason })
      ),
      ...Array.from({ length: failed }, (_, i) => unit({ id: `bad${i}_python`, status: 'failed', reason })),
      unit({ id: 'same_python', status: 'unchanged' })
    ])
  })

  it('lists every failure of 10,000 units and counts the rest', () => {
    const body = renderPullRequestBody(many(100, 9_900, 'x'.repeat(3000)))
    expect(cps(body)).toBeLessThanOrEqual(60_000)
    for (let i = 0; i < 100; i++) expect(body).toContain(`unit=bad${i}_python status=failed -->`)
    expect(body).not.toContain('status=synced')
    expect(body).toContain(
      '_… 9,900 more units (9,900 synced), see the [job summary](https://github.com/o/r/actions/runs/7)._'
    )
    expect(body.trimEnd().endsWith(CHECKLIST_MARKER)).toBe(true)
  })

  it('keeps the limit with 10,000 failures and counts what it leaves out', () => {
    const body = renderPullRequestBody(many(10_000, 0, '💥 boom '.repeat(500)))
    expect(cps(body)).toBeLessThanOrEqual(60_000)
    const shown = markers(body)
    expect(shown).toBeGreaterThan(100)
    expect(body).toContain(`_… ${(10_000 - shown).toLocaleString('en-US')} more units (`)
    expect(body).not.toMatch(loneSurrogate)
  })

  it('drops next steps before dropping synced units', () => {
    const body = renderPullRequestBody(many(40, 300, 'y'.repeat(1000)))
    expect(markers(body)).toBe(340)
    expect(body).not.toContain('Re-run with')
    expect(body).toContain('Next steps for each unit are in the job summary.')
  })

  it.each([
    [200, false],
    [1_000, true],
    [5_000, true],
    [65_536, true]
  ])('never exceeds a limit of %i code points (footer kept: %s)', (limit, footer) => {
    const input = { ...many(500, 500, '🧪'.repeat(4000)), humanCommitBlock: '⚠️'.repeat(50_000) }
    const body = renderPullRequestBody(input, limit)
    expect(cps(body)).toBeLessThanOrEqual(limit)
    expect(body).not.toMatch(loneSurrogate)
    expect(body.trimEnd().endsWith(CHECKLIST_MARKER)).toBe(footer)
  })
})

describe('renderSummary', () => {
  it('renders a realistic run', () => {
    expect(renderSummary(realistic)).toMatchInlineSnapshot(`
      "## pdd sync

      Trigger: \`push\` · Budget: $5.00 · Spent: $0.78 (overshoot $0.05) · pdd-cli 0.0.310 · [Workflow run](https://github.com/o/r/actions/runs/7)

      **1 failed** · **1 conflict (manual merge)** · **1 skipped (budget)** · **2 synced** · 1 unchanged

      > [!WARNING]
      > The budget ran out: 1 unit skipped for budget; the next run picks up what is left.

      > [!WARNING]
      > Could not push refs/notes/pdd-sync: the token lacks contents: write.

      | Unit | Status | Operations | Estimate | Cost | Duration | Reason |
      | --- | --- | --- | ---: | ---: | ---: | --- |
      | parser_typescript | ❌ failed | generate, fix | — | $0.31 | 3m 04s | fix failed after 3 attempts: 2 tests \\| still fail |
      | parser_python | ✅ synced | update | — | unknown | 12.5 s |  |
      | ui_typescript | ⚠️ conflict | — | — | $0.00 | — | Manual merge required: prompt and code changed |
      | big_python | ⏭️ skipped-budget | — | — | $0.00 | — | estimated $3.00 exceeds the $2.10 left |
      | calculator_python | ✅ synced | generate, example, test | — | $0.42 | — |  |
      | **Total** | 5 units with work | |  | **$0.78** | 3m 17s | |

      ### Next steps

      - **parser_typescript**: Re-run with \`gh workflow run pdd-sync.yml --ref main -R o/r -f units=parser_typescript\`, or run \`pdd --force --context web sync parser\` locally.
      - **ui_typescript**: Merge \`prompts/ui_typescript.prompt\` and the files generated from it by hand, commit, then re-run with \`gh workflow run pdd-sync.yml --ref main -R o/r -f units=ui_typescript\`.
      - **big_python**: Raise the budget and re-run with \`gh workflow run pdd-sync.yml --ref main -R o/r -f units=big_python\`, or run \`pdd --force sync big\` locally.
      "
    `)
  })

  it('keeps a pipe in a reason inside its cell', () => {
    const row = renderSummary(realistic)
      .split('\n')
      .find(l => l.startsWith('| parser_typescript'))
    expect(row?.split(/(?<!\\)\|/)).toHaveLength(9)
  })

  it.each([2_000, 100_000, 900_000])('never exceeds %i bytes with 10,000 units', limit => {
    const units = Array.from({ length: 10_000 }, (_, i) =>
      unit({
        id: `u${i}_python`,
        status: i % 2 ? 'failed' : 'synced',
        reason: 'ñ😀 '.repeat(600),
        duration: 1
      })
    )
    const text = renderSummary({ ...realistic, result: result(units) }, limit)
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThanOrEqual(limit)
    expect(text).toContain('pdd-cli 0.0.310')
    expect(text).not.toMatch(loneSurrogate)
  })
})

describe('renderSummary: estimate against actual, calibration', () => {
  const calibrated = (extra: Partial<RunResult>): ChecklistInput => ({
    trigger: 'schedule',
    result: result(
      [
        unit({
          id: 'calc_python',
          status: 'synced',
          operations: ['generate', 'example', 'test'],
          cost: 0.0016,
          estimate: 2.15
        }),
        unit({
          id: 'greet_python',
          status: 'synced',
          operations: ['generate', 'example', 'test'],
          cost: 0.0014,
          estimate: 2.15
        }),
        unit({
          id: 'big_python',
          status: 'skipped-budget',
          estimate: 2.15,
          reason: 'estimated $0.00 exceeds the $0.00 left'
        }),
        unit({ id: 'same_python', status: 'unchanged', estimate: 0 })
      ],
      { budget: 1, spent: 0.003, ...extra }
    )
  })

  it('shows each unit’s estimate beside its cost, totals, and the ratio over the units that ran', () => {
    const text = renderSummary(calibrated({}))
    expect(text).toContain('| Unit | Status | Operations | Estimate | Cost | Duration | Reason |')
    expect(text).toContain('| calc_python | ✅ synced | generate, example, test | $2.15 | $0.0016 | — |  |')
    expect(text).toContain('| **Total** | 3 units with work | | **$6.45** | **$0.0030** | — | |')
    expect(text).toContain(
      'Estimated $4.30 for the 2 units that ran; they cost $0.0030 (0.00070 × the estimate).'
    )
    expect(text).not.toContain('Calibrating')
  })

  it.each([
    [
      { groups: ['calc', 'greet'], factor: undefined },
      /one at a time.*\(calc, greet\)\. No cost was booked yet/
    ],
    [
      { groups: ['calc'], factor: 0.000744 },
      /\(calc\)\. Later groups were estimated at 0\.00074 × PDD's table/
    ]
  ])('says it is calibrating: %o', (calibration, expected) => {
    const text = renderSummary(calibrated({ calibration }))
    expect(text).toMatch(/> \[!NOTE\]\n> Calibrating: this repository had no recorded cost/)
    expect(text).toMatch(expected)
    expect(renderPullRequestBody(calibrated({ calibration }))).toMatch(expected)
  })
})
