/**
 * The suite's pre-imported fork server for the real pdd (issue 15; tests only, nothing in src/ or dist/). Every
 * real `pdd` start paid ~3 CPU-s importing litellm, openai, pydantic, pandas, textual… before doing anything, ~60+
 * starts a run. With this on, the `pdd` that `findPddVenv()` hands out ({@link PddVenv.pdd}) is a small client
 * (python/pdd_fork_client.py) that asks a server (python/pdd_fork_server.py) holding those modules imported to
 * fork one child per run: the child takes the client's argv, cwd, environment, umask and stdin/stdout/stderr,
 * imports pdd's own modules (which read cwd and PDD_* at import) and runs `sys.exit(cli())` as pip's console
 * script does. ~0.5 CPU-s a start instead of ~3. The client forwards SIGTERM/SIGINT/SIGHUP to the child's process
 * group and exits with its code or signal; when the client dies (the product SIGKILLs the group of a pdd that
 * overruns, and after each pdd exits), the server kills the child's group.
 *
 * One server per import environment: the client keys it on every environment variable except {@link EXEMPT}
 * (values that differ between tests); the server checks at start that importing read none of those (see the
 * audit in pdd_fork_server.py's header). The client script is pip's console script in shape (`#!<venv python>`,
 * a `from pdd.cli import cli` line), so the product still reads pdd's version from the venv's metadata.
 *
 * global-setup.ts makes the run's folder (sockets, logs, the client) and stops the servers at the end.
 * `PDD_SYNC_TEST_PDD_FORK=0` turns it off: tests then get the venv's own `pdd`, to compare a failure with plain exec.
 * `PDD_SYNC_TEST_PDD_FORK_KEEP=1` keeps the run's folder: each server's log (what its import captured, its forks
 * and CPU) and `<key>.env`, the variables its key covers (to see why a run started more than one).
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const PYTHON_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'python')
/** The run's folder (global-setup.ts), inherited by the workers. */
export const FORK_DIR_ENV = 'PDD_SYNC_TEST_PDD_FORK_DIR'

/**
 * Variables left out of the server key: they differ between tests (HOME and PATH per test, PDD_* per run, the
 * action's GITHUB_* / RUNNER_* / INPUT_*, git's identity, API keys, LITELLM_CACHE_DISABLE, a CA bundle, the
 * secrets test's dump file, the terminal's size and type that the action sets) and importing pdd's dependencies
 * reads none of them: the server refuses to start if it does (a `_KEY` suffix would have taken litellm's
 * LENGTH_OF_LITELLM_GENERATED_KEY and textual's TEXTUAL_DISABLE_KITTY_KEY, and did fail that way)
 * (HOME, read by sysconfig for the user site, is re-rooted in each child instead). A variable missing here only
 * costs one more server (~3.5 CPU-s); one listed here that an import reads fails every real-PDD test at once.
 */
export const EXEMPT = {
  names: [
    'HOME',
    'PATH',
    'PWD',
    'OLDPWD',
    'SHLVL',
    '_',
    'TMPDIR',
    'INIT_CWD',
    'LITELLM_CACHE_DISABLE',
    'AWS_CA_BUNDLE',
    'SECRETS_TEST_DUMP',
    'FAKE_LLM_KEY',
    // Read by pdd's own Consoles, made in the child (not by the third-party import): checked by the server.
    'TERM',
    'COLUMNS',
    'LINES'
  ],
  prefixes: [
    'PDD_',
    'GITHUB_',
    'RUNNER_',
    'INPUT_',
    'ACTIONS_',
    'STATE_',
    'SYNC_TEST_',
    'GIT_',
    'VITEST',
    'npm_'
  ],
  suffixes: ['_API_KEY'],
  keep: ['GIT_PYTHON_']
}

/** Whether tests get the fork client as `pdd` (default on; `PDD_SYNC_TEST_PDD_FORK=0` for plain exec). */
export function forkEnabled(): boolean {
  return process.env.PDD_SYNC_TEST_PDD_FORK !== '0' && Boolean(process.env[FORK_DIR_ENV])
}

/**
 * The client as an executable beside the run's sockets, written once per venv (atomically: workers race). Null
 * when switched off (unless `force`: the fidelity test compares both ways) or outside a vitest run.
 */
export function forkClient(python: string, pdd: string, force = false): string | null {
  const state = process.env[FORK_DIR_ENV]
  if ((!force && !forkEnabled()) || !state || !fs.existsSync(state)) return null
  const id = createHash('sha256').update(python).digest('hex').slice(0, 12)
  const file = path.join(state, `bin-${id}`, 'pdd')
  if (fs.existsSync(file)) return file
  const config = { state, python, pdd, server: path.join(PYTHON_DIR, 'pdd_fork_server.py'), exempt: EXEMPT }
  const text = [
    `#!${python}`,
    "# The real pdd through the test suite's fork server (__tests__/helpers/pdd-fork.ts). pip's console script",
    "# for pdd holds the line below: the product reads pdd's version from the venv's metadata, as for the real one.",
    '"""',
    'from pdd.cli import cli',
    '"""',
    'import sys',
    `sys.path.insert(0, ${JSON.stringify(PYTHON_DIR)})`,
    'import pdd_fork_client',
    `pdd_fork_client.main(${JSON.stringify(config)})`,
    ''
  ].join('\n')
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}`
  fs.writeFileSync(tmp, text, { mode: 0o755 })
  fs.renameSync(tmp, file)
  return file
}

/** global-setup: the run's folder, named in {@link FORK_DIR_ENV} for the workers. */
export function startForkRun(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdd-fork-'))
  process.env[FORK_DIR_ENV] = dir
  return dir
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * global-setup teardown: SIGTERM to every server of the run (each kills its children's groups and removes its
 * socket), SIGKILL after 5 s, then the folder goes. Returns the servers' summary lines (forks, CPU).
 */
export async function stopForkRun(dir: string): Promise<string[]> {
  const pids = fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.pid'))
    .map(f => Number(fs.readFileSync(path.join(dir, f), 'utf8')))
    .filter(pid => pid > 0)
  for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGTERM')
  const deadline = Date.now() + 5000
  while (pids.some(alive) && Date.now() < deadline) await new Promise(r => setTimeout(r, 50))
  for (const pid of pids.filter(alive)) process.kill(pid, 'SIGKILL')
  const lines = fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.log'))
    .flatMap(f => fs.readFileSync(path.join(dir, f), 'utf8').split('\n'))
    .filter(l => l.startsWith('stopped:'))
  if (!process.env.PDD_SYNC_TEST_PDD_FORK_KEEP) fs.rmSync(dir, { recursive: true, force: true })
  return lines
}

/** For the fidelity test: the server pids of the run, by key file. */
export function forkServerPids(): number[] {
  const dir = process.env[FORK_DIR_ENV]
  if (!dir || !fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.pid'))
    .map(f => Number(fs.readFileSync(path.join(dir, f), 'utf8')))
}

/** Processes whose parent is `pid` (Linux /proc), for the no-orphan check. */
export function childrenOf(pid: number): number[] {
  const found: number[] = []
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid === pid) found.push(Number(entry))
    } catch {
      // Gone meanwhile.
    }
  }
  return found
}
