import type { RunResult, UnitResult } from '../execute/result.js'
import { CHECKLIST_MARKER, REASON_CAP, checklistLine, nextStep } from './checklist-line.js'
import {
  groupByBasename,
  needsAttention,
  noticeBlocks,
  runHeader,
  statusCounts,
  type ChecklistInput
} from './checklist-run.js'
import {
  codePoints,
  count,
  escapeName,
  linkUrl,
  oneLine,
  sliceCodePoints,
  truncate,
  units
} from './checklist-text.js'

export type { ChecklistInput } from './checklist-run.js'
export {
  CHECKLIST_MARKER,
  REASON_CAP,
  checklistLine,
  nextStep,
  pddCommand,
  rerunCommand,
  unitMarker
} from './checklist-line.js'
export { estimateLine, renderSummary } from './summary.js'
export { calibrationNote, countsLine, needsAttention, pddCliName, statusCounts } from './checklist-run.js'

/** The outcome of a run (output `status`), see {@link runStatus}. */
export type RunStatus = 'success' | 'partial' | 'budget' | 'failure'

/**
 * The outcome of a run, over the units that had work (every status but `unchanged`):
 * - `success`: every unit with work synced (also when no unit had work);
 * - `budget`: no unit failed or conflicted, but some were skipped for budget (and their dependents for them):
 *   the budget ran out, nothing went wrong; the next run picks them up;
 * - `failure`: no unit with work synced, and one failed or conflicted;
 * - `partial`: some synced and some failed or conflicted. `conflict` and `skipped-*` never count as success.
 */
export function runStatus(result: Pick<RunResult, 'units'>): RunStatus {
  const work = result.units.filter(u => u.status !== 'unchanged')
  const synced = work.filter(u => u.status === 'synced').length
  if (synced === work.length) return 'success'
  const broken = work.some(u => u.status === 'failed' || u.status === 'conflict')
  if (!broken && work.some(u => u.status === 'skipped-budget')) return 'budget'
  return synced === 0 ? 'failure' : 'partial'
}

/** Input `fail-on`: when the step fails. */
export type FailOn = 'never' | 'any-failure' | 'all-failed' | 'any-unsynced'

/**
 * Whether the step fails, by `fail-on`: `never`; `all-failed` (default) when the status is `failure` (a run
 * short of budget is `budget`, not `failure`); `any-failure` when any unit failed or conflicted (budget skips
 * do not count); `any-unsynced` when any unit with work did not sync, budget skips included.
 */
export function failsStep(result: Pick<RunResult, 'units'>, failOn: FailOn): boolean {
  const status = runStatus(result)
  if (failOn === 'all-failed') return status === 'failure'
  if (failOn === 'any-failure')
    return result.units.some(u => u.status === 'failed' || u.status === 'conflict')
  if (failOn === 'any-unsynced') return status !== 'success'
  return false
}

/**
 * The pull request title. Default: `pdd sync: N units updated` (N = synced units). A template may use
 * `{synced}` (synced units), `{failed}` (units with status `failed`) and `{base}` (the base branch: `base`, else
 * `result.branch` without its `pdd-sync/` prefix). One line, at most 256 characters.
 */
