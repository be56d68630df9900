/**
 * The worktrees groups run in (docs/architecture.md "Performance"): one per group running or finishing (at most
 * twice the concurrency: a group's verdict, commit and landing overlap the next group's sync), reused from group
 * to group. Adding and removing a git worktree is serialised per repository (git races on `.git/worktrees`), so a
 * run of 40 groups that made a worktree for each waited in that queue 80 times; the pool makes them on first need
 * and scrubs a released one — to the bot branch's head, every untracked and ignored file removed (`reset --hard`,
 * `clean -ffdx`) — off the group's critical path. The next group gets one already at its base when there is one.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import path from 'node:path'
import type { Git } from '../adapters/git.js'
import { scratchRoot } from '../adapters/temp.js'

/** A worktree lent to one group. */
export interface Place {
  /** The worktree's top level. */
  dir: string
  /** A folder of this place only, beside the worktree (the cost file, the `node_modules` link). */
  scratch: string
  /** git in the worktree. */
  wt: Git
  /** The commit the worktree is checked out at when lent. */
  head: string
}

/** One worktree of the pool, and where it stands. */
interface Slot extends Place {
  /** The commit the worktree is at once `ready` settles (`Place.head`). */
  /** Settles when the scrub after the last group ended; false when it failed (the slot is then dropped). */
  ready: Promise<boolean>
  /** Whether `ready` has settled true (the worktree can be lent without waiting). */
  clean: boolean
  /** False when making it failed (made ahead of need): there is nothing to remove but its scratch folder. */
  exists?: boolean
}

/** Lends worktrees to groups and takes them back; `close` removes them all. */
export class WorktreePool {
  private readonly idle: Slot[] = []
  private readonly lent = new Map<string, Slot>()
  /** Each removal, settled: null, or what it threw (kept until `close` reports it). */
  private readonly removals: Promise<unknown>[] = []
  private made = 0
  private retired = false

  /**
   * `ahead`: up to how many worktrees the pool makes before a group asks for one (at most twice the concurrency:
   * one per group running or finishing); see {@link prewarm}. 0 makes every one on demand.
   */
  constructor(
    private readonly git: Git,
    private readonly ahead = 0
  ) {}

  /**
   * Starts making `n` worktrees at `base` (no more than `ahead` in all) while the run still prepares (pdd's
   * version, the checks before spending), so that the first groups find them made. Never throws: a worktree that
   * could not be made is dropped and the group that would have had it makes its own (and reports the error).
   */
  prewarm(base: string, n: number): void {
    try {
      while (this.made < Math.min(n, this.ahead) && !this.retired) this.idle.push(this.makeAhead(base))
    } catch {
      // No scratch folder could be made: the groups make their own worktrees, and report why they could not.
    }
  }

  /**
   * A clean worktree checked out (detached) at `base`: an idle one moved there, else a new one. With `anyBase`
   * (a group that depends on no other group of the run) an idle one is lent at the head it was scrubbed to (a
   * commit of the bot branch, see `release`): no checkout; `Place.head` says where it is.
   */
  async acquire(base: string, anyBase = false): Promise<Place> {
    for (let slot = this.pick(base, anyBase); slot; slot = this.pick(base, anyBase)) {
      if ((await slot.ready) && (anyBase || (await this.moveTo(slot, base)))) return this.lendAndSpare(slot)
      this.drop(slot)
    }
    return this.lendAndSpare(await this.make(base))
  }

  /**
   * Lends `slot`; when no idle worktree is left and fewer than `ahead` were made, the next one is made now, off
   * the group's path (the next group most likely starts while this one's commit and landing still hold it).
   */
  private lendAndSpare(slot: Slot): Place {
    const place = this.lend(slot)
    if (this.idle.length === 0 && this.made < this.ahead) this.prewarm(slot.head, this.made + 1)
    return place
  }

