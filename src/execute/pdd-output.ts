/**
 * Reads what `pdd sync` printed (pdd-cli 0.0.310, headless, NO_COLOR): the `PDD_PHASE:` markers
 * (`pdd/sync_orchestration.py` L2644–2751), the per-language lines and final "PDD Sync Complete" table and
 * panel (`pdd/sync_main.py` L812, L829, L1363–1402), and the messages that name a failure. Pure.
 */
import { oneLine } from './reason.js'
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

/** PDD's "All candidate models failed" message, from the first line that has it. */
export function modelsFailed(lines: string[]): string | null {
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
