/**
 * The most specific one-line reason a failed `pdd sync` gives, from its parsed output (`pdd-output.ts`) and the
 * unit's run report. Pure.
 */
import type { RunReport } from '../types.js'
import { modelsFailed, operationsRun, type LanguageRow, type ParsedSyncOutput } from './pdd-output.js'
import { cleanReason, clipLine, looksLikeSource, oneLine } from './reason.js'

/** The run report fields a reason can quote. */
export type RunReportSummary = Pick<RunReport, 'exit_code' | 'tests_passed' | 'tests_failed' | 'coverage'>

/**
 * The most specific one-line reason a sync failed. PDD's Details cell is preferred, except when it is the
 * source of a file (crash and fix failures put the fixed program or test there, as pdd-cli 0.0.310 does):
 * then the reason is built from the last operation and the run report.
 */
export function failureReason(
  parsed: ParsedSyncOutput,
  runReport?: RunReportSummary | null,
  lastPhase?: string
): string {
  return cleanReason(rawFailureReason(parsed, runReport, lastPhase))
}

function rawFailureReason(
  parsed: ParsedSyncOutput,
  runReport: RunReportSummary | null | undefined,
  lastPhase: string | undefined
): string {
  const phase = lastPhase ?? operationsRun(parsed.phases).at(-1)
  if (parsed.noPromptFiles) {
    const { basename, directory } = parsed.noPromptFiles
    return `No prompt files found for basename '${basename}' in directory '${directory}'`
  }
  if (parsed.usageError) return clip(`pdd usage error: ${parsed.usageError}`)
  const failed = parsed.languages.find(r => r.status === 'Failed')
  const printed = failed ? parsed.stepErrors[failed.language.toLowerCase()] || parsed.stepErrors[''] : ''
  const fromTable = failed ? reasonFromDetails(failed, runReport, phase, printed) : null
  if (fromTable) return fromTable
  if (parsed.budgetExceeded) return `Budget of $${parsed.budgetExceeded} exceeded.`
  if (parsed.budgetExhausted.length > 0) return 'Budget exhausted: PDD skipped this language'
  if (parsed.allModelsFailed) return clip(withPhase(phase, parsed.allModelsFailed))
  if (parsed.traceback) return clip(`pdd crashed: ${parsed.traceback}`)
  if (parsed.aborted) return 'pdd aborted (an interactive prompt in a non-interactive run)'
  const report = runReport ? reportSummary(runReport) : null
  if (report && phase) return `${phase} failed: ${report}`
  if (parsed.overall === 'Failed') return withPhase(phase, 'PDD reported Overall status: Failed')
  return withPhase(phase, 'PDD reported no reason')
}

function reasonFromDetails(
  row: LanguageRow,
  runReport: RunReportSummary | null | undefined,
  phase: string | undefined,
  printed: string | undefined
): string | null {
  const text = row.details.join('\n').trim()
  if (text === '' || text === 'Step failed') return null
  if (text === 'Budget exhausted') return 'Budget exhausted: PDD skipped this language'
  const rest = text.replace(/^Sync failed:\s*/, '')
  const lines = rest.split('\n')
  if (rest === '' || looksLikeSource(lines)) {
    // The Details cell holds a program or test file: the reason is what PDD printed for the failed step.
    const report = runReport ? reportSummary(runReport) : null
    const what = phase ? `${phase} failed` : 'sync failed'
    if (printed) return clip(`${what}: ${printed}`)
    return report ? `${what}: ${report}` : `${what}: PDD printed no reason (see the pdd sync log)`
  }
  const models = modelsFailed([oneLine(rest)])
  if (models) return clip(withPhase(/Exception during '([^']+)'/.exec(rest)?.[1] ?? phase, models))
  return clip(oneLine(rest))
}

function reportSummary(r: RunReportSummary): string {
  const tests = `${r.tests_failed} test${r.tests_failed === 1 ? '' : 's'} failing, ${r.tests_passed} passing`
  return `${tests} (exit code ${r.exit_code}, coverage ${r.coverage.toFixed(1)}%)`
}

function withPhase(phase: string | undefined, text: string): string {
  return phase ? `${phase}: ${text}` : text
}

function clip(s: string, max = 240): string {
  return clipLine(s, max)
}
