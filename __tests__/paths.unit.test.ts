import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { discoverUnits } from '../src/discover/discover.js'
import {
  dotted,
  extensionFor,
  languageForExtension,
  languageForSuffix,
  LANGUAGE_TABLE_SOURCE
} from '../src/discover/languages.js'
import {
  defaultFilename,
  expandTemplate,
  generateOutputPath,
  leadingOverlap,
  reanchorUnderBasenameSubdir,
  type OutputPathInput
} from '../src/discover/construct-paths/output-paths.js'

const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'paths-unit-')))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))
let seq = 0

/** A fresh project with `files` (and `links`: name → symlink target). */
function project(files: Record<string, string>, links: Record<string, string> = {}): string {
  const dir = path.join(tmp, `p${seq++}`)
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    fs.writeFileSync(path.join(dir, rel), text)
  }
  fs.mkdirSync(dir, { recursive: true })
  for (const [rel, target] of Object.entries(links)) fs.symlinkSync(target, path.join(dir, rel))
  return dir
}

interface Row {
  files: Record<string, string>
  env?: Record<string, string>
  links?: Record<string, string>
  want: { code?: string; example?: string; test?: string; testFiles?: string[]; prompt?: string }
}

const PY = { 'prompts/calc_python.prompt': 'Calc.\n' }
const RC = (defaults: string): string => `contexts:\n  default:\n    defaults:\n${defaults}`

