/**
 * `pdd-sync run`'s partial run records: after each group lands on the local bot branch, a partial record of the
 * units finished so far (same run id as the final record, `"partial": true`) is written to the local notes, as
 * the action publishes its progress (publish/incremental.ts). A run killed later (SIGKILL, a second Ctrl-C, a
 * closed terminal, the machine going down) then still leaves the record of what it paid for: once its bot
 * branch is merged, the next run restores those units' state and does not pay for them again, and the caps
 * count what it spent. Readers keep one record per run (the final one, else the most complete partial one).
 */
import type { Git } from '../adapters/git.js'
import type { Reporter } from '../adapters/reporter.js'
import { BOT } from '../execute/execute.js'
import type { UnitResult } from '../execute/result.js'
import { writeRunRecord } from '../publish/notes-writer.js'
import type { RunIdentity } from '../publish/run-record.js'
import { partialRecord } from '../publish/safeguard.js'

/** Where the run stood after a group landed (executePlan's onProgress). */
export interface LocalProgress {
  head: string
  units: UnitResult[]
}

/** Options of {@link ProgressRecorder}. */
export interface ProgressRecorderOptions {
  git: Git
  notesRef: string
  budget: number
  id: Omit<RunIdentity, 'createdAt'>
  reporter: Reporter
}

/**
 * The least time between two partial records. The first group that lands is recorded at once; progress offered
 * within this time after a write is coalesced into one write when it ends. Each write starts git a few times
 * (~65 ms of CPU): written after every group, it made the executor bench (40 groups of 0.5 s at concurrency 4)
 * 1.32× the ideal instead of 1.17×. A run killed within this time of a landing loses that landing's record; its
 * syncs take minutes, so the window is a small part of what any record covers.
 */
export const MIN_SPACING_MS = 5_000

/**
 * Writes the newest progress offered as a partial record in the local notes, one write at a time and at most one
 * per {@link MIN_SPACING_MS} (progress offered meanwhile is coalesced into the next write). A failed write is a
 * warning: the final record still comes.
 */
export class ProgressRecorder {
  private latest: LocalProgress | null = null
  private running: Promise<void> | null = null
  private timer: NodeJS.Timeout | null = null
  private lastWrite = Number.NEGATIVE_INFINITY
  private closed = false

  constructor(
    private readonly o: ProgressRecorderOptions,
    private readonly spacingMs = MIN_SPACING_MS
  ) {}

  /** Queues a partial record of `p` (the newest wins); returns at once. */
  offer(p: LocalProgress): void {
    if (this.closed) return
    this.latest = p
    if (this.running || this.timer) return
    const wait = this.lastWrite + this.spacingMs - Date.now()
    if (wait <= 0) this.running = this.drain()
    else
      this.timer = setTimeout(() => {
        this.timer = null
        if (!this.closed) this.running = this.drain()
      }, wait)
  }

  /** Stops taking progress and waits for the write in flight (the final record must come after it). */
  async close(): Promise<void> {
    this.closed = true
    this.latest = null
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    while (this.running) await this.running
  }

  private async drain(): Promise<void> {
    const p = this.latest
    this.latest = null
    if (p) {
      this.lastWrite = Date.now()
      await writeRunRecord({
        git: this.o.git,
        remote: null,
        ref: this.o.notesRef,
        object: p.head,
        record: partialRecord(p.units, this.o.budget, { ...this.o.id, createdAt: '' }),
        identity: BOT
      }).catch((e: Error) =>
        this.o.reporter.warning(`Could not record the progress so far in ${this.o.notesRef}: ${e.message}`)
      )
    }
    this.running = null
    // Progress offered during the write: written once the spacing has passed.
    if (this.latest && !this.closed) {
      const next = this.latest
      this.latest = null
      this.offer(next)
    }
  }
}
