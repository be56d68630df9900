import { describe, expect, it } from 'vitest'
import { compileGlob, matchesAny } from '../src/plan/glob.js'
import { inScope, resolveScope, unmatchedPatterns } from '../src/plan/scope.js'
import type { Unit } from '../src/types.js'

function re(glob: string): RegExp {
  const g = compileGlob(glob)
  if (!(g instanceof RegExp)) throw new Error(g.error)
  return g
}

describe('compileGlob (picomatch, the options of src/plan/glob.ts)', () => {
  it.each([
    // plain names and `*` (one path segment)
    ['calc_python', 'calc_python', true],
    ['calc_*', 'calc_python', true],
    ['calc_*', 'core/calc_python', false],
    ['a.b', 'axb', false],
    // `**`: any depth, zero segments too
    ['**/calc_*', 'core/calc_python', true],
    ['**/calc_*', 'calc_python', true],
    ['core/**', 'core/a/b_python', true],
    ['core/**', 'core', true],
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['core/**', 'other/core/a', false],
    // `?`: one character, never `/`
    ['calc_?ython', 'calc_python', true],
    ['calc?python', 'calc/python', false],
    // braces: the hand-written matcher's alternatives, nested ones, and ranges (new with picomatch)
    ['calc_{python,typescript}', 'calc_typescript', true],
    ['calc_{python,typescript}', 'calc_python', true],
    ['calc_{python,typescript}', 'calc_go', false],
    ['*_{python,typescript}', 'x_typescript', true],
    ['x_{a,{b,c}}', 'x_c', true],
    ['x_{a,{b,c}}', 'x_d', false],
    ['{core,lib}/{a,b}_*', 'lib/b_python', true],
    ['calc_{1..3}', 'calc_2', true],
    ['calc_{1..3}', 'calc_4', false],
    ['a}b', 'a}b', true],
    // classes: ranges, shell negation with `!` or `^`, POSIX classes
    ['[ab]_python', 'b_python', true],
    ['[ab]_python', 'c_python', false],
    ['[!ab]_python', 'b_python', false],
    ['[!ab]_python', 'c_python', true],
    ['[^ab]_python', 'c_python', true],
    ['[!a]x', '/x', false],
    ['calc_[0-9]', 'calc_7', true],
    ['[[:digit:]]_python', '7_python', true],
    // leading dots: a unit under a dot folder is matched like any other (`dot: true`)
    ['*', '.hidden', true],
    ['**', '.pdd-local/calc_python', true],
    ['**/calc', 'a/.b/calc', true],
    ['.pdd-local/*', '.pdd-local/calc_python', true],
    // no negation: a leading `!` is literal (a unit is matched by any of its names)
    ['!calc_*', 'calc_python', false],
    ['!calc_*', 'other_python', false],
    ['!calc', '!calc', true],
    // no extglobs: `@(…)`, `+(…)` are text, not patterns
    ['@(a|b)_python', 'a_python', false],
    ['+(a)_python', 'aa_python', false],
    // backslash escapes; `(…)` groups unless escaped
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['calc\\{x\\}', 'calc{x}', true],
    ['name \\(v2\\)', 'name (v2)', true],
    ['name with $', 'name with $', true]
  ])('%j ~ %j → %s', (glob, name, expected) => {
    expect(re(glob).test(name)).toBe(expected)
  })

  it.each([
    ['calc_{python', /Missing closing: "}"/],
    ['a[b', /Missing closing: "]"/],
    ['a]b', /Missing opening: "\["/],
    ['name (v2', /Missing closing: "\)"/],
    ['[z-a]', /Range out of order/],
    ['', /non-empty string/],
    ['*a*a*a*a*a*a*a*a*a*a*b', /11 "\*" wildcards; at most 3/],
    ['*a*a*a*b', /4 "\*" wildcards/],
    ['{*a,*b}{*a,*b}c', /4 "\*" wildcards/],
    ['x'.repeat(257), /longer than 256 characters/]
  ])('%j is no usable glob, and the error names it', (glob, why) => {
    const g = compileGlob(glob)
    expect(g).not.toBeInstanceOf(RegExp)
    const { error } = g as { error: string }
    expect(error).toContain(`"${glob}" is not a usable glob`)
    expect(error).toMatch(why)
  })

  it.each([
    ['*a*a*b', 'a'.repeat(40) + 'b', true],
    ['**/a*b*c', 'x/y/aXbYc', true],
    ['**/**/**/*_*', 'p/q/calc_python', true],
    ['\\*a\\*a\\*a\\*a*', '*a*a*a*ax', true],
    ['*a*a*b', 'a'.repeat(255), false]
  ])('up to three "*" (globstars and escaped stars do not count): %j ~ %j → %s', (glob, name, expected) => {
    expect(re(glob).test(name)).toBe(expected)
  })

  it('matchesAny: any glob against any name', () => {
    const globs = [re('calc_*'), re('core/**')]
    expect(matchesAny(globs, ['x', 'calc_go'])).toBe(true)
    expect(matchesAny(globs, ['core/a'])).toBe(true)
    expect(matchesAny(globs, ['x', 'y'])).toBe(false)
    expect(matchesAny([], ['calc_go'])).toBe(false)
  })
})

function unit(id: string, basename: string, dir = ''): Unit {
  return {
    id,
    basename,
    language: id.slice(basename.length + 1),
    context: 'default',
    paths: { prompt: `${dir}prompts/${id}.prompt`, code: `${dir}${basename}`, example: '', test: '' },
    projectRoot: '.',
    metaDir: '.pdd/meta',
    testFiles: [],
    includes: []
  }
}

describe('input `units` through the scope (no git: not a push)', () => {
  const units = [
    unit('calc_python', 'calc'),
    unit('calc_typescript', 'calc'),
    unit('calc_go', 'calc'),
    unit('report_python', 'report', '.hidden/')
  ]
  const pick = async (globs: string[]) => {
    const scope = await resolveScope(null, { trigger: 'workflow_dispatch', units: globs })
    return {
      ids: units.filter(u => inScope(scope, u, u.id)).map(u => u.id),
      unmatched: unmatchedPatterns(scope, units),
      warnings: scope.warnings ?? []
    }
  }

  it.each([
    [['calc_{python,typescript}'], ['calc_python', 'calc_typescript']],
    [['calc_{go,{python,rust}}'], ['calc_python', 'calc_go']],
    [['calc'], ['calc_python', 'calc_typescript', 'calc_go']],
    [['.hidden/**'], ['report_python']],
    [['**/report_*.prompt'], ['report_python']],
    [
      ['*_go', 'report_?ython'],
      ['calc_go', 'report_python']
    ]
  ])('%j selects %j', async (globs, ids) => {
    const got = await pick(globs)
    expect(got.ids).toEqual(ids)
    expect(got.unmatched).toEqual([])
    expect(got.warnings).toEqual([])
  })

  it('a glob that matches nothing is named (the plan warns with it); the others still select', async () => {
    const got = await pick(['calc_go', 'calc_{java,kotlin}'])
    expect(got.ids).toEqual(['calc_go'])
    expect(got.unmatched).toEqual(['calc_{java,kotlin}'])
  })

  it('an unusable glob is a warning that names it, and is ignored', async () => {
    const got = await pick(['calc_{python', 'calc_go'])
    expect(got.ids).toEqual(['calc_go'])
    expect(got.warnings).toEqual([
      expect.stringMatching(
        /^"units": "calc_\{python" is not a usable glob \(Missing closing: "}".*\); ignored\.$/
      )
    ])
  })
})
