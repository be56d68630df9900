import { GitError } from '../adapters/git.js'
import { GitHubError, type PullRequest } from '../adapters/github.js'
import { deleteBranch, type PublishBranchResult } from './branch.js'
import { renderPullRequestBody, type ChecklistInput } from './checklist.js'
import { CommentStore } from './comment-store.js'
import { writeRunRecord } from './notes-writer.js'
import { pushCarried } from './push-carried.js'
import { pendingApplies, publishPending } from './pending-pr.js'
import { upsertListingBranch, withPrefix } from './pr-listing.js'
import { closePullRequest } from './pull-request.js'
import type { PublishOptions, PublishOutcome } from './options.js'

/**
 * Step 6 of docs/architecture.md: the bot branch (lease-protected, human commits respected), then the run record (notes,
 * retried; PR comment as fallback), then one pull request with the checklist — or, when nothing synced, the
 * stale pull request closed once the base holds its changes, or (`pending`) the pull request an earlier run
 * could not open, opened now (pending-pr.ts).
 */
export async function publish(o: PublishOptions): Promise<PublishOutcome> {
  const warnings: string[] = []
  const checklist: ChecklistInput = { ...o.checklist, result: o.result }
  const found = await findPr(o, warnings)
  const existing = found ?? null
  // A run with nothing to do and no open pull request: is there one an earlier run could not open?
  if (found === null && pendingApplies(o)) return publishPending(o, checklist, warnings)
  const pushed = await pushStep(o, checklist, warnings)
  const { branch, synced } = pushed
  let failed = pushed.failed
  const onBranch = branch?.operation === 'pushed' || branch?.operation === 'unchanged'
  const notes = o.skipRecord
    ? { pushed: true, comment: false }
    : await saveNotes(o, onBranch && branch?.head ? branch.head : o.baseSha, warnings)
  if (!notes.pushed && o.stateStore !== 'comment') checklist.notesSaved = notes.error ?? false

  let pr: PublishOutcome['pullRequest'] = { operation: 'none' }
  let prNumber: PullRequest | null = existing
  if (o.github && onBranch) {
    const r = await upsertListingBranch(o, checklist, warnings)
    prNumber = r?.pullRequest ?? prNumber
    if (r) pr = { operation: r.operation, number: r.pullRequest.number, url: r.pullRequest.url }
  } else if (o.github && existing && branch?.operation === 'human-commits') {
    const github = o.github
    const none: PublishOutcome['pullRequest'] = { operation: 'none' }
    pr = await soft(warnings, `Could not update #${existing.number}`, none, async () => {
      const body = withPrefix(
        o.bodyPrefix,
        renderPullRequestBody(checklist, 60_000 - (o.bodyPrefix?.length ?? 0))
      )
      await github.updatePullRequest(existing.number, { body })
      const updated: PublishOutcome['pullRequest'] = {
        operation: 'updated',
        number: existing.number,
        url: existing.url
      }
      return updated
    })
  } else if (o.github && existing && !synced) {
    pr = await soft(warnings, `Could not close #${existing.number}`, { operation: 'none' }, () =>
      closeIfMerged(o, existing, warnings)
    )
  }
  if (!o.skipRecord && (o.stateStore !== 'notes' || !notes.pushed))
    notes.comment = await saveComment(o, prNumber, notes.pushed, warnings)
  if (!o.skipRecord && !notes.pushed && !notes.comment)
    failed ??= `the run record was saved nowhere: ${notes.error ?? 'no pull request to keep it in'}`
  return { branch, pullRequest: pr, notes, checklist, warnings, ...(failed ? { failed } : {}) }
}

/**
 * The bot branch: this run's head plus (with `carryExcept`) the earlier runs' results carried over, pushed
 * with the lease the carry-over was built on, retried when another run wins the race. `synced`: there is
 * something to publish beyond the base.
 */
async function pushStep(
  o: PublishOptions,
  checklist: ChecklistInput,
  warnings: string[]
): Promise<{ branch: PublishBranchResult | null; synced: boolean; failed?: string }> {
  const own = o.result.head ?? o.baseSha
  if (own === o.baseSha && !o.carryExcept) return { branch: null, synced: false }
  try {
    const r = await pushCarried({
      git: o.git,
      remote: o.remote,
      branch: o.branch,
      head: own,
      base: o.baseSha,
      ran: o.carryExcept ?? new Set(),
      scratchRef: `refs/pdd-sync/publish/${o.branch}`,
      identity: o.identity,
      overwriteHumanCommits: o.overwriteHumanCommits,
      allowWorkflowChanges: o.allowWorkflowChanges,
      attempts: o.pushAttempts,
      sleep: o.sleep,
      sign: o.sign
    })
    if (r.carried.length > 0) {
      o.reporter.info(`Kept from the open bot branch: ${r.carried.join(', ')}.`)
      checklist.carried = r.carried
    }
    const synced = r.head !== o.baseSha
    if (r.head !== own) {
      o.result.head = r.head
      await o.git.updateRef(o.localRef, r.head, await o.git.commitOf(o.localRef))
    }
    if (!synced) return { branch: null, synced }
    const b = r.branch
    o.reporter.info(b.message)
    if (b.operation === 'human-commits') checklist.humanCommitBlock = b.message
    if (b.operation === 'refused-workflows') checklist.prBlocked = b.message
    if (b.operation !== 'lease-failed') return { branch: b, synced }
    checklist.prBlocked = b.message
    warnings.push(b.message)
    return { branch: b, synced, failed: b.message }
  } catch (e: unknown) {
    if (!(e instanceof GitError) && !(e instanceof GitHubError && o.sign)) throw e
    checklist.prBlocked =
      e instanceof GitError
        ? pushFailure(o, e)
        : `Making the signed commits of ${o.branch} through the API failed; nothing was pushed: ${e.message}`
    warnings.push(checklist.prBlocked)
    return { branch: null, synced: own !== o.baseSha, failed: checklist.prBlocked }
  }
}

