/**
 * Reads what `pdd sync` printed (pdd-cli 0.0.310, headless, NO_COLOR): the `PDD_PHASE:` markers
 * (`pdd/sync_orchestration.py` L2644–2751), the per-language lines and final "PDD Sync Complete" table and
 * panel (`pdd/sync_main.py` L812, L829, L1363–1402), and the messages that name a failure. Pure.
 */
import type { RunReport } from '../types.js'
import { cleanReason, clipLine, looksLikeSource, oneLine } from './reason.js'
import { stepErrors } from './step-error.js'

/** One row of PDD's final table. */
export interface LanguageRow {
  language: string
  status: 'Success' | 'Failed'
  /** Dollars as printed (`$0.0160`, 4 decimals). */
  cost: number | null
  /** The Details cell, one entry per printed line (Rich wraps long text and keeps the text's own line breaks). */
  details: string[]
  /** From a success summary `Completed: a, b; skipped: c` (`_compose_sync_summary`). */
  completed?: string[]
  skipped?: string[]
}

/** Everything {@link parseSyncOutput} found. */
export interface ParsedSyncOutput {
  /** Every `PDD_PHASE:` value in order: operations, `skip:<op>`, and the terminal `synced` / `conflict`. */
  phases: string[]
  /** The same, per language (from "🚀 Syncing for language: <lang>..."); phases before any such line under ''. */
  phasesByLanguage: Record<string, string[]>
  /** Rows of the final table, in PDD's order (Python first). */
  languages: LanguageRow[]
  /** From the panel `Total time: … | Total cost: $… | Overall status: Success|Failed`; null when not printed. */
  overall: 'Success' | 'Failed' | null
  totalCost: number | null
  /** The amount in PDD's "Budget of $X.XX exceeded." (two decimals), e.g. `$0.01`. */
  budgetExceeded: string | null
  /** Languages PDD skipped with "Budget exhausted. Skipping sync for '<lang>'." */
  budgetExhausted: string[]
  /** "All candidate models failed. Last error (<Type>): <message>", first occurrence. */
  allModelsFailed: string | null
  /** Basename of "No prompt files found for basename '<b>' in directory '<d>'." (a Click usage error, exit 2). */
  noPromptFiles: { basename: string; directory: string } | null
  /** The message of a Click usage error ("Usage: pdd …" then "Error: <message>"). */
  usageError: string | null
  /** Last line of a Python traceback (`<Type>: <message>`), plain or drawn by Rich. */
  traceback: string | null
  /** "Error tracking cost: <error>": PDD could not append its cost row. */
  costTrackingError: string | null
  /** Click's "Aborted!" (an interactive prompt in a non-interactive run). */
  aborted: boolean
  /**
   * Per language (lower-case; '' before any language line), what PDD printed about the failure of its last
   * step: the command that could not run, a "… failed: …" message, or the last error line (see step-error.ts).
   */
  stepErrors: Record<string, string>
}

