/**
 * The stand-in's git-writing API (groundwork for signed commits): REST blobs/trees/commits/refs and the GraphQL
 * mutations createCommitOnBranch and updateRefs, backed by a real bare repository. What the API builds must have
 * the tree git builds for the same files, commits are signed (listed in `verified`, committer GitHub), and the
 * leases (`expectedHeadOid`, `beforeOid`, creating an existing ref) refuse a moved branch.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { GitHub } from '../src/adapters/github.js'
import { git, makeRepo, writeFiles, type TestRepo } from './helpers/git-repo.js'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'
import { clientOf } from './helpers/github-client.js'

let api: GitHubApi
let repo: TestRepo
let github: GitHub
beforeEach(async () => {
  repo = makeRepo({ 'calc.py': 'x = 1\n', 'old.txt': 'gone soon\n' })
  api = await startGitHubApi({ gitDir: full => (full === 'acme/calc' ? repo.origin : undefined) })
  api.ensureRepo('acme', 'calc')
  github = clientOf(api)
})
afterEach(async () => {
  expect(api.problems).toEqual([])
  await api.close()
})

const b64 = (s: string): string => Buffer.from(s).toString('base64')
/** The tree git makes for the same change in the working clone. */
function gitTree(): string {
  writeFiles(repo.dir, { 'calc.py': 'x = 2\n', 'pkg/new.py': 'y = 1\n' })
  git(repo.dir, 'rm', '-q', 'old.txt')
  git(repo.dir, 'add', '-A')
  return git(repo.dir, 'write-tree').trim()
}

describe('git data API of the stand-in', () => {
  it('blobs, tree, commit and ref: the same tree as git, a signed commit, the ref created once', async () => {
    const base = git(repo.origin, 'rev-parse', 'main').trim()
    const baseTree = git(repo.origin, 'rev-parse', 'main^{tree}').trim()
    const r = await github.request('git data', async (o, at) => {
      const blob = await o.rest.git.createBlob({ ...at, content: b64('x = 2\n'), encoding: 'base64' })
      const other = await o.rest.git.createBlob({ ...at, content: b64('y = 1\n'), encoding: 'base64' })
      const tree = await o.rest.git.createTree({
        ...at,
        base_tree: baseTree,
        tree: [
          { path: 'calc.py', mode: '100644', type: 'blob', sha: blob.data.sha },
          { path: 'pkg/new.py', mode: '100644', type: 'blob', sha: other.data.sha },
          { path: 'old.txt', mode: '100644', type: 'blob', sha: null }
        ]
      })
      const commit = await o.rest.git.createCommit({
        ...at,
        message: 'm',
        tree: tree.data.sha,
        parents: [base]
      })
      await o.rest.git.createRef({ ...at, ref: 'refs/heads/pdd-sync/main', sha: commit.data.sha })
      return { tree: tree.data.sha, commit: commit.data.sha }
    })
    expect(r.tree).toBe(gitTree())
    expect(git(repo.origin, 'rev-parse', 'pdd-sync/main').trim()).toBe(r.commit)
    expect(git(repo.origin, 'log', '-1', '--format=%cn <%ce>', r.commit).trim()).toBe(
      'GitHub <noreply@github.com>'
    )
    expect(api.verified).toEqual([r.commit])
    const again = await github
      .request('create ref', (o, at) =>
        o.rest.git.createRef({ ...at, ref: 'refs/heads/pdd-sync/main', sha: base })
      )
      .catch((e: unknown) => e)
    expect(String(again)).toMatch(/HTTP 422.*Reference already exists/)
  })

  it('createCommitOnBranch and updateRefs keep their leases', async () => {
    const base = git(repo.origin, 'rev-parse', 'main').trim()
    git(repo.origin, 'update-ref', 'refs/heads/scratch', base)
    const doc = `mutation($input: CreateCommitOnBranchInput!) {
      createCommitOnBranch(input: $input) { commit { oid tree { oid } } }
    }`
    const input = {
      branch: { repositoryNameWithOwner: 'acme/calc', branchName: 'scratch' },
      expectedHeadOid: base,
      message: { headline: 'pdd-sync: calc (python): sync', body: 'Trailer: 1' },
      fileChanges: {
        additions: [
          { path: 'calc.py', contents: b64('x = 2\n') },
          { path: 'pkg/new.py', contents: b64('y = 1\n') }
        ],
        deletions: [{ path: 'old.txt' }]
      }
    }
    const made = await github.graphql<{
      createCommitOnBranch: { commit: { oid: string; tree: { oid: string } } }
    }>('GraphQL createCommitOnBranch', doc, { input })
    const { oid, tree } = made.createCommitOnBranch.commit
    expect(tree.oid).toBe(gitTree())
    expect(git(repo.origin, 'log', '-1', '--format=%B', oid).trim()).toBe(
      'pdd-sync: calc (python): sync\n\nTrailer: 1'
    )
    expect(api.verified).toEqual([oid])
    const stale = await github
      .graphql('GraphQL createCommitOnBranch', doc, { input })
      .catch((e: unknown) => e)
    expect(String(stale)).toMatch(/Expected branch to point to/)

    const move = `mutation($input: UpdateRefsInput!) { updateRefs(input: $input) { clientMutationId } }`
    const update = (beforeOid: string) => ({
      input: {
        repositoryId: 'R_acme/calc',
        refUpdates: [{ name: 'refs/heads/main', afterOid: oid, beforeOid, force: true }]
      }
    })
    const lost = await github.graphql('GraphQL updateRefs', move, update(oid)).catch((e: unknown) => e)
    expect(String(lost)).toMatch(/not at the expected/)
    expect(git(repo.origin, 'rev-parse', 'main').trim()).toBe(base)
    await github.graphql('GraphQL updateRefs', move, update(base))
    expect(git(repo.origin, 'rev-parse', 'main').trim()).toBe(oid)
  })
})
