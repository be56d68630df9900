import { describe, expect, it } from 'vitest'
import { cleanReason } from '../src/execute/reason.js'
import { compileGlob } from '../src/plan/glob.js'
import {
  botBaseProblem,
  botBranchProblem,
  branchNameProblem,
  notesRefProblem,
  parseDecimal,
  refNameProblem,
  remoteNameProblem,
  revisionProblem,
  splitGlobList
} from '../src/settings/validate.js'
import { guardRecords, isPlainRelative } from '../src/state/record.js'
import type { RunRecord } from '../src/state/record.js'

describe('branchNameProblem (git check-ref-format --branch)', () => {
  it.each([
    ['pdd-sync/main', null],
    ['feature/x-1.2', null],
    ['ünïcode', null],
    ['HEAD', /not a branch name/],
    ['-x', /starts with "-"/],
    ['--force', /starts with "-"/],
    ['a/-b', /component starting with "-"/],
    ['a..b', /"\.\."/],
    ['a b', /a space/],
    ['a\tb', /control character \(0x09\)/],
    ['a~b', /"~"/],
    ['a^b', /"\^"/],
    ['a:b', /":"/],
    ['a?b', /"\?"/],
    ['a*b', /"\*"/],
    ['a[b', /"\["/],
    ['a\\b', /"\\"/],
    ['a@{b', /"@\{"/],
    ['@', /"@"/],
    ['/a', /empty path component/],
    ['a/', /empty path component/],
    ['a//b', /empty path component/],
    ['a.', /ends with "\."/],
    ['.a', /starting with "\."/],
    ['a/.b', /starting with "\."/],
    ['a.lock', /\.lock/],
    ['a.lock/b', /\.lock/],
    ['refs/heads/x', /names a ref/],
    ['', /is empty/],
    ['x'.repeat(256), /longer than 255/]
  ])('%j → %s', (name, expected) => {
    const p = branchNameProblem(name)
    if (expected === null) expect(p).toBeNull()
    else expect(p).toMatch(expected)
  })
})

describe('botBranchProblem: the bot branch is a branch of its own', () => {
  it.each([
    ['pdd-sync/main', 'main', 'main', null],
    ['main', 'main', null, /is the base branch "main"/],
    ['refs/heads/main', 'main', null, /is the base branch/],
    ['HEAD', 'main', null, /is HEAD/],
    ['feature', 'main', 'feature', /checked out in the workspace/],
    ['develop', 'develop', 'main', /is the base branch "develop"/],
    ['--force', 'main', 'main', /starts with "-"/]
  ])('%s (base %s, current %s)', (branch, base, current, expected) => {
    const p = botBranchProblem(branch, { base, current })
    if (expected === null) expect(p).toBeNull()
    else expect(p).toMatch(expected)
  })
})

describe('other ref-like values', () => {
  it.each([
    [notesRefProblem, 'refs/notes/pdd-sync', null],
    [notesRefProblem, 'refs/notes/team/pdd', null],
    [notesRefProblem, 'refs/heads/main', /not under refs\/notes/],
    [notesRefProblem, 'refs/notes/', /not under refs\/notes/],
    [notesRefProblem, 'refs/notes/../heads/x', /"\.\."/],
    [notesRefProblem, 'refs/notes/-x', /starting with "-"/],
    [remoteNameProblem, 'origin', null],
    [remoteNameProblem, 'up-stream.2', null],
    [remoteNameProblem, '--upload-pack=x', /starts with "-"/],
    [remoteNameProblem, 'a/b', /remote name/],
    [revisionProblem, 'a'.repeat(40), null],
    [revisionProblem, '0'.repeat(40), null],
    [revisionProblem, 'HEAD', null],
    [revisionProblem, 'main', null],
    [revisionProblem, '--output=/tmp/x', /starts with "-"/],
    [revisionProblem, 'a..b', /"\.\."/],
    [refNameProblem, 'refs/heads/ok', null]
  ])('%o %j', (fn, value, expected) => {
    const p = fn(value)
    if (expected === null) expect(p).toBeNull()
    else expect(p).toMatch(expected)
  })
})

describe('parseDecimal: decimal only', () => {
  it.each([
    ['5', 5],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['5.', 5],
    [' 16 ', 16],
    ['+2.25', 2.25],
    ['-1', -1],
    ['0x10', null],
    ['0b1', null],
    ['0o7', null],
    ['1e3', null],
    ['1E3', null],
    ['Infinity', null],
    ['-Infinity', null],
    ['NaN', null],
    ['', null],
    ['   ', null],
    ['1,000', null],
    ['1_000', null],
    ['5 USD', null],
    ['$5', null],
    ['.', null],
    ['.5.', null],
    ['٣', null]
  ])('%j → %s', (raw, expected) => {
    expect(parseDecimal(raw)).toBe(expected)
  })
})

