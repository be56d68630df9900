import { GitHubError, type GitHub, type PullRequest } from '../adapters/github.js'
import { DRAFT_LABEL, draftLabelNotice, draftsUnsupported, syncDraftState } from './draft-state.js'
import type { PullRequestPeople } from '../settings/pr-inputs.js'
import { applyPeople } from './pr-people.js'

/** What {@link upsertPullRequest} did. */
export interface PullRequestOutcome {
  operation: 'created' | 'updated'
  pullRequest: PullRequest
  /** Things that went wrong without stopping publication (labels refused, …). */
  warnings: string[]
  /** Things the summary says once (the `draft` label stands for the draft state). */
  notices: string[]
  /** The draft state changed on an open pull request. */
  draftChange?: 'ready' | 'draft'
}

/** Options of {@link upsertPullRequest}. */
export interface UpsertOptions {
  github: GitHub
  /** Bot branch (head) and the branch it targets. */
  head: string
  base: string
  title: string
  body: string
  /** Open as a draft; with `manageDraft`, an open pull request is also brought to this state (GraphQL). */
  draft: boolean
  /** Mark an open pull request ready / convert it to a draft to match `draft` (input `draft-on-failure`). */
  manageDraft?: boolean
  labels: string[]
  /** Reviewers, assignees and milestone of a new pull request. */
  people?: PullRequestPeople
  /** Waits between retries; injectable for tests. */
  sleep?: (ms: number) => Promise<void>
}

/** Publication failed in a way a user can fix: the message says how. */
export class PublishError extends Error {
  override name = 'PublishError'
}

const sleepMs = (ms: number): Promise<void> => new Promise(r => setTimeout(r, ms))

/**
 * Creates the bot pull request, or updates the open one from the same head into the same base — never a
 * duplicate: a 422 "already exists" on create (another run won the race) turns into a lookup and an update.
 */
export async function upsertPullRequest(o: UpsertOptions): Promise<PullRequestOutcome> {
  const sleep = o.sleep ?? sleepMs
  const warnings: string[] = []
  const notices: string[] = []
  const labels = [...o.labels]
  let pr = await o.github.findOpenPullRequest(o.head, o.base)
  let operation: PullRequestOutcome['operation'] = 'updated'
  let draftChange: PullRequestOutcome['draftChange']
  if (!pr) {
    try {
      pr = await createOrLabel(o, labels, notices)
      operation = 'created'
    } catch (e) {
      if (!(e instanceof GitHubError && e.status === 422 && /already exists/i.test(e.message)))
        throw explain(e, o)
      pr = await o.github.findOpenPullRequest(o.head, o.base)
      if (!pr) throw explain(e, o)
    }
  }
  if (operation === 'updated' && (pr.title !== o.title || pr.body !== o.body)) {
    pr = await o.github.updatePullRequest(pr.number, { title: o.title, body: o.body }).catch(e => {
      throw explain(e, o)
    })
  }
  if (operation === 'updated' && o.manageDraft) {
    const d = await syncDraftState(o.github, pr, o.draft)
    pr = d.pullRequest
    draftChange = d.changed
    if (d.notice) notices.push(d.notice)
    if (d.warning) warnings.push(d.warning)
  }
  if (operation === 'created' && o.people)
    warnings.push(...(await applyPeople(o.github, pr.number, o.people)))
  const have = pr.labels
  const missing = labels.filter(l => !have.includes(l))
  if (missing.length > 0) {
    const w = await addLabels(o.github, pr.number, missing, sleep)
    if (w) warnings.push(w)
    else pr = { ...pr, labels: [...pr.labels, ...missing] }
  }
  return { operation, pullRequest: pr, warnings, notices, ...(draftChange ? { draftChange } : {}) }
}

/**
 * Opens the pull request; where GitHub refuses drafts ("Draft pull requests are not supported in this
 * repository"), opens a normal one and adds {@link DRAFT_LABEL} to `labels` instead, with a notice.
 */
async function createOrLabel(o: UpsertOptions, labels: string[], notices: string[]): Promise<PullRequest> {
  const p = { head: o.head, base: o.base, title: o.title, body: o.body, draft: o.draft }
  try {
    return await o.github.createPullRequest(p)
  } catch (e) {
    if (!o.draft || !draftsUnsupported(e)) throw e
    const pr = await o.github.createPullRequest({ ...p, draft: false })
    if (!labels.includes(DRAFT_LABEL)) labels.push(DRAFT_LABEL)
    notices.push(draftLabelNotice(pr.number))
    return pr
  }
}

/**
 * Adds labels; a 422 right after the PR was created (GitHub has not indexed it yet) is retried with back-off.
 * Returns a warning instead of throwing: labels are never worth failing a run for.
 */
async function addLabels(
  github: GitHub,
  number: number,
  labels: string[],
  sleep: (ms: number) => Promise<void>
): Promise<string | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      await github.addLabels(number, labels)
      return undefined
    } catch (e) {
      const status = e instanceof GitHubError ? e.status : 0
      if (status === 422 && attempt < 4) {
        await sleep(500 * 2 ** attempt)
        continue
      }
      const limited = e instanceof GitHubError && e.rateLimited
      const hint = status === 403 && !limited ? ' The token needs `issues: write` to add labels.' : ''
      return `Labels ${labels.join(', ')} were not added to #${number}: ${(e as Error).message}.${hint}`
    }
  }
}

/** Closes a pull request whose changes the base branch already contains. */
export async function closePullRequest(github: GitHub, pr: PullRequest, why: string): Promise<PullRequest> {
  return github.updatePullRequest(pr.number, {
    state: 'closed',
    body: `${pr.body}\n\n---\nClosed by pdd-sync: ${why}`
  })
}

/** Turns an API error into one a user can act on, keeping GitHub's own message. */
export function explain(e: unknown, o: { head: string; base: string }): Error {
  if (!(e instanceof GitHubError)) return e as Error
  if (/not permitted to create or approve pull requests/i.test(e.message)) {
    return new PublishError(
      `The branch ${o.head} was pushed, but GitHub refused to open the pull request: GitHub Actions is not ` +
        `permitted to create pull requests in this repository. Turn on Settings → Actions → General → ` +
        `"Allow GitHub Actions to create and approve pull requests" (for an organisation, also in its ` +
        `settings), or pass a PAT or GitHub App token as the "token" input. (${e.message})`
    )
  }
  if (e.rateLimited) {
    return new PublishError(
      `The branch ${o.head} was pushed, but GitHub's API rate limit stopped the pull request ${o.head} → ` +
        `${o.base}; the next run opens or updates it. (${e.message})`
    )
  }
  if (e.status === 403 || e.status === 401) {
    return new PublishError(
      `GitHub refused the pull request for ${o.head} → ${o.base}: the token lacks permission. Give the job ` +
        `"permissions: pull-requests: write" (and contents: write, issues: write). (${e.message})`
    )
  }
  if (e.status === 404) {
    return new PublishError(
      `GitHub answered 404 for the pull request ${o.head} → ${o.base}: check that the base branch "${o.base}" ` +
        `exists and that the token can see the repository. (${e.message})`
    )
  }
  return e
}
