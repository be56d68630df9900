import { describe, expect, it } from 'vitest'
import { dependencyEdges, findCycles, topoOrder } from '../src/plan/graph.js'
import type { Unit } from '../src/types.js'

function unit(basename: string, language = 'python', includes: string[] = []): Unit {
  const ext = language === 'python' ? '.py' : '.ts'
  return {
    id: `${basename}_${language}`,
    basename,
    language,
    context: 'default',
    paths: {
      prompt: `prompts/${basename}_${language}.prompt`,
      code: `${basename}${ext}`,
      example: `examples/${basename}_example${ext}`,
      test: `test_${basename}${ext}`
    },
    projectRoot: '.',
    metaDir: '.pdd/meta',
    testFiles: [],
    includes
  }
}

describe('dependencyEdges', () => {
  it.each([
    ['include of another unit code', [unit('a', 'python', ['b.py']), unit('b')], { a_python: ['b_python'] }],
    [
      'include of another unit example',
      [unit('a', 'python', ['examples/b_example.py']), unit('b')],
      { a_python: ['b_python'] }
    ],
    ['include of a plain file', [unit('a', 'python', ['docs/x.md']), unit('b')], { a_python: [] }],
    ['no edge inside one basename', [unit('a', 'typescript', ['a.py']), unit('a')], { a_typescript: [] }],
    [
      'both languages of a dependency',
      [unit('a', 'python', ['b.py', 'b.ts']), unit('b'), unit('b', 'typescript')],
      { a_python: ['b_python', 'b_typescript'] }
    ]
  ])('%s', (_name, units, expected) => {
    const edges = dependencyEdges(units)
    for (const [id, deps] of Object.entries(expected)) expect(edges.get(id)).toEqual(deps)
  })
})

describe('findCycles and topoOrder', () => {
  const e = (o: Record<string, string[]>): Map<string, string[]> => new Map(Object.entries(o))
  it.each([
    ['chain', ['a', 'b', 'c'], { a: ['b'], b: ['c'], c: [] }, [], ['c', 'b', 'a']],
    ['independent sorted by id', ['c', 'a', 'b'], { a: [], b: [], c: [] }, [], ['a', 'b', 'c']],
    ['diamond', ['d', 'b', 'c', 'a'], { a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }, [], ['d', 'b', 'c', 'a']],
    [
      'two-cycle reported, still ordered',
      ['a', 'b', 'c'],
      { a: ['b'], b: ['a'], c: ['a'] },
      [['a', 'b']],
      ['a', 'b', 'c']
    ],
    [
      'three-cycle with a tail',
      ['x', 'y', 'z', 'w'],
      { x: ['y'], y: ['z'], z: ['x'], w: [] },
      [['x', 'y', 'z']],
      ['w', 'x', 'y', 'z']
    ],
    ['unknown dependency ignored', ['a'], { a: ['gone'] }, [], ['a']]
  ])('%s', (_n, ids, edges, cycles, order) => {
    const found = findCycles(ids, e(edges))
    expect(found).toEqual(cycles)
    expect(topoOrder(ids, e(edges), found)).toEqual(order)
  })

  it('handles a long chain without recursion', () => {
    const ids = Array.from({ length: 20000 }, (_, i) => `u${String(i).padStart(5, '0')}`)
    const edges = new Map(ids.map((id, i) => [id, i > 0 ? [ids[i - 1] as string] : []]))
    expect(findCycles(ids, edges)).toEqual([])
    expect(topoOrder(ids, edges, [])).toEqual(ids)
  })
})