describe('units lists and globs', () => {
  it.each([
    ['calc_{python,typescript}', ['calc_{python,typescript}']],
    ['a, b', ['a', 'b']],
    ['a\nb,c', ['a', 'b', 'c']],
    ['x_{a,{b,c}}, y', ['x_{a,{b,c}}', 'y']],
    ['calc_{python, other', ['calc_{python, other']],
    [' , ,', []]
  ])('splitGlobList(%j)', (text, expected) => {
    expect(splitGlobList(text)).toEqual(expected)
  })

  it.each([
    ['calc_{python,typescript}', 'calc_typescript', true],
    ['x_{a,{b,c}}', 'x_c', true],
    ['calc\\{python', 'calc{python', true],
    ['a}b', 'a}b', true],
    ['[!a]x', 'bx', true]
  ])('compileGlob(%j) ~ %s → %s', (glob, name, expected) => {
    const g = compileGlob(glob)
    expect(g).toBeInstanceOf(RegExp)
    expect((g as RegExp).test(name)).toBe(expected)
  })

  it('a reversed range is no usable glob (named, not a crash)', () => {
    const g = compileGlob('[z-a]')
    expect(g).not.toBeInstanceOf(RegExp)
    expect((g as { error: string }).error).toMatch(/"\[z-a\]" is not a usable glob/)
  })
})

describe('run records are untrusted input', () => {
  it.each([
    ['calc_python', true],
    ['core/calc_python', true],
    ['../x', false],
    ['a/../../x', false],
    ['/etc/passwd', false],
    ['C:/x', false],
    ['~/x', false],
    ['a\\..\\x', false],
    ['a\0b', false],
    ['', false]
  ])('isPlainRelative(%j) → %s', (p, expected) => {
    expect(isPlainRelative(p)).toBe(expected)
  })

  const unit = (over: object): RunRecord['units'][number] =>
    ({
      id: 'calc_python',
      basename: 'calc',
      language: 'python',
      status: 'synced',
      operations: [],
      cost: 0,
      duration: 0,
      reason: '',
      fingerprint: { include_deps: { 'ok.md': 'h', '../x.md': 'h' }, test_files: { '/t.py': 'h' } },
      runReport: { test_file: '../t.py', coverage: 1 },
      ...over
    }) as unknown as RunRecord['units'][number]

  it('drops unsafe units and path keys, keeps the rest, and says so', () => {
    const rec = {
      schema: 1,
      runId: 'r',
      trigger: 't',
      baseSha: '',
      createdAt: '',
      budget: 0,
      spent: 0,
      units: [unit({}), unit({ id: '../../x_python' }), unit({ id: '-x_python' })]
    } as RunRecord
    const warnings = guardRecords([rec])
    expect(rec.units.map(u => u.id)).toEqual(['calc_python'])
    expect(rec.units[0]?.fingerprint).toEqual({ include_deps: { 'ok.md': 'h' }, test_files: {} })
    expect(rec.units[0]?.runReport).toEqual({ coverage: 1 })
    expect(warnings).toHaveLength(5)
    expect(warnings.join('\n')).toMatch(/"\.\.\/\.\.\/x_python" is not a plain relative name/)
  })
})

describe('cleanReason: one readable line', () => {
  it.each([
    ['plain', 'plain'],
    ['\x1b[31mred\x1b[0m text', 'red text'],
    ['\x1b]8;;http://x\x07link\x1b]8;;\x07', 'link'],
    ['a reason\x07 with a bell\x00 and a NUL', 'a reason with a bell and a NUL'],
    ['line one\nline two', 'line one line two'],
    ['\ufffd'.repeat(20) + 'abc', 'PDD printed unreadable (binary) output instead of a reason'],
    [
      'import os\n\ndef f():\n    return 1\n\nclass X:\n    pass\n',
      'PDD gave no reason, only file contents: see the pdd sync log of this unit'
    ],
    ['', 'PDD reported no reason'],
    ['\x1b[0m', 'PDD reported no reason']
  ])('%j → %j', (raw, expected) => {
    expect(cleanReason(raw)).toBe(expected)
  })

  it('clips long text to one line of at most 240 characters', () => {
    const r = cleanReason('word '.repeat(200))
    expect(r.length).toBeLessThanOrEqual(240)
    expect(r).not.toMatch(/\n/)
  })
})

describe('botBaseProblem: a run never starts from a bot branch', () => {
  it.each([
    ['main', false],
    ['release/pdd-sync/x', false],
    ['pdd-sync', false],
    ['pdd-sync/main', true],
    ['refs/heads/pdd-sync/main', true],
    ['pdd-sync/pdd-sync/main', true]
  ])('%s → refused %s', (base, refused) => {
    expect(botBaseProblem(base) !== null).toBe(refused)
  })
})
