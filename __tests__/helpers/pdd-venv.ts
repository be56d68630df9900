/**
 * Locates the cached virtualenv holding the real PDD (pdd-cli) for live cross-check tests, and builds the
 * environment PDD should run with in tests: offline, local, no update checks, no colour, headless.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { forkClient } from './pdd-fork.js'

export interface PddVenv {
  /** The venv's Python interpreter. */
  python: string
  /** The venv's bin (Scripts on Windows) directory, which also holds the `pdd` entry point. */
  binDir: string
  /** The installed pdd-cli version, from its dist-info directory name. */
  version: string
  /**
   * The `pdd` tests run: the fork server's client (helpers/pdd-fork.ts: same behaviour, ~0.5 instead of ~3 CPU-s a
   * start), or with `PDD_SYNC_TEST_PDD_FORK=0` (or outside a vitest run) the venv's own entry point, {@link entryPoint}.
   */
  pdd: string
  /** The venv's own `pdd` entry point (pip's console script). */
  entryPoint: string
}

/**
 * The folder of this suite's `sitecustomize.py` (helpers/python): on `PYTHONPATH` through {@link TEST_COST_ENV}, it
 * makes Python's cyclic garbage collector run less often in every Python started with the real PDD.
 */
export const GC_SITE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'python')

const DEFAULT_VENV = path.join(os.homedir(), '.cache', 'pdd-sync-action', 'venv-pdd-0.0.310-py3.12')

function installedVersion(venv: string): string | null {
  const libDirs = process.platform === 'win32' ? [path.join(venv, 'Lib')] : [path.join(venv, 'lib')]
  for (const lib of libDirs) {
    if (!fs.existsSync(lib)) continue
    const pythons =
      process.platform === 'win32' ? [''] : fs.readdirSync(lib).filter(d => d.startsWith('python'))
    for (const py of pythons) {
      const site = path.join(lib, py, 'site-packages')
      if (!fs.existsSync(site)) continue
      const info = fs.readdirSync(site).find(d => /^pdd_cli-.+\.dist-info$/.test(d))
      if (info) return info.slice('pdd_cli-'.length, -'.dist-info'.length)
    }
  }
  return null
}

// The one "is the real PDD there" check: an interpreter, the `pdd` entry point and pdd-cli's dist-info.
function probe(venv: string): PddVenv | null {
  const binDir = path.join(venv, process.platform === 'win32' ? 'Scripts' : 'bin')
  const python = path.join(binDir, process.platform === 'win32' ? 'python.exe' : 'python')
  const entryPoint = path.join(binDir, process.platform === 'win32' ? 'pdd.exe' : 'pdd')
  if (!fs.existsSync(python) || !fs.existsSync(entryPoint)) return null
  const version = installedVersion(venv)
  if (version === null) return null
  return { python, binDir, version, entryPoint, pdd: forkClient(python, entryPoint) ?? entryPoint }
}

/**
 * The PDD venv from `PDD_VENV`, else `~/.cache/pdd-sync-action/venv-pdd-0.0.310-py3.12`; null when neither holds
 * pdd-cli.
 */
export function findPddVenv(): PddVenv | null {
  const fromEnv = process.env.PDD_VENV
  if (fromEnv) {
    const venv = probe(fromEnv)
    if (venv) return venv
  }
  return probe(DEFAULT_VENV)
}

/** {@link findPddVenv} inside hooks and tests of a `describeRealPdd` block, where the gate has found it. */
export function requirePddVenv(): PddVenv {
  const venv = findPddVenv()
  if (venv === null) throw new Error('no PDD venv (describeRealPdd lets no test reach here without one)')
  return venv
}