export function pullRequestTitle(result: RunResult, template?: string, base?: string): string {
  const c = statusCounts(result)
  const b = base ?? result.branch?.replace(/^pdd-sync\//, '') ?? ''
  const raw =
    template && template.trim() !== ''
      ? template.replace(/\{(synced|failed|base)\}/g, (_m, k: string) =>
          k === 'synced' ? String(c.synced) : k === 'failed' ? String(c.failed) : b
        )
      : `pdd sync: ${units(c.synced)} updated`
  return truncate(oneLine(raw, 256), 256)
}

interface BodyMode {
  /** Next steps as sub-bullets. */
  steps: boolean
  /** Reason cap in code points. */
  cap: number
  /** List only units needing attention. */
  attentionOnly: boolean
  /** Keep the lines that fit instead of giving up on this mode. */
  greedy: boolean
}

/** Ever smaller forms of the listing, tried in turn until one fits (see {@link renderPullRequestBody}). */
const BODY_MODES: readonly BodyMode[] = [
  { steps: true, cap: REASON_CAP, attentionOnly: false, greedy: false },
  { steps: false, cap: 300, attentionOnly: false, greedy: false },
  { steps: true, cap: 300, attentionOnly: true, greedy: false },
  { steps: false, cap: 300, attentionOnly: true, greedy: false },
  { steps: false, cap: 100, attentionOnly: true, greedy: true }
]

/** Room kept for the "… N more units" line. */
const COUNT_LINE_ROOM = 600

/** The grouped lines of one mode within `room` code points: null when a non-greedy mode does not fit. */
function listing(
  input: ChecklistInput,
  mode: BodyMode,
  room: number
): { text: string; shown: UnitResult[] } | null {
  const out: string[] = []
  const shown: UnitResult[] = []
  let used = 0
  for (const g of groupByBasename(input.result)) {
    const list = mode.attentionOnly ? g.units.filter(needsAttention) : g.units
    let heading = `${out.length > 0 ? '\n' : ''}### ${escapeName(g.basename)}\n`
    for (const u of list) {
      const line = checklistLine(u, mode.steps ? nextStep(u, input) : undefined, mode.cap)
      const size = codePoints(heading) + codePoints(line) + 1
      if (used + size > room) return mode.greedy ? { text: out.join(''), shown } : null
      out.push(heading, line, '\n')
      heading = ''
      used += size
      shown.push(u)
    }
  }
  return { text: out.join(''), shown }
}

/** `… 9,900 more units (9,900 synced), see the job summary.` for the units a listing left out. */
function moreLine(input: ChecklistInput, shown: UnitResult[]): string {
  const listed = new Set(shown)
  const rest = input.result.units.filter(u => u.status !== 'unchanged' && !listed.has(u))
  if (rest.length === 0) return ''
  const c = statusCounts({ units: rest })
  const parts = Object.entries(c)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${count(n)} ${s}`)
  const where = input.runUrl ? `[job summary](${linkUrl(input.runUrl)})` : 'job summary'
  return `_… ${units(rest.length, 'more unit')} (${parts.join(', ')}), see the ${where}._`
}

/** The action's footer: a note for people and the hidden ownership marker. */
export function bodyFooter(): string {
  return `---\n<sub>Written by pdd-sync-action on every run; edits to this description are overwritten. Tick a unit's box, or comment <code>/pdd-sync retry failed</code>, to re-run it (with the PR-control workflow; without it, boxes are display only).</sub>\n\n${CHECKLIST_MARKER}\n`
}

/** `text` cut at a line end so that it plus a truncation notice and `footer` fit in `limit` code points. */
function hardTruncate(text: string, footer: string, limit: number): string {
  const notice = `\n_… cut to fit GitHub's size limit; see the job summary._\n\n${footer}`
  const room = limit - codePoints(notice)
  if (room < 0) return sliceCodePoints(`${text}\n${footer}`, limit)
  const head = sliceCodePoints(text, room)
  const cut = head.length < text.length ? head.slice(0, Math.max(0, head.lastIndexOf('\n'))) : head
  return `${cut}${notice}`
}

/**
 * The pull request body: a title, the run line (trigger, budget, spent and overshoot, `pdd-cli 0.0.N`, run link),
 * counts per status, warnings, then one checklist line per unit grouped under a `### <basename>` heading.
 * Basenames are ordered by their most urgent unit (failed, conflict, skipped-dependency, skipped-budget, synced),
 * ties in result (plan) order; languages keep result order; unchanged units are only counted. The footer holds {@link CHECKLIST_MARKER}. The body stays within `limit` code points (GitHub rejects
 * more than 65,536): it drops next steps and shortens reasons first, then lists only the units needing attention
 * with a count of the rest, then as many of those as fit, and as a last resort cuts the text with a notice.
 */
export function renderPullRequestBody(input: ChecklistInput, limit = 60_000): string {
  const notices = noticeBlocks(input)
  const head = ['## pdd sync', '', ...runHeader(input), ...notices.flatMap(n => ['', n]), '', ''].join('\n')
  const footer = bodyFooter()
  const room = limit - codePoints(head) - codePoints(footer) - COUNT_LINE_ROOM
  const anyListed = input.result.units.some(u => u.status !== 'unchanged')
  let text = head + (anyListed ? '' : 'Nothing to sync: every unit in scope is in sync.\n')
  for (const mode of anyListed ? BODY_MODES : []) {
    const l = listing(input, mode, room)
    if (!l) continue
    const more = moreLine(input, l.shown)
    const hint =
      !mode.steps && l.shown.some(needsAttention)
        ? '_Next steps for each unit are in the job summary._\n'
        : ''
    text = [head + l.text, hint, more ? `${more}\n` : ''].filter(t => t !== '').join('\n')
    break
  }
  const body = `${text}\n${footer}`
  return codePoints(body) <= limit ? body : hardTruncate(text, footer, limit)
}
