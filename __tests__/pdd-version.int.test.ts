/**
 * The pdd-cli version without starting pdd: pip's console script is answered from its venv's metadata, anything
 * else falls back to `<command> --version`. Real venv, real interpreters, real scripts.
 */
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { installedPddVersion } from '../src/adapters/pdd-version.js'
import { pddVersion } from '../src/adapters/pdd-process.js'
import { describeRealPdd } from './helpers/gate.js'
import { tempDir } from './helpers/git-repo.js'
import { pddEnv, requirePddVenv } from './helpers/pdd-venv.js'

function script(dir: string, name: string, text: string): string {
  const file = path.join(dir, name)
  writeFileSync(file, text)
  chmodSync(file, 0o755)
  return file
}

/** pip's console script for pdd, with `python` as its interpreter and a body that leaves `marker` when it runs. */
function consoleScript(dir: string, python: string, marker: string): string {
  const body = [
    `#!${python}`,
    '# -*- coding: utf-8 -*-',
    'import re',
    'import sys',
    `open(${JSON.stringify(marker)}, 'w').close()`,
    'from pdd.cli import cli',
    "if __name__ == '__main__':",
    '    sys.exit(cli())',
    ''
  ].join('\n')
  return script(dir, 'pdd', body)
}

describeRealPdd('the installed pdd-cli version', () => {
  it('reads the venv console script without starting pdd, and agrees with `pdd --version`', async () => {
    const venv = requirePddVenv()
    const dir = tempDir()
    const marker = path.join(dir, 'started')
    const pdd = consoleScript(dir, venv.python, marker)
    expect(await installedPddVersion([pdd], pddEnv(), dir)).toBe(venv.version)
    expect(await pddVersion([pdd], pddEnv())).toBe(venv.version)
    expect(existsSync(marker)).toBe(false)
    // The venv's own entry point, found on PATH by its bare name: the same answer `pdd --version` gives.
    expect(await installedPddVersion(['pdd'], pddEnv(), dir)).toBe(venv.version)
  })

  it('gives null for what is not pip’s console script for pdd, and pddVersion asks the command instead', async () => {
    const venv = requirePddVenv()
    const dir = tempDir()
    const env = pddEnv()
    const shell = script(dir, 'pdd-sh', '#!/bin/sh\necho "pdd, version 9.9.9"\n')
    expect(await installedPddVersion([shell], env, dir)).toBeNull()
    expect(await pddVersion([shell], env)).toBe('9.9.9')
    // Two words (a wrapper with arguments), a missing file, a folder, a relative name not on PATH.
    expect(await installedPddVersion([venv.python, '-m', 'pdd.cli'], env, dir)).toBeNull()
    expect(await installedPddVersion([path.join(dir, 'absent')], env, dir)).toBeNull()
    expect(await installedPddVersion([dir], env, dir)).toBeNull()
    expect(await installedPddVersion(['no-such-pdd-here'], env, dir)).toBeNull()
  })

  it('gives null when the interpreter is gone or has no pdd, so the caller sees the real failure', async () => {
    const dir = tempDir()
    const env = pddEnv()
    const gone = path.join(dir, 'gone')
    mkdirSync(gone)
    const dead = consoleScript(gone, path.join(dir, 'no-python-here', 'python'), path.join(dir, 'm1'))
    expect(await installedPddVersion([dead], env, dir)).toBeNull()
    await expect(pddVersion([dead], env)).rejects.toThrow(/cannot start|not found|did not print/)
    // An interpreter that starts but cannot find pdd (the system python3, outside the venv).
    const bare = path.join(dir, 'bare')
    mkdirSync(bare)
    const noPdd = consoleScript(bare, '/usr/bin/python3', path.join(dir, 'm2'))
    expect(await installedPddVersion([noPdd], env, dir)).toBeNull()
  })

  it('leaves a pdd imported from a git checkout (an editable install) to `pdd --version`', async () => {
    const venv = requirePddVenv()
    const dir = tempDir()
    const checkout = path.join(dir, 'checkout')
    mkdirSync(path.join(checkout, '.git'), { recursive: true })
    mkdirSync(path.join(checkout, 'pdd'))
    writeFileSync(path.join(checkout, 'pdd', '__init__.py'), '')
    const pdd = consoleScript(dir, venv.python, path.join(dir, 'm'))
    expect(await installedPddVersion([pdd], pddEnv(), dir)).toBe(venv.version)
    expect(await installedPddVersion([pdd], pddEnv({ PYTHONPATH: checkout }), dir)).toBeNull()
  })
})
