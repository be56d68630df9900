import type { RunResult, UnitResult } from '../execute/result.js'
import type { UnitStatus } from '../state/record.js'
import {
  codeSpan,
  count,
  dollars,
  escapeName,
  escapeText,
  linkUrl,
  oneLine,
  units
} from './checklist-text.js'

/** What the pull request body and the job summary are rendered from. Only `result` and `trigger` are required. */
export interface ChecklistInput {
  result: RunResult
  /** Said once in the summary: the pull request was opened with a `draft` label (drafts unsupported). */
  draftNotice?: string
  /** The event that started the run (`push`, `workflow_dispatch`, `schedule`, `cli`). */
  trigger: string
  /** `pdd --version` (e.g. `0.0.310`); falls back to `result.pddVersion`. Shown as `pdd-cli 0.0.310`. */
  pddVersion?: string
  /** The workflow run's page. */
  runUrl?: string
  /** `owner/repo`, for the re-run command. */
  repository?: string
  /** The workflow file (`pdd-sync.yml`) for `gh workflow run`; without it the re-run is described in words. */
  workflowFile?: string
  /** The ref to dispatch the re-run on. */
  ref?: string
  /** Unit id → repository-relative prompt path. */
  promptPaths?: Record<string, string>
  /** Unit id → `.pddrc` context (`default` is left out of commands). */
  contextOf?: Record<string, string>
  /** The budget ran out (also implied by any `skipped-budget` unit). */
  budgetExhausted?: boolean
  /** `false`, or a warning text, when the run record could not be pushed to git notes. */
  notesSaved?: boolean | string
  /** Set when the bot branch has a human commit and was left alone. */
  humanCommitBlock?: string
  /** Set when the pull request could not be created or updated. */
  prBlocked?: string
  /** Results of earlier runs still on the bot branch and kept on it (`<basename> (<languages>)`). */
  carried?: string[]
}

/** Statuses in the order they are counted and listed: the ones that need attention first. */
export const STATUS_ORDER: readonly UnitStatus[] = [
  'failed',
  'conflict',
  'skipped-runtime',
  'skipped-dependency',
  'skipped-budget',
  'synced',
  'unchanged'
]

const STATUS_LABEL: Record<UnitStatus, string> = {
  failed: 'failed',
  conflict: 'conflict (manual merge)',
  'skipped-runtime': 'skipped (runtime)',
  'skipped-dependency': 'skipped (dependency)',
  'skipped-budget': 'skipped (budget)',
  synced: 'synced',
  unchanged: 'unchanged'
}

/** A unit that needs attention: anything but `synced` and `unchanged`. */
export function needsAttention(u: Pick<UnitResult, 'status'>): boolean {
  return u.status !== 'synced' && u.status !== 'unchanged'
}

/** Units per status. */
export function statusCounts(result: Pick<RunResult, 'units'>): Record<UnitStatus, number> {
  const counts = Object.fromEntries(STATUS_ORDER.map(s => [s, 0])) as Record<UnitStatus, number>
  for (const u of result.units) counts[u.status] = (counts[u.status] ?? 0) + 1
  return counts
}

/** `**2 synced** · **1 failed** · 12 unchanged`: the non-zero counts, attention first. */
export function countsLine(result: Pick<RunResult, 'units'>): string {
  const c = statusCounts(result)
  const parts = STATUS_ORDER.filter(s => c[s] > 0).map(s => {
    const t = `${count(c[s])} ${STATUS_LABEL[s]}`
    return s === 'unchanged' ? t : `**${t}**`
  })
  return parts.length > 0 ? parts.join(' · ') : 'No units in scope.'
}

/** `pdd-cli 0.0.310` from `0.0.310`, `v0.0.310` or `pdd-cli 0.0.310`; undefined without a version. */
export function pddCliName(input: Pick<ChecklistInput, 'pddVersion' | 'result'>): string | undefined {
  const v = (input.pddVersion ?? input.result.pddVersion)?.trim()
  if (!v) return undefined
  const m = /\d+(?:\.\d+)+[\w.+-]*/.exec(v)
  return `pdd-cli ${m ? m[0] : escapeName(v)}`
}

