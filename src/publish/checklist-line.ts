import type { UnitResult } from '../execute/result.js'
import { needsAttention, type ChecklistInput } from './checklist-run.js'
import { codeSpan, dollars, escapeName, escapeText, oneLine, shellWord } from './checklist-text.js'

/** The hidden marker that identifies a pull request body as written (and rewritten) by the action. */
export const CHECKLIST_MARKER = '<!-- pdd-sync:checklist -->'

/** Reasons in the body are cut to this many code points at most. */
export const REASON_CAP = 1000

/** The hidden per-unit marker `<!-- pdd-sync:unit=<id> status=<status> -->` (display state only). */
export function unitMarker(u: Pick<UnitResult, 'id' | 'status'>): string {
  const id = u.id.replace(/[^\w./@+-]/gu, c =>
    encodeURIComponent(c).replace(/[!'()*~]/g, x => `%${x.charCodeAt(0).toString(16).toUpperCase()}`)
  )
  return `<!-- pdd-sync:unit=${id} status=${u.status} -->`
}

function failedHead(ops: string[]): string {
  const last = ops.at(-1)
  if (last === undefined) return 'failed'
  const before = ops.slice(0, -1)
  return `${last} failed${before.length > 0 ? ` (after ${before.join(', ')})` : ''}`
}

function costText(u: UnitResult, always: boolean): string {
  if (u.cost === null) return always || u.operations.length > 0 ? 'cost unknown' : ''
  return always || u.cost > 0 ? dollars(u.cost) : ''
}

/**
 * One checklist line (docs/architecture.md, "Contracts"), the hidden marker at its end:
 * - synced: `- [x] calculator (python): generate, example, test — $0.42` (`cost unknown` when null);
 * - failed: `- [ ] parser (typescript): fix failed (after generate) — <reason> — $0.31`;
 * - skipped-budget / -dependency / -runtime: `- [ ] parser (typescript): skipped (budget) — <reason>`;
 * - conflict: `- [ ] parser (typescript): needs a human (manual merge) — <reason>`;
 * - unchanged: `- [x] parser (typescript): unchanged — <reason>` (the body counts these instead of listing them).
 * The reason is one line of at most `reasonCap` code points that cannot open HTML. `next` becomes a sub-bullet.
 */
export function checklistLine(u: UnitResult, next?: string, reasonCap = REASON_CAP): string {
  const ops = u.operations.map(escapeName)
  const reason = escapeText(oneLine(u.reason, reasonCap))
  let head: string
  let tail: string[]
  if (u.status === 'synced') {
    head = ops.length > 0 ? ops.join(', ') : 'no operation'
    tail = [costText(u, true)]
  } else if (u.status === 'failed') {
    head = failedHead(ops)
    // "fix failed (after …) — fix failed: 1 test failing" says it twice: the head already names the step.
    const last = u.operations.at(-1)
    const dup = last === undefined ? '' : `${escapeText(last)} failed`
    const said =
      dup !== '' && reason.startsWith(dup) ? reason.slice(dup.length).replace(/^[:\s]+/, '') : reason
    tail = [said, costText(u, false), u.partial ? 'partial output committed' : '']
  } else {
    const heads: Record<string, string> = {
      'skipped-budget': 'skipped (budget)',
      'skipped-dependency': 'skipped (dependency)',
      'skipped-runtime': 'skipped (runtime)',
      conflict: 'needs a human (manual merge)',
      unchanged: 'unchanged'
    }
    head = heads[u.status] ?? u.status
    tail = [reason, costText(u, false)]
  }
  const box = u.status === 'synced' || u.status === 'unchanged' ? 'x' : ' '
  const text = [head, ...tail.filter(t => t !== '')].join(' — ')
  const line = `- [${box}] ${escapeName(u.basename)} (${escapeName(u.language)}): ${text} ${unitMarker(u)}`
  return next === undefined ? line : `${line}\n  - ${next}`
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** `gh workflow run <file> [--ref R] [-R owner/repo] -f units=<id>`, or undefined without a workflow file. */
export function rerunCommand(
  id: string,
  input: Omit<ChecklistInput, 'result' | 'trigger'>
): string | undefined {
  if (!input.workflowFile) return undefined
  const argv = ['gh', 'workflow', 'run', shellWord(input.workflowFile)]
  if (input.ref) argv.push('--ref', shellWord(input.ref))
  if (input.repository) argv.push('-R', shellWord(input.repository))
  argv.push('-f', shellWord(`units=${id}`))
  return argv.join(' ')
}

/** `pdd --force [--context C] sync <basename>`: the unit's sync by hand (context `default` is left out). */
export function pddCommand(
  u: Pick<UnitResult, 'id' | 'basename'>,
  contextOf?: Record<string, string>
): string {
  const context = contextOf?.[u.id]
  const ctx = context && context !== 'default' ? ` --context ${shellWord(context)}` : ''
  return `pdd --force${ctx} sync ${shellWord(u.basename)}`
}

/**
 * What to do about a unit that needs attention (undefined for synced and unchanged units): re-run the workflow
 * for that unit (`gh workflow run … -f units=<id>` when the workflow file is known) and, for failures and budget
 * skips, the PDD command to run by hand. A manual-merge conflict names the prompt to merge first.
 */
export function nextStep(
  u: UnitResult,
  input: Omit<ChecklistInput, 'result' | 'trigger'>
): string | undefined {
  if (!needsAttention(u)) return undefined
  const gh = rerunCommand(u.id, input)
  const rerun = gh ? `re-run with ${codeSpan(gh)}` : `re-run the workflow with ${codeSpan(`units: ${u.id}`)}`
  const local = `or run ${codeSpan(pddCommand(u, input.contextOf))} locally`
  switch (u.status) {
    case 'failed':
      return `${cap(rerun)}, ${local}.`
    case 'skipped-budget':
      return `Raise the budget and ${rerun}, ${local}.`
    case 'skipped-dependency':
      return `Once the unit it depends on syncs, ${rerun}.`
    case 'skipped-runtime':
      return `Add the setup step the reason names to the workflow, then ${rerun}.`
    default: {
      if (/^replay conflict/i.test(u.reason)) return `${cap(rerun)}.`
      const prompt = input.promptPaths?.[u.id]
      const what = prompt ? codeSpan(prompt) : 'the prompt'
      return `Merge ${what} and the files generated from it by hand, commit, then ${rerun}.`
    }
  }
}
