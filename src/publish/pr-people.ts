import { addAssignees, requestReviewers, setMilestone } from '../adapters/github-lifecycle.js'
import type { GitHub } from '../adapters/github.js'
import type { PullRequestPeople } from '../settings/pr-inputs.js'

/**
 * Requests the reviews, adds the assignees and sets the milestone of a pull request just opened. Each call that
 * fails is a warning naming the input and what GitHub said (a team needs a token that can read the
 * organisation's teams); publication goes on.
 */
export async function applyPeople(github: GitHub, number: number, p: PullRequestPeople): Promise<string[]> {
  const warnings: string[] = []
  const soft = async (what: string, fn: () => Promise<void>): Promise<void> => {
    await fn().catch((e: unknown) => warnings.push(`#${number}: ${what} failed: ${(e as Error).message}`))
  }
  if (p.reviewers.length > 0 || p.teamReviewers.length > 0) {
    const hint =
      p.teamReviewers.length > 0 ? ' (inputs "reviewers", "team-reviewers")' : ' (input "reviewers")'
    await soft(`requesting reviews${hint}`, () =>
      requestReviewers(github, number, p.reviewers, p.teamReviewers)
    )
  }
  if (p.assignees.length > 0)
    await soft('adding assignees (input "assignees")', () => addAssignees(github, number, p.assignees))
  if (p.milestone !== undefined) {
    const m = p.milestone
    await soft(`setting milestone ${m} (input "milestone")`, () => setMilestone(github, number, m))
  }
  return warnings
}
