/**
 * The pull request as a control surface (docs/architecture.md, "PR control"), the pure part: which units' boxes a
 * person ticked in an edit of the bot PR's body, which `/pdd-sync retry …` command a comment holds, and which units
 * of the current plan a request selects. No I/O.
 *
 * A checklist marker (`<!-- pdd-sync:unit=<id> status=<status> -->`) is trusted for one thing only: "this box is
 * that unit's". Its `status` is never read; the units a request selects are re-checked against the plan.
 */
import { compileGlob } from '../plan/glob.js'
import { splitGlobList } from '../settings/validate.js'

/** What a person asked for on the bot pull request. */
export type ControlRequest =
  /** Boxes changed from `[ ]` to `[x]` in an edit of the body: the units of their markers. */
  | { kind: 'tick'; ids: string[] }
  /** `/pdd-sync retry failed`: the units whose latest run failed. */
  | { kind: 'retry-failed' }
  /** `/pdd-sync retry <id or glob>…`: globs matched as input `units` matches them. */
  | { kind: 'retry'; patterns: string[] }

/** A `/pdd-sync` line that is not a command this version knows, and why. */
export interface BadCommand {
  kind: 'invalid'
  problem: string
}

/** One line of a task list with the action's marker at its end: `- [x] … <!-- pdd-sync:unit=a status=b -->`. */
const TASK = /^[ \t]*[-*+][ \t]+\[([ xX])\][ \t].*<!-- pdd-sync:unit=([\w./@+%-]+) status=[a-z-]+ -->[ \t]*$/
const MARKER_START = '<!-- pdd-sync:'
const MAX_PATTERNS = 50
const MAX_PATTERN_LENGTH = 200

/** Lines of `text` with CRLF (a body saved in the browser) and lone CR read as line ends. */
function lines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n')
}

/**
 * The lines of Markdown `text` outside fenced code blocks (``` or ~~~, closed by a fence of the same character at
 * least as long), so that a marker quoted in a code block is never read as a box.
 */
function outsideFences(text: string): string[] {
  const out: string[] = []
  let fence: string | null = null
  for (const line of lines(text)) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line)
    if (fence !== null) {
      if (m?.[1] && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) fence = null
      continue
    }
    if (m?.[1]) {
      fence = m[1]
      continue
    }
    out.push(line)
  }
  return out
}

/** The unit id a marker spells (percent-encoded as `unitMarker` writes it), or null when it does not decode. */
function decodeId(raw: string): string | null {
  try {
    const id = decodeURIComponent(raw)
    return id === '' ? null : id
  } catch {
    return null
  }
}

/** Ticked and unticked boxes per unit id, of the task lines that carry exactly one marker, at their end. */
function boxes(body: string): Map<string, { ticked: number; open: number }> {
  const out = new Map<string, { ticked: number; open: number }>()
  for (const line of outsideFences(body)) {
    if (line.split(MARKER_START).length !== 2) continue
    const m = TASK.exec(line)
    const id = m?.[2] ? decodeId(m[2]) : null
    if (!m || id === null) continue
    const c = out.get(id) ?? { ticked: 0, open: 0 }
    if (m[1] === ' ') c.open++
    else c.ticked++
    out.set(id, c)
  }
  return out
}

/**
 * The units whose box an edit changed from `[ ]` to `[x]`: `before` had an open box for the unit and `after` has
 * more ticked boxes for it than `before` had. In the order of `after`; each id once.
 */
export function tickedUnits(before: string, after: string): string[] {
  const was = boxes(before)
  const ticked: string[] = []
  for (const [id, now] of boxes(after)) {
    const old = was.get(id)
    if (old && old.open > 0 && now.ticked > old.ticked) ticked.push(id)
  }
  return ticked
}

/**
 * The first `/pdd-sync` command of a comment (a line of its own, outside code blocks and quotes), or null when
 * the comment holds none. `/pdd-sync retry failed` and `/pdd-sync retry <id or glob>…` (space- or
 * comma-separated) are known; any other `/pdd-sync` line is a {@link BadCommand}.
 */
export function parseCommand(comment: string): ControlRequest | BadCommand | null {
  const line = outsideFences(comment)
    .map(l => l.trim())
    .find(l => /^\/pdd-sync(\s|$)/.test(l))
  if (line === undefined) return null
  const words = line.split(/\s+/).slice(1)
  const usage = 'write `/pdd-sync retry failed` or `/pdd-sync retry <unit id or glob>`'
  if (words[0] !== 'retry') return { kind: 'invalid', problem: `unknown command; ${usage}` }
  const args = words.slice(1).flatMap(w => splitGlobList(w))
  if (args.length === 0) return { kind: 'invalid', problem: `no unit named; ${usage}` }
  if (args.includes('failed'))
    return args.length === 1
      ? { kind: 'retry-failed' }
      : { kind: 'invalid', problem: '`failed` stands alone: `/pdd-sync retry failed`' }
  if (args.length > MAX_PATTERNS)
    return { kind: 'invalid', problem: `at most ${MAX_PATTERNS} units or globs at once` }
  const long = args.find(a => a.length > MAX_PATTERN_LENGTH)
  if (long !== undefined)
    return { kind: 'invalid', problem: `a glob longer than ${MAX_PATTERN_LENGTH} characters` }
  return { kind: 'retry', patterns: args }
}

/** A unit of the current plan, as a request matches it. */
export interface PlanUnitRef {
  id: string
  basename: string
  /** Repository-relative prompt path. */
  prompt: string
}

/** Which units a request selects, and what it named that is not in the plan. */
export interface Selection {
  ids: string[]
  /** Ticked ids or globs that name no unit of the current plan (with why, for the reply). */
  ignored: { name: string; why: string }[]
}

/**
 * The units of the plan a request selects. Ticked ids must be ids of the plan; globs match the id, the basename
 * or the prompt path (as input `units` does); `retry-failed` takes the plan's units in `failed`.
 */
export function selectUnits(
  request: ControlRequest,
  plan: readonly PlanUnitRef[],
  failed: ReadonlySet<string>
): Selection {
  const known = new Set(plan.map(u => u.id))
  if (request.kind === 'tick') {
    return {
      ids: request.ids.filter(id => known.has(id)),
      ignored: request.ids
        .filter(id => !known.has(id))
        .map(name => ({ name, why: 'not a unit of the current plan' }))
    }
  }
  if (request.kind === 'retry-failed')
    return { ids: plan.filter(u => failed.has(u.id)).map(u => u.id), ignored: [] }
  const chosen = new Set<string>()
  const ignored: Selection['ignored'] = []
  for (const p of request.patterns) {
    const g = compileGlob(p)
    if (!(g instanceof RegExp)) {
      ignored.push({ name: p, why: g.error })
      continue
    }
    const hits = plan.filter(u => [u.id, u.basename, u.prompt].some(n => g.test(n)))
    if (hits.length === 0) ignored.push({ name: p, why: 'matches no unit of the current plan' })
    for (const u of hits) chosen.add(u.id)
  }
  return { ids: plan.filter(u => chosen.has(u.id)).map(u => u.id), ignored }
}