describe('get_pdd_file_paths port: one row per rule (single prompt projects)', () => {
  it.each<[string, Row]>([
    [
      'defaults: code and test in the CWD, example in examples/',
      { files: PY, want: { code: 'calc.py', example: 'examples/calc_example.py', test: 'test_calc.py' } }
    ],
    [
      'architecture.json filepath wins for the code; examples/ and tests/ beside it',
      {
        files: { ...PY, 'architecture.json': '[{"filename":"calc_python.prompt","filepath":"lib/calc.py"}]' },
        want: { code: 'lib/calc.py', example: 'examples/calc_example.py', test: 'tests/test_calc.py' }
      }
    ],
    [
      'architecture filepath without a directory goes under generate_output_path',
      {
        files: {
          ...PY,
          '.pddrc': RC('      generate_output_path: src\n'),
          'architecture.json': '[{"filename":"calc_python.prompt","filepath":"calc.py"}]'
        },
        want: { code: 'src/calc.py' }
      }
    ],
    [
      'architecture row with a different extension is not this language’s row',
      {
        files: { ...PY, 'architecture.json': '[{"filename":"calc_python.prompt","filepath":"web/calc.ts"}]' },
        want: { code: 'calc.py' }
      }
    ],
    [
      'outputs templates (ext without dot; missing keys get defaults)',
      {
        files: { ...PY, '.pddrc': RC('      outputs:\n        code: {path: "pkg/{name}.{ext}"}\n') },
        want: { code: 'pkg/calc.py', example: 'examples/calc_example.py', test: 'tests/test_calc.py' }
      }
    ],
    [
      'generate_output_path ending in / is "files directly here"',
      { files: { ...PY, '.pddrc': RC('      generate_output_path: out/\n') }, want: { code: 'out/calc.py' } }
    ],
    [
      'generate_output_path naming an existing directory',
      {
        files: { ...PY, '.pddrc': RC('      generate_output_path: lib\n'), 'lib/.keep': '' },
        want: { code: 'lib/calc.py' }
      }
    ],
    [
      'generate_output_path naming no directory is a file path',
      { files: { ...PY, '.pddrc': RC('      generate_output_path: app.py\n') }, want: { code: 'app.py' } }
    ],
    [
      'PDD_GENERATE_OUTPUT_PATH (sync then searches lib/prompts: only `pdd sync prompts/calc` reaches the prompt)',
      {
        files: PY,
        env: { PDD_GENERATE_OUTPUT_PATH: 'lib/' },
        want: { code: 'lib/prompts/calc.py', test: 'prompts/test_calc.py' }
      }
    ],
    [
      '.pddrc beats the environment',
      {
        files: { ...PY, '.pddrc': RC('      generate_output_path: src/\n') },
        env: { PDD_GENERATE_OUTPUT_PATH: 'lib/' },
        want: { code: 'src/calc.py' }
      }
    ],
    [
      'PDD_EXAMPLE_OUTPUT_PATH',
      { files: PY, env: { PDD_EXAMPLE_OUTPUT_PATH: 'demo/' }, want: { example: 'demo/calc_example.py' } }
    ],
    [
      'co-located test adopted: tests/test_<stem>.py',
      {
        files: { ...PY, 'tests/test_calc.py': '' },
        want: { test: 'tests/test_calc.py', testFiles: ['tests/test_calc.py'] }
      }
    ],
    [
      'co-located test adopted: <stem>_test.py',
      { files: { ...PY, 'calc_test.py': '' }, want: { test: 'calc_test.py' } }
    ],
    [
      'two co-located tests: nothing adopted',
      { files: { ...PY, 'calc_test.py': '', 'tests/test_calc.py': '' }, want: { test: 'test_calc.py' } }
    ],
    [
      'a pinned test location is never overridden (.pddrc test_output_path)',
      {
        files: { ...PY, '.pddrc': RC('      test_output_path: checks/\n'), 'tests/test_calc.py': '' },
        want: { test: 'checks/test_calc.py' }
      }
    ],
    [
      'PDD_TEST_OUTPUT_PATH pins even when empty',
      {
        files: { ...PY, 'tests/test_calc.py': '' },
        env: { PDD_TEST_OUTPUT_PATH: '' },
        want: { test: 'test_calc.py' }
      }
    ],
    [
      'TypeScript co-located <stem>.test.ts adopted',
      {
        files: { 'prompts/w_typescript.prompt': 'W\n', 'w.test.ts': '' },
        want: { code: 'w.ts', test: 'w.test.ts' }
      }
    ],
    [
      'jest in package.json: first test goes to __test__/<stem>.test.ts',
      {
        files: { 'prompts/w_typescript.prompt': 'W\n', 'package.json': '{"devDependencies":{"jest":"29"}}' },
        want: { test: '__test__/w.test.ts' }
      }
    ],
    [
      'test_files: the test plus sorted <stem>*<suffix> siblings',
      {
        files: {
          ...PY,
          'test_calc.py': '',
          'test_calc_b.py': '',
          'test_calc_a.py': '',
          'test_calculator.py': ''
        },
        want: { testFiles: ['test_calc.py', 'test_calc_a.py', 'test_calc_b.py', 'test_calculator.py'] }
      }
    ],
    [
      'extension from the first CSV row (YAML → .yml)',
      { files: { 'prompts/cfg_yaml.prompt': 'C\n' }, want: { code: 'cfg.yml' } }
    ],
    [
      'Makefile has no extension',
      {
        files: { 'prompts/Build_makefile.prompt': 'B\n' },
        want: { code: 'Build', example: 'examples/Build_example' }
      }
    ]
  ])('%s', async (_name, row) => {
    const dir = project(row.files, row.links)
    const r = await discoverUnits({ repoRoot: dir, env: row.env ?? {} })
    expect(r.problems).toEqual([])
    expect(r.units).toHaveLength(1)
    const u = r.units[0]
    const got = { ...u?.paths, testFiles: u?.testFiles }
    expect(got).toMatchObject(row.want)
  })

  it.each<[string, Row & { message: RegExp }]>([
    [
      'generate_output_path with ..',
      {
        files: { ...PY, '.pddrc': RC('      generate_output_path: ../elsewhere/\n') },
        want: {},
        message: /unsafe code output path '\.\.\/elsewhere\/'.*contains '\.\.'/
      }
    ],
    [
      'absolute path outside the project',
      {
        files: { ...PY, '.pddrc': RC('      test_output_path: /tmp/x/\n') },
        want: {},
        message: /unsafe test output path '\/tmp\/x\/'.*outside the project/
      }
    ],
    [
      'a symlink hop leaving the project',
      {
        files: { ...PY, '.pddrc': RC('      generate_output_path: gen/\n') },
        links: { gen: '../elsewhere' },
        want: {},
        message: /unsafe code output path 'gen\/'.*symlink/
      }
    ],
    [
      'the code path is an existing directory',
      {
        files: { ...PY, 'calc.py/.keep': '' },
        want: {},
        message: /unsafe code output path 'calc.py': exists and is not a regular file/
      }
    ],
    [
      'an unknown template placeholder',
      {
        files: { ...PY, '.pddrc': RC('      outputs:\n        code: {path: "src/{module}.py"}\n') },
        want: {},
        message: /unexpanded template placeholder/
      }
    ],
    [
      'an outputs entry without a path',
      {
        files: { ...PY, '.pddrc': RC('      outputs:\n        code: "src/x.py"\n') },
        want: {},
        message: /outputs.code of context 'default' needs a non-empty 'path'/
      }
    ],
    [
      'a Windows device name as basename',
      { files: { 'prompts/con_python.prompt': 'x\n' }, want: {}, message: /unsafe prompt basename 'con'/ }
    ],
    [
      'ambiguous architecture rows',
      {
        files: {
          ...PY,
          'architecture.json':
            '[{"filename":"calc_python.prompt","filepath":"a/calc.py"},{"filename":"x/calc_python.prompt","filepath":"b/calc.py"}]'
        },
        want: {},
        message: /ambiguous module 'calc' \(python\) in architecture.json: a\/calc.py, b\/calc.py/
      }
    ],
    [
      'malformed architecture.json',
      {
        files: { ...PY, 'architecture.json': '{"modules": 3}' },
        want: {},
        message: /malformed architecture.json/
      }
    ]
  ])('refused, naming the path: %s', async (_name, row) => {
    const dir = project(row.files, row.links)
    const r = await discoverUnits({ repoRoot: dir, env: {} })
    expect(r.units).toEqual([])
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]?.message).toMatch(row.message)
    expect(r.problems[0]?.units).toHaveLength(1)
  })
})

