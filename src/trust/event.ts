/**
 * The event's side of the trust rules (docs/architecture.md, "Trust"). Some events run with the base repository's
 * secrets and a write token even when a fork's pull request started them: `pull_request_target`, `issue_comment`
 * (a comment on a fork's pull request) and `workflow_run` (after a fork's `pull_request` run). A workflow that
 * checks out the fork's commit there would have pdd run a stranger's prompts, and their generated code and tests,
 * with the provider key (the "pwn request"). Pure: the caller reads the event, HEAD and, for a comment, the API.
 */

/** Events that get the base repository's secrets and a write token whoever started them. */
export const PRIVILEGED_TRIGGERS: readonly string[] = ['pull_request_target', 'issue_comment', 'workflow_run']

/** A fork's commit the event is about. */
export interface ForkCommit {
  /** `owner/repo` of the fork ("a deleted fork" when GitHub no longer says). */
  repo: string
  /** The commit; undefined when the payload does not give it. */
  sha?: string
}

/** What the payload says about fork code: none, a fork's commit, or a pull request to ask the API about. */
export type ForkFacts =
  { kind: 'none' } | { kind: 'fork'; fork: ForkCommit } | { kind: 'ask'; number?: number }

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' ? (v as Obj) : {})
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)

/**
 * The fork code a privileged event is about, from its payload. `repository` is `GITHUB_REPOSITORY` (else the
 * payload's `repository.full_name`). A head repository GitHub gives as null (a deleted fork) counts as a fork.
 */
export function forkFactsOf(trigger: string, payload: unknown, repository?: string): ForkFacts {
  const p = obj(payload)
  const base = repository ?? text(obj(p.repository).full_name)
  const foreign = (repo: unknown, sha: unknown): ForkFacts => {
    const name = repo === null ? 'a deleted fork' : text(obj(repo).full_name)
    if (name === undefined || name === base) return { kind: 'none' }
    return { kind: 'fork', fork: { repo: name, ...(text(sha) ? { sha: text(sha) } : {}) } }
  }
  if (trigger === 'pull_request_target') {
    const head = obj(obj(p.pull_request).head)
    return foreign(head.repo, head.sha)
  }
  if (trigger === 'workflow_run') {
    const run = obj(p.workflow_run)
    return foreign(run.head_repository, run.head_sha)
  }
  if (trigger === 'issue_comment') {
    const issue = obj(p.issue)
    if (issue.pull_request === undefined || issue.pull_request === null) return { kind: 'none' }
    return { kind: 'ask', ...(typeof issue.number === 'number' ? { number: issue.number } : {}) }
  }
  return { kind: 'none' }
}

/** What the check needs. */
export interface CheckoutFacts {
  /** `GITHUB_EVENT_NAME`. */
  trigger: string
  /** The fork's commit the event is about, or null. */
  fork: ForkCommit | null
  /** The commit checked out (HEAD) and its parents (a merge ref's second parent is the pull request's head). */
  head: string
  parents?: readonly string[]
  /** `GITHUB_SHA`: for these events the base's commit the runner checks out by default. */
  githubSha?: string
}

/**
 * Why this checkout must not be synced, or null. A privileged run about a fork's commit may sync only the base
 * commit the runner checks out by default (`GITHUB_SHA`): the fork's commit, a merge ref holding it, or any other
 * commit (the payload's head may be stale, the fork may have pushed since) is refused. Without `GITHUB_SHA`
 * (not in Actions), the fork's commit and a merge of it are refused, and anything when that commit is unknown.
 */
export function untrustedCheckoutProblem(f: CheckoutFacts): string | null {
  if (!PRIVILEGED_TRIGGERS.includes(f.trigger) || !f.fork) return null
  const sha = f.fork.sha
  const from = `(${f.fork.repo})`
  const what =
    sha === f.head
      ? f.trigger === 'pull_request_target'
        ? "the fork's pull request head"
        : `the fork's commit ${sha.slice(0, 12)} ${from}`
      : sha !== undefined && (f.parents ?? []).includes(sha)
        ? `a merge of the fork's commit ${sha.slice(0, 12)} ${from}`
        : f.githubSha
          ? f.githubSha !== f.head
            ? `${f.head.slice(0, 12)}, not the base commit GITHUB_SHA ${f.githubSha.slice(0, 12)} (a pull request merge ref?)`
            : null
          : sha === undefined
            ? `${f.head.slice(0, 12)}, and neither GITHUB_SHA (the base) nor the fork's commit is known`
            : null
  if (what === null) return null
  return (
    `A ${f.trigger} run from a fork has ${what} checked out: pdd would run a stranger's prompts, and the ` +
    "code and tests generated from them, with this repository's secrets and a write token. Refused; nothing was " +
    'installed or spent. Check out the base (actions/checkout without "ref"), or use the pull_request event.'
  )
}

/** The message when a comment's pull request cannot be read, so whose commit is checked out is unknown. */
export function unknownCommentCheckout(head: string, why: string): string {
  return (
    `An issue_comment run on a pull request has ${head.slice(0, 12)} checked out, not GITHUB_SHA, and the pull ` +
    `request could not be read to tell whether that is a fork's commit (${why}). Refused; nothing was installed ` +
    'or spent. Check out the base (actions/checkout without "ref"), or give the action a token that can read it.'
  )
}
