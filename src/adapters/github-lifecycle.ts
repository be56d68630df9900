import { GitHubError, type GitHub } from './github.js'

const READY = `mutation MarkReady($id: ID!) {
  markPullRequestReadyForReview(input: { pullRequestId: $id }) { pullRequest { isDraft } }
}`
const DRAFT = `mutation ConvertToDraft($id: ID!) {
  convertPullRequestToDraft(input: { pullRequestId: $id }) { pullRequest { isDraft } }
}`

/**
 * Marks a pull request ready for review (`draft` false) or converts it to a draft (`draft` true): GraphQL only,
 * REST cannot change the draft state of an open pull request.
 */
export async function setDraft(github: GitHub, nodeId: string, draft: boolean): Promise<void> {
  const what = draft ? 'convertPullRequestToDraft' : 'markPullRequestReadyForReview'
  await github.graphql(`GraphQL ${what}`, draft ? DRAFT : READY, { id: nodeId })
}

/**
 * Removes one label from an issue or pull request. A label that is not there is removed already: so a retry after
 * a lost answer (a 5xx once the label was gone) is no failure.
 */
export async function removeLabel(github: GitHub, number: number, name: string): Promise<void> {
  try {
    await github.request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', (o, base) =>
      o.rest.issues.removeLabel({ ...base, issue_number: number, name })
    )
  } catch (e) {
    if (!(e instanceof GitHubError && e.status === 404 && /Label does not exist/i.test(e.message))) throw e
  }
}

/** Requests reviews from users and teams (team slugs of the repository's organisation). */
export async function requestReviewers(
  github: GitHub,
  number: number,
  reviewers: string[],
  teamReviewers: string[]
): Promise<void> {
  await github.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', (o, base) =>
    o.rest.pulls.requestReviewers({
      ...base,
      pull_number: number,
      reviewers,
      team_reviewers: teamReviewers
    })
  )
}

/** Adds assignees to an issue or pull request. */
export async function addAssignees(github: GitHub, number: number, assignees: string[]): Promise<void> {
  await github.request('POST /repos/{owner}/{repo}/issues/{issue_number}/assignees', (o, base) =>
    o.rest.issues.addAssignees({ ...base, issue_number: number, assignees })
  )
}

/** Sets the milestone (by number) of an issue or pull request. */
export async function setMilestone(github: GitHub, number: number, milestone: number): Promise<void> {
  await github.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', (o, base) =>
    o.rest.issues.update({ ...base, issue_number: number, milestone })
  )
}

/** A closed pull request (merged or not) as far as the bot branch needs it. */
export interface ClosedPullRequest {
  number: number
  url: string
  /** The head branch's commit when it was closed (GitHub stops following the branch then). */
  headSha: string
  merged: boolean
}

/**
 * The most recent closed pull requests (at most 30, newest first) from `head` (a branch of this repository) into
 * `base`: one REST call.
 */
export async function closedPullRequests(
  github: GitHub,
  head: string,
  base: string
): Promise<ClosedPullRequest[]> {
  const r = await github.request('GET /repos/{owner}/{repo}/pulls', (o, b) =>
    o.rest.pulls.list({ ...b, head: `${b.owner}:${head}`, base, state: 'closed', per_page: 30 })
  )
  return r.data
    .filter(p => p.head.ref === head && p.base.ref === base)
    .map(p => ({ number: p.number, url: p.html_url, headSha: p.head.sha, merged: Boolean(p.merged_at) }))
}
