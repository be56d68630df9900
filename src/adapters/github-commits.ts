import { GitHubError, type GitHub } from './github.js'

/**
 * Writing commits through the API, so that GitHub signs them (input `sign-commits`): the git data REST API
 * (blobs, trees, commits, refs) and the GraphQL mutations `createCommitOnBranch` and `updateRefs`. Every
 * message passes the redactor; file contents are sent as committed (a file holding a secret is never committed).
 */

/** The all-zero object id: "no ref" in `updateRefs`. */
export const ZERO_OID = '0'.repeat(40)

/** One entry of a tree the git data API creates: a blob (or submodule commit) at a path, or null to delete it. */
export interface ApiTreeEntry {
  path: string
  mode: '100644' | '100755' | '120000' | '160000' | '040000'
  type: 'blob' | 'commit' | 'tree'
  sha: string | null
}

/** A ref update of {@link updateRefs}: `beforeOid` is the lease (ZERO_OID: the ref must not exist). */
export interface RefUpdate {
  name: string
  beforeOid: string
  afterOid: string
}

/** A lease of `createCommitOnBranch` or `updateRefs` was refused: the branch is not where it was expected. */
export class StaleRefError extends Error {
  override name = 'StaleRefError'
}

const STALE = /STALE_DATA|Expected branch to point to|not at the expected|moved|Reference already exists/i

async function leased<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (e) {
    if (e instanceof GitHubError && STALE.test(e.message)) throw new StaleRefError(e.message)
    throw e
  }
}

/** The repository's GraphQL node id (what `updateRefs` takes). */
export async function repositoryNodeId(github: GitHub): Promise<string> {
  const r = await github.request('GET /repos/{owner}/{repo}', (o, at) => o.rest.repos.get(at))
  return r.data.node_id
}

/** Stores a blob; returns its SHA (the same git computes for the same bytes). */
export async function createBlob(github: GitHub, content: Buffer): Promise<string> {
  const r = await github.request('POST /repos/{owner}/{repo}/git/blobs', (o, at) =>
    o.rest.git.createBlob({ ...at, content: content.toString('base64'), encoding: 'base64' })
  )
  return r.data.sha
}

/** `baseTree` with `entries` written; returns the new tree's SHA. */
export async function createTree(github: GitHub, baseTree: string, entries: ApiTreeEntry[]): Promise<string> {
  const r = await github.request('POST /repos/{owner}/{repo}/git/trees', (o, at) =>
    o.rest.git.createTree({ ...at, base_tree: baseTree, tree: entries })
  )
  return r.data.sha
}

/** A commit of `tree` on `parents`, without author or committer: GitHub signs it. Returns its SHA. */
export async function createCommit(
  github: GitHub,
  message: string,
  tree: string,
  parents: string[]
): Promise<string> {
  const r = await github.request('POST /repos/{owner}/{repo}/git/commits', (o, at) =>
    o.rest.git.createCommit({ ...at, message: github.redact(message), tree, parents })
  )
  return r.data.sha
}

/**
 * Where a ref is on the server (null: it does not exist), asked when a write's answer was lost (a 5xx after the
 * write, no answer): the write is sent again only when it did not happen. The signed push asks git.
 */
export type RefLookup = (ref: string) => Promise<string | null>

/** Creates `ref` at `sha`; a {@link StaleRefError} when it exists already. */
export async function createRef(github: GitHub, ref: string, sha: string, lookup: RefLookup): Promise<void> {
  await leased(() =>
    github.writeOnce(
      'POST /repos/{owner}/{repo}/git/refs',
      async (o, at, once) => {
        await o.rest.git.createRef({ ...at, ref, sha, ...once })
        return true
      },
      async () => ((await lookup(ref)) === sha ? true : null)
    )
  )
}

const CREATE_COMMIT = `mutation CreateCommitOnBranch($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid tree { oid } } }
}`

/** What `createCommitOnBranch` is asked to commit. */
export interface BranchCommit {
  branch: string
  expectedHeadOid: string
  message: string
  additions: { path: string; contents: Buffer }[]
  deletions: string[]
}

/**
 * One commit on `branch` (which must be at `expectedHeadOid`, else a {@link StaleRefError}), made and signed by
 * GitHub. Every addition is a regular file (mode 100644): the mutation carries no modes.
 */
export async function createCommitOnBranch(
  github: GitHub,
  c: BranchCommit,
  lookup: { ref: RefLookup; treeOf: (commit: string) => Promise<string> }
): Promise<{ oid: string; tree: string }> {
  const message = github.redact(c.message).replace(/\r\n/g, '\n')
  const [headline = '', ...rest] = message.split('\n')
  const body = rest.join('\n').trim()
  const input = {
    branch: { repositoryNameWithOwner: `${github.owner}/${github.repo}`, branchName: c.branch },
    expectedHeadOid: c.expectedHeadOid,
    message: { headline, ...(body ? { body } : {}) },
    fileChanges: {
      additions: c.additions.map(a => ({ path: a.path, contents: a.contents.toString('base64') })),
      deletions: c.deletions.map(path => ({ path }))
    }
  }
  // The branch is the run's own scratch branch: moved off expectedHeadOid, it holds the commit a lost answer made.
  const made = async (): Promise<{ oid: string; tree: string } | null> => {
    const tip = await lookup.ref(`refs/heads/${c.branch}`)
    return tip && tip !== c.expectedHeadOid ? { oid: tip, tree: await lookup.treeOf(tip) } : null
  }
  type Made = { createCommitOnBranch: { commit: { oid: string; tree: { oid: string } } } }
  return leased(() =>
    github.writeOnce(
      'GraphQL createCommitOnBranch',
      async (o, _at, once) => {
        const r = await o.graphql<Made>(CREATE_COMMIT, { input, ...once })
        return { oid: r.createCommitOnBranch.commit.oid, tree: r.createCommitOnBranch.commit.tree.oid }
      },
      made
    )
  )
}

const UPDATE_REFS = `mutation UpdateRefs($input: UpdateRefsInput!) {
  updateRefs(input: $input) { clientMutationId }
}`

/** Moves, creates (beforeOid ZERO_OID) or deletes (afterOid ZERO_OID) refs, each leased on its beforeOid. */
export async function updateRefs(
  github: GitHub,
  repositoryId: string,
  updates: RefUpdate[],
  lookup: RefLookup
): Promise<void> {
  const refUpdates = updates.map(u => ({ ...u, force: true }))
  const made = async (): Promise<true | null> => {
    for (const u of updates) if (((await lookup(u.name)) ?? ZERO_OID) !== u.afterOid) return null
    return true
  }
  await leased(() =>
    github.writeOnce(
      'GraphQL updateRefs',
      (o, _at, once) => o.graphql(UPDATE_REFS, { input: { repositoryId, refUpdates }, ...once }),
      made
    )
  )
}
