import { describe, expect, it } from 'vitest'
import { ConsoleReporter } from '../src/adapters/reporter.js'
import { declaredIncludeTargets, resolveIncludes } from '../src/discover/includes.js'
import { dependencyEdges, findCycles, topoOrder } from '../src/plan/graph.js'
import { planRepository } from '../src/plan/plan.js'
import type { Unit } from '../src/types.js'
import { makeRepo } from './helpers/git-repo.js'
import { planOptionsFor } from './helpers/plan-options.js'

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

describe('dependencyEdges from declared includes (the file may not exist yet)', () => {
  /** A Python unit of a project rooted at `root`, its code in `<root>/src/`. */
  const pyUnit = (basename: string, root = '.'): Unit => {
    const at = (p: string): string => (root === '.' ? p : `${root}/${p}`)
    return {
      ...unit(basename),
      paths: {
        prompt: at(`prompts/${basename}_python.prompt`),
        code: at(`src/${basename}.py`),
        example: at(`examples/${basename}_example.py`),
        test: at(`tests/test_${basename}.py`)
      },
      projectRoot: root
    }
  }
  /** `u` with includes resolved from its prompt text as discovery resolves them (`existing` files exist). */
  const withPrompt = (u: Unit, text: string, existing: string[]): Unit => {
    const io = { text, promptPath: u.paths.prompt, root: u.projectRoot }
    const { includes } = resolveIncludes({ ...io, exists: p => existing.includes(p) })
    const pending = declaredIncludeTargets(io).filter(t => !includes.includes(t))
    return { ...u, includes, ...(pending.length > 0 ? { pendingIncludes: pending } : {}) }
  }
  it.each([
    ['missing file that is another unit code path', '<include>src/calc.py</include>', [], ['calc_python']],
    ['existing file, as before', '<include>src/calc.py</include>', ['src/calc.py'], ['calc_python']],
    ['missing example of another unit', '<include>examples/calc_example.py</include>', [], ['calc_python']],
    ['path nobody generates', '<include>src/other.py</include>', [], []],
    ['existing plain file', '<include>docs/x.md</include>', ['docs/x.md'], []],
    ['relative to the prompt directory', '<include>../src/calc.py</include>', [], ['calc_python']],
    ['path attribute, self-closing', '<include path="src/calc.py" select="def:add"/>', [], ['calc_python']],
    ['include-many item', '<include-many>docs/x.md,\n src/calc.py</include-many>', [], ['calc_python']],
    ['backtick form', 'see ```<src/calc.py>```', [], ['calc_python']],
    ['own code (missing): no self edge', '<include>src/report.py</include>', [], []],
    ['own code (existing): no self edge', '<include>src/report.py</include>', ['src/report.py'], []],
    ['absolute path: no edge', '<include>/src/calc.py</include>', [], []]
  ])('%s', (_name, text, existing, deps) => {
    const units = [withPrompt(pyUnit('report'), text, existing), pyUnit('calc')]
    expect(dependencyEdges(units).get('report_python')).toEqual(deps)
  })

  it.each([
    ['root form resolves against the project root', '<include>src/calc.py</include>'],
    ['relative form resolves against the prompt directory', '<include>../src/calc.py</include>'],
    ['repository form resolves against the CWD', '<include>svc/src/calc.py</include>']
  ])('subproject: %s', (_name, text) => {
    const units = [withPrompt(pyUnit('report', 'svc'), text, []), pyUnit('calc', 'svc')]
    expect(dependencyEdges(units).get('report_python')).toEqual(['calc_python'])
  })
})

describe('planRepository orders a unit after the unit generating the file it includes', () => {
  const quiet = new ConsoleReporter(() => undefined)
  it.each([
    ['not generated yet', {}],
    ['already generated', { 'src/calc.py': 'def add(a, b):\n    return a + b\n' }]
  ])('%s', async (_name, extra) => {
    const repo = makeRepo({
      '.pddrc': 'contexts:\n  default:\n    defaults:\n      generate_output_path: src/\n',
      'prompts/calc_python.prompt': 'Write calc with add(a, b).\n',
      'prompts/report_python.prompt': 'Report sums using:\n<include>src/calc.py</include>\n',
      // Sorts first by id: only the edge (to report's code, never generated here) puts it last.
      'prompts/analysis_python.prompt': 'Analyse reports:\n<include>../src/report.py</include>\n',
      ...extra
    })
    const { plan } = await planRepository(planOptionsFor(repo.dir, { notesRef: null }), quiet)
    const byId = new Map(plan.units.map(u => [u.id, u]))
    expect(byId.get('report_python')?.paths.code).toBe('src/report.py')
    expect(byId.get('report_python')?.dependsOn).toEqual(['calc_python'])
    expect(byId.get('analysis_python')?.dependsOn).toEqual(['report_python'])
    expect(byId.get('calc_python')?.dependsOn).toEqual([])
    expect(plan.units.map(u => u.id)).toEqual(['calc_python', 'report_python', 'analysis_python'])
    expect(plan.cycles).toEqual([])
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
