import path from 'node:path'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * Longest files first, so that two workers finish together (no long file started last while the other worker
 * idles). Vitest's own order uses the durations of the last run when it has them; a fresh clone (CI) has none,
 * and vitest then runs the largest files first, which puts a short 800-line table before a 150-line file that
 * waits two minutes on pdd. Here a file without a recorded duration is estimated from its kind (the name's
 * `.pdd.` / `.e2e.` / `.int.` / `.unit.`: real-PDD scenarios are the long ones, unit tables the short ones), and
 * files that failed last time still run first.
 */
const ESTIMATE_MS: [RegExp, number][] = [
  [/\.pdd\.test\.ts$/, 60_000],
  [/\.e2e\.test\.ts$/, 20_000],
  [/\.int\.test\.ts$/, 5_000],
  [/\.unit\.test\.ts$/, 1_000]
]

export default class KindSequencer extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache
    const root = this.ctx.config.root
    const known = (f: TestSpecification): { failed: boolean; ms: number } => {
      const key = `${f.project.name}:${path.relative(root, f.moduleId)}`
      const last = cache.getFileTestResults(key)
      if (last) return { failed: last.failed, ms: last.duration }
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
