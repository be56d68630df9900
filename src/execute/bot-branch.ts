/**
 * The bot branch a run's group commits land on, one at a time (docs/architecture.md "Performance"): a group's
 * commit is made when its turn comes, on the branch's head when no group that landed since the group's base
 * touched its files (a fast-forward: no replay), else on its base and replayed.
 */
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import type { Git, Identity } from '../adapters/git.js'
import { scratchRoot } from '../adapters/temp.js'
import type { PendingCommit } from './result.js'
import type { GroupRun } from './group.js'

/** One landing: the head it left and the paths its commit may have changed (null: not known, so any). */
interface Landing {
  head: string
  paths: ReadonlySet<string> | null
}

/** The local bot branch, rebuilt from the run's base; `head` is where it is now. */
export class BotBranch {
  private replaying: Promise<unknown> = Promise.resolve()
  /** Every landing of this run, oldest first. */
  private readonly landings: Landing[] = []

  private constructor(
    private readonly git: Git,
    private readonly ref: string,
    public head: string,
    private readonly identity: Identity,
    private readonly base: string = head
  ) {}

  /**
   * Settles once the branch points at the run's base ({@link start}); rejects with git's error when it could not
   * be moved there. Landings wait for it.
   */
  ready: Promise<void> = Promise.resolve()

  /** Points `refs/heads/<branch>` at `base` (whatever it held before). */
  static async reset(git: Git, branch: string, base: string, identity: Identity): Promise<BotBranch> {
    const bot = BotBranch.start(git, branch, base, identity)
    await bot.ready
    return bot
  }

  /**
   * {@link reset}, not waited for: the branch is moved to `base` while the first groups get their worktrees
   * ready (docs/architecture.md "Performance"); `ready` says when it has. The caller keeps every pdd from
   * starting until then, so that no paid work is made for a branch that could not be reset.
   */
  static start(git: Git, branch: string, base: string, identity: Identity): BotBranch {
    const ref = `refs/heads/${branch}`
    const bot = new BotBranch(git, ref, base, identity)
    bot.ready = git.commitOf(ref).then(old => git.updateRef(ref, base, old))
    bot.replaying = bot.ready.catch(() => undefined)
    return bot
  }

  /**
   * Lands a group: makes its pending commit, if any, then moves the branch to include it. Landings are
   * serialised: each lands on the head the previous one left. A land that throws (a git error) rejects its own
   * promise only: the next group still lands, on the head left before it.
   */
  land(run: GroupRun): Promise<unknown> {
    const landed = this.replaying.then(async () => {
      const head = this.head
      if (run.pending) await this.commit(run, run.pending, head)
      this.head = await land(this.git, this.ref, run, head, this.identity)
      if (this.head !== head) this.landings.push({ head: this.head, paths: pathsOf(run.pending) })
    })
    this.replaying = landed.catch(() => undefined)
    return landed
  }

  /**
   * Makes a group's commit in its worktree: on `head` when no landing since the group's base touched its paths
   * (the landing is then a fast-forward), else on the base (replayed by {@link land}); never on a commit pdd made. A commit that holds no
   * change takes back the `partial` marks (nothing of the failed units was committed).
   */
  private async commit(run: GroupRun, p: PendingCommit, head: string): Promise<void> {
    const onHead = this.untouchedSince(run.base, p.paths)
    // On the group's base, not wherever the worktree's HEAD is: pdd (or generated code) may have committed there.
    run.commit = await p.wt.commitPathsOnto(
      onHead ? head : run.base,
      p.paths,
      p.message,
      p.identity,
      p.author,
      p.known
    )
    if (onHead && run.commit) run.base = head
    if (!run.commit) for (const u of run.units) delete u.partial
  }

  /** Whether no landing after `base` (a head this branch was at) may have changed any of `paths`. */
  private untouchedSince(base: string, paths: readonly string[]): boolean {
    const from = base === this.base ? 0 : this.landings.findIndex(l => l.head === base) + 1
    if (from === 0 && base !== this.base) return false
    return this.landings.slice(from).every(l => l.paths !== null && !paths.some(p => l.paths?.has(p)))
  }
}

function pathsOf(p: PendingCommit | undefined): ReadonlySet<string> | null {
  return p ? new Set(p.paths) : null
}

/** Moves the bot branch to include a group's commit; a replay conflict fails the group's synced units. */
async function land(git: Git, ref: string, run: GroupRun, head: string, who: Identity): Promise<string> {
  if (!run.commit) return head
  let next: string | null | undefined = run.commit
  if (run.base !== head) next = await git.replayWithoutWorktree(run.commit, head, who)
  if (next === undefined) {
    const scratch = await git.addWorktree(path.join(scratchRoot(), `pdd-sync-replay-${randomUUID()}`), head)
    try {
      next = await scratch.replay(run.commit, head, who)
    } finally {
      await git.removeWorktree(scratch.root)
    }
  }
  if (!next) {
    for (const u of run.units) {
      if (u.status === 'synced')
        Object.assign(u, {
          status: 'conflict',
          reason: 'replay conflict: another group changed the same files'
        })
    }
    return head
  }
  await git.updateRef(ref, next, head)
  for (const u of run.units) if (u.status === 'synced' || u.partial) u.commit = next
  return next
}
