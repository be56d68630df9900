import path from 'node:path'
import type { Reporter, TestModule } from 'vitest/node'

/** Prints the ten slowest test files when a run ends (their tests' and hooks' time), to keep feedback fast. */
export default class SlowestFilesReporter implements Reporter {
  onTestRunEnd(modules: readonly TestModule[]): void {
    const rows = modules
      .map(m => ({ file: path.relative(process.cwd(), m.moduleId), ms: m.diagnostic().duration }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10)
    if (rows.length === 0) return
    const lines = rows.map(r => `  ${(r.ms / 1000).toFixed(1).padStart(7)} s  ${r.file}`)
    process.stdout.write(`\nSlowest test files:\n${lines.join('\n')}\n`)
  }
}
