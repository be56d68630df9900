import { GitError, type Git, type Identity } from '../adapters/git.js'
import { formatRecord, type RunRecord } from '../state/record.js'

/** Options of {@link writeRunRecord}. */
export interface WriteRunRecordOptions {
  git: Git
  /** Remote to push the notes to; null writes the local notes only. */
  remote: string | null
  /** Notes ref, e.g. `refs/notes/pdd-sync`. */
  ref: string
  /** The 40-hex id the note is attached to (a commit, or a key such as `hash-object` of `pdd-sync:<unit>`). */
  object: string
  record: RunRecord
  /** Author and committer of the notes commits. */
  identity: Identity
  /** Push attempts before giving up (default 5). */
  attempts?: number
  /** Waits between attempts (default: a real timer); injectable so tests run fast. */
  sleep?: (ms: number) => Promise<void>
  /** A number in [0, 1) for the jitter (default `Math.random`). */
  random?: () => number
}

/** What became of a record: pushed or not, after how many push attempts, and why not. */
export interface WriteRunRecordResult {
  /** The remote notes ref holds the record. False with no `error` when `remote` was null. */
  pushed: boolean
  /** Push attempts made (0 when there was no remote). */
  attempts: number
  /** Why the record was not pushed (the caller falls back to a PR comment). */
  error?: string
}

/** Base delays between push attempts (gitgitgadget's first four waits), in ms; the last repeats. */
export const BACKOFF_MS: readonly number[] = [50, 500, 2000, 5000]

/**
 * The wait after failed attempt `attempt` (1-based): its base delay times a jitter factor in [0.75, 1.25).
 * The jittered ranges of successive bases do not overlap, so waits grow from one attempt to the next.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = BACKOFF_MS[Math.min(Math.max(attempt, 1), BACKOFF_MS.length) - 1] ?? 5000
  return Math.round(base * (0.75 + random() / 2))
}

/** Whether a failed fetch or push of notes is worth another fetch → merge → push round (a lost race). */
export function isRetryablePushError(message: string): boolean {
  return /non-fast-forward|fetch first|cannot lock ref|stale info|\[remote rejected\]|failed to push some refs/i.test(
    message
  )
}

/** The whole text of a note: its existing lines plus `line`, trimmed, sorted, unique, without blank lines. */
export function mergeNoteText(existing: string | null, line: string): string {
  const lines = new Set<string>()
  for (const l of [...(existing ?? '').split('\n'), line]) if (l.trim() !== '') lines.add(l.trim())
  return [...lines].sort().join('\n') + '\n'
}

/** One write at a time per repository in this process: local notes updates are not safe concurrently. */
const writeLocks = new Map<string, Promise<unknown>>()

/**
 * Writes a run record as one line of the note of `object` in `ref` and pushes the ref (docs/architecture.md step 6:
 * fetch to a scratch ref, `cat_sort_uniq` merge, never-forced push, retried). The record is written locally first, so the local notes hold it whatever happens.
 * Then, per attempt: force-fetch the remote ref into a scratch ref; adopt it when the local ref is missing, else
 * `git notes merge -s cat_sort_uniq`; rewrite the note as its sorted unique lines (no blank lines); push, not
 * forced — the server's fast-forward check is the compare-and-swap. A lost race (non-fast-forward, fetch first,
 * cannot lock ref, remote rejected, …) is retried after a jittered, growing wait; any other error, or running out
 * of attempts, returns `pushed: false` with the reason. Writers in one process are serialised per repository.
 */
export async function writeRunRecord(o: WriteRunRecordOptions): Promise<WriteRunRecordResult> {
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(o.object)) {
    throw new Error(`A note must be attached to a full object id; got "${o.object}".`)
  }
  if (!o.ref.startsWith('refs/notes/')) throw new Error(`Notes refs live under refs/notes/; got "${o.ref}".`)
  return withNotesLock(o.git, () => write(o))
}

/** Runs `fn` after every notes write of this process in the same repository has ended (local notes updates are not safe concurrently). */
export function withNotesLock<T>(git: Git, fn: () => Promise<T>): Promise<T> {
  const key = git.root
  const prev = writeLocks.get(key) ?? Promise.resolve()
  const next = prev.then(fn, fn)
  writeLocks.set(
    key,
    next.catch(() => undefined)
  )
  return next
}

async function write(o: WriteRunRecordOptions): Promise<WriteRunRecordResult> {
  const line = formatRecord(o.record)
  await rewriteNote(o, line)
  if (o.remote === null) return { pushed: false, attempts: 0 }
  const attempts = Math.max(1, o.attempts ?? 5)
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms)))
  let error = ''
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      await pullNotes(o.git, o.remote, o.ref, o.identity)
      await rewriteNote(o, line)
      await o.git.pushNotes(o.remote, o.ref)
      return { pushed: true, attempts: attempt }
    } catch (e) {
      error = (e as Error).message
      // Classify on the whole stderr: the message keeps only its last lines.
      if (!isRetryablePushError(e instanceof GitError ? e.stderr : error)) {
        return { pushed: false, attempts: attempt, error }
      }
      if (attempt < attempts) await sleep(backoffDelay(attempt, o.random))
    }
  }
  return { pushed: false, attempts, error: `gave up after ${attempts} attempts: ${error}` }
}

/**
 * Brings the remote notes into the local ref (as git-appraise and gitgitgadget share notes): force-fetch into a scratch ref,
 * adopt it when there is no local ref, else `git notes merge -s cat_sort_uniq`.
 */
export async function pullNotes(git: Git, remote: string, ref: string, identity: Identity): Promise<void> {
  const scratch = `refs/pdd-sync/writer/${ref.replace(/^refs\//, '')}`
  try {
    if (!(await git.fetchRefInto(remote, ref, scratch))) return
    const incoming = await git.commitOf(scratch)
    // Not retried: the ref stays what it is until a person fixes it; never overwritten (no forced push).
    if (incoming === null)
      throw new Error(
        `${ref} on ${remote} is not a notes commit (someone pushed another object to it); pdd-sync never ` +
          `overwrites it. Delete it (git push ${remote} :${ref}) or point it back at the notes history.`
      )
    const local = await git.commitOf(ref)
    if (local === null) await git.updateRef(ref, incoming, null)
    else if (local !== incoming) await git.mergeNotes(ref, scratch, identity)
  } finally {
    await git.deleteRef(scratch)
  }
}

/** Makes the note hold `line` and nothing but sorted unique non-blank lines; no commit when it already does. */
async function rewriteNote(o: WriteRunRecordOptions, line: string): Promise<void> {
  const existing = await o.git.readNote(o.ref, o.object)
  const text = mergeNoteText(existing, line)
  if (existing !== text) await o.git.writeNote(o.ref, o.object, text, o.identity)
}
