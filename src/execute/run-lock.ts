import { readFileSync } from 'node:fs'
import { open, readFile, rm } from 'node:fs/promises'
import path from 'node:path'

/** The lock file, in the repository's common git directory (shared by its worktrees). */
export const LOCK_FILE = 'pdd-sync.lock'

/** Another run holds the repository. */
export class RunLockBusy extends Error {
  constructor(
    readonly pid: number,
    readonly since: string
  ) {
    super(
      `Another pdd-sync run is in progress in this repository (pid ${pid} since ${since}); try again later.`
    )
    this.name = 'RunLockBusy'
  }
}

/** A held lock; `release` removes the file if it is still ours. */
export interface RunLock {
  file: string
  release(): Promise<void>
}

interface Holder {
  pid: number
  since: string
}

/**
 * Takes the per-repository run lock before anything is spent (docs/architecture.md, "Trust"): `open(…, 'wx')` creates the file
 * only if it does not exist, so of two runs exactly one gets it. The file holds the pid and start time; a lock
 * whose process is gone (a crash, kill -9) is stale and taken over. Throws {@link RunLockBusy} otherwise.
 */
export async function acquireRunLock(
  gitDir: string,
  isAlive: (pid: number) => boolean = pidAlive
): Promise<RunLock> {
  const file = path.join(gitDir, LOCK_FILE)
  const me: Holder = { pid: process.pid, since: new Date().toISOString() }
  // A lock naming this very process that this process does not hold was left by an earlier process that had
  // the same pid: a container's `node` is pid 1 in every run, so a killed run's lock would otherwise never go.
  const alive = (pid: number): boolean => (pid === process.pid ? heldHere.has(file) : isAlive(pid))
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fh = await open(file, 'wx')
      await fh.writeFile(JSON.stringify(me) + '\n')
      await fh.close()
      heldHere.add(file)
      return {
        file,
        release: async () => {
          heldHere.delete(file)
          await releaseIfOurs(file, me)
        }
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    }
    const holder = await readHolder(file)
    if (holder && alive(holder.pid)) throw new RunLockBusy(holder.pid, holder.since)
    // Unreadable: being written this instant, or corrupt. Give the writer a moment.
    if (!holder) await new Promise(r => setTimeout(r, 100))
    // Stale (its process is gone): removed only if it still names that process (another run may have taken
    // it over meanwhile).
    const now = await readHolder(file)
    if (now && alive(now.pid)) throw new RunLockBusy(now.pid, now.since)
    if (holder === null ? now === null : now?.pid === holder.pid) await rm(file, { force: true })
  }
  const holder = await readHolder(file)
  throw new RunLockBusy(holder?.pid ?? 0, holder?.since ?? 'just now')
}

/** The lock files this process holds. */
const heldHere = new Set<string>()

/** Whether a process with this pid exists (signal 0 checks without signalling). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return !zombie(pid)
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function readHolder(file: string): Promise<Holder | null> {
  try {
    const v: unknown = JSON.parse(await readFile(file, 'utf8'))
    if (typeof v === 'object' && v !== null && typeof (v as Holder).pid === 'number') {
      const h = v as Holder
      return { pid: h.pid, since: typeof h.since === 'string' ? h.since : 'an unknown time' }
    }
    return null
  } catch {
    return null
  }
}

async function releaseIfOurs(file: string, me: Holder): Promise<void> {
  const holder = await readHolder(file)
  if (holder?.pid === me.pid && holder.since === me.since) await rm(file, { force: true })
}

/**
 * Whether `pid` has ended but not been reaped (state `Z` in `/proc/<pid>/stat`, Linux): a run killed with SIGKILL
 * in a container without an init stays a zombie, which signal 0 still reaches. False where there is no `/proc`.
 */
function zombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')
  } catch {
    return false
  }
}