const PHASE = /^\s*PDD_PHASE: (\S+)\s*$/
const LANGUAGE = /^\s*🚀 Syncing for language: (\S+?)\.\.\.\s*$/
const PANEL = /Total cost: \$([0-9.]+) \| Overall status: (Success|Failed)/
const BUDGET = /Budget of \$([0-9.]+) exceeded\./
const EXHAUSTED = /Budget exhausted\. Skipping sync for '([^']+)'\./
const MODELS = /All candidate models failed\. Last error \(([^)]+)\)(?::\s*(.*))?/
const NO_PROMPT = /No prompt files found for basename '([^']*)' in directory '([^']*)'/
const EXCEPTION =
  /^(?:[A-Za-z_][\w.]*\.)?([A-Z]\w*(?:Error|Exception|Interrupt|Exit)|KeyboardInterrupt)(?::\s?(.*))?$/

/** Parses a sync's output. stdout carries PDD's markers and table; stderr its logs and Click errors. */
export function parseSyncOutput(stdout: string, stderr = ''): ParsedSyncOutput {
  const out = stdout.split(/\r\n|\r|\n/)
  const err = stderr.split(/\r\n|\r|\n/)
  const all = [...out, ...err]
  const parsed: ParsedSyncOutput = {
    ...scanPhases(out),
    stepErrors: stepErrors(out, err),
    languages: parseTable(out),
    overall: null,
    totalCost: null,
    budgetExceeded: firstMatch(all, BUDGET)?.[1] ?? null,
    budgetExhausted: all.flatMap(l => EXHAUSTED.exec(l)?.[1] ?? []),
    allModelsFailed: modelsFailed(all),
    noPromptFiles: null,
    usageError: usageError(err) ?? usageError(out),
    traceback: tracebackLine(err) ?? tracebackLine(out),
    costTrackingError: firstMatch(all, /Error tracking cost: (.*)$/)?.[1]?.trim() ?? null,
    aborted: all.some(l => l.trim() === 'Aborted!')
  }
  const panel = firstMatch(out, PANEL)
  if (panel) {
    parsed.totalCost = Number(panel[1])
    parsed.overall = panel[2] === 'Success' ? 'Success' : 'Failed'
  }
  const noPrompt = firstMatch(all, NO_PROMPT)
  if (noPrompt) parsed.noPromptFiles = { basename: noPrompt[1] ?? '', directory: noPrompt[2] ?? '' }
  return parsed
}

/** The output narrowed to one language of a multi-language sync: its table row and its phases. */
export function languageView(parsed: ParsedSyncOutput, language: string): ParsedSyncOutput {
  const lang = language.toLowerCase()
  return {
    ...parsed,
    phases: parsed.phasesByLanguage[lang] ?? [],
    phasesByLanguage: { [lang]: parsed.phasesByLanguage[lang] ?? [] },
    languages: parsed.languages.filter(r => r.language.toLowerCase() === lang),
    stepErrors: { [lang]: parsed.stepErrors[lang] ?? parsed.stepErrors[''] ?? '' },
    budgetExhausted: parsed.budgetExhausted.filter(l => l.toLowerCase() === lang)
  }
}

/** The operations PDD ran, in order, without `skip:` markers and the terminal `synced` / `conflict`. */
export function operationsRun(phases: readonly string[]): string[] {
  return phases.filter(p => !p.startsWith('skip:') && p !== 'synced' && p !== 'conflict')
}

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
  const models = MODELS.exec(oneLine(rest))
  if (models)
    return clip(withPhase(/Exception during '([^']+)'/.exec(rest)?.[1] ?? phase, modelsText(models)))
  return clip(oneLine(rest))
}

function reportSummary(r: RunReportSummary): string {
  const tests = `${r.tests_failed} test${r.tests_failed === 1 ? '' : 's'} failing, ${r.tests_passed} passing`
  return `${tests} (exit code ${r.exit_code}, coverage ${r.coverage.toFixed(1)}%)`
}

function withPhase(phase: string | undefined, text: string): string {
  return phase ? `${phase}: ${text}` : text
}

function scanPhases(lines: string[]): Pick<ParsedSyncOutput, 'phases' | 'phasesByLanguage'> {
  const phases: string[] = []
  const byLanguage: Record<string, string[]> = {}
  let language = ''
  for (const line of lines) {
    const lang = LANGUAGE.exec(line)?.[1]
    if (lang) language = lang.toLowerCase()
    const phase = PHASE.exec(line)?.[1]
    if (phase) {
      phases.push(phase)
      ;(byLanguage[language] ??= []).push(phase)
    }
  }
  return { phases, phasesByLanguage: byLanguage }
}

/** Rows of the last table whose header is `Language ┃ Status ┃ Cost (USD) ┃ Details`. */
function parseTable(lines: string[]): LanguageRow[] {
  let rows: LanguageRow[] = []
  let inTable = false
  for (const line of lines) {
    const t = line.trim()
    if (/^┃\s*Language\s*┃\s*Status\s*┃\s*Cost/.test(t)) {
      rows = []
      inTable = true
    } else if (inTable && t.startsWith('└')) {
      inTable = false
    } else if (inTable && t.startsWith('│')) {
      addRowLine(rows, t)
    }
  }
  return rows
}

function addRowLine(rows: LanguageRow[], line: string): void {
  const cells = line.slice(1, line.endsWith('│') ? -1 : undefined).split('│')
  if (cells.length < 4) return
  const [language = '', status = '', cost = ''] = cells.slice(0, 3).map(c => c.trim())
  // The Details cell may itself contain '│'; Rich pads each cell with one space.
  const detail = cells.slice(3).join('│').replace(/^ /, '').trimEnd()
  const last = rows.at(-1)
  if (language === '' && last) {
    last.details.push(detail)
    refreshSummary(last)
    return
  }
  if (status !== 'Success' && status !== 'Failed') return
  const money = /^\$([0-9.]+)$/.exec(cost)
  const row: LanguageRow = { language, status, cost: money ? Number(money[1]) : null, details: [detail] }
  refreshSummary(row)
  rows.push(row)
}

/** `Completed: generate, example; skipped: crash` (possibly wrapped over several lines). */
function refreshSummary(row: LanguageRow): void {
  if (row.status !== 'Success') return
  const text = oneLine(row.details.join(' '))
  const completed = /^Completed: ([^;]+)/.exec(text)?.[1]
  const skipped = /(?:^|; )skipped: ([^;]+)/.exec(text)?.[1]
  const list = (s: string): string[] =>
    s
      .split(',')
      .map(x => x.trim())
      .filter(x => x !== '')
  row.completed = completed ? list(completed) : []
  row.skipped = skipped ? list(skipped) : []
}

function modelsFailed(lines: string[]): string | null {
  for (const line of lines) {
    const m = MODELS.exec(line)
    if (m) return modelsText(m)
  }
  return null
}

function modelsText(m: RegExpExecArray): string {
  const detail = (m[2] ?? '').trim()
  return `All candidate models failed. Last error (${m[1]})${detail ? `: ${detail}` : ''}`
}

function usageError(lines: string[]): string | null {
  const usage = lines.findIndex(l => /^Usage: /.test(l))
  if (usage < 0) return null
  const error = lines.slice(usage).find(l => l.startsWith('Error: '))
  return error ? error.slice('Error: '.length).trim() : null
}

function tracebackLine(lines: string[]): string | null {
  let start = -1
  lines.forEach((l, i) => {
    if (l.includes('Traceback (most recent call last)')) start = i
  })
  if (start < 0) return null
  const found = lines
    .slice(start + 1)
    .map(l => l.trim())
    .filter(l => EXCEPTION.test(l))
  return found.at(-1) ?? null
}

function firstMatch(lines: string[], re: RegExp): RegExpExecArray | null {
  for (const line of lines) {
    const m = re.exec(line)
    if (m) return m
  }
  return null
}

function clip(s: string, max = 240): string {
  return clipLine(s, max)
}
