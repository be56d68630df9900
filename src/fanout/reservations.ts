import { GitError, type Git, type Identity } from '../adapters/git.js'
import { backoffDelay, isRetryablePushError, pullNotes, withNotesLock } from '../publish/notes-writer.js'
import { reservationKey } from '../publish/reservation.js'
import { formatRecord, parseNote, type SpendReservation } from '../state/record.js'
import type { CollectOptions } from './collect-options.js'

/** Options of {@link settleReservations}. */
export interface SettleOptions {
  git: Git
  remote: string | null
  ref: string
  identity: Identity
  /** Which runs' reservations to settle. */
  match: (runId: string) => boolean
  /** What they may still hold: a shard's spend when it ends, 0 once a run record counts it. */
  amount: (r: SpendReservation) => number
  now?: () => Date
  attempts?: number
}

/** The months a run reserving at `now` can have noted its reservation in: this one and the one before. */
function monthsAround(now: Date): string[] {
  const prev = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
  return [now.toISOString().slice(0, 7), prev.toISOString().slice(0, 7)]
}

/**
 * Lowers the open spend reservations of the matching runs (docs/architecture.md "Modes"): each run's lines are
 * replaced by one line of the new amount, created a millisecond after its latest, so that it stays the one
 * counted even where a concurrent `cat_sort_uniq` merge brings an older line back (the caps count a run's
 * latest reservation). Pushed like a reservation: fetch and merge, write, push, retry a lost race. Returns the
 * run ids settled.
 */
export function settleReservations(o: SettleOptions): Promise<string[]> {
  return withNotesLock(o.git, async () => {
    const attempts = Math.max(1, o.attempts ?? 5)
    for (let attempt = 1; ; attempt++) {
      if (o.remote !== null) await pullNotes(o.git, o.remote, o.ref, o.identity)
      const settled = await rewrite(o)
      if (o.remote === null || settled.length === 0) return settled
      try {
        await o.git.pushNotes(o.remote, o.ref)
        return settled
      } catch (e) {
        const text = e instanceof GitError ? e.stderr : (e as Error).message
        if (!isRetryablePushError(text) || attempt >= attempts) throw e
        await new Promise(resolve => setTimeout(resolve, backoffDelay(attempt)))
      }
    }
  })
}

async function rewrite(o: SettleOptions): Promise<string[]> {
  const settled: string[] = []
  for (const month of monthsAround((o.now ?? (() => new Date()))())) {
    const key = reservationKey(month)
    const text = (await o.git.readNote(o.ref, key)) ?? ''
    const latest = new Map<string, SpendReservation>()
    for (const r of parseNote(text).reservations.filter(x => o.match(x.runId))) {
      const prev = latest.get(r.runId)
      if (!prev || prev.createdAt < r.createdAt) latest.set(r.runId, r)
    }
    const changed = [...latest.values()].filter(r => o.amount(r) < r.amount)
    if (changed.length === 0) continue
    const drop = new Set(changed.map(r => r.runId))
    const lines = text
      .split('\n')
      .map(l => l.trim())
      .filter(l => l !== '' && !parseNote(l).reservations.some(r => drop.has(r.runId)))
    for (const r of changed) {
      const createdAt = new Date(Date.parse(r.createdAt) + 1).toISOString()
      lines.push(formatRecord({ ...r, createdAt, amount: Math.max(0, o.amount(r)) }))
      settled.push(r.runId)
    }
    await o.git.writeNote(o.ref, key, [...new Set(lines)].sort().join('\n') + '\n', o.identity)
  }
  return settled
}

/** The reservation id of a shard: `<run key>-shard-<k>-<random>`, so that finalize can find every attempt's. */
export function shardRunId(runKey: string, shard: number, random: string): string {
  return `${runKey}-shard-${shard}-${random}`
}

/**
 * After the run record is written: every reservation of the run's shards (reported or not, every attempt) is
 * released, since the record now counts what the reported shards spent. A shard that never reported spent an
 * unknown amount, which from then on counts nowhere (its units are listed with cost unknown).
 */
export async function releaseShardReservations(o: CollectOptions): Promise<void> {
  if (!o.notesRef) return
  const prefix = `${o.runKey}-shard-`
  const released = await settleReservations({
    git: o.git,
    remote: o.remote,
    ref: o.notesRef,
    identity: o.identity,
    match: id => id.startsWith(prefix),
    amount: () => 0,
    now: o.now
  })
  if (released.length > 0) o.reporter.info(`Released ${released.length} shard spend reservation(s).`)
}
