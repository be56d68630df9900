import { GitError, type Git, type Identity, type LeasePushOutcome } from '../adapters/git.js'
import { isHumanCommit } from './bot-commit.js'
import { pushSigned, type SignOptions } from './signed-push.js'

export { isHumanCommit } from './bot-commit.js'

/** What {@link publishBranch} did with the remote bot branch. */
export type PublishOperation =
  'pushed' | 'unchanged' | 'human-commits' | 'no-changes' | 'refused-workflows' | 'deleted' | 'lease-failed'

/** A commit on the remote bot branch that the bot did not make. */
export interface HumanCommit {
  sha: string
  /** `Name <email>` of the author. */
  author: string
  subject: string
}

/** Options of {@link publishBranch}. */
export interface PublishBranchOptions {
  git: Git
  remote: string
  /** Bot branch name on the remote, e.g. `pdd-sync/main`. */
  branch: string
  /** The executor's local bot branch (a ref or commit), built from `base`. */
  localRef: string
  /** The commit the bot branch was rebuilt from. */
  base: string
  /** The bot identity: commits by anyone else on the remote branch are human work. */
  identity: Identity
  /** Push over commits a human added to the remote bot branch. */
  overwriteHumanCommits: boolean
  /** Push changes under `.github/workflows/` (the push token must have the `workflows` permission). */
  allowWorkflowChanges: boolean
  /** When nothing was synced, delete the remote bot branch (with a lease) instead of leaving it. */
  deleteWhenEmpty?: boolean
  /**
   * The remote branch's commit the caller already fetched (null: absent), used as the lease: the push then
   * succeeds only if the branch is still where the caller built on. Undefined fetches it here.
   */
  remoteSha?: string | null
  /** `sign-commits`: the commits are made again through the API, so that GitHub signs them (signed-push.ts). */
  sign?: SignOptions
}

/** What became of the bot branch. */
export interface PublishBranchResult {
  operation: PublishOperation
  /** The remote bot branch's commit when this call fetched it (null: it did not exist). */
  remoteSha: string | null
  /**
   * The commit the remote branch holds after this call as far as it knows: the pushed commit for 'pushed',
   * null for 'deleted', the commit someone else pushed for 'lease-failed', otherwise `remoteSha`.
   */
  head: string | null
  /** For 'human-commits' (and for 'pushed' when they were overwritten): the commits the bot did not make. */
  humanCommits?: HumanCommit[]
  /** One line for the log and the job summary. */
  message: string
}

const WORKFLOWS = '.github/workflows/'

/**
 * Publishes the local bot branch (docs/architecture.md step 6). The remote bot branch is fetched first; then, in order:
 * - commits on it since `base` (`base..remote`) by anyone but the bot → 'human-commits', nothing pushed, unless
 *   `overwriteHumanCommits`;
 * - the local branch's tree equals the base tree (nothing synced) → 'no-changes' (or 'deleted' with
 *   `deleteWhenEmpty` when the remote branch exists);
 * - the remote branch's tree equals the local one → 'unchanged', no push (no-op suppression);
 * - a path under `.github/workflows/` changed between base and the local head and not `allowWorkflowChanges`
 *   → 'refused-workflows' (GitHub's own refusal of such a push is reported the same way);
 * - else push with `--force-with-lease=refs/heads/<branch>:<sha fetched at start>` → 'pushed'.
 * A lease rejection (someone pushed in between) is returned as 'lease-failed' with the remote's new commit in
 * `head`, never thrown, and the remote is left as that someone left it. Other git failures throw a GitError.
 */
