/**
 * What a group's pdd is booked for (spent.ts): its cost rows when there, $0 when it provably stopped before its
 * sync started, else unknown (null: the whole admission is booked).
 */
import { describe, expect, it } from 'vitest'
import { parseSyncOutput } from '../src/execute/pdd-output.js'
import { spentBy, type EndedPdd } from '../src/execute/spent.js'

const HEADER =
  'timestamp,model,command,cost,input_files,output_files,attempted_models,requested_model,resolved_model,model_selection_outcome,strength_used,cli_version,deepswe_manifest_date'
const row = (cost: string): string => `2026-12-07T10:00:00,m,sync,${cost},a,b,m,m,m,selected,0.5,0.0.310,\n`
const USAGE =
  "Usage: pdd [OPTIONS] COMMAND [ARGS]...\nTry 'pdd --help' for help.\n\nError: No such option: --bogus\n"
const TRACE =
  'Traceback (most recent call last):\n  File "/venv/bin/pdd", line 5, in <module>\n    from pdd.cli import cli\nModuleNotFoundError: No module named \'litellm\'\n'
const NO_PROMPT = "Error: No prompt files found for basename 'calc' in directory 'prompts'.\n"
const STARTED = '╭─ PDD Sync Starting ─╮\n│ Basename: calc │\n╰──────╯\n'
const ARGV = ['pdd', '--force', '--local', 'sync', '--budget', '3', 'calc']

interface Case {
  code?: number | null
  stdout?: string
  stderr?: string
  csv?: string | null
  argv?: string[]
  timedOut?: boolean
  cancelled?: boolean
}

function booked(c: Case): number | null {
  const ended: EndedPdd = {
    code: c.code === undefined ? 2 : c.code,
    timedOut: c.timedOut ?? false,
    cancelled: c.cancelled ?? false,
    stdout: c.stdout ?? '',
    argv: c.argv ?? ARGV
  }
  return spentBy(ended, parseSyncOutput(ended.stdout, c.stderr ?? ''), c.csv ?? null)
}

describe('spentBy', () => {
  it.each<[string, Case, number | null]>([
    ['the rows pdd appended', { code: 0, csv: HEADER + '\n' + row('0.25') + row('0.5') }, 0.75],
    ['a usage error that still left a row: the row', { stderr: USAGE, csv: HEADER + '\n' + row('0.1') }, 0.1],
    ['a malformed cost file: unknown', { code: 0, csv: HEADER + '\n' + row('abc') }, null],
    ['a cost file with no row: unknown', { stderr: USAGE, csv: HEADER + '\n' }, null],
    ['a Click usage error before the sync: $0', { stderr: USAGE }, 0],
    ['a usage error printed on stdout: $0', { stdout: USAGE }, 0],
    [
      'a usage error with --quiet: $0 (Click rejects options first)',
      { stderr: USAGE, argv: [...ARGV, '-q'] },
      0
    ],
    ['no prompt found (exit 2): $0', { stderr: NO_PROMPT + USAGE }, 0],
    ['a traceback while pdd loaded (exit 1): $0', { code: 1, stderr: TRACE }, 0],
    [
      'a traceback with --quiet (the start is not shown): unknown',
      { code: 1, stderr: TRACE, argv: ['pdd', '--quiet', 'sync', 'calc'] },
      null
    ],
    ['a traceback after the sync started: unknown', { code: 1, stdout: STARTED, stderr: TRACE }, null],
    [
      'a traceback after an operation started: unknown',
      { code: 1, stdout: 'PDD_PHASE: generate\n', stderr: TRACE },
      null
    ],
    [
      'a usage error after a language started: unknown',
      { stdout: '🚀 Syncing for language: python...\n', stderr: USAGE },
      null
    ],
    ['exit 2 with no usage error: unknown', { stderr: 'something else\n' }, null],
    ['exit 1 with nothing said: unknown', { code: 1 }, null],
    ['exit 0 and no row: unknown', { code: 0 }, null],
    ['killed by a signal: unknown', { code: null, stderr: TRACE }, null],
    ['timed out: unknown', { code: 1, stderr: TRACE, timedOut: true }, null],
    ['cancelled: unknown', { code: 1, stderr: TRACE, cancelled: true }, null],
    [
      'an output too long to hold whole: unknown',
      { code: 1, stdout: 'x'.repeat(1_000_001), stderr: TRACE },
      null
    ]
  ])('%s', (_, c, want) => {
    expect(booked(c)).toBe(want)
  })
})
