/**
 * A `pdd` stand-in that, after it synced one basename, runs a shell command in the project (a file replaced by a
 * link, a folder by a link, a prompt deleted: what pdd or the code its tests run might leave), and a `pdd-sync run`
 * of a repository with it. Shared by the stray-output tests (probe-stray-output, probe7-linked-*).
 */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect } from 'vitest'
import type { RunResult } from '../../src/execute/result.js'
import { runCliAsync } from './bundles.js'
import { FAKE_PROVIDER_ENV, installFakePdd } from './fake-pdd.js'
import { tempDir } from './git-repo.js'

/** The stand-in, then `after` (shell, trusted test text) in the project when it synced `base`. */
export function pddThen(after: string, base = 'calc'): string {
  const dir = tempDir('pdd-then-')
  const [pdd] = installFakePdd(path.join(dir, 'bin'))
  const wrap = path.join(dir, 'pdd-wrap')
  writeFileSync(
    wrap,
    `#!/bin/sh\n"${pdd}" "$@"; rc=$?\nfor a in "$@"; do last="$a"; done\nif [ "$last" = ${base} ]; then ${after}; fi\nexit $rc\n`
  )
  chmodSync(wrap, 0o755)
  return wrap
}

/** `pdd-sync run` of `repo` with `pdd` (exit 0 expected) and the RunResult it wrote. */
export async function runWith(repo: string, pdd: string, keepPartial: boolean): Promise<RunResult> {
  const out = path.join(tempDir(), 'result.json')
  const args = ['run', '--repo', repo, '--pdd-command', pdd, '--no-fetch', '--result', out]
  const r = await runCliAsync(
    keepPartial ? [...args, '--keep-partial'] : args,
    { ...FAKE_PROVIDER_ENV },
    repo
  )
  expect(r.status, r.stderr.slice(-2000)).toBe(0)
  return JSON.parse(readFileSync(out, 'utf8')) as RunResult
}