/** Runs a publication step whose failure is a warning, not a failed run (the results are published anyway). */
async function soft<T>(warnings: string[], what: string, fallback: T, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (e) {
    warnings.push(`${what}: ${(e as Error).message}`)
    return fallback
  }
}

/** The open pull request of the bot branch: null when there is none, undefined when the lookup failed. */
async function findPr(o: PublishOptions, warnings: string[]): Promise<PullRequest | null | undefined> {
  if (!o.github) return null
  try {
    return await o.github.findOpenPullRequest(o.branch, o.base)
  } catch (e) {
    warnings.push(`Could not look up the open pull request of ${o.branch}: ${(e as Error).message}`)
    return undefined
  }
}

async function saveNotes(
  o: PublishOptions,
  object: string,
  warnings: string[]
): Promise<PublishOutcome['notes']> {
  if (o.stateStore === 'comment') return { pushed: false, comment: false }
  const r = await writeRunRecord({
    git: o.git,
    remote: o.remote,
    ref: o.notesRef,
    object,
    record: o.record,
    identity: o.identity,
    sleep: o.sleep
  })
  if (r.pushed) {
    o.reporter.info(`Run record pushed to ${o.notesRef} on ${object.slice(0, 12)} (attempt ${r.attempts}).`)
    return { pushed: true, comment: false }
  }
  const error = `The run record could not be pushed to ${o.notesRef} after ${r.attempts} attempt(s): ${r.error ?? 'unknown error'}`
  warnings.push(error)
  return { pushed: false, comment: false, error }
}

async function saveComment(
  o: PublishOptions,
  pr: PullRequest | null,
  notesPushed: boolean,
  warnings: string[]
): Promise<boolean> {
  if (!o.github || !pr) {
    if (!notesPushed)
      warnings.push('There is no pull request to keep the run record in: it is only in the job summary.')
    return false
  }
  try {
    const r = await new CommentStore(o.github, pr.number, pr.author).write(o.record)
    o.reporter.info(`Run record kept in comment ${r.commentId} of #${pr.number}.`)
    return true
  } catch (e) {
    warnings.push(`The run record could not be written to #${pr.number}: ${(e as Error).message}`)
    return false
  }
}

async function closeIfMerged(
  o: PublishOptions,
  pr: PullRequest,
  warnings: string[]
): Promise<PublishOutcome['pullRequest']> {
  if (!o.github || !o.deleteBranch) return { operation: 'none', number: pr.number, url: pr.url }
  const remote = await o.git.fetchBranch(o.remote, o.branch)
  if (remote) await o.git.relateShallow(o.remote, o.baseSha, remote)
  if (remote && !(await o.git.baseContains(o.baseSha, remote))) {
    o.reporter.info(`#${pr.number} still has changes the base lacks: left open.`)
    return { operation: 'none', number: pr.number, url: pr.url }
  }
  await closePullRequest(o.github, pr, `${o.base} already contains these changes.`)
  const d = remote
    ? await deleteBranch({ git: o.git, remote: o.remote, branch: o.branch, expectedSha: remote })
    : 'absent'
  if (d === 'lease-failed') warnings.push(`${o.branch} moved while it was being deleted; left in place.`)
  o.reporter.info(`Closed #${pr.number}: ${o.base} already contains its changes (branch ${d}).`)
  return { operation: 'closed', number: pr.number, url: pr.url }
}

/** Explains a refused push of the bot branch: usually a read-only token (a fork, missing `contents: write`). */
function pushFailure(o: PublishOptions, e: GitError): string {
  // The server's own words ("remote: Permission to … denied") come before git's summary lines.
  const said = e.stderr
    .split('\n')
    .map(l => l.replace(/^remote:\s*/, '').trim())
    .filter(l => l !== '' && !/^To |^error: failed to push/.test(l))
    .slice(-3)
    .join(' ')
  const denied =
    /\b403\b|permission|denied|not allowed|write access|read-only|authentication failed|could not read Username/i
  if (denied.test(e.stderr)) {
    return (
      `The token cannot push ${o.branch}: give the job "permissions: contents: write" (a pull request from a ` +
      `fork only gets a read-only token), or pass a push-token that can write. Nothing was pushed; the results ` +
      `are in this summary. (${said})`
    )
  }
  return `Pushing ${o.branch} failed; nothing was pushed: ${said}`
}
