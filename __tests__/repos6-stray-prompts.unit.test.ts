/**
 * Prompt files outside every prompt root. `construct_paths` makes the CWD the prompts directory when
 * `<CWD>/<basename>_*.prompt` exists and nothing configures `prompts_dir`, so `pdd sync src/types/shapes` reaches
 * `src/types/shapes_python.prompt` wherever it lies below the CWD. Real repositories keep prompts beside their code
 * this way and name them in architecture.json; discovery used to look only in the prompt roots and at the top of
 * the CWD, and dropped them. Only the ones architecture.json names are planned: a repository's test fixtures are
 * reachable the same way but are not its units (pdd-cli's own repository keeps ~65 under tests/fixtures/). The
 * live check against pdd-cli is the "prompt files outside every prompt root" world of paths.pdd.test.ts.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { discoverUnits } from '../src/discover/discover.js'

const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'repos6-stray-')))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))
let seq = 0

function project(files: Record<string, string>): string {
  const dir = path.join(tmp, `p${seq++}`)
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    fs.writeFileSync(path.join(dir, rel), text)
  }
  return dir
}

const P = 'Prompt.\n'
const RC_OUTPUTS =
  'contexts:\n  default:\n    defaults:\n      generate_output_path: src/\n      test_output_path: tests/\n'
const RC_PROMPTS_DIR = 'contexts:\n  default:\n    defaults:\n      prompts_dir: prompts\n'

interface Row {
  name: string
  files: Record<string, string>
  /** unit id → [basename, prompt, code] */
  units: Record<string, [string, string, string]>
  /** Paths listed as skipped. */
  skipped?: string[]
}

const ROWS: Row[] = [
  {
    name: 'a .pddrc without prompts_dir: a prompt beside its code is reached by its CWD-relative path',
    files: {
      '.pddrc': RC_OUTPUTS,
      'prompts/core_python.prompt': P,
      'lib/types/shapes_python.prompt': P,
      'architecture.json': JSON.stringify([
        { filename: 'lib/types/shapes_python.prompt', filepath: 'lib/types/shapes.py' }
      ])
    },
    units: {
      core_python: ['core', 'prompts/core_python.prompt', 'src/core.py'],
      'lib/types/shapes_python': ['lib/types/shapes', 'lib/types/shapes_python.prompt', 'lib/types/shapes.py']
    }
  },
  {
    name: 'no .pddrc: a prompt two folders down, named in architecture.json',
    files: {
      'tools/gen/emit_go.prompt': P,
      'architecture.json': JSON.stringify({ modules: [{ filename: 'tools/gen/emit_go.prompt' }] })
    },
    units: { 'tools/gen/emit_go': ['tools/gen/emit', 'tools/gen/emit_go.prompt', 'tools/gen/emit.go'] }
  },
  {
    name: 'a prompt outside the roots that architecture.json does not name (a test fixture) is not planned',
    files: {
      '.pddrc': RC_OUTPUTS,
      'prompts/core_python.prompt': P,
      'tests/fixtures/sample_python.prompt': P,
      'architecture.json': JSON.stringify([{ filename: 'core_python.prompt', filepath: 'src/core.py' }])
    },
    units: { core_python: ['core', 'prompts/core_python.prompt', 'src/core.py'] }
  },
  {
    name: 'prompts_dir configured: the CWD is not searched, so the named stray prompt is listed as unreachable',
    files: {
      '.pddrc': RC_PROMPTS_DIR,
      'prompts/a_python.prompt': P,
      'lib/x_python.prompt': P,
      'architecture.json': JSON.stringify([{ filename: 'lib/x_python.prompt', filepath: 'lib/x.py' }])
    },
    units: { a_python: ['a', 'prompts/a_python.prompt', 'a.py'] },
    skipped: ['lib/x_python.prompt']
  },
  {
    name: 'an include fragment outside the roots is neither a unit nor a warning',
    files: {
      'prompts/a_python.prompt': 'A.\n<include>context/preamble.prompt</include>\n',
      'context/preamble.prompt': 'Be brief.\n',
      'context/runtime_LLM.prompt': 'Runtime.\n',
      'architecture.json': JSON.stringify([
        { filename: 'context/preamble.prompt' },
        { filename: 'context/runtime_LLM.prompt' }
      ])
    },
    units: { a_python: ['a', 'prompts/a_python.prompt', 'a.py'] }
  },
  {
    name: 'installed packages, git internals and paths leaving the project are not looked at',
    files: {
      'prompts/a_python.prompt': P,
      'node_modules/pkg/extra_python.prompt': P,
      'web/node_modules/pkg/more_python.prompt': P,
      '.git/info/x_python.prompt': P,
      '../outside_python.prompt': P,
      'architecture.json': JSON.stringify([
        { filename: 'node_modules/pkg/extra_python.prompt' },
        { filename: 'web/node_modules/pkg/more_python.prompt' },
        { filename: '.git/info/x_python.prompt' },
        { filename: '../outside_python.prompt' },
        { filename: '/etc/abs_python.prompt' }
      ])
    },
    units: { a_python: ['a', 'prompts/a_python.prompt', 'a.py'] }
  }
]

it.each(ROWS.map(r => [r.name, r] as const))('%s', async (_name, row) => {
  const r = await discoverUnits({ repoRoot: project(row.files), env: {} })
  expect(r.problems).toEqual([])
  const got = Object.fromEntries(
    r.units.map(u => [u.id, [u.basename, u.paths.prompt, u.paths.code] as [string, string, string]])
  )
  expect(got).toEqual(row.units)
  expect(r.skipped.map(s => s.path)).toEqual(row.skipped ?? [])
})

it('a re-plan of named prompts (onlyPrompts) finds a stray prompt as the full discovery does, without the others', async () => {
  const dir = project({
    '.pddrc': RC_OUTPUTS,
    'prompts/core_python.prompt': P,
    'lib/types/shapes_python.prompt': P,
    'tools/other_python.prompt': P,
    'architecture.json': JSON.stringify([
      { filename: 'lib/types/shapes_python.prompt' },
      { filename: 'tools/other_python.prompt' }
    ])
  })
  const full = await discoverUnits({ repoRoot: dir, env: {} })
  const only = await discoverUnits({
    repoRoot: dir,
    env: {},
    onlyPrompts: new Set(['lib/types/shapes_python.prompt'])
  })
  expect(full.units.map(u => u.id)).toEqual(['core_python', 'lib/types/shapes_python', 'tools/other_python'])
  expect(only.units).toEqual(full.units.filter(u => u.id === 'lib/types/shapes_python'))
})
