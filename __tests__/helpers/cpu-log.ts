import { appendFileSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, expect } from 'vitest'

/**
 * With `PDD_SYNC_TEST_CPU_LOG=<file>` (vitest.config.ts adds this setup file only then): appends one TSV line per
 * test file, `file  worker-cpu-s  children-cpu-s`, the worker's own CPU and that of the processes it started and
 * waited for (pdd, git, node, and their own children), from /proc/self/stat across the file. A worker runs one
 * file at a time, so the two differences belong to that file.
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
afterAll(() => {
  const log = process.env.PDD_SYNC_TEST_CPU_LOG
  const file = expect.getState().testPath
  if (!log || !file) return
  const end = cpu()
  const row = [path.relative(process.cwd(), file), end.self - start.self, end.children - start.children]
  appendFileSync(log, `${row.map(v => (typeof v === 'number' ? v.toFixed(2) : v)).join('\t')}\n`)
})