/** The run line and the counts line shared by the body and the summary. */
export function runHeader(input: ChecklistInput): string[] {
  const r = input.result
  const spent =
    dollars(r.spent) +
    (r.overshoot !== undefined && r.overshoot > 0 ? ` (overshoot ${dollars(r.overshoot)})` : '')
  const facts = [`Trigger: ${codeSpan(oneLine(input.trigger, 100))}`, `Budget: ${dollars(r.budget)}`]
  facts.push(`Spent: ${spent}`)
  const cli = pddCliName(input)
  if (cli) facts.push(cli)
  if (input.runUrl) facts.push(`[Workflow run](${linkUrl(input.runUrl)})`)
  return [facts.join(' · '), '', countsLine(r)]
}

/** Warnings as GitHub alert blocks: cancelled run, budget, notes not saved, human commit, pull request blocked. */
export function noticeBlocks(input: ChecklistInput): string[] {
  const r = input.result
  const skipped = statusCounts(r)['skipped-budget']
  const texts: string[] = []
  if (r.cancelled)
    texts.push('The run was cancelled; units that had not finished are listed as skipped or failed.')
  if (input.budgetExhausted || skipped > 0)
    texts.push(
      `The budget ran out: ${units(skipped)} skipped for budget; the next run picks up what is left.`
    )
  if (input.notesSaved === false || typeof input.notesSaved === 'string')
    texts.push(
      typeof input.notesSaved === 'string' && input.notesSaved.trim() !== ''
        ? input.notesSaved
        : 'The run record could not be saved to git notes; the next run may redo some work.'
    )
  if (input.humanCommitBlock) texts.push(input.humanCommitBlock)
  if (input.prBlocked) texts.push(input.prBlocked)
  const blocks = texts.map(t => `> [!WARNING]\n> ${escapeText(oneLine(t, 1000))}`)
  const calibration = calibrationNote(r)
  if (calibration) blocks.push(`> [!NOTE]\n> ${escapeText(oneLine(calibration, 2000))}`)
  if (input.draftNotice) blocks.push(`> [!NOTE]\n> ${escapeText(oneLine(input.draftNotice, 1000))}`)
  if (input.carried && input.carried.length > 0) {
    const list = input.carried.slice(0, 50).join(', ') + (input.carried.length > 50 ? ', …' : '')
    blocks.push(`> [!NOTE]\n> Kept from earlier runs, not merged yet: ${escapeText(oneLine(list, 2000))}.`)
  }
  return blocks
}

/** What calibration did in this run (no recorded cost in the repository), or undefined when it did not run. */
export function calibrationNote(r: Pick<RunResult, 'calibration'>): string | undefined {
  const c = r.calibration
  if (!c || c.groups.length === 0) return undefined
  const names = c.groups.slice(0, 10).join(', ') + (c.groups.length > 10 ? ', …' : '')
  const learned =
    c.factor === undefined
      ? ' No cost was booked yet, so the next run calibrates again.'
      : ` Later groups were estimated at ${c.factor.toPrecision(2)} × PDD's table, from what those cost; the next run estimates from this run's record.`
  return (
    'Calibrating: this repository had no recorded cost, so the only estimates were PDD’s table. ' +
    `Groups ran one at a time, each with all that was left of the budget as \`--budget\` (${names}).${learned}`
  )
}

/**
 * Units with work grouped by basename. Groups are ordered by their most urgent unit (failed, conflict,
 * skipped-dependency, skipped-budget, then synced), ties in result order (the plan's order); units keep result
 * order within a group. Unchanged units are left out.
 */
export function groupByBasename(
  result: Pick<RunResult, 'units'>
): Array<{ basename: string; units: UnitResult[] }> {
  const groups = new Map<string, UnitResult[]>()
  for (const u of result.units) {
    if (u.status === 'unchanged') continue
    const g = groups.get(u.basename)
    if (g) g.push(u)
    else groups.set(u.basename, [u])
  }
  const rank = (us: UnitResult[]): number =>
    us.reduce((m, u) => Math.min(m, STATUS_ORDER.indexOf(u.status)), STATUS_ORDER.length)
  return [...groups]
    .map(([basename, us]) => ({ basename, units: us, rank: rank(us) }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ basename, units: us }) => ({ basename, units: us }))
}
