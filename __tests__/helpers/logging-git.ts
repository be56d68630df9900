import { chmodSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { git, tempDir } from './git-repo.js'

/**
 * A `git` on PATH that logs each command line and runs the real git: `env` puts it first on PATH, `calls` lists
 * the command lines so far.
 */
export function loggingGit(): { env: NodeJS.ProcessEnv; calls: () => string[] } {
  const bin = tempDir('pdd-sync-gitlog-')
  const real = git(bin, '--exec-path').trim()
  const log = path.join(bin, 'calls.log')
  writeFileSync(log, '')
  writeFileSync(
    path.join(bin, 'git'),
    `#!/bin/sh\necho "$*" | tr '\\n' ' ' >> '${log}'\necho >> '${log}'\nexec '${real}/git' "$@"\n`
  )
  chmodSync(path.join(bin, 'git'), 0o755)
  return {
    env: { PATH: `${bin}:${process.env.PATH ?? ''}` },
    calls: () => readFileSync(log, 'utf8').split('\n').filter(Boolean)
  }
}
