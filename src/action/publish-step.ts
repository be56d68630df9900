import type { Git } from '../adapters/git.js'
import type { RunResult } from '../execute/result.js'
import type { ChecklistInput } from '../publish/checklist.js'
import type { PublishOutcome } from '../publish/options.js'
import { publish } from '../publish/publish.js'
import type { RunRecord } from '../state/record.js'
import { signOf, type RunContext } from './run-context.js'

/** What the publish step takes from the run (`pending`: see PublishOptions.pending). */
export interface PublishParts {
  result: RunResult
  record: RunRecord
  checklist: ChecklistInput
  skipRecord: boolean
  pending?: readonly RunRecord[]
}

/** Step 6: the bot branch, the run record and the pull request. */
export function publishStep(
  ctx: RunContext,
  pushGit: Git,
  r: PublishParts,
  ran: ReadonlySet<string> = ranBasenames(r.result)
): Promise<PublishOutcome> {
  const p = ctx.s.publish
  return publish({
    git: pushGit,
    github: ctx.github,
    remote: 'origin',
    branch: ctx.branch,
    localRef: `refs/heads/${ctx.branch}`,
    base: ctx.base,
    baseSha: ctx.baseSha,
    result: r.result,
    record: r.record,
    notesRef: ctx.s.notesRef,
    stateStore: p.stateStore,
    identity: ctx.s.publish.commits.committer,
    title: p.title,
    labels: p.labels,
    people: p.people,
    bodyPrefix: p.bodyPrefix,
    draftOnFailure: p.draftOnFailure,
    deleteBranch: p.deleteBranch,
    overwriteHumanCommits: p.overwriteHumanCommits,
    allowWorkflowChanges: p.allowWorkflowChanges,
    checklist: r.checklist,
    reporter: ctx.reporter,
    skipRecord: r.skipRecord,
    pending: r.pending,
    sign: signOf(ctx),
    // Earlier unmerged results on the bot branch that this run did not redo are carried over.
    carryExcept: r.skipRecord ? undefined : ran
  })
}

/** Basenames this run synced or tried: their earlier results on the bot branch are superseded. */
export function ranBasenames(r: RunResult): Set<string> {
  return new Set(r.units.filter(u => u.status !== 'unchanged').map(u => u.basename))
}
