import type { Git } from '../adapters/git.js'
import { SIZE_LIMITS, sizeProblem } from '../discover/bounded.js'
import { parseNote, type RunRecord, type SpendReservation } from './record.js'

/** Records read from a store, with warnings about what could not be read. */
export interface ReadResult {
  records: RunRecord[]
  /** Spend reservations of runs under a cap (git notes only). */
  reservations?: SpendReservation[]
  warnings: string[]
}

/** Where run records are kept between stateless jobs (git notes, a PR comment, …). */
export interface RunStateStore {
  /** Every record the store holds. */
  readRecords(): Promise<ReadResult>
}

/** Options of {@link NotesStore}. */
export interface NotesStoreOptions {
  /** Notes ref, `refs/notes/pdd-sync` by default. */
  ref: string
  /** Remote to fetch the notes ref from (checkout never fetches notes); null reads local notes only. */
  remote: string | null
}

/**
 * Run records kept in git notes. Reading fetches the remote notes ref into a scratch ref (never over the local
 * ref, which may hold records not pushed yet), then reads every note of both with one `git cat-file --batch`.
 */
export class NotesStore implements RunStateStore {
  constructor(
    private readonly git: Git,
    private readonly opts: NotesStoreOptions
  ) {}

  /** The scratch ref the remote notes are fetched into. */
  get incomingRef(): string {
    return `refs/pdd-sync/incoming/${this.opts.ref.replace(/^refs\//, '')}`
  }

  async readRecords(): Promise<ReadResult> {
    return (await this.begin()).done
  }

  /**
   * Fetches and lists the notes, then starts the one `git cat-file --batch` that reads them and returns at
   * once: the caller can do other work (discovery) while git reads, and awaits `done` for the records.
   */
  async begin(): Promise<{ done: Promise<ReadResult> }> {
    const warnings: string[] = []
    const refs: { ref: string; where: string }[] = []
    if (await this.git.refExists(this.opts.ref)) refs.push({ ref: this.opts.ref, where: 'here' })
    if (await this.fetchRemote(warnings))
      refs.push({ ref: this.incomingRef, where: `on ${this.opts.remote}` })
    const oids = new Set<string>()
    for (const { ref, where } of refs) {
      // Anyone who can push may point the notes ref at a blob or at a branch's commit: read only notes.
      if ((await this.git.commitOf(ref)) === null) {
        warnings.push(`${this.opts.ref} ${where} is not a notes commit; its records are ignored.`)
        continue
      }
      const blobs = await this.git.listBlobs(ref)
      const notes = blobs.filter(b => isNotePath(b.path))
      if (notes.length < blobs.length)
        warnings.push(
          `${this.opts.ref} ${where} holds ${blobs.length - notes.length} file(s) that are not notes ` +
            `(e.g. ${blobs.find(b => !isNotePath(b.path))?.path ?? ''}); they are ignored.`
        )
      for (const b of notes) {
        // A note over the limit is never read into memory.
        const big = sizeProblem(`Note ${b.oid} in ${this.opts.ref}`, b.size || 0, SIZE_LIMITS.note)
        if (big === null) oids.add(b.oid)
        else warnings.push(`${big}.`)
      }
    }
    const objects = this.git.readObjects([...oids])
    return { done: objects.then(o => this.parse(o, warnings)) }
  }

  private parse(objects: Map<string, Buffer>, warnings: string[]): ReadResult {
    const records: RunRecord[] = []
    const reservations: SpendReservation[] = []
    let corrupt = 0
    for (const [oid, bytes] of objects) {
      const parsed = parseNote(bytes.toString('utf8'))
      records.push(...parsed.records)
      reservations.push(...parsed.reservations)
      warnings.push(...parsed.warnings.slice(0, 20).map(w => `Note ${oid} in ${this.opts.ref}: ${w}`))
      if (parsed.badLines > 0 && ++corrupt <= 5) {
        warnings.push(
          `Note ${oid} in ${this.opts.ref}: ${parsed.badLines} line(s) are not run records; skipped.`
        )
      }
    }
    if (corrupt > 5) warnings.push(`${corrupt - 5} more notes had lines that are not run records; skipped.`)
    return { records, reservations, warnings }
  }

  private async fetchRemote(warnings: string[]): Promise<boolean> {
    const remote = this.opts.remote
    if (remote === null || !(await this.git.hasRemote(remote))) return false
    try {
      return await this.git.fetchRefInto(remote, this.opts.ref, this.incomingRef)
    } catch (e) {
      warnings.push(
        `Could not fetch ${this.opts.ref} from ${remote}; planning with local history only: ${(e as Error).message}`
      )
      return false
    }
  }
}

/**
 * Whether a path in a notes tree names a note: the object id (40 or 64 hex digits), whole or split by git's
 * fan-out into 2-digit folders (`ab/cdef…`).
 */
export function isNotePath(p: string): boolean {
  const parts = p.split('/')
  const last = parts.pop() ?? ''
  if (!parts.every(d => /^[0-9a-f]{2}$/.test(d))) return false
  return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(parts.join('') + last)
}
