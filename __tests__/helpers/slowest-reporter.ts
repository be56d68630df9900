import { writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Reporter, TestModule } from 'vitest/node'

/**
 * Prints the ten slowest test files when a run ends (their tests' and hooks' time), to keep feedback fast. With
 * `PDD_SYNC_TEST_TIMELINE=<file>`, also writes when each file started and ended (ms from the run's start, TSV),
 * to see how the two workers were kept busy. With `PDD_SYNC_TEST_DURATIONS=<file>`, writes each file's seconds
 * (JSON, longest first): `durations.json` of this folder is such a file, which sequencer.ts orders a fresh clone by.
 */
export default class SlowestFilesReporter implements Reporter {
  private readonly t0 = Date.now()
  private readonly spans = new Map<string, { start: number; end?: number }>()

  onTestModuleStart(m: TestModule): void {
    this.spans.set(m.moduleId, { start: Date.now() - this.t0 })
  }

  onTestModuleEnd(m: TestModule): void {
    const s = this.spans.get(m.moduleId)
    if (s) s.end = Date.now() - this.t0
  }

  onTestRunEnd(modules: readonly TestModule[]): void {
    this.writeTimeline()
    this.writeDurations(modules)
    const rows = modules
      .map(m => ({ file: path.relative(process.cwd(), m.moduleId), ms: m.diagnostic().duration }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10)
    if (rows.length === 0) return
    const lines = rows.map(r => `  ${(r.ms / 1000).toFixed(1).padStart(7)} s  ${r.file}`)
    process.stdout.write(`\nSlowest test files:\n${lines.join('\n')}\n`)
  }

  private writeDurations(modules: readonly TestModule[]): void {
    const out = process.env.PDD_SYNC_TEST_DURATIONS
    if (!out) return
    const rows = modules
      .map(
        m =>
          [
            path.relative(process.cwd(), m.moduleId).split(path.sep).join('/'),
            m.diagnostic().duration
          ] as const
      )
      .sort((a, b) => b[1] - a[1])
    writeFileSync(
      out,
      `${JSON.stringify(Object.fromEntries(rows.map(([f, ms]) => [f, Math.round(ms / 100) / 10])), null, 2)}\n`
    )
  }

  private writeTimeline(): void {
    const out = process.env.PDD_SYNC_TEST_TIMELINE
    if (!out) return
    const rows = [...this.spans]
      .sort((a, b) => a[1].start - b[1].start)
      .map(([f, s]) => `${s.start}\t${s.end ?? ''}\t${path.relative(process.cwd(), f)}`)
    writeFileSync(out, `${rows.join('\n')}\n`)
  }
}
