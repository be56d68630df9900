import { createHash } from 'node:crypto'
import { GitError, type Git, type Identity } from '../adapters/git.js'
import { NotesStore } from '../state/notes-store.js'
import { formatRecord, parseNote, type RunRecord, type SpendReservation } from '../state/record.js'
import { effectiveBudget, summarizeSpend, type EffectiveBudget, type SpendSummary } from '../state/spend.js'
import type { SpendCaps } from '../settings/inputs.js'
import { backoffDelay, isRetryablePushError, pullNotes, withNotesLock } from './notes-writer.js'

/** How long a reservation counts when its run never writes a final record: GitHub's longest job. */
export const RESERVATION_HOURS = 6

/** Options of {@link reserveSpend}. */
export interface ReserveOptions {
  git: Git
  /** Remote the reservation is pushed to; null keeps it in the local notes. */
  remote: string | null
  /** Notes ref, e.g. `refs/notes/pdd-sync`. */
  ref: string
  identity: Identity
  /** This run's id: the final run record with the same id closes the reservation. */
  runId: string
  /** The job's budget before the caps. */
  budget: number
  caps: SpendCaps
  /** Run records of other stores (the PR comment), counted with the notes' ones. */
  otherRecords: readonly RunRecord[]
  now?: () => Date
  /** Push attempts before giving up (default 5). */
  attempts?: number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

/** What the caps left for this run, and whether concurrent runs can see its reservation. */
export interface Reserved {
  effective: EffectiveBudget
  /** Other runs' spend and holds the budget was computed from. */
  summary: SpendSummary
  /** False when the reservation could not be pushed (concurrent runs may then pass the cap together). */
  shared: boolean
  warning?: string
}

/** The 40-hex key a month's reservations are noted on: `git hash-object` of `pdd-sync:spend:<YYYY-MM>`. */
export function reservationKey(month: string): string {
  const text = `pdd-sync:spend:${month}`
  return createHash('sha1')
    .update(`blob ${Buffer.byteLength(text)}\0${text}`)
    .digest('hex')
}

/**
 * Computes this run's budget under the daily and monthly caps and reserves it in the notes before anything is
 * spent. Per attempt: fetch and merge the remote notes (as run records are merged), sum earlier runs' spend and
 * other runs' open reservations, write this run's reservation line, push (never forced). The server's
 * fast-forward check makes this a compare-and-swap: a run whose push wins was computed from every reservation
 * pushed before it, so concurrent runs cannot jointly pass a cap. A lost race is retried; any other push
 * failure returns the budget computed from what this run saw, with a warning.
 */
export function reserveSpend(o: ReserveOptions): Promise<Reserved> {
  return withNotesLock(o.git, () => reserve(o))
}

async function reserve(o: ReserveOptions): Promise<Reserved> {
  const attempts = Math.max(1, o.attempts ?? 5)
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms)))
  let error = ''
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let pulled = true
    if (o.remote !== null) {
      pulled = await pullNotes(o.git, o.remote, o.ref, o.identity).then(
        () => true,
        (e: Error) => ((error = e.message), false)
      )
    }
    const computed = await compute(o)
    if (computed.effective.budget <= 0) return { ...computed, shared: true }
    await writeReservation(o, computed.summary.month, computed.effective.budget)
    if (o.remote === null) return { ...computed, shared: true }
    if (!pulled) return { ...computed, shared: false, warning: notShared(error) }
    try {
      await o.git.pushNotes(o.remote, o.ref)
      return { ...computed, shared: true }
    } catch (e) {
      error = (e as Error).message
      if (!isRetryablePushError(e instanceof GitError ? e.stderr : error) || attempt === attempts)
        return { ...computed, shared: false, warning: notShared(error) }
      await sleep(backoffDelay(attempt, o.random))
    }
  }
  throw new Error('unreachable')
}

function notShared(error: string): string {
  return `The spend reservation could not be pushed, so runs started at the same time may pass the caps together: ${error}`
}

async function compute(o: ReserveOptions): Promise<Omit<Reserved, 'shared'>> {
  const read = await new NotesStore(o.git, { ref: o.ref, remote: null }).readRecords()
  const summary = summarizeSpend({
    records: [...read.records, ...o.otherRecords],
    reservations: read.reservations ?? [],
    now: (o.now ?? (() => new Date()))(),
    excludeRunId: o.runId
  })
  return { effective: effectiveBudget(o.budget, o.caps, summary), summary }
}

/** Sets this run's reservation line in the month's note, replacing a line an earlier attempt left. */
async function writeReservation(o: ReserveOptions, month: string, amount: number): Promise<void> {
  const now = (o.now ?? (() => new Date()))()
  const line: SpendReservation = {
    schema: 1,
    kind: 'reservation',
    runId: o.runId,
    createdAt: now.toISOString(),
    amount,
    expiresAt: new Date(now.getTime() + RESERVATION_HOURS * 3_600_000).toISOString()
  }
  const key = reservationKey(month)
  const existing = (await o.git.readNote(o.ref, key)) ?? ''
  const mine = new Set(
    parseNote(existing)
      .reservations.filter(r => r.runId === o.runId)
      .map(r => formatRecord(r))
  )
  const lines = new Set<string>()
  for (const l of existing.split('\n')) {
    const t = l.trim()
    if (t !== '' && !mine.has(t)) lines.add(t)
  }
  lines.add(formatRecord(line))
  await o.git.writeNote(o.ref, key, [...lines].sort().join('\n') + '\n', o.identity)
}
