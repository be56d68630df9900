import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ActionsReporter } from '../src/adapters/actions-reporter.js'
import { ConsoleReporter, RedactingReporter, type Reporter } from '../src/adapters/reporter.js'
import { GroupLog, isNoise, outcomeTitle, phaseOf, startLine } from '../src/execute/live-log.js'
import type { UnitResult } from '../src/execute/result.js'
import { Redactor } from '../src/trust/redact.js'
import { tempDir } from './helpers/git-repo.js'

/** Records what reaches the log, in order; group bodies are marked with their title. */
function recorder(folds = true): Reporter & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    folds,
    info: m => lines.push(m),
    notice: m => lines.push(`notice: ${m}`),
    warning: m => lines.push(`warning: ${m}`),
    error: m => lines.push(`error: ${m}`),
    async group(name, fn) {
      lines.push(`::group::${name}`)
      const r = await fn()
      lines.push('::endgroup::')
      return r
    }
  }
}

describe('isNoise: PDD’s INFO/DEBUG logging is left out of the live log', () => {
  it.each([
    ['2026-12-06 18:00:00,123 - pdd.llm_invoke - INFO - Selected model gpt-x', true],
    ['2026-12-06 18:00:00,123 - DEBUG - cache hit', true],
    ['INFO: Loaded 12 models', true],
    ['DEBUG:pdd.sync_order:graph built', true],
    ['\x1b[92m18:00:01 - LiteLLM:INFO\x1b[0m: utils.py:3085 - LiteLLM completion()', true],
    ['18:00:01 - LiteLLM Router:DEBUG: router.py:1 - x', true],
    ['2026-12-06 18:00:00,123 - pdd.llm_invoke - WARNING - retrying', false],
    ['ERROR: the model refused', false],
    ['PDD_PHASE: generate', false],
    ['Warning: model not found. Using cl100k_base encoding.', false],
    ['│ python   │ Failed │    $0.0160 │ Sync failed: INFO: x', false],
    ['🚀 Syncing for language: python...', false],
    ['', false]
  ])('%j → %s', (line, noise) => {
    expect(isNoise(line)).toBe(noise)
  })
})

describe('phaseOf', () => {
  it.each([
    ['PDD_PHASE: generate', 'generate'],
    ['PDD_PHASE: skip:test', 'skip:test'],
    ['  PDD_PHASE: crash  ', 'crash'],
    ['phase: generate', null],
    ['echo PDD_PHASE: x', null]
  ])('%j → %s', (line, phase) => {
    expect(phaseOf(line)).toBe(phase)
  })
})

const unit = (
  language: string,
  status: UnitResult['status'],
  operations: string[],
  reason = ''
): UnitResult => ({
  id: `calc_${language}`,
  basename: 'calc',
  language,
  status,
  operations,
  cost: null,
  reason
})

describe('titles', () => {
  it('the start line names the units, the estimate and the admitted budget', () => {
    expect(startLine('calculator', ['calculator_python', 'calculator_typescript'], 0.03, 0.045)).toBe(
      '▶ calculator: calculator_python, calculator_typescript · est. $0.0300 · admitted $0.0450'
    )
  })

  it.each<[string, UnitResult[], number | null, number, string]>([
    [
      'synced',
      [unit('python', 'synced', ['generate'])],
      0.0016,
      17.46,
      '✅ calc · synced · $0.0016 · 17.5 s'
    ],
    [
      'crash failed',
      [unit('python', 'failed', ['generate', 'example', 'crash'], 'Sync failed')],
      0.03,
      40,
      '❌ calc · crash failed · $0.0300 · 40.0 s'
    ],
    [
      'timed out',
      [unit('python', 'failed', ['generate'], 'timed out: pdd was stopped (timeout-minutes-per-group)')],
      null,
      60,
      '❌ calc · timed out · cost unknown · 60.0 s'
    ],
    [
      'mixed',
      [unit('python', 'synced', ['generate']), unit('typescript', 'failed', ['generate', 'fix'])],
      0.5,
      3,
      '⚠️ calc · python synced, typescript fix failed · $0.5000 · 3.0 s'
    ],
    [
      'nothing ran',
      [unit('python', 'failed', [], 'pdd exited 2')],
      0,
      1,
      '❌ calc · failed · $0.0000 · 1.0 s'
    ]
  ])('outcome: %s', (_n, units, cost, seconds, title) => {
    expect(outcomeTitle('calc', units, cost, seconds)).toBe(title)
  })
})

