import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  detectContextForCwd,
  detectContextForFile,
  detectContextFromBasename,
  extractPrefixFromPromptsDir,
  getRelativeBasename,
  patternBase,
  relativeBasenameForContext
} from '../src/discover/pddrc/contexts.js'
import {
  parsePddrc,
  PddrcError,
  syncDefaults,
  validateContextOverride,
  type PddrcConfig
} from '../src/discover/pddrc/config.js'
import { Project } from '../src/discover/project.js'
import { loadYaml } from '../src/discover/pddrc/yaml.js'
import { FsView } from '../src/pycompat/fsview.js'

const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pddrc-unit-')))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))
// Cases parse at collection time: the package is loaded first (src/discover/pddrc/yaml.ts).
await loadYaml()

const FILE = '/repo/.pddrc'
const parse = (text: string): PddrcConfig => parsePddrc(text, FILE).config

describe('parsePddrc: validation as _load_pddrc_config', () => {
  it.each([
    ['empty file', '', 'Invalid .pddrc format: expected dictionary at root level'],
    ['a list at the root', '- a\n- b\n', 'expected dictionary at root level'],
    ['no contexts', 'version: "1.0"\n', "missing 'contexts' section"],
    ['contexts not a mapping', 'contexts: [a, b]\n', "'contexts' must be a mapping"],
    ['a context without settings', 'contexts:\n  default:\n', "context 'default' must be a mapping"],
    ['paths not a list', 'contexts:\n  a:\n    paths: "src/**"\n', 'contexts.a.paths must be a list'],
    [
      'defaults not a mapping',
      'contexts:\n  a:\n    defaults: [x]\n',
      'contexts.a.defaults must be a mapping'
    ],
    ['two documents', 'contexts: {}\n---\ncontexts: {}\n', 'YAML syntax error'],
    [
      'python tags are rejected like safe_load',
      'contexts: !!python/object:os.system {}\n',
      'YAML syntax error'
    ]
  ])('%s → PddrcError', (_name, text, message) => {
    expect(() => parsePddrc(text, FILE)).toThrow(PddrcError)
    expect(() => parsePddrc(text, FILE)).toThrow(message)
  })

  it.each([
    [
      'bad indentation',
      'contexts:\n  a:\n    paths: [x\n  b: 1\n',
      /\/repo\/\.pddrc:\d+:\d+: YAML syntax error/
    ],
    ['tab indentation', 'contexts:\n\tdefault: {}\n', /\/repo\/\.pddrc:2:1: YAML syntax error/]
  ])('%s: the message names the file and line:column', (_name, text, pattern) => {
    let err: unknown
    try {
      parsePddrc(text, FILE)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(PddrcError)
    expect((err as PddrcError).message).toMatch(pattern)
    expect((err as PddrcError).line).toBeGreaterThan(0)
  })

  it.each([
    ['root', 'colour: red\ncontexts: {}\n', "unknown key 'colour' at path 'colour'"],
    ['context', 'contexts:\n  a:\n    path: [x]\n', "unknown key 'path' at path 'contexts.a.path'"],
    [
      'defaults',
      'contexts:\n  a:\n    defaults:\n      budgett: 1\n',
      "at path 'contexts.a.defaults.budgett'"
    ],
    ['ci', 'contexts: {}\nci:\n  retries: 2\n', "at path 'ci.retries'"],
    ['checkup', 'contexts: {}\ncheckup:\n  gate: x\n', "at path 'checkup.gate'"]
  ])('unknown %s keys are warnings, not errors', (_name, text, warning) => {
    const { warnings } = parsePddrc(text, FILE)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain(warning)
  })

  it.each([
    ['yes is a boolean (YAML 1.1 like PyYAML)', 'compressed_context: yes', true],
    ['off is a boolean', 'compressed_context: off', false],
    ['y is a string in PyYAML', 'compressed_context: y', 'y'],
    ['octal 010 is 8', 'max_attempts: 010', 8],
    ['floats stay floats', 'budget: 10.0', 10]
  ])('scalars: %s', (_name, line, value) => {
    const key = line.split(':')[0] as string
    const config = parse(`contexts:\n  a:\n    defaults:\n      ${line}\n`)
    expect(config.contexts[0]?.defaults[key]).toEqual(value)
  })

  it('keeps context order and lets a duplicate key win last (PyYAML)', () => {
    const config = parse(
      'contexts:\n  zeta: {}\n  2024: {}\n  alpha: {defaults: {budget: 1}}\n  alpha: {defaults: {budget: 2}}\n'
    )
    expect(config.contexts.map(c => c.name)).toEqual(['zeta', '2024', 'alpha'])
    expect(config.contexts[2]?.defaults.budget).toBe(2)
  })
})

describe('Project.findPddrc and Project.loadPddrc (real directories)', () => {
  const root = path.join(tmp, 'find')
  fs.mkdirSync(path.join(root, 'a', 'b', '.pddrc'), { recursive: true })
  fs.writeFileSync(path.join(root, '.pddrc'), 'contexts: {}\n')
  fs.mkdirSync(path.join(root, 'sub', 'deep'), { recursive: true })
  fs.writeFileSync(path.join(root, 'sub', '.pddrc'), 'contexts:\n  x: {}\n')
  fs.writeFileSync(path.join(root, 'sub', 'bad.yml'), 'contexts: [\n')
  fs.writeFileSync(path.join(tmp, '.pddrc'), 'contexts: {}\n')
  fs.mkdirSync(path.join(tmp, 'outside', 'deep'), { recursive: true })
  // A fresh project per question: `Project` caches every answer for the run.
  const project = (): Project => new Project(new FsView(root), root, {}, null)

  it.each([
    ['in the start directory', '.', '.pddrc'],
    ['nearest ancestor wins', 'sub/deep', 'sub/.pddrc'],
    ['a directory named .pddrc is not a file', 'a/b', '.pddrc']
  ])('%s', (_name, start, found) => {
    expect(project().findPddrc(path.join(root, start))).toBe(path.join(root, found))
  })

  // PDD's `_find_pddrc_file` (construct_paths.py) climbs to `/`. The planner stops at the repository root, where
  // `pdd` runs, so that a checkout plans the same on any machine: a `.pddrc` above the checkout is not read.
  it('stops at the repository root even if an ancestor has one (PDD would climb on)', () => {
    fs.rmSync(path.join(root, '.pddrc'))
    try {
      expect(project().findPddrc(path.join(root, 'a', 'b'))).toBeNull()
    } finally {
      fs.writeFileSync(path.join(root, '.pddrc'), 'contexts: {}\n')
    }
  })

  it('climbs to `/` from a start outside the repository, as PDD does', () => {
    expect(project().findPddrc(path.join(tmp, 'outside', 'deep'))).toBe(path.join(tmp, '.pddrc'))
  })

  it('loadPddrc reports unreadable and malformed files as PddrcError naming the file', () => {
    const p = project()
    const missing = p.loadPddrc(path.join(root, 'missing', '.pddrc'))
    expect(missing.config).toBeNull()
    expect(missing.error).toBeInstanceOf(PddrcError)
    expect(missing.error?.message).toMatch(/missing\/\.pddrc: cannot read/)
    expect(p.loadPddrc(path.join(root, 'sub', 'bad.yml')).error?.message).toMatch(
      /bad\.yml:\d+:\d+: YAML syntax/
    )
    expect(p.loadPddrc(path.join(root, 'sub', '.pddrc')).config?.contexts.map(c => c.name)).toEqual(['x'])
    expect(p.configAt(path.join(root, 'sub', 'deep'))?.file).toBe(path.join(root, 'sub', '.pddrc'))
  })
})

const CONFIG = parse(`contexts:
  backend:
    paths: ["backend/**", "services/*.py"]
    defaults:
      prompts_dir: prompts/backend
  backend_utils:
    paths: ["backend/utils/**"]
    defaults:
      prompts_dir: prompts/backend/utils
  frontend:
    paths: ["frontend/**"]
    defaults:
      prompts_dir: prompts/frontend
  ext:
    defaults:
      prompts_dir: extensions/app/prompts
  default:
    defaults: {}
`)

describe('context detection', () => {
  it.each([
    ['most specific prompts_dir', 'prompts/backend/utils/x_python.prompt', 'backend_utils'],
    ['prompts_dir prefix', 'prompts/backend/x_python.prompt', 'backend'],
    ['paths glob when no prompts_dir matches', 'frontend/app/page.tsx', 'frontend'],
    ['most specific glob', 'backend/utils/deep/x.py', 'backend_utils'],
    ['unprefixed startswith, as in PDD', 'frontendish/x.py', 'frontend'],
    ['fnmatch * crosses /', 'services/a/b.py', 'backend'],
    ['nothing matches → default', 'docs/readme.md', 'default']
  ])('detectContextForFile: %s', (_name, rel, ctx) => {
    expect(detectContextForFile(rel, CONFIG)).toBe(ctx)
  })

  it.each([
    ['prompts_dir prefix after the prompts segment', 'backend/api', 'backend_utils', false],
    ['longest prefix', 'backend/utils/x', 'backend_utils', false],
    ['paths glob base', 'frontend/page', 'frontend', false],
    ['a bare name matches nothing', 'calc', null, false],
    ['nested …/prompts probed on disk', 'widget', 'ext', true]
  ])('detectContextFromBasename: %s', (_name, basename, ctx, onDisk) => {
    // backend/api: prompts_dir prefix "backend" (len 7) and paths base "backend" (len 7) tie; prompts_dir is listed first.
    const expected = basename === 'backend/api' ? 'backend' : ctx
    expect(detectContextFromBasename(basename, CONFIG, () => onDisk)).toBe(expected)
  })

  it.each([
    ['first context whose glob matches the absolute CWD', '/work/frontend', 'frontend'],
    ['"*/" + glob', '/home/u/backend/utils', 'backend'],
    ['default when nothing matches', '/home/u/project', 'default']
  ])('detectContextForCwd: %s', (_name, cwd, ctx) => {
    expect(detectContextForCwd(cwd, CONFIG)).toBe(ctx)
  })

  it('returns null when nothing matches and there is no default context', () => {
    expect(detectContextForFile('x.py', parse('contexts:\n  a:\n    paths: ["a/**"]\n'))).toBeNull()
  })
})

describe('basename helpers', () => {
  it.each([
    ['src/**', 'src'],
    ['src/*', 'src'],
    ['src/**/', 'src'],
    ['**', ''],
    ['a*b/**', 'a*b']
  ])('patternBase(%s) strips trailing / and * characters', (pattern, base) => {
    expect(patternBase(pattern)).toBe(base)
  })

  it.each([
    ['prompts', ''],
    ['prompts/frontend', 'frontend'],
    ['extensions/app/prompts/frontend/', 'frontend'],
    ['specs/backend', 'specs/backend']
  ])('extractPrefixFromPromptsDir(%s)', (dir, prefix) => {
    expect(extractPrefixFromPromptsDir(dir)).toBe(prefix)
  })

  it.each([
    ['frontend/components/marketplace/AssetCard', 'frontend/components/**', 'marketplace/AssetCard'],
    ['backend/utils', 'backend/utils/**', 'utils'],
    ['unknown/path', 'other/**', 'unknown/path']
  ])('getRelativeBasename(%s, %s)', (input, pattern, out) => {
    expect(getRelativeBasename(input, pattern)).toBe(out)
  })

  it.each([
    ['prompts_dir prefix stripped', 'backend/utils/x', 'backend_utils', 'x'],
    ['paths base stripped', 'frontend/a/b', 'frontend', 'a/b'],
    ['no match keeps the basename', 'calc', 'backend', 'calc'],
    ['no context keeps the basename', 'backend/x', undefined, 'backend/x']
  ])('relativeBasenameForContext: %s', (_name, basename, ctxName, out) => {
    const ctx = CONFIG.contexts.find(c => c.name === ctxName)
    expect(relativeBasenameForContext(basename, ctx, 'prompts-first')).toBe(out)
  })

  it('breaks ties by listing order, which differs between PDD’s two ports', () => {
    const tie = parse(
      'contexts:\n  c:\n    paths: ["api/**"]\n    defaults:\n      prompts_dir: prompts/api\n'
    ).contexts[0]
    // Both rules match with length 3: paths → "x/y" relative to "api", prompts prefix → "x/y" as well …
    expect(relativeBasenameForContext('api/x/y', tie, 'prompts-first')).toBe('x/y')
    // … and for the exact prefix they differ: paths gives the leaf of "api", prompts gives "api".
    expect(relativeBasenameForContext('api', tie, 'paths-first')).toBe('api')
    expect(relativeBasenameForContext('api', tie, 'prompts-first')).toBe('api')
  })
})

describe('--context validation and sync defaults', () => {
  it.each([
    ['a defined context', 'frontend', CONFIG, null],
    ['default without a .pddrc', 'default', null, null],
    [
      'an unknown context names it and the file',
      'mobile',
      CONFIG,
      "Unknown context 'mobile' (contexts in /repo/.pddrc: backend, backend_utils, default, ext, frontend)"
    ],
    [
      'anything but default without a .pddrc',
      'backend',
      null,
      `Unknown context 'backend' (no .pddrc was found, so only "default" exists: default)`
    ]
  ])('%s', (_name, name, config, error) => {
    expect(validateContextOverride(name, config)).toBe(error)
  })

  it.each([
    [
      'numbers are taken',
      { budget: 7.5, max_attempts: 2, target_coverage: 80, strength: 0.5, temperature: 0.1 },
      { budget: 7.5, maxAttempts: 2, targetCoverage: 80, strength: 0.5, temperature: 0.1 }
    ],
    ['falsy values fall through like `or DEFAULT`', { budget: 0, max_attempts: 0 }, {}],
    ['strings are ignored', { budget: '5' }, {}]
  ])('syncDefaults: %s', (_name, defaults, out) => {
    expect(syncDefaults(defaults)).toEqual(out)
  })
})
