import { setDraft, removeLabel } from '../adapters/github-lifecycle.js'
import { GitHubError, type GitHub, type PullRequest } from '../adapters/github.js'

/** The label that stands for the draft state where GitHub has no draft pull requests. */
export const DRAFT_LABEL = 'draft'

/** True for GitHub's refusal of drafts (private repositories on some plans), from REST or GraphQL. */
export function draftsUnsupported(e: unknown): boolean {
  return e instanceof GitHubError && /draft pull requests are not supported/i.test(e.message)
}

/** Said once, when the pull request is opened with the label instead of as a draft. */
export function draftLabelNotice(number: number): string {
  return (
    `This repository does not support draft pull requests, so #${number} was opened as a normal pull ` +
    `request with the "${DRAFT_LABEL}" label; the label is removed once no unit fails.`
  )
}

/** What {@link syncDraftState} did. */
export interface DraftStateOutcome {
  pullRequest: PullRequest
  /** 'ready' / 'draft': the state was changed (by the mutation or the label). */
  changed?: 'ready' | 'draft'
  /** A notice for the summary (the label fallback was taken now) or a warning (a call failed). */
  notice?: string
  warning?: string
}

/**
 * Brings an open pull request to the wanted draft state (docs/architecture.md "Pull request lifecycle"):
 * `markPullRequestReadyForReview` once no unit fails, `convertPullRequestToDraft` when one fails again. A pull
 * request carrying the {@link DRAFT_LABEL} label (opened where drafts are not supported) keeps to the label:
 * it is removed when ready and left when failing. A refusal of drafts switches to the label; any other failure
 * is a warning, never a failed run.
 */
export async function syncDraftState(
  github: GitHub,
  pr: PullRequest,
  wantDraft: boolean
): Promise<DraftStateOutcome> {
  const labelled = pr.labels.includes(DRAFT_LABEL) && !pr.draft
  try {
    if (wantDraft && !pr.draft && !labelled) {
      await setDraft(github, pr.nodeId, true)
      return { pullRequest: { ...pr, draft: true }, changed: 'draft' }
    }
    if (!wantDraft && pr.draft) {
      await setDraft(github, pr.nodeId, false)
      return { pullRequest: { ...pr, draft: false }, changed: 'ready' }
    }
    if (!wantDraft && labelled) {
      await removeLabel(github, pr.number, DRAFT_LABEL)
      return { pullRequest: { ...pr, labels: pr.labels.filter(l => l !== DRAFT_LABEL) }, changed: 'ready' }
    }
    return { pullRequest: pr }
  } catch (e) {
    if (wantDraft && draftsUnsupported(e)) {
      const labels = await github.addLabels(pr.number, [DRAFT_LABEL]).then(
        () => [...pr.labels, DRAFT_LABEL],
        () => pr.labels
      )
      return { pullRequest: { ...pr, labels }, changed: 'draft', notice: draftLabelNotice(pr.number) }
    }
    const to = wantDraft ? 'back to a draft' : 'ready for review'
    return { pullRequest: pr, warning: `#${pr.number} could not be marked ${to}: ${(e as Error).message}` }
  }
}
