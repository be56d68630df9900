/**
 * Co-located test adoption (`sync_determine_operation._adopt_collocated_test`,
 * `content_selector.resolve_test_output_path`): when the test location is not pinned and exactly one existing
 * test sits where the project's runner looks (`test_<stem>.py`, `tests/test_<stem>.py`, `<stem>.test.ts`,
 * `__tests__/…`), sync uses it instead of the derived path. JS/TS runner-configuration parsing is approximated:
 * default jest/vitest conventions are honoured; custom discovery settings make the test path "needs review".
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Project } from './project.js'

const JS_TS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs']
const DEFAULT_COLLECTED = ['.js', '.jsx', '.ts', '.tsx']
const RUNNER_STEMS = ['jest.config', 'vitest.config']
const RUNNER_EXTS = ['', '.js', '.ts', '.mjs', '.cjs', '.mts', '.cts', '.json']
const CONFIG_FILES = ['jest.config', 'vitest.config', 'vite.config'].flatMap(s =>
  ['.js', '.ts', '.mjs', '.cjs', '.mts', '.cts'].map(e => s + e)
)
const DISCOVERY =
  /\b(?:testMatch|testRegex|testPathIgnorePatterns|roots|rootDir|root|dir|include|exclude|projects|workspace)\b/
const UNRESOLVABLE =
  /\brequire\s*\(|\bimport\b|\bpreset\b|\bextends\b|\.\.\.|=>|\bfunction\b|=\s*[A-Za-z_$][\w$.]*\s*\(|\.\w+\s*\(|\[[^\]\n]*\]\s*:|`|module\.exports\s*=\s*[A-Za-z_$]|export\s+default\s+[A-Za-z_$]/

/** The test fields of a resolved unit after adoption. */
export interface AdoptedTest {
  test: string | null
  testFiles: string[]
  /** Set when PDD selects no test path (it then syncs with tests skipped). */
  needsReview?: string
}

/** `_adopt_collocated_test` over absolute paths. `trustedRoot` is the prompt's hash root. */
export function adoptCollocatedTest(
  project: Project,
  r: { code: string; test: string; testFiles: string[]; trustedRoot: string },
  pinned: boolean
): AdoptedTest {
  const unchanged: AdoptedTest = { test: r.test, testFiles: r.testFiles }
  if (pinned) return unchanged
  const module = inRoot(project, r.code, project.cwd)
  if (module === null) return unchanged
  const adopted = resolveTestOutput(project, module, r.test)
  if (adopted === null) {
    const note =
      `test generation needs review for \`${path.basename(r.code)}\`: a configured JavaScript/TypeScript runner ` +
      'was detected, but its effective collection path could not be proven safely; no unverified test path was ' +
      'selected or written'
    return { test: null, testFiles: [], needsReview: note }
  }
  const adoptedReal = inRoot(project, adopted, r.trustedRoot)
  if (adoptedReal === null || adoptedReal === inRoot(project, r.test, r.trustedRoot)) return unchanged
  return { test: adoptedReal, testFiles: [adoptedReal] }
}

/** `resolve_test_output_path` (never pinned here). */
function resolveTestOutput(project: Project, module: string, derived: string): string | null {
  const matches = existingCandidates(project, module)
  const runner = JS_TS.includes(path.extname(module).toLowerCase()) && usesJsRunner(project, module)
  const greenfield = runner ? greenfieldPath(project, module) : null
  const derivedReal = inRoot(project, derived, project.cwd)
  if (matches.length !== 1) {
    if (matches.length > 0 || greenfield === null) return runner && greenfield === null ? null : derived
    return greenfield === derivedReal ? derived : greenfield
  }
  const sibling = matches[0] as string
  if (sibling === derivedReal) return derived
  if (!runner) return sibling
  if (greenfield !== null && defaultCandidates(module).some(c => inRoot(project, c, project.cwd) === sibling))
    return sibling
  if (greenfield !== null) return greenfield === derivedReal ? derived : greenfield
  return null
}

/** `_collocated_test_matches`: existing, distinct candidate tests for the module. */
function existingCandidates(project: Project, module: string): string[] {
  const ext = path.extname(module).toLowerCase()
  const stem = path.basename(module, path.extname(module))
  const dir = path.dirname(module)
  let raw: string[]
  if (JS_TS.includes(ext)) {
    raw = JS_TS.flatMap(e =>
      ['.test', '.spec'].flatMap(s => {
        const name = `${stem}${s}${e}`
        return [path.join(dir, name), ...['__test__', '__tests__', 'tests'].map(d => path.join(dir, d, name))]
      })
    )
  } else if (ext === '.py' || ext === '.pyi') {
    raw = [
      path.join(dir, `test_${stem}.py`),
      path.join(dir, `${stem}_test.py`),
      path.join(dir, 'tests', `test_${stem}.py`)
    ]
    if (path.basename(dir) !== 'tests') raw.push(path.join(path.dirname(dir), 'tests', `test_${stem}.py`))
  } else return []
  const out: string[] = []
  for (const c of raw) {
    if (!project.view.isFile(c)) continue
    const real = inRoot(project, c, project.cwd)
    if (real !== null && project.view.isFile(real) && real !== module && !out.includes(real)) out.push(real)
  }
  return out
}

