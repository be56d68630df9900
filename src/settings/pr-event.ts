/**
 * The parts of a `pull_request` or `issue_comment` event payload that PR control reads (docs/architecture.md,
 * "PR control"). Pure: the caller reads the payload file.
 */

/** A pull request event or a comment on a pull request, as far as PR control needs it. */
export interface PrEvent {
  event: 'pull_request' | 'issue_comment'
  /** `edited`, `synchronize`, `created`, … */
  action: string
  /** The pull request's number. */
  number: number
  /** Head and base branch (a `pull_request` event carries them; a comment does not). */
  headRef?: string
  baseRef?: string
  /**
   * `pull_request`: the head repository's `owner/name`, null when it was deleted (a deleted fork); undefined when
   * the payload does not say.
   */
  headRepo?: string | null
  /** Login of the pull request's author (the action's identity on the bot PR). */
  prAuthor?: string
  /** Who made the edit or the comment. */
  sender: { login: string; type: string }
  /** `edited`: the body before the edit, when the edit changed the body (`changes.body.from`), and after it. */
  bodyFrom?: string
  body?: string
  /** `issue_comment`: the comment, with GitHub's `author_association`. */
  comment?: { id: number; body: string; association: string; author: string }
  /** `issue_comment`: false when the comment is on an issue, not a pull request. */
  onPullRequest: boolean
}

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' ? (v as Obj) : {})
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

/** PR control's view of an event payload, or null for any other event (or a payload without a number). */
export function readPrEvent(eventName: string, payload: unknown): PrEvent | null {
  const p = obj(payload)
  const sender = { login: text(obj(p.sender).login) ?? '', type: text(obj(p.sender).type) ?? '' }
  const action = text(p.action) ?? ''
  if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    const pr = obj(p.pull_request)
    const number = typeof pr.number === 'number' ? pr.number : typeof p.number === 'number' ? p.number : NaN
    if (!Number.isInteger(number)) return null
    const from = text(obj(obj(p.changes).body).from)
    return {
      event: 'pull_request',
      action,
      number,
      headRef: text(obj(pr.head).ref),
      baseRef: text(obj(pr.base).ref),
      ...headRepoOf(obj(pr.head)),
      prAuthor: text(obj(pr.user).login),
      sender,
      ...(from !== undefined ? { bodyFrom: from, body: text(pr.body) ?? '' } : {}),
      onPullRequest: true
    }
  }
  if (eventName === 'issue_comment') {
    const issue = obj(p.issue)
    const c = obj(p.comment)
    if (typeof issue.number !== 'number') return null
    return {
      event: 'issue_comment',
      action,
      number: issue.number,
      prAuthor: text(obj(issue.user).login),
      sender,
      comment: {
        id: typeof c.id === 'number' ? c.id : 0,
        body: text(c.body) ?? '',
        association: text(c.author_association) ?? 'NONE',
        author: text(obj(c.user).login) ?? sender.login
      },
      onPullRequest: issue.pull_request !== undefined && issue.pull_request !== null
    }
  }
  return null
}

/** `{ headRepo }` from a payload's `pull_request.head`: its repository's full name, null when deleted. */
function headRepoOf(head: Obj): { headRepo?: string | null } {
  if (!('repo' in head)) return {}
  if (head.repo === null) return { headRepo: null }
  const name = text(obj(head.repo).full_name)
  return name === undefined ? {} : { headRepo: name }
}
