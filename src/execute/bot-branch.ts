/** The bot branch a run's group commits are replayed onto, one at a time. */
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import type { Git, Identity } from '../adapters/git.js'
import { scratchRoot } from '../adapters/temp.js'
import type { GroupRun } from './group.js'

/** The local bot branch, rebuilt from the run's base; `head` is where it is now. */
export class BotBranch {
  private replaying: Promise<unknown> = Promise.resolve()

  private constructor(
    private readonly git: Git,
    private readonly ref: string,
    public head: string,
    private readonly identity: Identity
  ) {}

  /** Points `refs/heads/<branch>` at `base` (whatever it held before). */
  static async reset(git: Git, branch: string, base: string, identity: Identity): Promise<BotBranch> {
    const ref = `refs/heads/${branch}`
    await git.updateRef(ref, base, await git.commitOf(ref))
    return new BotBranch(git, ref, base, identity)
  }

  /**
   * Lands a group's commit. Replays are serialised: each lands on the head the previous one left. A land that
   * throws (a git error) rejects its own promise only: the next group still lands, on the head left before it.
   */
  land(run: GroupRun): Promise<unknown> {
    const landed = this.replaying.then(async () => {
      this.head = await land(this.git, this.ref, run, this.head, this.identity)
    })
    this.replaying = landed.catch(() => undefined)
    return landed
  }
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
