import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { tempDir } from './git-repo.js'
import { realPdd } from './real-pdd.js'

/** A `pdd-command` that logs every start (its arguments, one line) and then execs the real pdd. */
export interface RecordingPdd {
  command: string
  /** Every start so far, in order. */
  starts(): string[]
}

/** Options of {@link recordingPdd}. */
export interface RecordingOptions {
  /**
   * Write the wrapper as pip's console script for pdd (the venv's `#!python`, `from pdd.cli import cli`) that runs
   * the venv's `pdd` in its own process, instead of a bash script that execs it: the run then reads pdd's version
   * from the venv's metadata as it does for the real entry point, and starts pdd only for its syncs.
   */
  consoleScript?: boolean
}

/** Writes the wrapper into a fresh temp dir (removed after the test). */
export function recordingPdd(options: RecordingOptions = {}): RecordingPdd {
  const dir = tempDir('pdd-wrapper-')
  const log = path.join(dir, 'starts.log')
  const command = path.join(dir, 'pdd')
  const venv = realPdd()
  const pdd = venv?.pdd ?? 'pdd'
  if (options.consoleScript && venv)
    writeFileSync(command, consoleScript(venv.python, pdd, log, pdd !== venv.entryPoint))
  else writeFileSync(command, `#!/bin/bash\nprintf '%s\\n' "$*" >> '${log}'\nexec '${pdd}' "$@"\n`)
  chmodSync(command, 0o755)
  return {
    command,
    starts: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [])
  }
}

/**
 * The console-script wrapper: logs its arguments, then runs the venv's own `pdd` script in this process. When that
 * is the fork server's client (helpers/pdd-fork.ts), the console script's import line is only quoted: the client
 * runs pdd in the server's child, and importing pdd here too would pay the import the server saves.
 */
function consoleScript(python: string, pdd: string, log: string, forked: boolean): string {
  return [
    `#!${python}`,
    'import runpy',
    'import sys',
    `with open(${JSON.stringify(log)}, 'a') as f:`,
    "    f.write(' '.join(sys.argv[1:]) + '\\n')",
    ...(forked ? ['"""', 'from pdd.cli import cli', '"""'] : ['from pdd.cli import cli']),
    `runpy.run_path(${JSON.stringify(pdd)}, run_name='__main__')`,
    ''
  ].join('\n')
}
