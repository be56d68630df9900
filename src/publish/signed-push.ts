import { randomUUID } from 'node:crypto'
import type { ChainCommit, Git, TreeChange } from '../adapters/git.js'
import type { GitHub } from '../adapters/github.js'
import {
  createBlob,
  createCommit,
  createCommitOnBranch,
  createRef,
  createTree,
  repositoryNodeId,
  StaleRefError,
  type RefLookup,
  updateRefs,
  ZERO_OID,
  type ApiTreeEntry
} from '../adapters/github-commits.js'

/**
 * `sign-commits` (docs/architecture.md "Signed commits"): the bot branch's commits, built locally with git as
 * always, are made again through the API, so that GitHub signs them, and the branch is moved to the last one
 * with a lease. Two paths:
 * - `graphql` (the default): `createCommitOnBranch` on a scratch branch `<branch>-signing-<id>` made at the
 *   base, one mutation a commit, each leased on the previous commit; the scratch branch is deleted after;
 * - `git-data`, when a commit changes anything but a regular file (an executable, a symlink, a submodule, or a
 *   mode), which `createCommitOnBranch` cannot carry: a blob per changed file, a tree on the parent's tree and
 *   a commit per commit, no branch until the end.
 * Either way every tree GitHub made must be the tree git made, or nothing is moved; then `updateRefs` moves the
 * bot branch from the commit the caller fetched (or creates it) to the last commit, and the result is fetched.
 */

/** Which API makes the commits. */
export type SignPath = 'graphql' | 'git-data'

/** What publishing needs to sign (PublishBranchOptions.sign). */
export interface SignOptions {
  github: GitHub
  /** Forces a path (tests); default by the rule above. */
  via?: SignPath
}

/** Options of {@link pushSigned}. */
export interface SignedPushOptions extends SignOptions {
  git: Git
  remote: string
  branch: string
  /** The commit the bot branch is rebuilt from (on the remote already). */
  base: string
  /** The local head whose commits `base..local` are made again. */
  local: string
  /** The lease: where the remote branch was (null: absent). */
  remoteSha: string | null
}

/** What {@link pushSigned} did. */
export interface SignedPushResult {
  outcome: 'pushed' | 'lease-rejected'
  /** The last signed commit (fetched into the local repository). */
  head: string | null
  via: SignPath
}

interface Step {
  commit: ChainCommit
  changes: TreeChange[]
}

const DELETED = '000000'
/** Whether `createCommitOnBranch` can carry this change (it writes regular files and deletes paths). */
const graphqlCarries = (c: TreeChange): boolean =>
  c.mode === DELETED || (c.mode === '100644' && (c.oldMode === DELETED || c.oldMode === '100644'))

/** Which path signs these commits: GraphQL unless one of them changes what it cannot carry. */
export function signPathFor(steps: readonly { changes: readonly TreeChange[] }[]): SignPath {
  return steps.every(s => s.changes.every(graphqlCarries)) ? 'graphql' : 'git-data'
}

/** Makes `base..local` again through the API and moves the remote branch to it (see above). */
export async function pushSigned(o: SignedPushOptions): Promise<SignedPushResult> {
  const steps: Step[] = []
  for (const commit of await o.git.chainOf(o.base, o.local)) {
    const [parent, ...more] = commit.parents
    if (!parent || more.length > 0)
      throw new Error(`Cannot sign ${commit.sha.slice(0, 12)}: only a linear chain of commits can be signed.`)
    steps.push({ commit, changes: await o.git.changesOf(parent, commit.sha) })
  }
  const via = o.via ?? signPathFor(steps)
  const repositoryId = await repositoryNodeId(o.github)
  const ref = `refs/heads/${o.branch}`
  const before = o.remoteSha ?? ZERO_OID
  try {
    if (via === 'git-data') {
      const head = await viaGitData(o, steps)
      await updateRefs(
        o.github,
        repositoryId,
        [{ name: ref, beforeOid: before, afterOid: head }],
        lookupOf(o)
      )
    } else {
      await viaGraphql(o, steps, repositoryId, async last =>
        updateRefs(o.github, repositoryId, [{ name: ref, beforeOid: before, afterOid: last }], lookupOf(o))
      )
    }
  } catch (e) {
    if (e instanceof StaleRefError) return { outcome: 'lease-rejected', head: null, via }
    throw e
  }
  return { outcome: 'pushed', head: await o.git.fetchBranch(o.remote, o.branch), via }
}

