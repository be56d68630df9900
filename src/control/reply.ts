/**
 * The short comment PR control posts after a re-run: what ran, what it cost, the result (docs/architecture.md,
 * "PR control"). Pure. It never starts with `/pdd-sync`, and the action's own comments are never acted on.
 */
import type { RunResult } from '../execute/result.js'
import { codeSpan, dollars, escapeText, linkUrl, oneLine } from '../publish/checklist-text.js'
import type { Selection } from './commands.js'

/** What the reply reports. */
export interface ReplyInput {
  /** The person who asked, and how (`ticked a box`, `asked`). */
  by: string
  how: string
  selection: Selection
  /** The run's result; undefined when nothing ran. */
  result?: RunResult
  /** Why nothing was run or published, when that is so. */
  notRun?: string
  runUrl?: string
  /** The publish step failed (the paid work is kept elsewhere): its message. */
  publishFailed?: string
}

const MAX_LISTED = 30

function list(names: string[]): string {
  const shown = names.slice(0, MAX_LISTED).map(n => codeSpan(oneLine(n, 200)))
  return shown.join(', ') + (names.length > MAX_LISTED ? `, … (${names.length - MAX_LISTED} more)` : '')
}

/** The reply comment. */
export function replyBody(r: ReplyInput): string {
  const who = `@${oneLine(r.by, 100)} ${r.how}`
  const lines: string[] = []
  const ran = r.result?.units.filter(u => r.selection.ids.includes(u.id)) ?? []
  if (ran.length === 0) {
    const why = r.notRun ?? 'no unit was selected'
    lines.push(`pdd-sync: nothing was re-run (${who}): ${escapeText(oneLine(why, 300))}.`)
  } else {
    const results = ran.map(u => `${codeSpan(oneLine(u.id, 200))} ${u.status}`).join(', ')
    const spent = r.result ? dollars(r.result.spent) : '$0.00'
    lines.push(`pdd-sync re-ran ${ran.length === 1 ? '1 unit' : `${ran.length} units`} (${who}): ${results}.`)
    lines.push(`Spent ${spent} of a ${dollars(r.result?.budget ?? 0)} budget.`)
  }
  if (r.publishFailed)
    lines.push(`The results could not be published: ${escapeText(oneLine(r.publishFailed, 300))}.`)
  for (const i of r.selection.ignored.slice(0, MAX_LISTED))
    lines.push(`Ignored ${list([i.name])}: ${escapeText(oneLine(i.why, 200))}.`)
  if (r.runUrl) lines.push(`[Workflow run](${linkUrl(r.runUrl)})`)
  return lines.join('\n')
}