  /**
   * Takes a place back after its group: `head` is the commit to scrub it to (the bot branch's head once the group
   * landed). Scrubbing starts now and is awaited by the next `acquire` of this worktree only. After `retire` the
   * worktree is removed instead.
   */
  release(place: Place, head: string): void {
    const slot = this.lent.get(place.dir)
    if (!slot) return
    this.lent.delete(place.dir)
    if (this.retired) return this.drop(slot)
    slot.head = head
    slot.clean = false
    slot.ready = slot.wt.scrubWorktree(head).then(
      () => (slot.clean = true),
      () => false
    )
    this.idle.push(slot)
  }

  /**
   * The idle worktree to lend next, taken out of the idle list: one already scrubbed rather than one still being
   * scrubbed (that would be waited for), and among those one already at `base` (no checkout).
   */
  private pick(base: string, anyBase: boolean): Slot | undefined {
    const rank = (s: Slot): number => (s.clean ? 2 : 0) + (anyBase || s.head === base ? 1 : 0)
    let best = -1
    for (let i = 0; i < this.idle.length; i++)
      if (best < 0 || rank(this.idle[i] as Slot) > rank(this.idle[best] as Slot)) best = i
    return best < 0 ? undefined : this.idle.splice(best, 1)[0]
  }

  /**
   * No group will ask for a worktree any more (every group of the run has started): the idle ones are removed
   * now, beside the last syncs, and each one given back from now on, so that the run's end waits for few removals.
   */
  retire(): void {
    this.retired = true
    for (const slot of this.idle.splice(0)) this.drop(slot)
  }

  /** Removes every worktree of the pool (once their groups ended); errors are returned, never thrown. */
  async close(): Promise<unknown[]> {
    for (const slot of this.idle.splice(0)) this.drop(slot)
    for (const slot of this.lent.values()) this.drop(slot)
    this.lent.clear()
    const settled = await Promise.all(this.removals.splice(0))
    return settled.filter(e => e !== null)
  }

  private lend(slot: Slot): Place {
    this.lent.set(slot.dir, slot)
    return { dir: slot.dir, scratch: slot.scratch, wt: slot.wt, head: slot.head }
  }

  private async make(base: string): Promise<Slot> {
    const scratch = mkdtempSync(path.join(scratchRoot(), 'pdd-sync-group-'))
    // A distinct name per worktree: git names each worktree's administrative folder after it.
    const dir = path.join(scratch, `wt-${++this.made}-${path.basename(scratch)}`)
    try {
      const wt = await this.git.addWorktree(dir, base)
      return { dir, scratch, wt, head: base, ready: Promise.resolve(true), clean: true }
    } catch (e) {
      rmSync(scratch, { recursive: true, force: true })
      throw e
    }
  }

  /** Moves a scrubbed worktree to `base` (nothing to do when it is there); false when git refused. */
  private async moveTo(slot: Slot, base: string): Promise<boolean> {
    if (slot.head === base) return true
    try {
      await slot.wt.checkoutDetached(base)
      slot.head = base
      return true
    } catch {
      return false
    }
  }

  /** A worktree being made at `base`, not waited for: `ready` settles false (and `exists`) when git failed. */
  private makeAhead(base: string): Slot {
    const scratch = mkdtempSync(path.join(scratchRoot(), 'pdd-sync-group-'))
    const dir = path.join(scratch, `wt-${++this.made}-${path.basename(scratch)}`)
    const slot: Slot = {
      dir,
      scratch,
      wt: this.git.at(dir),
      head: base,
      ready: Promise.resolve(false),
      clean: false
    }
    slot.ready = this.git.addWorktree(dir, base).then(
      () => (slot.clean = true),
      () => (slot.exists = false)
    )
    return slot
  }

  private drop(slot: Slot): void {
    const removal = slot.ready
      .then(() => (slot.exists === false ? undefined : this.git.removeWorktree(slot.dir)))
      .finally(() => rmSync(slot.scratch, { recursive: true, force: true }))
    this.removals.push(
      removal.then(
        () => null,
        (e: unknown) => e ?? 'unknown error'
      )
    )
  }
}
