/**
 * The installed pdd-cli version, read without starting pdd. `pdd --version` imports all of PDD (litellm first):
 * about 4 s of CPU on a 2-core runner, paid by every run before any unit is touched. When the command is pip's
 * console script for pdd (`#!<venv python>` … `from pdd.cli import cli`), the venv's own interpreter answers in
 * ~50 ms from the package metadata, after checking that it can find the `pdd` package. Anything else (a wrapper, a
 * shell script, `uv run pdd`, an interpreter that does not start) gets `null`, and the caller asks pdd itself.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { findOnPath, isExecutable } from './executables.js'
import { runProcess } from './process.js'

/** What pip writes into a console script for pdd-cli's `pdd = pdd.cli:cli` entry point. */
const CONSOLE_SCRIPT = /^from pdd\.cli import cli$/m

/**
 * Asks the interpreter for the distribution's version, after finding (not importing: that is the 4 s) the `pdd`
 * package. Nothing for a pdd imported from a git checkout (an editable install): there `pdd --version` shows a
 * version derived from the checkout's tags (`pdd/__init__.py`), so the caller asks pdd itself.
 */
const QUERY = [
  'import importlib.metadata as m, importlib.util as u, pathlib as p',
  "s = u.find_spec('pdd')",
  "git = s is not None and s.origin is not None and (p.Path(s.origin).resolve().parents[1] / '.git').exists()",
  "print(m.version('pdd-cli') if s is not None and s.origin is not None and not git else '')"
].join('\n')

/** A version as pip writes it (PEP 440 shapes: `0.0.310`, `1.2.0rc1`, `0.1.dev3+g1a2b`). */
const VERSION = /^[0-9][0-9A-Za-z.+!_-]*$/

/**
 * The pdd-cli version behind `command` when it is pip's console script for pdd, else `null`. `cwd` must be a
 * folder without a `pdd` package of its own (the interpreter looks there first).
 */
export async function installedPddVersion(
  command: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string
): Promise<string | null> {
  if (command.length !== 1 || !command[0]) return null
  const script = resolveExecutable(command[0], env)
  if (!script) return null
  const python = await consoleScriptPython(script)
  if (!python) return null
  const r = await runProcess(python, ['-c', QUERY], {
    cwd,
    env,
    signal: AbortSignal.timeout(30_000)
  }).catch(() => null)
  const version = r?.code === 0 ? r.stdout.trim() : ''
  return VERSION.test(version) ? version : null
}

/** `file` as the OS would find it: a path as given (relative to the current folder), a bare name on `PATH`. */
function resolveExecutable(file: string, env: NodeJS.ProcessEnv): string | null {
  if (!file.includes('/')) return findOnPath(file, env, true)
  return isExecutable(path.resolve(file)) ? path.resolve(file) : null
}

/** The interpreter of pip's console script for pdd (a plain absolute `#!` line), else `null`. */
async function consoleScriptPython(script: string): Promise<string | null> {
  const handle = await fs.open(script, 'r').catch(() => null)
  if (!handle) return null
  try {
    const buf = Buffer.alloc(4096)
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0)
    const text = buf.subarray(0, bytesRead).toString('utf8')
    const shebang = /^#!(\/\S+)[ \t]*\r?\n/.exec(text)
    if (!shebang?.[1] || !CONSOLE_SCRIPT.test(text)) return null
    return isExecutable(shebang[1]) ? shebang[1] : null
  } finally {
    await handle.close()
  }
}