describe('output path helpers', () => {
  const base: OutputPathInput = {
    command: 'sync',
    key: 'generate_output_path',
    basename: 'core/cloud',
    ext: '.py',
    contextConfig: {},
    env: {},
    cwd: '/repo',
    configBase: '/repo',
    mode: 'cwd',
    isDir: p => p === '/repo/lib'
  }
  it.each<[string, Partial<OutputPathInput>, string]>([
    ['default keeps the basename directory', {}, '/repo/core/cloud.py'],
    [
      'example default is examples/',
      { command: 'example', key: 'output' },
      '/repo/examples/core/cloud_example.py'
    ],
    ['test default is the CWD', { command: 'test', key: 'output' }, '/repo/core/test_cloud.py'],
    [
      'context dir with / drops the basename directory',
      { contextConfig: { generate_output_path: 'src/' } },
      '/repo/src/cloud.py'
    ],
    [
      'existing context dir keeps it',
      { contextConfig: { generate_output_path: 'lib' } },
      '/repo/lib/core/cloud.py'
    ],
    [
      'other context value is a file',
      { contextConfig: { generate_output_path: 'main.py' } },
      '/repo/main.py'
    ],
    [
      'env dir with / keeps the basename directory',
      { env: { PDD_GENERATE_OUTPUT_PATH: 'gen/' } },
      '/repo/gen/core/cloud.py'
    ],
    [
      'empty context value falls to the environment',
      { contextConfig: { generate_output_path: '' }, env: { PDD_GENERATE_OUTPUT_PATH: 'gen/' } },
      '/repo/gen/core/cloud.py'
    ],
    [
      'config_base mode anchors at the .pddrc directory',
      { mode: 'config_base', configBase: '/repo/sub', contextConfig: { generate_output_path: 'x/' } },
      '/repo/sub/x/cloud.py'
    ],
    ['absolute values stay absolute', { contextConfig: { generate_output_path: '/abs/' } }, '/abs/cloud.py']
  ])('generateOutputPath: %s', (_name, patch, out) => {
    expect(generateOutputPath({ ...base, ...patch })).toBe(out)
  })

  it.each([
    [
      '{category}/{name}.{ext}',
      { name: 'Btn', category: '', dir_prefix: '', ext: 'tsx', language: 'typescriptreact' },
      'Btn.tsx'
    ],
    [
      'src/{dir_prefix}{name_snake}.{ext}',
      { name: 'AssetCard', category: 'ui', dir_prefix: 'ui/', ext: 'py', language: 'python' },
      'src/ui/asset_card.py'
    ],
    [
      '{name_pascal}/{name_kebab}.{language}',
      { name: 'data_loader', category: '', dir_prefix: '', ext: '', language: 'go' },
      'DataLoader/data_loader.go'
    ],
    ['a/./b/../{name}', { name: 'x', category: '', dir_prefix: '', ext: '', language: '' }, 'a/x'],
    ['{category}', { name: 'x', category: '', dir_prefix: '', ext: '', language: '' }, '']
  ])('expandTemplate(%s)', (template, ctx, out) => {
    expect(expandTemplate(template, ctx)).toBe(out)
  })

  it.each([
    ['tail/head', ['src', 'app'], ['app', 'login'], 1],
    ['common prefix', ['frontend', 'src'], ['frontend', 'app', 'login'], 1],
    ['none', ['src'], ['core'], 0]
  ])('leadingOverlap: %s', (_name, b, s, n) => {
    expect(leadingOverlap(b, s)).toBe(n)
  })

  it.each([
    ['adds the basename directory', '/repo/src/page.tsx', 'app/login/page', '/repo/src/app/login/page.tsx'],
    [
      'no duplicate when the path already has it',
      '/repo/examples/app/login/page_example.tsx',
      'app/login/page',
      '/repo/examples/app/login/page_example.tsx'
    ],
    ['flat basenames are untouched', '/repo/src/page.tsx', 'page', '/repo/src/page.tsx']
  ])('reanchorUnderBasenameSubdir: %s', (_name, p, b, out) => {
    expect(reanchorUnderBasenameSubdir(p, b, '/repo', x => x)).toBe(out)
  })

  it.each([
    ['generate', 'generate_output_path', 'a/b', '.py', 'a/b.py'],
    ['test', 'test_output_path', 'a/b', '.ts', 'a/test_b.ts'],
    ['example', 'example_output_path', 'b', '', 'b_example']
  ] as const)('defaultFilename %s', (_n, key, b, ext, out) => {
    expect(defaultFilename('sync', key, b, ext)).toBe(out)
  })
})

