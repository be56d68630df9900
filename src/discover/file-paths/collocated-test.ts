/**
 * Co-located test adoption (`sync_determine_operation._adopt_collocated_test`,
 * `content_selector.resolve_test_output_path`): when the test location is not pinned and exactly one existing
 * test sits where the project's runner looks (`test_<stem>.py`, `tests/test_<stem>.py`, `<stem>.test.ts`,
 * `__tests__/…`), sync uses it instead of the derived path. JS/TS runner-configuration parsing is approximated:
 * default jest/vitest conventions are honoured; custom discovery settings make the test path "needs review".
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { extName, leafName, parentOf, isBelow } from '../../pycompat/lexical.js'
import type { Project } from '../project.js'

const JS_TS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs']
const JS_TS_TEST_SUFFIXES = new Set(JS_TS.flatMap(e => [`.test${e}`, `.spec${e}`]))
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
  // The derived path itself comes back unless a co-located test is adopted.
  if (adopted === r.test) return unchanged
  const adoptedReal = inRoot(project, adopted, r.trustedRoot)
  if (adoptedReal === null || adoptedReal === inRoot(project, r.test, r.trustedRoot)) return unchanged
  return { test: adoptedReal, testFiles: [adoptedReal] }
}

/** `resolve_test_output_path` (never pinned here). */
function resolveTestOutput(project: Project, module: string, derived: string): string | null {
  const ext = extName(module).toLowerCase()
  const facts = dirFacts(project, parentOf(module))
  const matches = existingCandidates(project, module, ext, facts)
  const runner = JS_TS.includes(ext) && usesJsRunner(project, facts)
  const greenfield = runner ? greenfieldPath(project, module) : null
  const derivedReal = inRoot(project, derived, project.cwd)
  if (matches.length !== 1) {
    if (matches.length > 0 || greenfield === null) return runner && greenfield === null ? null : derived
    return greenfield === derivedReal ? derived : greenfield
  }
  const sibling = matches[0] as string
  if (sibling === derivedReal) return derived
  if (!runner) return sibling
  if (greenfield !== null && isDefaultCandidate(project, module, sibling)) return sibling
  if (greenfield !== null) return greenfield === derivedReal ? derived : greenfield
  return null
}

function isDefaultCandidate(project: Project, module: string, test: string): boolean {
  return defaultCandidates(module).some(c => inRoot(project, c, project.cwd) === test)
}

/** What test adoption needs to know about a module's directory, established once per directory. */
interface DirFacts {
  dir: string
  /** Of the directory and its `__test__`, `__tests__` and `tests` children, those that can be listed. */
  jsDirs: string[]
  /** `<dir>/tests`, when it can be listed. */
  tests: string | null
  /** `<parent>/tests` (unless the directory is itself `tests`), when it can be listed. */
  upTests: string | null
  /** `_project_uses_js_test_runner`, once asked. */
  runner?: boolean
}

function dirFacts(project: Project, dir: string): DirFacts {
  const cache = project.table<DirFacts>('testDirFacts')
  let facts = cache.get(dir)
  if (facts === undefined) cache.set(dir, (facts = findDirFacts(project, dir)))
  return facts
}

function findDirFacts(project: Project, dir: string): DirFacts {
  const listed = (d: string): boolean => project.view.list(d) !== null
  const tests = child(dir, 'tests')
  const up = leafName(dir) !== 'tests' ? child(parentOf(dir), 'tests') : null
  return {
    dir,
    jsDirs: [dir, ...['__test__', '__tests__', 'tests'].map(d => child(dir, d))].filter(listed),
    tests: listed(tests) ? tests : null,
    upTests: up !== null && listed(up) ? up : null
  }
}

/** `_collocated_test_matches`: existing, distinct candidate tests for the module (in no particular order). */
function existingCandidates(project: Project, module: string, ext: string, facts: DirFacts): string[] {
  const out: string[] = []
  const stem = stemName(module)
  if (JS_TS.includes(ext)) {
    // `<stem>.test<ext>`/`<stem>.spec<ext>` in four directories: 48 names, nearly none present, so the names are
    // found by prefix in the sorted listings instead of being built and looked up one by one.
    const prefix = `${stem}.`
    for (let i = 0; i < facts.jsDirs.length; i++) {
      const d = facts.jsDirs[i] as string
      const names = project.view.namesStartingWith(d, prefix)
      for (let j = 0; j < names.length; j++) {
        const name = names[j] as string
        if (JS_TS_TEST_SUFFIXES.has(name.slice(stem.length))) addMatch(project, module, d, name, out)
      }
    }
  } else if (ext === '.py' || ext === '.pyi') {
    addMatch(project, module, facts.dir, `test_${stem}.py`, out)
    addMatch(project, module, facts.dir, `${stem}_test.py`, out)
    if (facts.tests !== null) addMatch(project, module, facts.tests, `test_${stem}.py`, out)
    if (facts.upTests !== null) addMatch(project, module, facts.upTests, `test_${stem}.py`, out)
  }
  return out
}

/** Adds `<d>/<name>` (as a real path) when it is a regular file inside the CWD other than the module itself. */
function addMatch(project: Project, module: string, d: string, name: string, out: string[]): void {
  if (project.view.list(d)?.get(name)?.kind !== 'file') return
  const real = inRoot(project, child(d, name), project.cwd)
  if (real !== null && project.view.isFile(real) && real !== module && !out.includes(real)) out.push(real)
}

/** `path.basename(module, path.extname(module))`. */
function stemName(module: string): string {
  const leaf = leafName(module)
  const ext = extName(module)
  return ext === '' ? leaf : leaf.slice(0, leaf.length - ext.length)
}

/** `path.join(dir, name)` for an absolute, normal `dir` and a plain file name. */
function child(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`
}

/** `_project_uses_js_test_runner`: a jest/vitest config or a package.json declaring one, up to the root. */
function usesJsRunner(project: Project, facts: DirFacts): boolean {
  facts.runner ??= runnerAbove(project, facts.dir)
  return facts.runner
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
  if (!DEFAULT_COLLECTED.includes(extName(module).toLowerCase())) return null
  for (const c of defaultCandidates(module)) {
    const real = inRoot(project, c, project.cwd)
    if (real !== null && real !== module && !real.split('/').includes('node_modules')) return real
  }
  return null
}

function defaultCandidates(module: string): string[] {
  const ext = extName(module)
  const stem = stemName(module)
  const dir = parentOf(module)
  return ['.test', '.spec'].flatMap(i =>
    ['__test__', '__tests__', ''].map(s => path.join(dir, s, `${stem}${i}${ext}`))
  )
}

/** `_collect_js_runner_config`, reduced to "default" or "custom" (custom discovery, composed or ambiguous). */
function runnerConfig(project: Project, module: string): 'default' | 'custom' {
  for (const dir of upToRoot(project, parentOf(module))) {
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
    if (cur === project.cwd || !isBelow(cur, project.cwd)) return out
    cur = parentOf(cur)
  }
}

/** `_validated_project_path`: the real path when it stays inside `root`, else null. */
export function inRoot(project: Project, p: string, root: string): string | null {
  const realRoot = project.real(root)
  // `real` normalises an absolute path itself.
  const real = project.real(p.startsWith('/') ? p : path.resolve(project.cwd, p))
  return real === realRoot || isBelow(real, realRoot) ? real : null
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
