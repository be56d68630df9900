/**
 * The trust check of the checkout (event.ts) with what it reads: HEAD's parents from git, and for a comment on a
 * pull request, that pull request's head from the API (one GET, only when HEAD is not `GITHUB_SHA`). Runs before
 * pdd is installed or anything is spent.
 */
import {
  forkFactsOf,
  PRIVILEGED_TRIGGERS,
  unknownCommentCheckout,
  untrustedCheckoutProblem,
  type ForkCommit
} from './event.js'

/** What {@link refuseUntrustedCheckout} reads. */
export interface CheckoutCheck {
  /** `GITHUB_EVENT_NAME`, the event's payload, `GITHUB_REPOSITORY` and `GITHUB_SHA`. */
  trigger: string
  payload: unknown
  repository?: string
  githubSha?: string
  /** The commit checked out. */
  head: string
  /** The raw text of a commit object (the caller's git: this module reads no repository itself). */
  readCommit: (sha: string) => Promise<string>
  /** The head of pull request `number` (`repo` null: a deleted fork); null without a token. */
  pullHead: ((number: number) => Promise<{ repo: string | null; sha: string }>) | null
}

/** Throws, saying why, when a privileged event's run has a fork's code checked out. */
export async function refuseUntrustedCheckout(c: CheckoutCheck): Promise<void> {
  if (!PRIVILEGED_TRIGGERS.includes(c.trigger)) return
  const facts = forkFactsOf(c.trigger, c.payload, c.repository)
  if (facts.kind === 'none') return
  // A comment's run with the base checked out is trusted whoever's pull request the comment is on: no API call.
  if (facts.kind === 'ask' && c.githubSha === c.head) return
  const fork = facts.kind === 'fork' ? facts.fork : await commentFork(c, facts.number)
  if (!fork) return
  const parents = fork.sha !== undefined && fork.sha !== c.head ? await parentsOf(c.readCommit, c.head) : []
  const problem = untrustedCheckoutProblem({
    trigger: c.trigger,
    fork,
    head: c.head,
    parents,
    ...(c.githubSha ? { githubSha: c.githubSha } : {})
  })
  if (problem) throw new Error(problem)
}

/** The fork's commit the commented pull request holds, or null when its head is in this repository. */
async function commentFork(c: CheckoutCheck, number: number | undefined): Promise<ForkCommit | null> {
  if (number === undefined) throw new Error(unknownCommentCheckout(c.head, 'the event names no number'))
  if (!c.pullHead) throw new Error(unknownCommentCheckout(c.head, 'no token'))
  let pr: { repo: string | null; sha: string }
  try {
    pr = await c.pullHead(number)
  } catch (e) {
    throw new Error(unknownCommentCheckout(c.head, (e as Error).message))
  }
  const base = c.repository ?? forkBase(c.payload)
  if (pr.repo !== null && pr.repo === base) return null
  return { repo: pr.repo ?? 'a deleted fork', sha: pr.sha }
}

function forkBase(payload: unknown): string | undefined {
  const repo = (payload as { repository?: { full_name?: unknown } } | null)?.repository?.full_name
  return typeof repo === 'string' ? repo : undefined
}

/**
 * The parents of `commit` as its object lists them: a shallow checkout of a merge ref (depth 1) hides them from
 * `rev-parse HEAD^2`, not from the object.
 */
async function parentsOf(readCommit: (sha: string) => Promise<string>, commit: string): Promise<string[]> {
  const raw = await readCommit(commit)
  const header = raw.split('\n\n')[0] ?? ''
  return [...header.matchAll(/^parent ([0-9a-f]{40,64})$/gm)].map(m => m[1] ?? '')
}
