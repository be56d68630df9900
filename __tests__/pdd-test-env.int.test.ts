/**
 * The test environment of the real PDD (`TEST_COST_ENV` in helpers/pdd-venv.ts) as the pytest PDD starts sees it:
 * the pytest11 plugins of langsmith, anyio and platformdirs are not loaded, pytest-cov (PDD's `--cov`) still is,
 * and a test run as PDD starts it passes the same tests with the same coverage, its Python's cyclic GC running
 * less often (helpers/python/sitecustomize.py), and it freezes the collector's objects only after every other exit
 * handler, once garbage has been collected and finalized; pydantic models are built on first use. Real venv, real
 * pytest.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { describeRealPdd } from './helpers/gate.js'
import { tempDir, writeFiles } from './helpers/git-repo.js'
import { preparePddProject } from './helpers/real-pdd.js'
import { GC_SITE_DIR, requirePddVenv, TEST_COST_ENV } from './helpers/pdd-venv.js'
import { CALC, TESTS } from './helpers/calc-units.js'

/** `python -m pytest ARGS` in `cwd`: its exit code and output. */
function pytest(
  python: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv
): Promise<{ code: number; out: string }> {
  return new Promise(resolve => {
    execFile(python, ['-m', 'pytest', ...args], { cwd, env, encoding: 'utf8' }, (err, stdout, stderr) =>
      resolve({ code: err ? Number(err.code ?? 1) : 0, out: `${stdout}${stderr}` })
    )
  })
}

/** The environment without `TEST_COST_ENV`'s pytest options and GC settings (`PYTHONPATH`): the control. */
function withoutAddopts(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { PYTEST_ADDOPTS: _dropped, PYTHONPATH: _gc, ...without } = env
  return without
}

/** A test that writes its process's GC thresholds to `gc.txt`. */
const GC_PROBE = [
  'import gc',
  '',
  '',
  'def test_gc():',
  "    with open('gc.txt', 'w') as f:",
  "        f.write(','.join(map(str, gc.get_threshold())))",
  ''
].join('\n')

/** Modules a plugin would import: each plugin's own module, and anyio's asyncio backend (anyio's plugin imports it). */
const PLUGIN_MODULES = ['anyio._backends._asyncio', 'anyio.pytest_plugin', 'langsmith.client', 'platformdirs']
/** A test that writes which of {@link PLUGIN_MODULES} its pytest process has imported to `loaded.txt`. */
const PROBE = [
  'import sys',
  '',
  '',
  'def test_probe():',
  `    names = ${JSON.stringify(PLUGIN_MODULES)}`,
  "    with open('loaded.txt', 'w') as f:",
  "        f.write(','.join(n for n in names if n in sys.modules))",
  ''
].join('\n')

/** pytest's output without what differs from run to run (durations). */
const steady = (out: string): string[] =>
  out
    .replace(/ in \d+\.\d+s/g, ' in <t>')
    .split('\n')
    .filter(l => l.trim() !== '')

/**
 * A Python process that leaves a reference cycle whose finalizer writes `del.txt` (collected only by the cyclic
 * collector), registers an exit handler of its own that writes `handler.txt`, and at the very end (an exit
 * handler registered last, so run first) nothing else: what the files say is read after it exits. It prints
 * the thresholds and the number of frozen objects at start (Python 3.12 starts with a few hundred).
 */
const EXIT_PROBE = [
  'import atexit, gc, sys',
  'class Cycle:',
  '    def __init__(self):',
  '        self.me = self',
  '    def __del__(self):',
  "        open('del.txt', 'w').write('finalized')",
  'Cycle()',
  "atexit.register(lambda: open('handler.txt', 'w').write(str(gc.get_freeze_count())))",
  "print(','.join(map(str, gc.get_threshold())), gc.get_freeze_count())",
  ''
].join('\n')

/**
 * Prints whether pydantic was imported before it, whether a model is complete (validator built) when its class is
 * made and after its first validation, a validation's result and the error of a bad one.
 */
const PYDANTIC_PROBE = [
  'import sys',
  "print('pydantic' in sys.modules)",
  'from pydantic import BaseModel',
  'class M(BaseModel):',
  '    a: int',
  '    b: list[str] = []',
  'print(M.__pydantic_complete__)',
  "r = M.model_validate({'a': '3', 'b': ['x']}).model_dump()",
  'print(M.__pydantic_complete__)',
  'print(r)',
  'try:',
  "    M.model_validate({'a': 'x'})",
  "    print('none')",
  'except Exception as e:',
  '    print(type(e).__name__)',
  ''
].join('\n')

/** `python -c CODE` in `cwd`: its output. */
function python(exe: string, code: string, cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(exe, ['-c', code], { cwd, env, encoding: 'utf8' }, (err, stdout, stderr) =>
      err ? reject(new Error(`python -c failed: ${err.message}\n${stderr}`)) : resolve(stdout)
    )
  })
}

