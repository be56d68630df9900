import { shardRef, type Git, type Identity } from '../adapters/git.js'
import type { Reporter } from '../adapters/reporter.js'
import type { RunResult, UnitResult } from '../execute/result.js'
import type { Redactor } from '../trust/redact.js'
import type { ShardReport } from './report.js'
import type { Resumed } from './resume.js'

/** Options of {@link ShardReporter}. */
export interface ShardReporterOptions {
  git: Git
  /** Where the finalize job fetches from; null keeps the ref local (the CLI without `--push`). */
  remote: string | null
  runKey: string
  shard: number
  attempt?: string
  baseSha: string
  /** The shard's budget (its share of the job budget). */
  budget: number
  promptPaths: Record<string, string>
  contextOf: Record<string, string>
  identity: Identity
  redactor: Redactor
  reporter: Reporter
  /** The commit the ref held when this attempt started (the lease of its first push); null: no ref. */
  lease: string | null
  /** What an earlier attempt finished, when this one resumes from its report. */
  resumed: Resumed | null
}

/** Where the sync stood after a group landed (executePlan's onProgress). */
export interface ShardProgress {
  head: string
  units: UnitResult[]
}

/**
 * The reports of one shard attempt (docs/architecture.md "Modes"): after each group that landed, a partial
 * `shard.json` (`complete: false`, the units finished so far, their spend) goes to
 * `refs/pdd-sync/runs/<run key>/shard-<k>`, as a report commit on top of the shard's head, so that a job killed
 * later keeps what it paid for; the last report says `complete: true`. Every push is leased on the commit this
 * attempt last saw there, so two attempts cannot replace each other's report: the one that loses stops
 * reporting. One push at a time; progress offered meanwhile is coalesced into the next.
 */
export class ShardReporter {
  private latest: ShardProgress | null = null
  private running: Promise<void> | null = null
  private lost = false
  /** Units finished when the job was cancelled (what a cancelled attempt reports as done). */
  private frozen: Set<string> | null = null
  private finished: UnitResult[] = []
  readonly ref: string

  constructor(private readonly o: ShardReporterOptions) {
    this.ref = shardRef(o.runKey, o.shard)
  }

  /** Queues a partial report of `p` (the newest progress wins); returns at once. */
  offer(p: ShardProgress): void {
    this.finished = p.units
    if (this.lost) return
    this.latest = p
    this.running ??= this.drain()
  }

  /** The job was cancelled: units finishing from now on (stopped syncs) are left for a re-run. */
  freeze(): void {
    this.frozen ??= new Set(this.finished.map(u => u.id))
  }

  /**
   * The last report, after the round in flight: `complete: true` unless the job was cancelled, when only the
   * units finished before it (and those that synced since) count as done. Returns the ref, or null when another
   * attempt took it over.
   */
  async finish(result: RunResult): Promise<string | null> {
    this.latest = null
    while (this.running) await this.running
    const cancelled = this.frozen !== null || result.cancelled === true
    const frozen = this.frozen ?? new Set(this.finished.map(u => u.id))
    const resumed = new Set(this.o.resumed?.units.map(u => u.id) ?? [])
    const kept = cancelled
      ? result.units.filter(u => resumed.has(u.id) || frozen.has(u.id) || u.status === 'synced')
      : result.units
    const report = { ...result, units: kept }
    if (cancelled) report.spent = Math.max(result.spent, spentOf(kept))
    await this.push(report, result.head ?? this.o.baseSha, !cancelled)
    return this.lost ? null : this.ref
  }

  private async drain(): Promise<void> {
    while (this.latest && !this.lost) {
      const p = this.latest
      this.latest = null
      const r = this.o.resumed
      const units = [...(r?.units ?? []), ...p.units]
      const partial: RunResult = { budget: this.o.budget, spent: spentOf(units), units, head: p.head }
      await this.push(partial, p.head, false).catch((e: Error) =>
        this.o.reporter.warning(`Could not push the shard's progress (the next push retries): ${e.message}`)
      )
    }
    this.running = null
  }

  private async push(result: RunResult, head: string, complete: boolean): Promise<void> {
    if (this.lost) return
    const o = this.o
    const report: ShardReport = {
      version: 1,
      runKey: o.runKey,
      shard: o.shard,
      ...(o.attempt ? { attempt: o.attempt } : {}),
      baseSha: o.baseSha,
      head,
      complete,
      result,
      promptPaths: o.promptPaths,
      contextOf: o.contextOf
    }
    const commit = await o.git.writeFileCommit({
      ref: this.ref,
      name: 'shard.json',
      text: JSON.stringify(o.redactor.redactJson(report)) + '\n',
      parent: head,
      message: `pdd-sync: shard ${o.shard} of run ${o.runKey}${complete ? '' : ' (partial)'}`,
      who: o.identity
    })
    if (o.remote === null) return
    if (await o.git.pushRefLeased(o.remote, this.ref, o.lease)) {
      o.lease = commit
      const done = result.units.length
      o.reporter.info(
        `Shard ${o.shard}: ${complete ? 'reported' : `${done} unit(s) done, pushed`} to ${this.ref}.`
      )
    } else {
      this.lost = true
      o.reporter.warning(
        `Shard ${o.shard}: ${this.ref} moved on ${o.remote} (another attempt of this shard?); not reporting over it.`
      )
    }
  }
}

/** Dollars the units cost (unknown costs count nothing). */
export function spentOf(units: readonly UnitResult[]): number {
  return Math.round(units.reduce((a, u) => a + (u.cost ?? 0), 0) * 1e6) / 1e6
}
