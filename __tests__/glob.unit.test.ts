import { describe, expect, it } from 'vitest'
import { globToRegExp } from '../src/plan/glob.js'

describe('globToRegExp', () => {
  it.each([
    ['calc_python', 'calc_python', true],
    ['calc_*', 'calc_python', true],
    ['calc_*', 'core/calc_python', false],
    ['**/calc_*', 'core/calc_python', true],
    ['**/calc_*', 'calc_python', true],
    ['core/**', 'core/a/b_python', true],
    ['*_{python,typescript}', 'x_typescript', true],
    ['*_{python,typescript}', 'x_go', false],
    ['calc_?ython', 'calc_python', true],
    ['[ab]_python', 'b_python', true],
    ['[!ab]_python', 'b_python', false],
    ['a.b', 'axb', false],
    ['name with $ and (parens)', 'name with $ and (parens)', true]
  ])('%s ~ %s → %s', (glob, name, expected) => {
    expect(globToRegExp(glob).test(name)).toBe(expected)
  })
})
