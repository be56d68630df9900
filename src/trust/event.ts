/**
 * The event's side of the trust rules (docs/architecture.md, "Trust"). `pull_request_target` runs with the base
 * repository's secrets and a write token; a workflow that checks out a fork's pull request there would have pdd
 * run a stranger's prompts, and their generated code and tests, with the provider key (the "pwn request").
 * Pure: the caller reads the event and HEAD.
 */

/** What the check needs. */
export interface CheckoutFacts {
  /** `GITHUB_EVENT_NAME`. */
  trigger: string
  /** The pull request's head is in a fork. */
  fork: boolean
  /** The commit checked out (HEAD). */
  head: string
  /** `GITHUB_SHA`: for `pull_request_target`, the base branch's commit the runner checks out by default. */
  githubSha?: string
  /** `pull_request.head.sha` of the payload. */
  prHeadSha?: string
}

/** Why this checkout must not be synced, or null. */
export function untrustedCheckoutProblem(f: CheckoutFacts): string | null {
  if (f.trigger !== 'pull_request_target' || !f.fork) return null
  const what =
    f.prHeadSha === f.head
      ? "the fork's pull request head"
      : f.githubSha && f.githubSha !== f.head
        ? `${f.head.slice(0, 12)}, not the base commit GITHUB_SHA ${f.githubSha.slice(0, 12)} (a pull request merge ref?)`
        : null
  if (what === null) return null
  return (
    `A pull_request_target run from a fork has ${what} checked out: pdd would run a stranger's prompts, and the ` +
    "code and tests generated from them, with this repository's secrets and a write token. Refused; nothing was " +
    'installed or spent. Check out the base (actions/checkout without "ref"), or use the pull_request event.'
  )
}