/**
 * Where a branch of the remote is, asked by git (fetched, so a commit the API made is then local too): what
 * settles a write whose answer was lost (github-commits.ts).
 */
function lookupOf(o: SignedPushOptions): RefLookup {
  return ref => o.git.fetchBranch(o.remote, ref.replace(/^refs\/heads\//, ''))
}

async function blobsOf(git: Git, changes: readonly TreeChange[]): Promise<Map<string, Buffer>> {
  const oids = changes.filter(c => c.mode !== DELETED && c.mode !== '160000').map(c => c.oid)
  return git.readObjects([...new Set(oids)])
}

function contentOf(blobs: Map<string, Buffer>, c: TreeChange): Buffer {
  const b = blobs.get(c.oid)
  if (!b) throw new Error(`Cannot sign: the blob of ${c.path} (${c.oid}) is missing locally.`)
  return b
}

function sameTree(made: string, step: Step): void {
  if (made !== step.commit.tree)
    throw new Error(
      `Signing ${step.commit.sha.slice(0, 12)} made tree ${made.slice(0, 12)}, not git's ` +
        `${step.commit.tree.slice(0, 12)}: nothing was pushed.`
    )
}

/** The git data path: blobs, a tree and a commit per step, on no branch; returns the last commit. */
async function viaGitData(o: SignedPushOptions, steps: Step[]): Promise<string> {
  let parent = o.base
  let parentTree = await o.git.treeOf(o.base)
  for (const step of steps) {
    const blobs = await blobsOf(o.git, step.changes)
    const entries: ApiTreeEntry[] = []
    for (const c of step.changes) {
      if (c.mode === DELETED) {
        entries.push({ path: c.path, mode: modeOf(c.oldMode), type: typeOf(c.oldMode), sha: null })
      } else if (c.mode === '160000') {
        entries.push({ path: c.path, mode: '160000', type: 'commit', sha: c.oid })
      } else {
        const sha = await createBlob(o.github, contentOf(blobs, c))
        if (sha !== c.oid)
          throw new Error(`Cannot sign: GitHub stored ${c.path} as ${sha}, git has ${c.oid}.`)
        entries.push({ path: c.path, mode: modeOf(c.mode), type: 'blob', sha })
      }
    }
    const tree = await createTree(o.github, parentTree, entries)
    sameTree(tree, step)
    parent = await createCommit(o.github, step.commit.message, tree, [parent])
    parentTree = tree
  }
  return parent
}

/**
 * The GraphQL path on a scratch branch; `move` moves the bot branch to the last commit, which is returned. The
 * scratch branch is deleted whatever happens.
 */
async function viaGraphql(
  o: SignedPushOptions,
  steps: Step[],
  repositoryId: string,
  move: (last: string) => Promise<void>
): Promise<string> {
  const scratch = `${o.branch}-signing-${randomUUID().slice(0, 8)}`
  const lookup = lookupOf(o)
  await createRef(o.github, `refs/heads/${scratch}`, o.base, lookup)
  let head = o.base
  try {
    for (const step of steps) {
      const blobs = await blobsOf(o.git, step.changes)
      const made = await createCommitOnBranch(
        o.github,
        {
          branch: scratch,
          expectedHeadOid: head,
          message: step.commit.message,
          additions: step.changes
            .filter(c => c.mode !== DELETED)
            .map(c => ({ path: c.path, contents: contentOf(blobs, c) })),
          deletions: step.changes.filter(c => c.mode === DELETED).map(c => c.path)
        },
        { ref: lookup, treeOf: c => o.git.treeOf(c) }
      )
      head = made.oid
      sameTree(made.tree, step)
    }
    await move(head)
    return head
  } finally {
    await updateRefs(
      o.github,
      repositoryId,
      [{ name: `refs/heads/${scratch}`, beforeOid: head, afterOid: ZERO_OID }],
      lookup
    ).catch(() => undefined)
  }
}

const modeOf = (m: string): ApiTreeEntry['mode'] =>
  m === '100755' || m === '120000' || m === '160000' || m === '040000' ? m : '100644'
const typeOf = (m: string): ApiTreeEntry['type'] => (m === '160000' ? 'commit' : 'blob')
