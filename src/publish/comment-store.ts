import type { Comment, GitHub } from '../adapters/github.js'
import type { ReadResult, RunStateStore } from '../state/notes-store.js'
import { formatRecord, parseNote, type RunRecord } from '../state/record.js'

/** Marks the one comment the action owns on its pull request. */
export const STATE_MARKER = '<!-- pdd-sync:state -->'
const OPEN = '<!-- pdd-sync:records'
const CLOSE = '-->'
/** GitHub refuses comment bodies above 65,536 characters; stay clear of it. */
const LIMIT = 60_000

/**
 * The fallback store of run records (input `state-store: comment | both`, and where a record goes when its note
 * cannot be pushed): hidden JSON lines in one comment on the bot pull request, found by marker and updated in
 * place, never duplicated. Only comments written by the pull request's author (the action's token) are read,
 * so a marker pasted by someone else is not taken as state.
 */
export class CommentStore implements RunStateStore {
  constructor(
    private readonly github: GitHub,
    private readonly pullNumber: number,
    /** Login of the account whose comment is trusted (the PR's author). */
    private readonly owner: string
  ) {}

  private async find(): Promise<Comment | undefined> {
    const comments = await this.github.listComments(this.pullNumber)
    return comments.find(c => c.author === this.owner && c.body.includes(STATE_MARKER))
  }

  async readRecords(): Promise<ReadResult> {
    const c = await this.find()
    if (!c) return { records: [], warnings: [] }
    const { records, badLines, warnings: unsafe } = parseNote(recordsText(c.body))
    const warnings = [
      ...(badLines > 0
        ? [`${badLines} unreadable line(s) in the pdd-sync state comment of #${this.pullNumber}.`]
        : []),
      ...unsafe.slice(0, 20).map(w => `State comment of #${this.pullNumber}: ${w}`)
    ]
    return { records, warnings }
  }

  /**
   * Adds a record (keeping the ones already there, newest first when the comment would grow too long) and
   * writes the comment. Returns how many older records were dropped to stay under GitHub's size limit.
   */
  async write(record: RunRecord): Promise<{ dropped: number; commentId: number }> {
    const c = await this.find()
    const old = c ? parseNote(recordsText(c.body)).records : []
    const all = [record, ...old.filter(r => !(r.runId === record.runId && r.createdAt === record.createdAt))]
    all.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    let keep = all.length
    let body = renderComment(all)
    while (body.length > LIMIT && keep > 1) body = renderComment(all.slice(0, --keep))
    if (body.length > LIMIT) throw new Error(`The run record is too large for a pull request comment.`)
    if (c) {
      if (c.body !== body) await this.github.updateComment(c.id, body)
      return { dropped: all.length - keep, commentId: c.id }
    }
    const created = await this.github.createComment(this.pullNumber, body)
    return { dropped: all.length - keep, commentId: created.id }
  }
}

/** The comment's body: a visible sentence and the records as hidden JSON lines. */
export function renderComment(records: RunRecord[]): string {
  // JSON may hold "-->" in a reason; escaping ">" keeps it valid JSON and keeps the HTML comment closed.
  const lines = records.map(r => formatRecord(r).replace(/>/g, '\\u003e'))
  return [
    STATE_MARKER,
    `pdd-sync keeps the state of its last ${records.length === 1 ? 'run' : `${records.length} runs`} here ` +
      `(fingerprints PDD needs to know which units are in sync). Please do not edit this comment.`,
    OPEN,
    ...lines,
    CLOSE
  ].join('\n')
}

function recordsText(body: string): string {
  const start = body.indexOf(OPEN)
  if (start < 0) return ''
  const end = body.indexOf(CLOSE, start + OPEN.length)
  return body.slice(start + OPEN.length, end < 0 ? undefined : end)
}
