/**
 * PDD's own account of a sync the executor ran: a `pdd` wrapper that, besides what real-execute.ts's capturing
 * wrapper notes (worktree, arguments, cost CSV, under the same names), keeps the sync's stdout, stderr, exit code
 * and the project as PDD left it (the executor removes a failed group's worktree, and commits no `.pdd/meta`).
 * An executor run then also shows what `pdd sync` itself did (phases, "Overall status", run report, files), so
 * that real-pdd.e2e.test.ts needs no sync of its own for a scenario an executor test already runs (issue 15:
 * each real sync costs ~8–10 CPU-s).
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { expect } from 'vitest'
import { costOf, type Usage } from './llm-server.js'
import { csvCost, realPdd } from './real-pdd.js'
import type { RealRepo } from './real-execute.js'

/**
 * `[bash, -c, script, pdd]` for `invocation.command` of `runExecutor`. stdout and stderr pass through as they
 * arrive (tee), so the executor sees the same lines; the wrapper exits with pdd's code.
 */
export function recordingCommand(): string[] {
  const pdd = realPdd()?.pdd ?? 'pdd'
  const script = [
    'b="${!#}"; c="$PDD_TEST_CAPTURE"',
    `printf '%s\\n' "$PWD" > "$c/$b.cwd"; printf '%s\\n' "$*" > "$c/$b.args"`,
    // fd 3 is the outer pipe: pdd's stdout goes there, its stderr through the inner tee back to stderr.
    '{ "$0" "$@" 2>&1 1>&3 3>&- | tee "$c/$b.stderr" >&2 3>&-; echo "${PIPESTATUS[0]}" > "$c/$b.rc"; } 3>&1 | tee "$c/$b.stdout"',
    '[ -f "$PDD_OUTPUT_COST_PATH" ] && cp "$PDD_OUTPUT_COST_PATH" "$c/$b.csv"',
    'mkdir -p "$c/$b.tree" && cp -a . "$c/$b.tree/"',
    'exit "$(cat "$c/$b.rc")"'
  ].join('\n')
  return ['/bin/bash', '-c', script, pdd]
}

/** One group's sync as {@link recordingCommand} kept it. */
export interface RecordedSync {
  code: number
  stdout: string
  stderr: string
  /** Whether the project held `rel` when pdd exited. */
  exists(rel: string): boolean
  /** A file of the project as pdd left it. */
  read(rel: string): string
  json(rel: string): Record<string, unknown>
}

/** The recorded sync of the group named `basename`; throws when the wrapper did not run for it. */
export function recordedSync(repo: RealRepo, basename: string): RecordedSync {
  const at = (suffix: string): string => path.join(repo.capture, `${basename}${suffix}`)
  const read = (rel: string): string => readFileSync(path.join(at('.tree'), rel), 'utf8')
  return {
    code: Number(readFileSync(at('.rc'), 'utf8').trim()),
    stdout: readFileSync(at('.stdout'), 'utf8'),
    stderr: readFileSync(at('.stderr'), 'utf8'),
    exists: rel => existsSync(path.join(at('.tree'), rel)),
    read,
    json: rel => JSON.parse(read(rel)) as Record<string, unknown>
  }
}

/** The "Overall status" of PDD's final table. */
export const overall = (stdout: string): string | undefined => /Overall status: (\w+)/.exec(stdout)?.[1]

/**
 * The CSV books every call at the scripted usage, except that the first call of the process may be booked at $0:
 * PDD reads a call's cost (and finish reason) from a global that litellm's success callback sets on a worker
 * thread (pdd/llm_invoke.py `_LAST_CALLBACK_DATA`, litellm/utils.py `executor.submit(...success_handler...)`), so
 * a late first callback leaves it at its initial 0.
 */
export function expectBookedCalls(costCsv: string | null, calls: number, usage?: Usage): void {
  const booked = csvCost(costCsv) / costOf(usage)
  expect(Math.abs(booked - Math.round(booked))).toBeLessThan(1e-6)
  expect(Math.round(booked)).toBeGreaterThanOrEqual(calls - 1)
  expect(Math.round(booked)).toBeLessThanOrEqual(calls)
}
