import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { discoverUnits, simulatePddSync, type DiscoverResult } from '../src/discover/discover.js'

const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'discover-unit-')))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))
let seq = 0

function project(files: Record<string, string>): string {
  const dir = path.join(tmp, `p${seq++}`)
  fs.mkdirSync(dir, { recursive: true })
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    if (rel.endsWith('/')) fs.mkdirSync(path.join(dir, rel), { recursive: true })
    else fs.writeFileSync(path.join(dir, rel), text)
  }
  return dir
}

async function discover(
  files: Record<string, string>,
  opts: { env?: Record<string, string>; context?: string } = {}
): Promise<DiscoverResult> {
  return discoverUnits({
    repoRoot: project(files),
    env: opts.env ?? {},
    ...(opts.context === undefined ? {} : { context: opts.context })
  })
}

const ids = (r: DiscoverResult): string[] => r.units.map(u => u.id)
const P = 'Prompt.\n'
const RC_PROMPTS = 'contexts:\n  default:\n    defaults:\n      prompts_dir: prompts\n'

describe('which prompts become units, and under which basename', () => {
  it.each<[string, Record<string, string>, Record<string, string>, string[]]>([
    ['no prompts at all', { 'README.md': 'x' }, {}, []],
    ['flat prompts', { 'prompts/a_python.prompt': P, 'prompts/b_go.prompt': P }, {}, ['a_python', 'b_go']],
    [
      'nested without .pddrc: `pdd sync core/cloud` finds nothing, `cloud` works',
      { 'prompts/core/cloud_python.prompt': P },
      {},
      ['cloud_python']
    ],
    [
      'nested with prompts_dir: path-qualified basename',
      { '.pddrc': RC_PROMPTS, 'prompts/core/cloud_python.prompt': P },
      {},
      ['core/cloud_python']
    ],
    [
      'language suffix is case-insensitive; the id is lower-case',
      { 'prompts/Calc_Python.prompt': P },
      {},
      ['Calc_python']
    ],
    ['non-ASCII names are plain data', { 'prompts/café_python.prompt': P }, {}, ['café_python']],
    ['prompts at the top of the CWD', { 'calc_python.prompt': P }, {}, ['calc_python']],
    ['PDD_PROMPTS_DIR', { 'specs/calc_python.prompt': P }, { PDD_PROMPTS_DIR: 'specs' }, ['calc_python']],
    [
      'aliases such as tsx and c++ are languages',
      { 'prompts/a_tsx.prompt': P, 'prompts/b_c++.prompt': P },
      {},
      ['a_tsx', 'b_c++']
    ],
    [
      'several languages of one basename',
      { 'prompts/m_python.prompt': P, 'prompts/m_typescript.prompt': P },
      {},
      ['m_python', 'm_typescript']
    ],
    // `pdd sync x` would pick one by directory order; `prompts/a/x` works because the CWD glob matches it.
    [
      'same leaf in two folders without .pddrc',
      { 'prompts/a/x_go.prompt': P, 'prompts/b/x_go.prompt': P },
      {},
      ['prompts/a/x_go', 'prompts/b/x_go']
    ],
    [
      'same leaf in two folders with prompts_dir',
      { '.pddrc': RC_PROMPTS, 'prompts/a/x_go.prompt': P, 'prompts/b/x_go.prompt': P },
      {},
      ['a/x_go', 'b/x_go']
    ]
  ])('%s', async (_name, files, env, want) => {
    const r = await discover(files, { env })
    expect(r.problems).toEqual([])
    expect(ids(r)).toEqual(want)
  })

  it.each<[string, Record<string, string>, string, RegExp]>([
    [
      'runtime _LLM prompts',
      { 'prompts/helper_LLM.prompt': P },
      'prompts/helper_LLM.prompt',
      /runtime LLM prompt/
    ],
    [
      'unknown language suffix',
      { 'prompts/notes_draft.prompt': P },
      'prompts/notes_draft.prompt',
      /unknown language suffix 'draft'/
    ],
    ['no suffix at all', { 'prompts/notes.prompt': P }, 'prompts/notes.prompt', /no _<language> suffix/],
    [
      'a space in the name: pdd sync rejects the basename',
      { 'prompts/my calc_python.prompt': P },
      'prompts/my calc_python.prompt',
      /dangerous character ' '/
    ],
    [
      'quotes and $ are plain data too',
      { "prompts/it's$_python.prompt": P },
      "prompts/it's$_python.prompt",
      /dangerous character/
    ],
    [
      'a directory named like a prompt',
      { 'prompts/dir_python.prompt/': '' },
      'prompts/dir_python.prompt',
      /not a regular file/
    ],
    [
      'same name and language differing only in case',
      { 'prompts/x_python.prompt': P, 'prompts/x_Python.prompt': P },
      'prompts/x_Python.prompt',
      /picks one by directory order/
    ],
    [
      'unreachable with the --context in force',
      {
        '.pddrc': 'contexts:\n  be:\n    defaults: {prompts_dir: prompts/be}\n',
        'prompts/x_go.prompt': P,
        'prompts/be/y_go.prompt': P
      },
      'prompts/x_go.prompt',
      /not reachable/
    ]
  ])('skipped with a reason: %s', async (_name, files, file, reason) => {
    const r = await discover(
      files,
      file.includes('x_go') && files['.pddrc'] !== undefined ? { context: 'be' } : {}
    )
    const s = r.skipped.find(x => x.path === file)
    expect(s?.reason).toMatch(reason)
    expect(ids(r)).not.toContain(path.basename(file, '.prompt').toLowerCase())
  })
})

