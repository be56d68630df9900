import type { RunResult, UnitResult } from '../execute/result.js'
import type { UnitStatus } from '../state/record.js'
import { nextStep } from './checklist-line.js'
import {
  groupByBasename,
  needsAttention,
  noticeBlocks,
  runHeader,
  type ChecklistInput
} from './checklist-run.js'
import { cell, count, dollars, duration, sliceBytes, units, utf8Bytes } from './checklist-text.js'

const ICON: Record<UnitStatus, string> = {
  synced: '✅',
  failed: '❌',
  conflict: '⚠️',
  'skipped-budget': '⏭️',
  'skipped-dependency': '⏭️',
  'skipped-runtime': '⏭️',
  unchanged: '➖'
}

const TABLE_HEAD =
  '| Unit | Status | Operations | Estimate | Cost | Duration | Reason |\n| --- | --- | --- | ---: | ---: | ---: | --- |'

/** Room kept for the total row and the omission lines. */
const TAIL_ROOM = 4096

function row(u: UnitResult, cap: number): string {
  const ops = u.operations.length > 0 ? cell(u.operations.join(', '), 300) : '—'
  const cost = u.cost === null ? 'unknown' : dollars(u.cost)
  const time = u.duration === undefined ? '—' : duration(u.duration)
  const status = `${ICON[u.status]} ${u.status}${u.partial ? ' (partial)' : ''}`
  const estimate = u.estimate === undefined ? '—' : dollars(u.estimate)
  return `| ${cell(u.id, 300)} | ${status} | ${ops} | ${estimate} | ${cost} | ${time} | ${cell(u.reason, cap)} |`
}

function totalRow(input: ChecklistInput, listed: UnitResult[]): string {
  const known = listed.filter(u => u.duration !== undefined)
  const time = known.length > 0 ? duration(known.reduce((a, u) => a + (u.duration ?? 0), 0)) : '—'
  const estimated = listed.some(u => u.estimate !== undefined)
    ? `**${dollars(listed.reduce((a, u) => a + (u.estimate ?? 0), 0))}**`
    : ''
  return `| **Total** | ${units(listed.length)} with work | | ${estimated} | **${dollars(input.result.spent)}** | ${time} | |`
}

/** A unit that ran `pdd sync` (its cost is real), as opposed to one skipped or left alone by the plan. */
function ran(u: UnitResult): boolean {
  return u.operations.length > 0 || (u.cost ?? 0) > 0 || u.status === 'synced' || u.status === 'failed'
}

/**
 * Estimate against actual over the units that ran: `Estimated $2.15 for the 1 unit that ran; it cost $0.0016
 * (0.0007 × the estimate).` Undefined when no unit that ran carries an estimate.
 */
export function estimateLine(result: Pick<RunResult, 'units'>): string | undefined {
  const ranUnits = result.units.filter(u => ran(u) && u.estimate !== undefined)
  if (ranUnits.length === 0) return undefined
  const estimated = ranUnits.reduce((a, u) => a + (u.estimate ?? 0), 0)
  const actual = ranUnits.reduce((a, u) => a + (u.cost ?? 0), 0)
  const unknown = ranUnits.some(u => u.cost === null) ? ' (some costs unknown)' : ''
  const ratio = estimated > 0 ? ` (${ratioText(actual / estimated)} × the estimate)` : ''
  const they = ranUnits.length === 1 ? 'it' : 'they'
  return `Estimated ${dollars(estimated)} for the ${units(ranUnits.length, 'unit')} that ran; ${they} cost ${dollars(actual)}${unknown}${ratio}.`
}

function ratioText(x: number): string {
  return x >= 0.1 ? x.toFixed(2) : x.toPrecision(2)
}

/** Adds lines while they fit in `room` bytes; returns how many were taken. */
function take(out: string[], lines: string[], room: { left: number }): number {
  let n = 0
  for (const line of lines) {
    const size = utf8Bytes(line) + 1
    if (size > room.left) break
    out.push(line)
    room.left -= size
    n++
  }
  return n
}

function render(input: ChecklistInput, listed: UnitResult[], cap: number, room: number): string[] {
  const left = { left: room }
  const out: string[] = [TABLE_HEAD]
  const rows = take(
    out,
    listed.map(u => row(u, cap)),
    left
  )
  out.push(totalRow(input, listed))
  const versus = estimateLine(input.result)
  if (versus) out.push('', versus)
  if (rows < listed.length)
    out.push('', `_… ${units(listed.length - rows, 'more row')} left out to fit the summary size limit._`)
  const steps = listed
    .filter(needsAttention)
    .map(u => `- **${cell(u.id, 300)}**: ${nextStep(u, input) ?? ''}`)
  if (steps.length === 0) return out
  const section: string[] = []
  const shown = take(section, steps, left)
  if (shown > 0) out.push('', '### Next steps', '', ...section)
  if (shown < steps.length) out.push('', `_… ${count(steps.length - shown)} more next steps left out._`)
  return out
}

/**
 * The job summary: title, the run line (with `pdd-cli 0.0.N`), counts, warnings (cancelled, budget, notes not
 * saved, human commit, pull request blocked), a table of every unit with work (unit, status, operations, cost,
 * duration, reason; the same order as the pull request body) with a total row, and the next steps. Unchanged
 * units are only counted. Stays within `limit` UTF-8 bytes (GitHub allows 1 MiB per step): reasons shrink from
 * 1,000 to 200 code points, then rows and next steps are kept while they fit, then the text is cut at a line end.
 */
export function renderSummary(input: ChecklistInput, limit = 900_000): string {
  const head = [
    '## pdd sync',
    '',
    ...runHeader(input),
    ...noticeBlocks(input).flatMap(n => ['', n]),
    ''
  ].join('\n')
  const listed = groupByBasename(input.result).flatMap(g => g.units)
  const room = limit - utf8Bytes(head) - TAIL_ROOM
  let text = head
  if (listed.length > 0) {
    const full = render(input, listed, 1000, Number.POSITIVE_INFINITY).join('\n')
    const body = utf8Bytes(full) <= room ? full : render(input, listed, 200, room).join('\n')
    text = `${head}\n${body}`
  }
  text += '\n'
  if (utf8Bytes(text) <= limit) return text
  const notice = '\n_… cut to fit the summary size limit._\n'
  const cut = sliceBytes(text, Math.max(0, limit - utf8Bytes(notice)))
  const atLine = cut.lastIndexOf('\n') > 0 ? cut.slice(0, cut.lastIndexOf('\n')) : cut
  return utf8Bytes(notice) <= limit ? `${atLine}${notice}` : sliceBytes(text, limit)
}
