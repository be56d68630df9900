import type { Git, Identity } from '../adapters/git.js'
import type { Reporter } from '../adapters/reporter.js'
import type { UnitResult } from '../execute/result.js'
import type { RunRecord } from '../state/record.js'
import { writeRunRecord } from './notes-writer.js'
import { pushCarried } from './push-carried.js'
import type { SignOptions } from './signed-push.js'

/** Options of {@link IncrementalPublisher}. */
export interface IncrementalOptions {
  git: Git
  remote: string
  branch: string
  /** The commit the bot branch is rebuilt from. */
  baseSha: string
  notesRef: string
  /** No notes are written with 'comment' (the PR comment is written once, at the end). */
  stateStore: 'notes' | 'comment' | 'both'
  identity: Identity
  overwriteHumanCommits: boolean
  allowWorkflowChanges: boolean
  /** The partial run record of the units finished so far (same run id as the final record). */
  record: (units: UnitResult[]) => RunRecord
  reporter: Reporter
  /** `sign-commits`: see PublishBranchOptions.sign. */
  sign?: SignOptions
}

/** Where the run stood after a group landed. */
export interface Progress {
  head: string
  units: UnitResult[]
}

/**
 * Publishes paid work while the run goes on (docs/architecture.md, "Trust"): after a group lands, the bot branch (carried over
 * and lease-protected as in the final publish) and a partial run record are pushed, so a job killed later keeps
 * what it paid for. One publication at a time; progress offered meanwhile is coalesced into the next round, so
 * groups that finish together cost one push. Failures are warnings: the final publish still runs.
 */
export class IncrementalPublisher {
  private latest: Progress | null = null
  private running: Promise<void> | null = null
  private closed = false
  /** Milliseconds each round took (branch and record), for the log and the measurements. */
  readonly rounds: number[] = []

  constructor(private readonly o: IncrementalOptions) {}

  /** Queues a publication of `p` (the newest progress wins); returns at once. */
  offer(p: Progress): void {
    if (this.closed) return
    this.latest = p
    this.running ??= this.drain()
  }

  /** Stops taking progress and waits for the round in flight (the final publish must come after it). */
  async close(): Promise<void> {
    this.closed = true
    this.latest = null
    while (this.running) await this.running
  }

  private async drain(): Promise<void> {
    while (this.latest) {
      const p = this.latest
      this.latest = null
      const started = Date.now()
      await this.publishOnce(p).catch((e: Error) =>
        this.o.reporter.warning(
          `Could not publish the progress so far (the final publish will retry): ${e.message}`
        )
      )
      this.rounds.push(Date.now() - started)
    }
    this.running = null
  }

  private async publishOnce(p: Progress): Promise<void> {
    const o = this.o
    let object = o.baseSha
    if (p.head !== o.baseSha) {
      const r = await pushCarried({
        git: o.git,
        remote: o.remote,
        branch: o.branch,
        head: p.head,
        base: o.baseSha,
        ran: new Set(p.units.map(u => u.basename)),
        scratchRef: `refs/pdd-sync/progress/${o.branch}`,
        identity: o.identity,
        overwriteHumanCommits: o.overwriteHumanCommits,
        allowWorkflowChanges: o.allowWorkflowChanges,
        attempts: 2,
        sign: o.sign
      })
      if (r.branch.operation === 'pushed' || r.branch.operation === 'unchanged')
        object = r.branch.head ?? o.baseSha
      else o.reporter.info(`Progress not pushed to ${o.branch}: ${r.branch.message}`)
    }
    if (o.stateStore === 'comment') return
    const w = await writeRunRecord({
      git: o.git,
      remote: o.remote,
      ref: o.notesRef,
      object,
      record: o.record(p.units),
      identity: o.identity,
      attempts: 3
    })
    const done = p.units.length
    if (w.pushed) o.reporter.info(`Progress published: ${done} unit(s) finished, on ${object.slice(0, 12)}.`)
    else
      o.reporter.info(`Progress record not pushed (${w.error ?? 'unknown'}); the final publish will retry.`)
  }
}