describe('GroupLog', () => {
  it('prints kept lines live with the group prefix, then a group titled with the outcome; the file keeps all', async () => {
    const r = recorder()
    const file = path.join(tempDir(), 'pdd-output.log')
    const log = new GroupLog('backend/report', r, file)
    log.line('stdout', 'PDD_PHASE: generate')
    log.line('stdout', '2026-12-06 18:00:00,123 - pdd.llm_invoke - INFO - secretless chatter')
    log.line('stderr', 'Traceback (most recent call last):')
    // Live: before the group ends, the kept lines are already in the log, prefixed.
    expect(r.lines).toEqual([
      '[backend/report] PDD_PHASE: generate',
      '[backend/report] Traceback (most recent call last):'
    ])
    log.heartbeat(61_400, 0.05)
    expect(r.lines.at(-1)).toBe(
      '[backend/report] still running after 61 s, phase generate (admitted $0.0500)'
    )
    await log.finish('❌ backend/report · generate failed · $0.0100 · 2.0 s')
    expect(r.lines.slice(3)).toEqual([
      '::group::❌ backend/report · generate failed · $0.0100 · 2.0 s',
      'PDD_PHASE: generate',
      'Traceback (most recent call last):',
      "(1 INFO/DEBUG line(s) of PDD's logging left out; see the log artifact)",
      '::endgroup::'
    ])
    expect(readFileSync(file, 'utf8')).toBe(
      'PDD_PHASE: generate\n' +
        '2026-12-06 18:00:00,123 - pdd.llm_invoke - INFO - secretless chatter\n' +
        '[stderr] Traceback (most recent call last):\n'
    )
    await log.close()
  })

  it.each([
    [
      'a terminal (ConsoleReporter)',
      (write: (l: string) => void) => new ConsoleReporter(write, false, false)
    ],
    [
      'a terminal behind the redactor',
      (write: (l: string) => void) =>
        new RedactingReporter(new ConsoleReporter(write, false, false), new Redactor(['s3cr3t-value']))
    ]
  ])('on %s, the closing group does not repeat the lines already printed live', async (_n, make) => {
    const lines: string[] = []
    const r = make(l => lines.push(l))
    expect(r.folds).toBe(false)
    const log = new GroupLog('calc', r)
    log.line('stdout', 'PDD_PHASE: generate')
    log.line('stdout', 'INFO: chatter')
    log.line('stderr', 'Overall status: Success')
    await log.finish('✅ calc · synced · $0.0100 · 2.0 s')
    expect(lines).toEqual([
      '[calc] PDD_PHASE: generate',
      '[calc] Overall status: Success',
      '== ✅ calc · synced · $0.0100 · 2.0 s',
      "(1 INFO/DEBUG line(s) of PDD's logging left out; see the log artifact)"
    ])
  })

  it('the Actions reporters fold groups: the closing group there holds the lines again', () => {
    expect(new ActionsReporter().folds).toBe(true)
    expect(new RedactingReporter(new ActionsReporter(), new Redactor([])).folds).toBe(true)
    expect(recorder(false).folds).toBe(false)
  })

  it('a heartbeat before any phase marker names none', () => {
    const r = recorder()
    new GroupLog('calc', r).heartbeat(30_000, 1)
    expect(r.lines).toEqual(['[calc] still running after 30 s (admitted $1.0000)'])
  })
})
