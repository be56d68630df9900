/**
 * What a person watching the Actions log sees of one group's sync (docs/architecture.md "Logs"): a line when it
 * starts, PDD's lines live as they arrive (prefixed with the group, PDD's INFO/DEBUG logging left out), heartbeats
 * that name PDD's current phase, and at the end one collapsed group whose title carries the outcome and which
 * holds the same filtered lines. The whole output, unfiltered, goes to a file kept for the run's log artifact.
 * Everything goes through the caller's reporter, which redacts.
 */
import { createWriteStream, type WriteStream } from 'node:fs'
import type { Reporter } from '../adapters/reporter.js'
import type { UnitResult } from './result.js'

// eslint-disable-next-line no-control-regex -- terminal colour codes are what is stripped
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g

/**
 * Python logging records at INFO or DEBUG, as PDD's modules and LiteLLM format them: `2026-12-06 18:00:00,123 -
 * pdd.llm_invoke - INFO - …`, `INFO: …`, `DEBUG:name:…`, `18:00:00 - LiteLLM:INFO: utils.py:… - …`.
 */
const NOISE = [
  /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:[.,]\d+)?\s+-\s+(?:\S+\s+-\s+)?(?:DEBUG|INFO)\s+-\s/,
  /^(?:DEBUG|INFO)(?::|\s+-\s)/,
  /\bLiteLLM(?:\s+\w+)?:(?:DEBUG|INFO)\b/
]

/** Whether a line of PDD's output is its INFO/DEBUG logging (kept in the artifact, not shown in the log). */
export function isNoise(line: string): boolean {
  const plain = line.replace(ANSI, '').trim()
  return NOISE.some(re => re.test(plain))
}

/** The phase a `PDD_PHASE: <name>` marker names (`sync_orchestration.py` prints one per operation), or null. */
export function phaseOf(line: string): string | null {
  const m = /^PDD_PHASE:\s*(\S.*)$/.exec(line.replace(ANSI, '').trim())
  return m?.[1]?.trim() ?? null
}

const money = (n: number | null | undefined): string =>
  n === null || n === undefined ? 'cost unknown' : `$${n.toFixed(4)}`

/** `▶ calculator: calculator_python, calculator_typescript · est. $0.0300 · admitted $0.0450`. */
export function startLine(basename: string, units: string[], estimate: number, admitted: number): string {
  return `▶ ${basename}: ${units.join(', ')} · est. ${money(estimate)} · admitted ${money(admitted)}`
}

/** What became of one unit, in a few words (`synced`, `crash failed`, `timed out`). */
function unitOutcome(u: UnitResult): string {
  if (u.status !== 'failed') return u.status
  if (/^timed out/.test(u.reason)) return 'timed out'
  if (/^cancelled/.test(u.reason)) return 'cancelled'
  const last = u.operations.at(-1)
  return last ? `${last} failed` : 'failed'
}

/**
 * The title of a finished group: `✅ backend/report · synced · $0.0016 · 17.5 s`, `❌ calculator · crash failed ·
 * …`; a group whose languages ended differently names each (`⚠️ calc · python synced, typescript fix failed · …`).
 */
export function outcomeTitle(
  basename: string,
  units: UnitResult[],
  cost: number | null,
  seconds: number
): string {
  const synced = units.filter(u => u.status === 'synced').length
  const icon = synced === units.length && synced > 0 ? '✅' : synced === 0 ? '❌' : '⚠️'
  const each = units.map(unitOutcome)
  const what =
    new Set(each).size <= 1
      ? (each[0] ?? 'nothing ran')
      : units.map((u, i) => `${u.language} ${each[i]}`).join(', ')
  return `${icon} ${basename} · ${what} · ${money(cost)} · ${seconds.toFixed(1)} s`
}

/** Lines kept for the group printed at the end (the live lines are not limited). */
const KEPT = 5000

/** One group's log: live lines, heartbeats, the closing group and the full output file. */
export class GroupLog {
  private readonly shown: string[] = []
  private phase: string | null = null
  private readonly file: WriteStream | null
  private hidden = 0

  /** `fullLog`: where the whole output is written (for the artifact), or undefined to keep none. */
  constructor(
    private readonly basename: string,
    private readonly reporter: Reporter,
    fullLog?: string
  ) {
    this.file = fullLog === undefined ? null : createWriteStream(fullLog, { flags: 'a' })
    // A file that cannot be written must not stop the sync: the log artifact then lacks it.
    this.file?.on('error', () => undefined)
  }

  /** One line of PDD's output, as it arrives. */
  line(stream: 'stdout' | 'stderr', line: string): void {
    this.file?.write(stream === 'stderr' ? `[stderr] ${line}\n` : `${line}\n`)
    const phase = phaseOf(line)
    if (phase !== null) this.phase = phase
    if (isNoise(line)) {
      this.hidden++
      return
    }
    this.reporter.info(`[${this.basename}] ${line}`)
    if (this.reporter.folds === true && this.shown.length < KEPT) this.shown.push(line)
  }

  /** `[calculator] still running after 60 s, phase crash (admitted $0.05)`. */
  heartbeat(elapsedMs: number, admitted: number): void {
    const phase = this.phase === null ? '' : `, phase ${this.phase}`
    this.reporter.info(
      `[${this.basename}] still running after ${Math.round(elapsedMs / 1000)} s${phase} (admitted ${money(admitted)})`
    )
  }

  /** The last phase PDD named, if any. */
  get currentPhase(): string | null {
    return this.phase
  }

  /**
   * Prints the group titled with the outcome; closes the file. Where groups fold (the Actions log) it holds the
   * filtered lines again, so that each group's output is one click away after the interleaved live lines; on a
   * terminal, which shows a group inline, the lines were just printed live and are not repeated.
   */
  async finish(title: string): Promise<void> {
    const shown = this.reporter.folds === true ? this.shown : []
    const hidden = this.hidden
    await this.reporter.group(title, () => {
      for (const l of shown) this.reporter.info(l)
      if (shown.length === KEPT) this.reporter.info(`… more lines in the log artifact`)
      if (hidden > 0)
        this.reporter.info(`(${hidden} INFO/DEBUG line(s) of PDD's logging left out; see the log artifact)`)
      return Promise.resolve()
    })
    await this.close()
  }

  /** Closes the full-output file (every line written so far is in it). */
  close(): Promise<void> {
    const file = this.file
    if (file === null || file.writableEnded) return Promise.resolve()
    return new Promise(resolve => file.end(() => resolve()))
  }
}