const runnerCache = new WeakMap<Project, Map<string, boolean>>()

/** `_project_uses_js_test_runner`: a jest/vitest config or a package.json declaring one, up to the root. */
function usesJsRunner(project: Project, module: string): boolean {
  let cache = runnerCache.get(project)
  if (cache === undefined) {
    cache = new Map<string, boolean>()
    runnerCache.set(project, cache)
  }
  const dir = path.dirname(module)
  let verdict = cache.get(dir)
  if (verdict === undefined) cache.set(dir, (verdict = runnerAbove(project, dir)))
  return verdict
}

function runnerAbove(project: Project, start: string): boolean {
  for (const dir of upToRoot(project, start)) {
    if (RUNNER_STEMS.some(s => RUNNER_EXTS.some(e => project.view.isFile(path.join(dir, s + e))))) return true
    const pkg = readJson(project, path.join(dir, 'package.json'))
    if (pkg !== null && packageDeclaresRunner(pkg)) return true
  }
  return false
}

function packageDeclaresRunner(pkg: Record<string, unknown>): boolean {
  if (pkg.jest != null || pkg.vitest != null) return true
  for (const k of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    const deps = pkg[k]
    if (typeof deps !== 'object' || deps === null) continue
    if (
      Object.keys(deps).some(
        n => n === 'jest' || n === 'vitest' || n.endsWith('/jest') || n.endsWith('/vitest')
      )
    )
      return true
  }
  const scripts = pkg.scripts
  if (typeof scripts !== 'object' || scripts === null) return false
  return Object.entries(scripts).some(
    ([k, v]) =>
      (k === 'test' || k.startsWith('test:')) &&
      typeof v === 'string' &&
      /(?:^|[\s;&|/])(?:jest|vitest)(?:$|[\s;&|@'"])/.test(v)
  )
}

/**
 * `find_runner_collected_test_path` for projects without custom discovery: `__test__/<stem>.test.<ext>` beside
 * the module. Null when the nearest runner config customises discovery (PDD then evaluates it; we do not).
 */
function greenfieldPath(project: Project, module: string): string | null {
  const cfg = runnerConfig(project, module)
  if (cfg === 'custom') {
    project.warnings.push(
      `${path.relative(project.cwd, module)}: a jest/vitest configuration customises test discovery; PDD's ` +
        'runner-aware test placement is not reproduced, so the unit is planned with its test path under review'
    )
    return null
  }
  if (!DEFAULT_COLLECTED.includes(path.extname(module).toLowerCase())) return null
  for (const c of defaultCandidates(module)) {
    const real = inRoot(project, c, project.cwd)
    if (real !== null && real !== module && !real.split('/').includes('node_modules')) return real
  }
  return null
}

function defaultCandidates(module: string): string[] {
  const ext = path.extname(module)
  const stem = path.basename(module, ext)
  const dir = path.dirname(module)
  return ['.test', '.spec'].flatMap(i =>
    ['__test__', '__tests__', ''].map(s => path.join(dir, s, `${stem}${i}${ext}`))
  )
}

/** `_collect_js_runner_config`, reduced to "default" or "custom" (custom discovery, composed or ambiguous). */
function runnerConfig(project: Project, module: string): 'default' | 'custom' {
  for (const dir of upToRoot(project, path.dirname(module))) {
    const json = ['jest.config.json', '.jestrc', '.jestrc.json']
      .map(f => readJson(project, path.join(dir, f)))
      .find(x => x !== null)
    const pkg = readJson(project, path.join(dir, 'package.json'))
    const pkgBlock =
      pkg !== null && typeof pkg.jest === 'object' && pkg.jest !== null
        ? (pkg.jest as Record<string, unknown>)
        : null
    const jsFiles = CONFIG_FILES.map(f => path.join(dir, f)).filter(f => project.view.isFile(f))
    const sources = (json !== undefined ? 1 : 0) + (pkgBlock !== null ? 1 : 0) + jsFiles.length
    if (sources > 1) return 'custom'
    const mapping = json ?? pkgBlock
    if (mapping !== null) return Object.keys(mapping).some(k => DISCOVERY.test(k)) ? 'custom' : 'default'
    if (jsFiles.length === 1) {
      const text = readText(jsFiles[0] as string)
      return text === null || DISCOVERY.test(text) || UNRESOLVABLE.test(text) ? 'custom' : 'default'
    }
  }
  return 'default'
}

function upToRoot(project: Project, start: string): string[] {
  const out: string[] = []
  let cur = project.real(start)
  for (;;) {
    out.push(cur)
    if (cur === project.cwd || !cur.startsWith(`${project.cwd}/`)) return out
    cur = path.dirname(cur)
  }
}

/** `_validated_project_path`: the real path when it stays inside `root`, else null. */
export function inRoot(project: Project, p: string, root: string): string | null {
  const realRoot = project.real(root)
  const real = project.real(path.resolve(project.cwd, p))
  return real === realRoot || real.startsWith(`${realRoot}/`) ? real : null
}

function readJson(project: Project, file: string): Record<string, unknown> | null {
  if (!project.view.isFile(file)) return null
  try {
    const data: unknown = JSON.parse(fs.readFileSync(file, 'utf8'))
    return typeof data === 'object' && data !== null && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    return null
  }
}