const CONTEXTS_RC = [
  'contexts:',
  '  be:',
  '    paths: ["prompts/be/**"]',
  '    defaults:',
  '      prompts_dir: "prompts/be"',
  '      outputs:',
  '        code: {path: "src/be/{dir_prefix}{name}.{ext}"}',
  '        test: {path: "tests/be/{dir_prefix}test_{name}.{ext}"}',
  '  default:',
  '    defaults: {}',
  ''
].join('\n')

describe('onlyPrompts (the executor re-plans one group)', () => {
  it.each<[string, Record<string, string>, Record<string, string>]>([
    ['flat prompts', { 'prompts/a_python.prompt': P, 'prompts/b_go.prompt': P, 'b.go': 'x' }, {}],
    ['same leaf in two folders', { 'prompts/a/x_go.prompt': P, 'prompts/b/x_go.prompt': P }, {}],
    [
      'prompts_dir, nested basenames',
      { '.pddrc': RC_PROMPTS, 'prompts/a/x_go.prompt': P, 'prompts/core/cloud_python.prompt': P },
      {}
    ],
    [
      'contexts with outputs templates and nested basenames',
      {
        '.pddrc': CONTEXTS_RC,
        'prompts/be/pkg/m_python.prompt': P,
        'prompts/be/n_python.prompt': P,
        'src/be/pkg/m.py': 'x',
        'prompts/o_python.prompt': P
      },
      {}
    ],
    [
      'includes of another unit, present and not yet generated',
      {
        'prompts/a_python.prompt': '<include>b.py</include>\n<include>c.py</include>\n',
        'prompts/b_python.prompt': P,
        'prompts/c_python.prompt': P,
        'b.py': 'x'
      },
      {}
    ],
    [
      'PDD_PROMPTS_DIR',
      { 'specs/calc_python.prompt': P, 'specs/d_go.prompt': P, 'calc.py': 'x' },
      { PDD_PROMPTS_DIR: 'specs' }
    ]
  ])('each unit alone is the unit of a full run (but cross-unit links): %s', async (_n, files, env) => {
    const repoRoot = project(files)
    const full = await discoverUnits({ repoRoot, env })
    expect(full.problems).toEqual([])
    expect(full.units.length).toBeGreaterThan(1)
    for (const u of full.units) {
      const one = await discoverUnits({ repoRoot, env, onlyPrompts: new Set([u.paths.prompt]) })
      const { pendingIncludes, ...want } = u
      expect(one.units).toEqual([want])
      if (pendingIncludes !== undefined) expect(pendingIncludes).toEqual(['c.py'])
    }
    const both = new Set(full.units.slice(0, 2).map(u => u.paths.prompt))
    expect((await discoverUnits({ repoRoot, env, onlyPrompts: both })).units.map(u => u.id)).toEqual(
      full.units.slice(0, 2).map(u => u.id)
    )
  })
})

describe('unit fields', () => {
  it('fills every field, repository-relative with /', async () => {
    const r = await discover({
      '.pddrc': `contexts:
  backend:
    defaults:
      prompts_dir: prompts/backend
      generate_output_path: backend/
      budget: 4
      target_coverage: 75
  default:
    defaults: {}
`,
      'prompts/backend/api_python.prompt':
        'API\n<include>docs/api.md</include>\n<include>missing.md</include>\n',
      'docs/api.md': 'spec'
    })
    expect(r.units).toEqual([
      {
        id: 'api_python',
        basename: 'api',
        language: 'python',
        context: 'backend',
        paths: {
          prompt: 'prompts/backend/api_python.prompt',
          code: 'backend/api.py',
          example: 'examples/api_example.py',
          test: 'test_api.py'
        },
        projectRoot: '.',
        metaDir: '.pdd/meta',
        testFiles: ['test_api.py'],
        includes: ['docs/api.md'],
        defaults: { budget: 4, targetCoverage: 75 }
      }
    ])
  })

  it('a subproject .pddrc below the CWD owns the metadata directory', async () => {
    const r = await discover({
      '.pddrc': 'contexts:\n  svc:\n    defaults:\n      prompts_dir: svc/prompts\n',
      'svc/.pddrc': 'contexts:\n  svc:\n    defaults:\n      generate_output_path: src/\n',
      'svc/prompts/q_python.prompt': P
    })
    expect(r.units[0]).toMatchObject({
      id: 'q_python',
      projectRoot: 'svc',
      metaDir: 'svc/.pdd/meta',
      paths: { code: 'svc/src/q.py' }
    })
  })

  it('sorts units by id and ids are unique', async () => {
    const r = await discover({
      'prompts/b_python.prompt': P,
      'prompts/a_python.prompt': P,
      'prompts/A_go.prompt': P,
      'prompts/a_go.prompt': P
    })
    expect(ids(r)).toEqual(['A_go', 'a_go', 'a_python', 'b_python'])
  })

  it('a JS runner whose discovery is customised leaves the test path for review', async () => {
    const r = await discover({
      'prompts/w_typescript.prompt': P,
      'jest.config.js': 'module.exports = { testMatch: ["**/qa/**"] }\n'
    })
    expect(r.units[0]?.paths.test).toBe('')
    expect(r.units[0]?.testOutputNeedsReview).toMatch(/needs review/)
  })
})

