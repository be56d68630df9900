import type { GitHub } from '../adapters/github.js'
import { botUnitsOn } from './carry-over.js'
import { pullRequestTitle, renderPullRequestBody, type ChecklistInput } from './checklist.js'
import type { PublishOptions } from './options.js'
import { upsertPullRequest, type PullRequestOutcome as UpsertResult } from './pull-request.js'

/**
 * Creates or updates the pull request with a body that lists every unit on the remote bot branch, this run's
 * and (as carried) those another run pushed on top since: the branch is fetched before the body is written and
 * again after; when it moved in between, the body is written again (at most three times).
 */
export async function upsertListingBranch(
  o: PublishOptions,
  checklist: ChecklistInput,
  warnings: string[]
): Promise<UpsertResult | null> {
  const github = o.github as GitHub
  const anyFailed = o.result.units.some(u => u.status === 'failed' || u.status === 'conflict')
  const mine = new Set(o.result.units.filter(u => u.status !== 'unchanged').map(u => u.basename))
  let seen = await o.git.fetchBranch(o.remote, o.branch).catch(() => null)
  let r: UpsertResult | null = null
  let first: UpsertResult['operation'] = 'updated'
  for (let round = 0; round < 3; round++) {
    if (seen) {
      const others = await botUnitsOn(o.git, o.baseSha, seen, mine, o.identity).catch(() => [])
      const carried = [...(checklist.carried ?? [])]
      for (const u of others) if (!carried.includes(u)) carried.push(u)
      if (carried.length > 0) checklist.carried = carried
    }
    try {
      r = await upsertPullRequest({
        github,
        head: o.branch,
        base: o.base,
        title: pullRequestTitle(o.result, o.title, o.base),
        body: withPrefix(
          o.bodyPrefix,
          renderPullRequestBody(checklist, 60_000 - (o.bodyPrefix?.length ?? 0))
        ),
        draft: anyFailed && o.draftOnFailure,
        manageDraft: o.draftOnFailure,
        labels: o.labels,
        people: o.people,
        sleep: o.sleep
      })
    } catch (e) {
      const said = (e as Error).message
      // Messages explain() wrote already name the pull request; GitHub's own (a 500) do not.
      checklist.prBlocked = /pull request/i.test(said)
        ? said
        : `The pull request could not be created or updated (the branch is pushed): ${said}`
      warnings.push(checklist.prBlocked)
      return null
    }
    if (round === 0) {
      warnings.push(...r.warnings)
      first = r.operation
    }
    if (r.notices.length > 0) checklist.draftNotice = r.notices.join(' ')
    if (r.draftChange === 'ready')
      o.reporter.info(`#${r.pullRequest.number} marked ready for review: no unit failed.`)
    if (r.draftChange === 'draft')
      o.reporter.info(`#${r.pullRequest.number} is a draft again: a unit failed.`)
    o.reporter.info(`Pull request #${r.pullRequest.number} ${r.operation}: ${r.pullRequest.url}`)
    const now = await o.git.fetchBranch(o.remote, o.branch).catch(() => seen)
    if (now === seen) break
    seen = now
  }
  return r ? { ...r, operation: first } : null
}

/** The pull request body: the `body` input's text, a blank line, then the checklist. */
export function withPrefix(prefix: string | undefined, body: string): string {
  return prefix ? `${prefix}\n\n${body}` : body
}
