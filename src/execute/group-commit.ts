/**
 * What a group commits in its worktree: the synced (and, with keep-partial, the failed) units' own files, with a
 * message from the `commit-message` template and the trailers (commit-message.ts). A file holding a secret is never committed.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { SecretInFileError, type Git, type Identity } from '../adapters/git.js'
import { metaStem } from '../state/load.js'
import type { Unit } from '../types.js'
import { renderCommitMessage } from './commit-message.js'
import type { Judged } from './group-verdict.js'
import type { PendingCommit } from './result.js'
import { strayOutput, strayPrompt } from './stray-output.js'

/** What committing a group needs. */
export interface GroupCommit {
  wt: Git
  projectPrefix: string
  basename: string
  runId: string
  identity: Identity
  /** Input `author` (default `identity`) and input `commit-message` (commit-message.ts). */
  author?: Identity
  commitTemplate?: string
  keepPartial?: boolean
  /** The `.pdd/meta` folders the repository tracks (only those are committed). */
  tracked: Set<string>
  /** The members' paths the worktree held before pdd ran ({@link heldBefore}). */
  known?: ReadonlySet<string>
  /** The link text of each member's prompt that was a symbolic link before pdd ran, by unit id. */
  promptLinks?: ReadonlyMap<string, string>
  cost: number | null
}

/** The commit of a group's verdict, to be made when it lands. */
export interface Committed {
  pending: PendingCommit | null
  /** keep-partial: the failed members whose files were committed too. */
  kept: Judged[]
  synced: Judged[]
  /** Why the commit was refused (a file holding a secret), if it was. */
  refused?: string
}

/**
 * The commit of the synced units' files (and with keep-partial what failed units left, the message says so),
 * unless a file holds a secret: checked now, so the verdict is final before the group lands.
 */
export function commitJudged(c: GroupCommit, judged: Judged[]): Committed {
  const synced = judged.filter(j => j.status === 'synced')
  const kept = c.keepPartial ? judged.filter(j => j.status === 'failed') : []
  // A link or a pipe, or a deleted prompt, is never committed (stray-output.ts), whoever left it there.
  const prompts = new Map(
    [...synced, ...kept].map(j => [path.posix.join(c.projectPrefix, j.unit.paths.prompt), j.unit.id])
  )
  const stray = (p: string): string | null => {
    const id = prompts.get(p)
    return id === undefined ? strayOutput(c.wt.root, p) : strayPrompt(c.wt.root, p, c.promptLinks?.get(id))
  }
  const paths = [...synced, ...kept]
    .flatMap(j => unitPaths(c.projectPrefix, j.unit, c.tracked))
    .filter(p => stray(p) === null)
  if (paths.length === 0) return { pending: null, kept, synced }
  const message = renderCommitMessage({
    basename: c.basename,
    units: [...synced, ...kept].map(j => ({
      id: j.unit.id,
      language: j.unit.language,
      operations: j.result.operations,
      ...(kept.includes(j) ? { partialReason: j.result.reason ?? 'failed' } : {})
    })),
    runId: c.runId,
    cost: c.cost,
    template: c.commitTemplate
  })
  try {
    c.wt.refuseSecrets(paths)
  } catch (e) {
    if (!(e instanceof SecretInFileError)) throw e
    return { pending: null, kept, synced, refused: e.message }
  }
  const known = c.known
  return {
    pending: {
      wt: c.wt,
      paths,
      message,
      identity: c.identity,
      author: c.author,
      ...(known ? { known } : {})
    },
    kept,
    synced
  }
}

/**
 * The members' own files (repository-relative, `.pdd/meta` included) that are in the worktree before pdd runs:
 * a lent worktree holds only what git tracks (worktree-pool.ts), so git knows each of them and their commit
 * needs no `git add`. Read before the recorded state is restored (that writes `.pdd/meta` files git may not track).
 */
export function heldBefore(root: string, prefix: string, members: readonly { unit: Unit }[]): Set<string> {
  const meta = (u: Unit): Set<string> => new Set([path.posix.join(prefix, u.metaDir)])
  const all = new Set(members.flatMap(({ unit }) => unitPaths(prefix, unit, meta(unit))))
  return new Set([...all].filter(p => existsSync(path.join(root, p))))
}

/** A unit's own files: prompt, code, example, tests; `.pdd/meta` only where the repository tracks it. */
function unitPaths(prefix: string, unit: Unit, trackedMeta: Set<string>): string[] {
  const p = unit.paths
  const own = [p.prompt, p.code, p.example, p.test, ...unit.testFiles].filter(x => x !== '')
  const meta = [`${unit.metaDir}/${metaStem(unit)}.json`, `${unit.metaDir}/${metaStem(unit)}_run.json`]
  const metaDir = path.posix.join(prefix, unit.metaDir)
  return [...own, ...(trackedMeta.has(metaDir) ? meta : [])].map(f => path.posix.join(prefix, f))
}
