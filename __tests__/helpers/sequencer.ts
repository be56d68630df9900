import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * Longest files first, so that two workers finish together (no long file started last while the other worker
 * idles). Vitest's own order uses the durations of the last run when it has them; a fresh clone (CI) has none,
 * and vitest then runs the largest files first, which puts a short 800-line table before a 150-line file that
 * waits two minutes on pdd. Here a file without a recorded duration is estimated from its kind (the name's
 * `.pdd.` / `.e2e.` / `.int.` / `.unit.`: real-PDD scenarios are the long ones, unit tables the short ones), and
 * files that failed last time still run first.
 *
 * Between the two: `durations.json` beside this file, the seconds each file took in a full run on a 2-core machine
 * (`PDD_SYNC_TEST_DURATIONS=__tests__/helpers/durations.json npm test` rewrites it; see slowest-reporter.ts). A
 * fresh clone has no cache, and the kind alone ranks a 10 s `.pdd.` file above a 120 s one.
 */
const ESTIMATE_MS: [RegExp, number][] = [
  [/\.pdd\.test\.ts$/, 60_000],
  [/\.e2e\.test\.ts$/, 20_000],
  [/\.int\.test\.ts$/, 5_000],
  [/\.unit\.test\.ts$/, 1_000]
]

/** Seconds per file (path from the repository root) of the last full run written to `durations.json`. */
function recordedSeconds(): Record<string, number> {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'durations.json')
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>
  } catch {
    return {}
  }
}

export default class KindSequencer extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache
    const root = this.ctx.config.root
    const seconds = recordedSeconds()
    const known = (f: TestSpecification): { failed: boolean; ms: number } => {
      const key = `${f.project.name}:${path.relative(root, f.moduleId)}`
      const last = cache.getFileTestResults(key)
      if (last) return { failed: last.failed, ms: last.duration }
      const recorded = seconds[path.relative(root, f.moduleId).split(path.sep).join('/')]
      if (recorded !== undefined) return { failed: false, ms: recorded * 1_000 }
      const size = cache.getFileStats(key)?.size ?? 0
      const kind = ESTIMATE_MS.find(([re]) => re.test(f.moduleId))?.[1] ?? 5_000
      // Within a kind, the larger file first (a tie-break worth far less than a kind).
      return { failed: false, ms: kind + size / 1_000 }
    }
    const rows = files.map(f => ({ f, ...known(f) }))
    rows.sort((a, b) => Number(b.failed) - Number(a.failed) || b.ms - a.ms)
    return Promise.resolve(rows.map(r => r.f))
  }
}