describeRealPdd('the test environment of the real pdd', () => {
  it('a Python started with it collects and finalizes garbage at exit, runs the other exit handlers first, then freezes', async () => {
    const venv = requirePddVenv()
    const run = async (env: NodeJS.ProcessEnv): Promise<Record<string, string>> => {
      const dir = tempDir()
      const printed = (await python(venv.python, EXIT_PROBE, dir, env)).trim()
      const read = (f: string): string => fs.readFileSync(path.join(dir, f), 'utf8')
      return { printed, finalized: read('del.txt'), frozenInHandler: read('handler.txt') }
    }
    const env = preparePddProject(tempDir(), { url: 'http://127.0.0.1:9/v1' })
    // The probe's own handler runs before the freeze (it was registered after sitecustomize's): no more frozen
    // than at start (Python 3.12 starts with a few hundred).
    const atStart = (
      await python(venv.python, 'import gc; print(gc.get_freeze_count())', tempDir(), withoutAddopts(env))
    ).trim()
    expect(await run(env)).toEqual({
      printed: `50000,20,100 ${atStart}`,
      finalized: 'finalized',
      frozenInHandler: atStart
    })
    expect(await run(withoutAddopts(env))).toEqual({
      printed: `700,10,10 ${atStart}`,
      finalized: 'finalized',
      frozenInHandler: atStart
    })
    // The freeze itself: the last exit handler (sitecustomize's) leaves the objects frozen for the teardown.
    const frozen = await python(
      venv.python,
      'import atexit, gc; atexit._run_exitfuncs(); print(gc.get_freeze_count())',
      tempDir(),
      env
    )
    expect(Number(frozen)).toBeGreaterThan(Number(atStart) + 1000)
    const control = await python(
      venv.python,
      'import atexit, gc; atexit._run_exitfuncs(); print(gc.get_freeze_count())',
      tempDir(),
      withoutAddopts(env)
    )
    expect(Number(control)).toBe(Number(atStart))
  })

  it('a Python started with it builds a pydantic model on first use (same results), and imports no pydantic itself', async () => {
    const venv = requirePddVenv()
    const env = preparePddProject(tempDir(), { url: 'http://127.0.0.1:9/v1' })
    const run = async (e: NodeJS.ProcessEnv): Promise<string[]> =>
      (await python(venv.python, PYDANTIC_PROBE, tempDir(), e)).trim().split('\n')
    const same = ["{'a': 3, 'b': ['x']}", 'ValidationError']
    // Nothing imported pydantic before the probe (pytest and the examples PDD runs do not pay for it); the model is
    // built when first validated, not when its class is made, and validates the same.
    expect(await run(env)).toEqual(['False', 'False', 'True', ...same])
    expect(await run(withoutAddopts(env))).toEqual(['False', 'True', 'True', ...same])
  })

  it('pytest loads pytest-cov and not the plugins of langsmith, anyio and platformdirs, which it loads without that setting', async () => {
    const venv = requirePddVenv()
    const dir = tempDir()
    const env = preparePddProject(dir, { url: 'http://127.0.0.1:9/v1' })
    expect(env.PYTEST_ADDOPTS).toBe(TEST_COST_ENV.PYTEST_ADDOPTS)
    expect(env.PDD_LLM_ATTRIBUTION).toBe('0')
    expect(env.PYTHONPATH).toBe(GC_SITE_DIR)

    const plugins = (await pytest(venv.python, ['-VV'], dir, env)).out
    expect(plugins).toMatch(/registered third-party plugins:[\s\S]*pytest-cov-/)
    expect(plugins).not.toMatch(/langsmith|anyio|platformdirs/)
    // The control: the pinned pdd-cli brings all three, whose plugins pytest loads unless told not to.
    const control = (await pytest(venv.python, ['-VV'], dir, withoutAddopts(env))).out
    expect(control).toMatch(/langsmith-[\d.]+ at .*pytest_plugin\.py/)
    expect(control).toMatch(/anyio-[\d.]+ at .*pytest_plugin\.py/)
    expect(control).toMatch(/platformdirs-[\d.]+ at .*pytest_plugin\.py/)
  })

  it('a test run as PDD starts it: same results and coverage, no plugin module imported, GC thresholds raised, only pytest’s plugins line differs', async () => {
    const venv = requirePddVenv()
    const dir = tempDir()
    const env = preparePddProject(dir, { url: 'http://127.0.0.1:9/v1' })
    writeFiles(dir, {
      'calc.py': CALC,
      'test_calc.py': TESTS,
      'test_probe.py': PROBE,
      'test_gc.py': GC_PROBE
    })
    // PDD's arguments for a unit's tests (pdd/sync_orchestration.py, `_execute_tests_and_create_run_report`).
    const args = [
      'test_calc.py',
      'test_probe.py',
      'test_gc.py',
      '-v',
      '--tb=short',
      '--cov=calc',
      '--cov-report=term-missing'
    ]
    const loaded = (): string => fs.readFileSync(path.join(dir, 'loaded.txt'), 'utf8')

    const gc = (): string => fs.readFileSync(path.join(dir, 'gc.txt'), 'utf8')

    const run = await pytest(venv.python, args, dir, env)
    const [imported, thresholds] = [loaded(), gc()]
    const control = await pytest(venv.python, args, dir, withoutAddopts(env))
    const [importedWithout, thresholdsWithout] = [loaded(), gc()]

    expect(run.code).toBe(0)
    expect(control.code).toBe(0)
    expect(run.out).toMatch(/4 passed/)
    expect(thresholds).toBe('50000,20,100')
    expect(thresholdsWithout).toBe('700,10,10')
    expect(run.out).toMatch(/^calc\.py\s+\d+\s+0\s+100%/m)
    expect(imported).toBe('')
    expect(importedWithout.split(',')).toEqual(PLUGIN_MODULES)
    const [mine, theirs] = [steady(run.out), steady(control.out)]
    const differ = mine.map((l, i) => [l, theirs[i]]).filter(([a, b]) => a !== b)
    expect(mine).toHaveLength(theirs.length)
    expect(differ).toEqual([
      ['plugins: cov-' + /cov-([\d.]+)/.exec(run.out)?.[1], expect.stringContaining('anyio-')]
    ])
  })
})