describe('language table', () => {
  it('is generated from pdd-cli’s CSV', () => {
    expect(LANGUAGE_TABLE_SOURCE).toBe('pdd-cli 0.0.310 pdd/data/language_format.csv')
  })
  it.each([
    ['Python', 'py'],
    ['typescriptreact', 'tsx'],
    ['yaml', 'yml'],
    ['R', 'R'],
    ['makefile', ''],
    ['cpp', 'cpp'],
    ['c++', 'cpp'],
    ['csharp', 'cs'],
    ['c-plus-plus', 'c-plus-plus'],
    ['brainfuck', 'brainfuck']
  ])('extensionFor(%s) = %s', (lang, ext) => {
    expect(extensionFor(lang)).toBe(ext)
    expect(dotted(ext)).toBe(ext === '' ? '' : `.${ext}`)
  })
  it.each([
    ['Python', 'python'],
    ['TYPESCRIPT', 'typescript'],
    ['tsx', 'tsx'],
    ['cpp', 'cpp'],
    ['c-sharp', 'c-sharp'],
    ['LLM', 'llm'],
    ['prompt', 'prompt'],
    ['py', null],
    ['', null]
  ])('languageForSuffix(%s)', (suffix, key) => {
    expect(languageForSuffix(suffix)?.key ?? null).toBe(key)
  })
  it.each([
    ['.py', 'Python'],
    ['.sh', 'Shell'],
    ['.yaml', 'YAML'],
    ['.m', 'MATLAB'],
    ['.prompt', ''],
    ['.nope', '']
  ])('languageForExtension(%s)', (ext, name) => {
    expect(languageForExtension(ext)).toBe(name)
  })
})
