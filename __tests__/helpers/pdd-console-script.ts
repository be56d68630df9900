/**
 * A `pdd-command` that records every start and is pip's console script for pdd-cli all the same: the venv's
 * interpreter on the `#!` line, `from pdd.cli import cli`, `sys.exit(cli())`. The action reads such a command's
 * version from the venv's metadata instead of starting `pdd --version` (src/adapters/pdd-version.ts), as it does
 * for the real entry point, so a test that counts starts sees the same starts a run with the real `pdd` makes. (A
 * bash wrapper, `pdd-wrapper.ts`, costs every run a `pdd --version`: ~4 s of CPU.)
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { tempDir } from './git-repo.js'
import type { RecordingPdd } from './pdd-wrapper.js'
import { requirePddVenv } from './pdd-venv.js'

/** Writes the script into a fresh temp dir (removed after the test); `starts()` lists each start's arguments. */
export function recordingConsoleScript(): RecordingPdd {
  const venv = requirePddVenv()
  const dir = tempDir('pdd-console-')
  const log = path.join(dir, 'starts.log')
  const command = path.join(dir, 'pdd')
  const script = [
    `#!${venv.python}`,
    '# -*- coding: utf-8 -*-',
    'import re',
    'import sys',
    `with open(${JSON.stringify(log)}, 'a', encoding='utf-8') as f:`,
    "    f.write(' '.join(sys.argv[1:]) + '\\n')",
    'from pdd.cli import cli',
    "if __name__ == '__main__':",
    "    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])",
    '    sys.exit(cli())',
    ''
  ].join('\n')
  writeFileSync(command, script)
  chmodSync(command, 0o755)
  return {
    command,
    starts: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [])
  }
}
