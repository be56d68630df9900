/**
 * The parser against trimmed outputs of the real pdd-cli 0.0.310 (__tests__/fixtures/pdd-output, captured with a
 * scripted LLM server or an unreachable model; COLUMNS=200 unless the name says 80col).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  languageView,
  operationsRun,
  parseSyncOutput,
  type ParsedSyncOutput
} from '../src/execute/pdd-output.js'
import { failureReason } from '../src/execute/failure-reason.js'

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'pdd-output')
const fixture = (name: string): string => readFileSync(path.join(dir, name), 'utf8')
const parse = (stdout: string, stderr = ''): ParsedSyncOutput =>
  parseSyncOutput(stdout ? fixture(stdout) : '', stderr ? fixture(stderr) : '')

const MODELS_DETAIL =
  "Sync failed: Exception during 'generate': An unexpected error occurred: All candidate models failed. Last error " +
  '(InternalServerError): litellm.InternalServerError: InternalServerError: OpenAIException - Connection error.'

describe('parseSyncOutput on real PDD output', () => {
  it.each<[string, string, string, Partial<ParsedSyncOutput>]>([
    [
      'success',
      'success.stdout.txt',
      '',
      {
        phases: ['generate', 'example', 'crash', 'test', 'synced'],
        phasesByLanguage: { python: ['generate', 'example', 'crash', 'test', 'synced'] },
        languages: [
          {
            language: 'python',
            status: 'Success',
            cost: 0.016,
            details: ['Completed: generate, example, test; skipped: crash'],
            completed: ['generate', 'example', 'test'],
            skipped: ['crash']
          }
        ],
        overall: 'Success',
        totalCost: 0.016,
        budgetExceeded: null,
        allModelsFailed: null
      }
    ],
    [
      'budget exceeded after two operations',
      'budget-exceeded.stdout.txt',
      '',
      {
        phases: ['generate', 'example'],
        languages: [
          {
            language: 'python',
            status: 'Failed',
            cost: 0.01,
            details: ['Sync failed: Budget of $0.01 exceeded.']
          }
        ],
        overall: 'Failed',
        totalCost: 0.01,
        budgetExceeded: '0.01'
      }
    ],
    [
      'two languages, the second skipped for budget',
      'two-languages-budget.stdout.txt',
      '',
      {
        phasesByLanguage: { python: ['generate', 'example'] },
        budgetExhausted: ['typescript'],
        overall: 'Failed'
      }
    ],
    [
      'unreachable model, 80 columns (Details wrapped over 7 lines)',
      'models-failed-80col.stdout.txt',
      'models-failed.stderr.txt',
      {
        phases: ['generate'],
        overall: 'Failed',
        totalCost: 0,
        allModelsFailed:
          'All candidate models failed. Last error (InternalServerError): litellm.InternalServerError: ' +
          'InternalServerError: OpenAIException - Connection error.'
      }
    ],
    [
      'cost row could not be written',
      'cost-tracking-error.stdout.txt',
      '',
      { costTrackingError: "[Errno 21] Is a directory: '/tmp/costdir'", overall: 'Failed' }
    ],
    [
      'no prompt for the basename (Click usage error, exit 2)',
      '',
      'no-prompt.stderr.txt',
      {
        noPromptFiles: { basename: 'nosuch', directory: '/work/proj/prompts' },
        usageError: "No prompt files found for basename 'nosuch' in directory '/work/proj/prompts'.",
        overall: null,
        phases: []
      }
    ],
    [
      'unknown option',
      '',
      'bad-option.stderr.txt',
      { usageError: "No such option '--bogus'. Did you mean '--log'?" }
    ],
    [
      'unknown context',
      '',
      'unknown-context.stderr.txt',
      { usageError: "Unknown context 'nosuch'. Available contexts: default" }
    ],
    [
      'budget 0',
      '',
      'zero-budget.stderr.txt',
      { usageError: 'Invalid value for --budget: Budget must be a positive number.' }
    ],
    [
      'import crash, Rich traceback',
      '',
      'traceback-rich.stderr.txt',
      { traceback: 'ImportError: simulated broken install', overall: null }
    ],
    ['dry run prints no table', 'dry-run.stdout.txt', '', { languages: [], overall: null, phases: [] }]
  ])('%s', (_name, stdout, stderr, expected) => {
    expect(parse(stdout, stderr)).toMatchObject(expected)
  })

  it('joins a Details cell Rich wrapped at 80 columns', () => {
    const row = parse('models-failed-80col.stdout.txt').languages[0]
    expect(row?.details).toHaveLength(7)
    expect(row?.details.join(' ')).toBe(MODELS_DETAIL)
    expect(parse('models-failed.stdout.txt').languages[0]?.details.join(' ')).toBe(MODELS_DETAIL)
  })

  it('keeps the source PDD put in Details line by line', () => {
    const details = parse('fix-failed.stdout.txt').languages[0]?.details ?? []
    expect(details[0]).toBe('Sync failed:')
    expect(details).toContain('    assert add(1, 2) == 4')
    expect(details).toContain('')
  })
})

describe('parseSyncOutput on synthetic output', () => {
  it.each<[string, string, string, Partial<ParsedSyncOutput>]>([
    [
      'skip markers and conflict',
      'PDD_PHASE: generate\nPDD_PHASE: skip:crash\nPDD_PHASE: skip:test\nPDD_PHASE: conflict\n',
      '',
      { phases: ['generate', 'skip:crash', 'skip:test', 'conflict'] }
    ],
    [
      'CRLF and carriage-return redraws',
      'progress 10%\rprogress 90%\rPDD_PHASE: fix\r\nPDD_PHASE: synced\r\n',
      '',
      { phases: ['fix', 'synced'] }
    ],
    [
      'plain Python traceback, last exception wins',
      '',
      'Traceback (most recent call last):\n  File "x.py", line 1, in <module>\n    raise KeyError("a")\n' +
        "KeyError: 'a'\n\nDuring handling of the above exception, another exception occurred:\n\n" +
        'Traceback (most recent call last):\n  File "y.py", line 2\npdd.errors.SyncError: lock held\n',
      { traceback: 'pdd.errors.SyncError: lock held' }
    ],
    ['click abort', '', 'Aborted!\n', { aborted: true }],
    [
      'low-budget warning is not an exceeded budget',
      '[21:21:10] Warning: Budget of $0.01 is low. Complex operations may exceed this limit.\n',
      '',
      { budgetExceeded: null }
    ],
    [
      'models failed on stdout (schema error during crash)',
      'Unexpected error: All candidate models failed. Last error (SchemaValidationError): Failed to parse\n',
      '',
      { allModelsFailed: 'All candidate models failed. Last error (SchemaValidationError): Failed to parse' }
    ]
  ])('%s', (_name, stdout, stderr, expected) => {
    expect(parseSyncOutput(stdout, stderr)).toMatchObject(expected)
  })
})

describe('languageView and operationsRun', () => {
  it('narrows a two-language run to one language', () => {
    const all = parse('two-languages-budget.stdout.txt')
    const ts = languageView(all, 'TypeScript')
    expect(ts.languages.map(r => [r.language, r.details])).toEqual([['typescript', ['Budget exhausted']]])
    expect(ts.phases).toEqual([])
    expect(ts.budgetExhausted).toEqual(['typescript'])
    expect(languageView(all, 'python').phases).toEqual(['generate', 'example'])
  })

  it('drops skip markers and terminal markers', () => {
    expect(operationsRun(['generate', 'skip:crash', 'test', 'fix', 'fix', 'synced'])).toEqual([
      'generate',
      'test',
      'fix',
      'fix'
    ])
  })
})

describe('failureReason', () => {
  const failingReport = { exit_code: 1, tests_passed: 0, tests_failed: 1, coverage: 100 }

  it.each<[string, ParsedSyncOutput, Parameters<typeof failureReason>[1], string | undefined, string]>([
    ['budget exceeded', parse('budget-exceeded.stdout.txt'), null, undefined, 'Budget of $0.01 exceeded.'],
    [
      'source in Details: built from the last phase and the run report',
      parse('fix-failed.stdout.txt'),
      failingReport,
      undefined,
      'fix failed: 1 test failing, 0 passing (exit code 1, coverage 100.0%)'
    ],
    [
      'source in Details without a run report',
      parse('fix-failed.stdout.txt'),
      null,
      'crash',
      'crash failed: PDD printed no reason (see the pdd sync log)'
    ],
    [
      'unreachable model, wrapped at 80 columns',
      parse('models-failed-80col.stdout.txt'),
      null,
      undefined,
      'generate: All candidate models failed. Last error (InternalServerError): litellm.InternalServerError: ' +
        'InternalServerError: OpenAIException - Connection error.'
    ],
    [
      'no prompt files',
      parse('', 'no-prompt.stderr.txt'),
      null,
      undefined,
      "No prompt files found for basename 'nosuch' in directory '/work/proj/prompts'"
    ],
    [
      'usage error',
      parse('', 'bad-option.stderr.txt'),
      null,
      undefined,
      "pdd usage error: No such option '--bogus'. Did you mean '--log'?"
    ],
    [
      'crash before any table',
      parse('', 'traceback-rich.stderr.txt'),
      null,
      undefined,
      'pdd crashed: ImportError: simulated broken install'
    ],
    [
      'language skipped for budget',
      languageView(parse('two-languages-budget.stdout.txt'), 'typescript'),
      null,
      undefined,
      'Budget exhausted: PDD skipped this language'
    ],
    [
      'no table (quiet or killed), models failed on stderr',
      parseSyncOutput('PDD_PHASE: example\n', fixture('models-failed.stderr.txt')),
      null,
      undefined,
      'example: All candidate models failed. Last error (InternalServerError): litellm.InternalServerError: ' +
        'InternalServerError: OpenAIException - Connection error.'
    ],
    [
      'nothing printed but a failing run report',
      parseSyncOutput('PDD_PHASE: test\n'),
      failingReport,
      undefined,
      'test failed: 1 test failing, 0 passing (exit code 1, coverage 100.0%)'
    ],
    ['nothing at all', parseSyncOutput(''), null, undefined, 'PDD reported no reason']
  ])('%s', (_name, parsed, report, phase, reason) => {
    expect(failureReason(parsed, report, phase)).toBe(reason)
  })

  it('cuts a long reason to one line at a word boundary', () => {
    const long = `│ python   │ Failed │    $0.0000 │ Sync failed: ${'word '.repeat(100)}│`
    const table = `┃ Language ┃ Status ┃ Cost (USD) ┃ Details ┃\n${long}\n└──┘\n`
    const reason = failureReason(parseSyncOutput(table))
    expect(reason.length).toBeLessThanOrEqual(240)
    expect(reason).toMatch(/^word word .* word…$/)
  })
})