/**
 * Test-suite cost (issue 15), settings a user could equally have, that change nothing PDD or our product decides:
 * - `PYTEST_ADDOPTS=-p no:langsmith_plugin`: every test run PDD starts (`python -m pytest …` in
 *   `pdd/pytest_output.py` and `pdd/sync_orchestration.py`, which pass `os.environ` on; about 6 a sync) loaded the
 *   pytest11 plugin of langsmith, a pdd-cli dependency, which imports `langsmith.client` and has pytest
 *   assertion-rewrite it, about 2/3 of each run's CPU (2.0 → 0.6 s user for two trivial tests). Blocking it changes
 *   no test PDD runs: it only adds `--langsmith-*` options and langsmith's own test markers. pytest-cov (PDD's
 *   `--cov`) still loads, so plugin autoload stays on. `-p no:NAME` of a plugin that is not
 *   installed is accepted, so a venv without langsmith is fine. The one visible trace: pytest's `plugins:` header,
 *   which PDD quotes in fix requests, no longer names langsmith (no test or scripted answer looks for it).
 * - `-p no:anyio -p no:platformdirs` in the same variable: the other two pytest11 plugins of the venv's
 *   dependencies. anyio's (`anyio/pytest_plugin.py`) imports anyio's asyncio backend at start-up, and pytest
 *   assertion-rewrites every module of a plugin's distribution it imports, anew each run (PDD starts its fix
 *   loop's runs with `python -B`, `pdd/pytest_output.py`, and this suite's machines set
 *   `PYTHONDONTWRITEBYTECODE`): 0.85 → 0.50 CPU-s a run of calc's two tests, 6.1 / 4.5 → 2.8 / 2.6 CPU-s of the
 *   children of a sync with one fix loop. anyio's plugin acts only on `async def` tests marked
 *   `anyio` or using its fixtures (`anyio_backend`, `free_tcp_port`, …), platformdirs' only adds the
 *   `platformdirs_isolated` fixture; no test repository of this suite has either. The one trace is the same as
 *   langsmith's: the `plugins:` line of pytest's header (the only difference in the fix requests PDD sends).
 * - `--confcutdir=.` in the same variable: in a project with `.pddrc`, PDD runs its coverage pytest with
 *   `-c /dev/null` (`pdd/sync_orchestration.py`), which makes pytest's conftest cut-off `/dev`, so its collection
 *   starts at `/tmp` and checks every entry there (thousands on a machine running this suite: 2.5 → 0.9 s CPU a
 *   run with 5,000). `.` is the directory PDD starts pytest in (the project root, else the test's folder or PDD's
 *   own): the default cut-off when there is no `-c`. It only stops conftest.py files ABOVE that folder from
 *   loading; no test repository has one.
 * - `PDD_LLM_ATTRIBUTION=0` (`pdd/llm_invoke.py`): no attribution record per LLM call in HOME's
 *   `~/.pdd/logs/llm-attribution.jsonl`, so no `ps` and `git` runs to fill one. The requests PDD sends are the same.
 * - `PYTHONPATH` = {@link GC_SITE_DIR}: its `sitecustomize.py` sets Python's GC thresholds to (50000, 20, 100)
 *   in pdd, the pytest and example runs it starts, and the live checks' decision processes (a child inherits
 *   `PYTHONPATH`). Importing PDD builds ~600,000 long-lived objects that the default (700, 10, 10) walks again and
 *   again: 0.6–0.7 of the ~4 CPU-s of that import, and about 7.6 → 6.2 CPU-s of pdd's own process per sync of
 *   `real-pdd.e2e` (median of 4 runs each). Cycles are still collected, only less often. At exit, after every
 *   other exit handler, it collects once more and freezes what is left (`gc.freeze()`), so the interpreter's
 *   teardown does not walk those objects again: ~1.4 of the ~6.5 CPU-s of `python -c "import pdd.cli"`. And
 *   pydantic models are built on first use (pydantic's `defer_build`, made the default once pydantic is imported):
 *   importing PDD defines ~2,400 models of which a sync uses a few dozen (~0.4 of the ~3.7 CPU-s of that import).
 * What this does not change: the pytest and pytest-cov versions, the tests PDD runs, their results and the run
 * report's `tests_passed` / `tests_failed` / `coverage` (checked on a sync of calc: 2 passed, 100% either way).
 */
export const TEST_COST_ENV: Readonly<Record<string, string>> = {
  PYTEST_ADDOPTS: '-p no:langsmith_plugin -p no:anyio -p no:platformdirs --confcutdir=.',
  PDD_LLM_ATTRIBUTION: '0',
  PYTHONPATH: GC_SITE_DIR
}

/** The environment to run PDD with in tests: venv first on PATH, offline and headless, {@link TEST_COST_ENV}. */
export function pddEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const venv = findPddVenv()
  const pathKey = Object.keys(process.env).find(k => k.toUpperCase() === 'PATH') ?? 'PATH'
  const inherited = process.env[pathKey] ?? ''
  return {
    ...process.env,
    [pathKey]: venv ? `${venv.binDir}${path.delimiter}${inherited}` : inherited,
    PDD_AUTO_UPDATE: 'false',
    PDD_SUPPRESS_SETUP_REMINDER: '1',
    LITELLM_LOCAL_MODEL_COST_MAP: 'True',
    PDD_FORCE_LOCAL: '1',
    NO_COLOR: '1',
    CI: '1',
    ...TEST_COST_ENV,
    ...extra
  }
}
