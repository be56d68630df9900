import { createHash } from 'node:crypto'
import { rmSync, symlinkSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { History } from '../src/state/history.js'
import { loadStates, matchScore, metaStem } from '../src/state/load.js'
import type { RecordUnit } from '../src/state/record.js'
import type { Fingerprint, Unit } from '../src/types.js'
import { tempDir, writeFiles } from './helpers/git-repo.js'
import { record } from './helpers/notes.js'

const sha = (s: string): string => createHash('sha256').update(s).digest('hex')

const UNIT: Unit = {
  id: 'calc_python',
  basename: 'calc',
  language: 'python',
  context: 'default',
  paths: {
    prompt: 'prompts/calc_python.prompt',
    code: 'calc.py',
    example: 'examples/calc_example.py',
    test: 'test_calc.py'
  },
  projectRoot: '.',
  metaDir: '.pdd/meta',
  testFiles: ['test_calc.py'],
  includes: []
}
const FILES = {
  'prompts/calc_python.prompt': 'write calc\n',
  'calc.py': 'def add(a, b):\n    return a + b\n',
  'examples/calc_example.py': 'print(1)\n',
  'test_calc.py': 'def test(): pass\n'
}
const fp = (over: Partial<Fingerprint> = {}): Fingerprint => ({
  pdd_version: '0.0.310',
  timestamp: '2026-11-01T00:00:00+00:00',
  command: 'test',
  prompt_hash: sha(FILES['prompts/calc_python.prompt']),
  code_hash: sha(FILES['calc.py']),
  example_hash: sha(FILES['examples/calc_example.py']),
  test_hash: sha(FILES['test_calc.py']),
  ...over
})
const entry = (f: Fingerprint, cost = 0.1): RecordUnit => ({
  id: 'calc_python',
  basename: 'calc',
  language: 'python',
  status: 'synced',
  operations: ['test'],
  cost,
  duration: 1,
  reason: '',
  fingerprint: f,
  runReport: {
    timestamp: '2026-11-01T00:00:01+00:00',
    exit_code: 0,
    tests_passed: 1,
    tests_failed: 0,
    coverage: 100
  }
})

function project(extra: Record<string, string> = {}): string {
  const dir = tempDir()
  writeFiles(dir, { ...FILES, ...extra })
  return dir
}

describe('loadStates', () => {
  it('hashes the files as PDD does and reports missing ones', () => {
    const dir = tempDir()
    writeFiles(dir, {
      'prompts/calc_python.prompt': FILES['prompts/calc_python.prompt'],
      'calc.py': FILES['calc.py']
    })
    const [s] = loadStates(dir, [UNIT], new History([]))
    expect(s?.hashes).toEqual({
      prompt: sha(FILES['prompts/calc_python.prompt']),
      code: sha(FILES['calc.py']),
      example: null,
      test: null,
      testFiles: {}
    })
    expect(s?.exists).toEqual({ prompt: true, code: true, example: false, test: false })
    expect(s?.source).toBe('none')
  })

  it('prefers the repository’s own .pdd/meta files over history', () => {
    const dir = project({ '.pdd/meta/calc_python.json': JSON.stringify(fp({ command: 'fix' })) })
    const h = new History([record('1', '2026-11-02T00:00:00Z', [entry(fp())])])
    const [s] = loadStates(dir, [UNIT], h)
    expect(s?.source).toBe('repository')
    expect(s?.fingerprint?.command).toBe('fix')
    expect(s?.runReport).toBeNull()
  })

  it('restores the newest exact match from history, even when a newer record does not match', () => {
    const h = new History([
      record('1', '2026-11-01T00:00:00Z', [entry(fp({ command: 'verify' }))]),
      record('2', '2026-11-02T00:00:00Z', [entry(fp({ command: 'test' }))]),
      record('3', '2026-11-03T00:00:00Z', [entry(fp({ command: 'fix', code_hash: sha('other') }))])
    ])
    const [s] = loadStates(project(), [UNIT], h)
    expect(s).toMatchObject({ source: 'notes', match: 'exact', fromRun: '2' })
    expect(s?.fingerprint?.command).toBe('test')
    expect(s?.runReport?.exit_code).toBe(0)
    expect(s?.hasSuccessfulRunHistory).toBe(true)
  })

  it('falls back to the entry sharing the most files, newest first among equals', () => {
    const h = new History([
      record('1', '2026-11-01T00:00:00Z', [entry(fp({ code_hash: sha('x'), example_hash: sha('y') }))]),
      record('2', '2026-11-02T00:00:00Z', [entry(fp({ code_hash: sha('z') }))]),
      record('3', '2026-11-03T00:00:00Z', [entry(fp({ code_hash: sha('w') }))])
    ])
    const [s] = loadStates(project(), [UNIT], h)
    expect(s).toMatchObject({ source: 'notes', match: 'partial', fromRun: '3' })
  })

  it('restores a failed run’s entry only on an exact match (its outputs never reached the base)', () => {
    const failed = (f: ReturnType<typeof fp>): ReturnType<typeof entry> => ({ ...entry(f), status: 'failed' })
    const partial = new History([record('1', '2026-11-01T00:00:00Z', [failed(fp({ code_hash: sha('x') }))])])
    expect(loadStates(project(), [UNIT], partial)[0]?.source).toBe('none')
    const exact = new History([record('1', '2026-11-01T00:00:00Z', [failed(fp())])])
    expect(loadStates(project(), [UNIT], exact)[0]).toMatchObject({ source: 'notes', match: 'exact' })
  })

  it('ignores records of other units and entries without a fingerprint', () => {
    const other = { ...entry(fp()), id: 'other_python' }
    const h = new History([
      record('1', '2026-11-01T00:00:00Z', [other, { ...entry(fp()), fingerprint: null }])
    ])
    expect(loadStates(project(), [UNIT], h)[0]?.source).toBe('none')
  })

  it('hashes includes into the prompt hash, and falls back to the stored include_deps without live tags', () => {
    const inc = { ...UNIT, includes: ['docs/spec.md'] }
    const dir = project({ 'docs/spec.md': 'SPEC\n' })
    const [live] = loadStates(dir, [inc], new History([]))
    expect(live?.hashes.prompt).toBe(sha(FILES['prompts/calc_python.prompt'] + 'SPEC\n'))
    // Auto-deps stripped the tag: the stored dependency keys still count (PDD issue #522).
    const stored = fp({ include_deps: { 'docs/spec.md': sha('SPEC\n') } })
    const dir2 = project({ 'docs/spec.md': 'SPEC\n', '.pdd/meta/calc_python.json': JSON.stringify(stored) })
    const [s] = loadStates(dir2, [UNIT], new History([]))
    expect(s?.hashes.prompt).toBe(sha(FILES['prompts/calc_python.prompt'] + 'SPEC\n'))
  })

  it('reads run history files for the example-success check', () => {
    const dir = project({
      '.pdd/meta/calc_python.json': JSON.stringify(fp()),
      '.pdd/meta/calc_python_run_old.json': JSON.stringify({ exit_code: 0 })
    })
    expect(loadStates(dir, [UNIT], new History([]))[0]?.hasSuccessfulRunHistory).toBe(true)
  })

  it.each<[string, Record<string, unknown>, boolean]>([
    ['only a failed run of its own', { 'calc_python_run.json': { exit_code: 1 } }, false],
    [
      'a successful older run',
      { 'calc_python_run.json': { exit_code: 1 }, 'calc_python_run_2.json': { exit_code: 0 } },
      true
    ],
    [
      'a success of a unit whose name extends its own',
      { 'calc_python_runner.json': { exit_code: 1 }, 'calcx_python_run.json': { exit_code: 0 } },
      false
    ],
    [
      'a success of a name sorting just before it',
      { 'calc_python_ruM.json': { exit_code: 0 }, 'calc_python_r.json': { exit_code: 0 } },
      false
    ],
    [
      'a success among many other units',
      Object.fromEntries(
        [...Array(200).keys()]
          .map(i => [`u${i}_python_run.json`, { exit_code: 0 }])
          .concat([['calc_python_run_x.json', { exit_code: 0 }]])
      ),
      true
    ],
    [
      'only other units’ successes',
      Object.fromEntries([...Array(200).keys()].map(i => [`u${i}_python_run.json`, { exit_code: 0 }])),
      false
    ]
  ])('run history: %s', (_, meta, expected) => {
    const files: Record<string, string> = { '.pdd/meta/calc_python.json': JSON.stringify(fp()) }
    for (const [name, json] of Object.entries(meta)) files[`.pdd/meta/${name}`] = JSON.stringify(json)
    expect(loadStates(project(files), [UNIT], new History([]))[0]?.hasSuccessfulRunHistory).toBe(expected)
  })

  it('reads a symlink inside the project but not one that leaves it', () => {
    const outside = tempDir()
    writeFiles(outside, { 'secret.py': 'x' })
    const dir = project()
    rmSync(`${dir}/calc.py`)
    symlinkSync(`${outside}/secret.py`, `${dir}/calc.py`)
    rmSync(`${dir}/test_calc.py`)
    symlinkSync(`${dir}/examples/calc_example.py`, `${dir}/test_calc.py`)
    const [s] = loadStates(dir, [UNIT], new History([]))
    expect(s?.hashes.code).toBeNull()
    expect(s?.hashes.test).toBe(sha(FILES['examples/calc_example.py']))
  })

  it.each([
    [fp(), 4],
    [fp({ code_hash: null }), 3],
    [fp({ prompt_hash: sha('a'), code_hash: sha('b'), example_hash: sha('c'), test_hash: sha('d') }), 0]
  ])('matchScore %#', (f, n) => {
    const h = {
      prompt: sha(FILES['prompts/calc_python.prompt']),
      code: sha(FILES['calc.py']),
      example: sha(FILES['examples/calc_example.py']),
      test: sha(FILES['test_calc.py']),
      testFiles: {}
    }
    expect(matchScore(f, h)).toBe(n)
  })

  it('names meta files as PDD does', () => {
    expect(metaStem({ basename: 'core/cloud', language: 'Python' })).toBe('core_cloud_python')
  })
})
