// Git.open asks `git --version` once per process and PATH (a plan and a run open the repository several times),
// and never remembers a failure: a git that was too old, or missing, is asked again.
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Git } from '../src/adapters/git.js'

const base = mkdtempSync(path.join(tmpdir(), 'git-version-once-'))
afterAll(() => rmSync(base, { recursive: true, force: true }))
const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()

/** A folder with a `git` that logs its first argument, then answers as `body` says. */
function shim(name: string, body: string): { dir: string; log: string } {
  const dir = path.join(base, name)
  execFileSync('mkdir', ['-p', dir])
  const log = path.join(dir, 'calls.log')
  writeFileSync(log, '')
  writeFileSync(path.join(dir, 'git'), `#!/bin/sh\necho "$1" >> '${log}'\n${body}\n`)
  chmodSync(path.join(dir, 'git'), 0o755)
  return { dir, log }
}
const calls = (log: string) => readFileSync(log, 'utf8').split('\n').filter(Boolean)
const repo = path.join(base, 'repo')
execFileSync('git', ['init', '-q', repo])
const PATH = (dir: string) => `${dir}${path.delimiter}${process.env.PATH ?? ''}`

describe('Git.open and git --version', () => {
  it('asks the version once for several opens on one PATH, and again for another PATH', async () => {
    const a = shim('a', `exec '${realGit}' "$@"`)
    const b = shim('b', `exec '${realGit}' "$@"`)
    for (let i = 0; i < 3; i++) await Git.open(repo, { PATH: PATH(a.dir) })
    expect(calls(a.log)).toEqual(['--version', 'rev-parse', 'rev-parse', 'rev-parse'])
    await Git.open(repo, { PATH: PATH(b.dir) })
    expect(calls(b.log)).toEqual(['--version', 'rev-parse'])
  })

  it('does not remember a git that was too old: the next open asks again', async () => {
    const s = shim(
      'old',
      `[ "$1" = --version ] && { echo "git version 2.1.0"; exit 0; }\nexec '${realGit}' "$@"`
    )
    await expect(Git.open(repo, { PATH: PATH(s.dir) })).rejects.toThrow(
      /git 2\.25 or newer is needed; found "git version 2\.1\.0"/
    )
    // The runner's git is upgraded in place (same PATH): it is asked again, and the open succeeds.
    writeFileSync(path.join(s.dir, 'git'), `#!/bin/sh\necho "$1" >> '${s.log}'\nexec '${realGit}' "$@"\n`)
    await Git.open(repo, { PATH: PATH(s.dir) })
    expect(calls(s.log)).toEqual(['--version', '--version', 'rev-parse'])
  })
})