describe('bad input is a problem naming the file; discovery goes on', () => {
  it('a malformed .pddrc (line:column), with PDD’s default settings for the units', async () => {
    const r = await discover({ '.pddrc': 'contexts:\n  a: [\n', 'prompts/x_python.prompt': P })
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]?.file).toBe('.pddrc')
    expect(r.problems[0]?.message).toMatch(/^\.pddrc:\d+:\d+: YAML syntax error/)
    expect(ids(r)).toEqual(['x_python'])
  })

  it.each([
    [
      'an unknown --context names the context and the .pddrc',
      { '.pddrc': RC_PROMPTS, 'prompts/x_python.prompt': P },
      'mobile',
      /Unknown context 'mobile' \(contexts in \.pddrc: default\)/
    ],
    ['--context without a .pddrc', { 'prompts/x_python.prompt': P }, 'web', /Unknown context 'web'/]
  ])('%s', async (_name, files, context, message) => {
    const r = await discover(files, { context })
    expect(r.units).toEqual([])
    expect(r.problems[0]?.message).toMatch(message)
  })

  it('an escaping output path refuses that unit only', async () => {
    const r = await discover({
      '.pddrc':
        'contexts:\n  bad:\n    defaults:\n      prompts_dir: prompts/bad\n      generate_output_path: /etc/\n  default:\n    defaults: {}\n',
      'prompts/bad/x_python.prompt': P,
      'prompts/ok_python.prompt': P
    })
    // The unsafe value makes PDD refuse every unit under this .pddrc, as `_reject_unsafe_pddrc_output_config` does.
    expect(r.problems.map(p => p.units)).toEqual([['ok_python'], ['x_python']])
    expect(r.problems[0]?.file).toBe('.pddrc')
    expect(r.problems[0]?.message).toContain("'/etc/'")
  })

  it('an include PDD cannot hash refuses that unit', async () => {
    const r = await discover({
      'prompts/x_python.prompt': '<include>/etc/hosts</include>\n',
      'prompts/y_python.prompt': P
    })
    expect(ids(r)).toEqual(['y_python'])
    expect(r.problems[0]).toMatchObject({ file: 'prompts/x_python.prompt', units: ['x_python'] })
    expect(r.problems[0]?.message).toMatch(/absolute include path is unsafe/)
  })

  it('unknown .pddrc keys are warnings', async () => {
    const r = await discover({
      '.pddrc': 'contexts:\n  default:\n    defaults:\n      budgett: 3\n',
      'prompts/x_python.prompt': P
    })
    expect(r.warnings).toEqual([expect.stringContaining("unknown key 'budgett'")])
  })
})

describe('simulatePddSync', () => {
  it('explains what a basename reaches', async () => {
    const repoRoot = project({ 'prompts/core/cloud_python.prompt': P, 'prompts/core/cloud_go.prompt': P })
    expect(await simulatePddSync({ repoRoot, env: {} }, ['cloud', 'core/cloud'])).toEqual({
      cloud: { python: 'prompts/core/cloud_python.prompt', go: 'prompts/core/cloud_go.prompt' },
      'core/cloud': {}
    })
  })
})

describe('speed', () => {
  // Speed is measured by `npm run bench`, not asserted here; this checks that a large tree is discovered whole.
  it('discovers 5,000 prompts in 50 folders', async () => {
    const files: Record<string, string> = { '.pddrc': RC_PROMPTS }
    for (let d = 0; d < 50; d++)
      for (let i = 0; i < 100; i++)
        files[`prompts/d${d}/m${i}_${i % 3 === 0 ? 'typescript' : 'python'}.prompt`] = P
    const repoRoot = project(files)
    const r = await discoverUnits({ repoRoot, env: {} })
    expect(r.units).toHaveLength(5000)
    expect(r.problems).toEqual([])
    expect(new Set(r.units.map(u => u.id)).size).toBe(5000)
  })
})
