import type { Git } from '../adapters/git.js'
import type { Reporter } from '../adapters/reporter.js'
import { BOT } from '../execute/execute.js'
import type { RunResult } from '../execute/result.js'
import { writeRunRecord } from '../publish/notes-writer.js'
import { toRunRecord } from '../publish/run-record.js'

/** Options of {@link recordCliRun}. */
export interface RecordCliRunOptions {
  git: Git
  result: RunResult
  runId: string
  /** The commit the run started from. */
  base: string
  /** Notes ref the record goes to. */
  notesRef: string
  /** `--push [REMOTE]`: also push the bot branch and the notes there; undefined writes the local notes only. */
  push?: string
  reporter: Reporter
  pddVersion?: string
}

/** What {@link recordCliRun} did, for the terminal. */
export interface RecordedCliRun {
  /** The run record is in the local notes. */
  recorded: boolean
  /** With `--push`: the record and the branch reached the remote (a sentence each). */
  pushed: string[]
}

/**
 * Writes the run record the action writes (run-record.ts) to the local notes ref, so that a later `run` (or
 * the action, once the notes are pushed) restores the state this run paid for and does not pay again, on any
 * branch the results are merged into (the planner matches fingerprints by content). With `--push`, the bot
 * branch is pushed (lease-protected) and the notes are merged and pushed as the action does (fetch → merge →
 * push, never forced).
 */
export async function recordCliRun(o: RecordCliRunOptions): Promise<RecordedCliRun> {
  const out: RecordedCliRun = { recorded: false, pushed: [] }
  const head = o.result.head ?? o.base
  const record = toRunRecord(o.result, {
    runId: o.runId,
    trigger: 'cli',
    baseSha: o.base,
    createdAt: new Date().toISOString(),
    pddVersion: o.pddVersion
  })
  // The record first: whatever happens to the pushes, the local notes hold what this run paid for.
  const w = await writeRunRecord({
    git: o.git,
    remote: o.push ?? null,
    ref: o.notesRef,
    object: head,
    record,
    identity: BOT
  })
  out.recorded = true
  if (o.push === undefined) return out
  if (w.pushed) out.pushed.push(`Run record pushed to ${o.push} ${o.notesRef}.`)
  else o.reporter.warning(`The run record is only in the local ${o.notesRef}: ${w.error ?? 'not pushed'}`)
  if (head !== o.base && o.result.branch) await pushBotBranch(o, o.push, o.result.branch, out)
  return out
}

/** Pushes the local bot branch with a lease; a failure is a warning (the results stay on the local branch). */
async function pushBotBranch(
  o: RecordCliRunOptions,
  remote: string,
  branch: string,
  out: RecordedCliRun
): Promise<void> {
  try {
    // Loaded only with --push: the publisher reaches the GitHub client (a chunk of its own, see src/cli/main.ts).
    const { publishBranch } = await import('../publish/branch.js')
    const b = await publishBranch({
      git: o.git,
      remote,
      branch,
      localRef: `refs/heads/${branch}`,
      base: o.base,
      identity: BOT,
      overwriteHumanCommits: false,
      allowWorkflowChanges: true
    })
    if (b.operation === 'pushed' || b.operation === 'unchanged') out.pushed.push(b.message)
    else o.reporter.warning(b.message)
  } catch (e) {
    o.reporter.warning(`${branch} was not pushed to ${remote}: ${(e as Error).message}`)
  }
}
