import { appendFileSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, expect } from 'vitest'

/**
 * With `PDD_SYNC_TEST_CPU_LOG=<file>` (vitest.config.ts adds this setup file only then): appends one TSV line per
 * test file, `file  worker-cpu-s  children-cpu-s`, the worker's own CPU and that of the processes it started and
 * waited for (pdd, git, node, and their own children), from /proc/self/stat across the file. A worker runs one
 * file at a time, so the two differences belong to that file. Then the worker's pid and the file's start and end
 * (epoch s), which helpers/py-log-report.ts matches with the Pythons that `PDD_SYNC_TEST_PY_LOG` logs.
 */
const TICK = 100

function cpu(): { self: number; children: number } {
  const stat = readFileSync('/proc/self/stat', 'utf8')
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // Fields 14-17 of proc(5) (utime, stime, cutime, cstime) are 11-14 after the state field.
  const n = (i: number): number => Number(f[i]) / TICK
  return { self: n(11) + n(12), children: n(13) + n(14) }
}

// Evaluated again before each test file (setup files are, with or without isolation): counts its imports too.
const start = cpu()
const startedAt = Date.now() / 1000
afterAll(() => {
  const log = process.env.PDD_SYNC_TEST_CPU_LOG
  const file = expect.getState().testPath
  if (!log || !file) return
  const end = cpu()
  const row = [path.relative(process.cwd(), file), end.self - start.self, end.children - start.children]
  const when = [String(process.pid), startedAt.toFixed(3), (Date.now() / 1000).toFixed(3)]
  appendFileSync(
    log,
    `${[...row.map(v => (typeof v === 'number' ? v.toFixed(2) : v)), ...when].join('\t')}\n`
  )
})