export async function publishBranch(o: PublishBranchOptions): Promise<PublishBranchResult> {
  const remoteSha = o.remoteSha === undefined ? await o.git.fetchBranch(o.remote, o.branch) : o.remoteSha
  if (remoteSha) await o.git.relateShallow(o.remote, o.base, remoteSha)
  const local = await o.git.commitOf(o.localRef)
  if (local === null) throw new Error(`The local bot branch ${o.localRef} does not exist.`)
  const where = `${o.remote}/${o.branch}`
  const result = (
    operation: PublishOperation,
    message: string,
    extra: Partial<PublishBranchResult> = {}
  ): PublishBranchResult => ({ operation, remoteSha, head: remoteSha, message, ...extra })

  let humans: HumanCommit[] = []
  if (remoteSha !== null) {
    humans = (await o.git.commitsBetween(o.base, remoteSha))
      .filter(c => isHumanCommit(c, o.identity))
      .map(c => ({ sha: c.sha, author: `${c.authorName} <${c.authorEmail}>`, subject: c.subject }))
    if (humans.length > 0 && !o.overwriteHumanCommits) {
      return result(
        'human-commits',
        `${where} has ${humans.length} commit(s) not made by ${o.identity.name}; not overwriting them.`,
        { humanCommits: humans }
      )
    }
  }

  const localTree = await o.git.treeOf(local)
  if (localTree === (await o.git.treeOf(o.base))) {
    if (o.deleteWhenEmpty && remoteSha !== null) {
      const deleted = await o.git.deleteRemoteBranch(o.remote, o.branch, remoteSha)
      if (deleted === 'pushed') return result('deleted', `Nothing to sync: deleted ${where}.`, { head: null })
      return leaseFailed(o, remoteSha, where)
    }
    return result('no-changes', `Nothing to sync: ${where} left as it is.`)
  }
  if (remoteSha !== null && (await o.git.treeOf(remoteSha)) === localTree) {
    return result('unchanged', `${where} already holds this content; not pushed.`)
  }

  const workflows = (await o.git.changedFiles(o.base, local)).filter(p => p.startsWith(WORKFLOWS))
  if (workflows.length > 0 && !o.allowWorkflowChanges) return refused(result, workflows.join(', '))

  let pushed: LeasePushOutcome
  let head: string | null = local
  try {
    ;({ pushed, head } = await pushOrSign(o, local, remoteSha))
  } catch (e) {
    if (e instanceof GitError && /refusing to allow .*workflow/i.test(e.stderr)) {
      return refused(result, 'rejected by the server (the push token lacks the workflows permission)')
    }
    throw ruleRefusal(e, o.branch) ?? e
  }
  if (pushed === 'lease-rejected') return leaseFailed(o, remoteSha, where)
  const overwrote = humans.length > 0 ? ` over ${humans.length} human commit(s)` : ''
  const how = o.sign ? ` as ${head?.slice(0, 12) ?? '?'}, signed by GitHub` : ''
  return result('pushed', `Pushed ${local.slice(0, 12)} to ${where}${how}${overwrote}.`, {
    head,
    ...(humans.length > 0 ? { humanCommits: humans } : {})
  })
}

/** GitHub's words for a push its branch protection (GH006) or repository rules (GH013) refused. */
const BRANCH_RULES = /\bGH006\b|\bGH013\b|protected branch hook declined|repository rule violations/i

/**
 * A push the repository's branch protection or rules refused, as an error that says so and what to change (git's
 * own message ends with lines that do not name the rule), or null for any other failure.
 */
export function ruleRefusal(e: unknown, branch: string): Error | null {
  if (!(e instanceof GitError) || !BRANCH_RULES.test(e.stderr)) return null
  const code = /\bGH0(06|13)\b/.exec(e.stderr)?.[0]
  return new Error(
    `The repository's ${code === 'GH013' ? 'rules' : 'branch protection'} refused the push of the bot branch ` +
      `"${branch}"${code ? ` (${code})` : ''}: keep "${branch}" out of the rule (or its pattern), or give input ` +
      '"push-token" a token the rule lets bypass it.'
  )
}

/** Pushes `local` with git, or with `sign` makes its commits again through the API (signed-push.ts). */
async function pushOrSign(
  o: PublishBranchOptions,
  local: string,
  remoteSha: string | null
): Promise<{ pushed: LeasePushOutcome; head: string | null }> {
  if (!o.sign) return { pushed: await o.git.pushWithLease(o.remote, local, o.branch, remoteSha), head: local }
  const signed = await pushSigned({ ...o.sign, ...o, local, remoteSha })
  return { pushed: signed.outcome, head: signed.head }
}

function refused(
  result: (op: PublishOperation, message: string) => PublishBranchResult,
  what: string
): PublishBranchResult {
  return result(
    'refused-workflows',
    `Not pushed: the sync changes workflow files (${what}); allow workflow changes and use a token with the ` +
      'workflows permission to publish them.'
  )
}

async function leaseFailed(
  o: PublishBranchOptions,
  remoteSha: string | null,
  where: string
): Promise<PublishBranchResult> {
  const now = await o.git.fetchBranch(o.remote, o.branch)
  return {
    operation: 'lease-failed',
    remoteSha,
    head: now,
    message:
      `${where} moved while publishing (expected ${remoteSha?.slice(0, 12) ?? 'no branch'}, found ` +
      `${now?.slice(0, 12) ?? 'no branch'}); left untouched — the next run will retry.`
  }
}

/** Options of {@link deleteBranch}. */
export interface DeleteBranchOptions {
  git: Git
  remote: string
  branch: string
  /** The commit the branch must still be at; undefined fetches it first. */
  expectedSha?: string
}

/**
 * Deletes the remote bot branch (for example after closing its PR when nothing is left to sync), with a lease
 * on the commit expected there. 'absent' when it does not exist; 'lease-failed' when it moved.
 */
export async function deleteBranch(o: DeleteBranchOptions): Promise<'deleted' | 'absent' | 'lease-failed'> {
  const expected = o.expectedSha ?? (await o.git.fetchBranch(o.remote, o.branch))
  if (expected === null) return 'absent'
  const r = await o.git.deleteRemoteBranch(o.remote, o.branch, expected)
  return r === 'pushed' ? 'deleted' : 'lease-failed'
}
