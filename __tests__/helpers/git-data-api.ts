/**
 * The parts of the GitHub API stand-in that write git objects — the git data REST API (blobs, trees, commits,
 * refs) and the GraphQL mutations `createCommitOnBranch` and `updateRefs` — backed by a real bare repository, so
 * a test can fetch what the API made and compare it with what git would have made. As on github.com, a commit
 * the API creates for the token without a custom author or committer is signed by GitHub: its committer is
 * `GitHub <noreply@github.com>` and its SHA is listed in `verified`.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { GraphqlDomainError, type GraphqlRoot } from './graphql-api.js'

/** GitHub's committer of the commits it signs. */
export const WEB_FLOW = { name: 'GitHub', email: 'noreply@github.com' }
const ZERO = '0'.repeat(40)

type Json = Record<string, unknown>
interface Reply {
  status: number
  body?: unknown
}
/** What the handlers need from the stand-in. */
export interface GitDataDeps {
  /** The bare repository behind `owner/repo`, or undefined (the git data API then answers 404). */
  gitDir: (fullName: string) => string | undefined
  /** The token's user: author of the commits the API creates. */
  user: { login: string; id: number }
  /** SHAs of the commits the API created and signed. */
  verified: string[]
  /** `owner/repo` of a GraphQL repository node id (`R_owner/repo`). */
  repoOfNode: (id: string) => string | undefined
}

function git(
  dir: string,
  args: string[],
  o: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}
): string {
  return execFileSync('git', args, {
    cwd: dir,
    input: o.input,
    env: { ...process.env, ...o.env },
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe']
  }).trim()
}
const tryGit = (dir: string, args: string[]): string | null => {
  try {
    return git(dir, args)
  } catch {
    return null
  }
}

/** A tree: `base` with `set` entries written (mode, sha) and `remove` paths deleted, built in a scratch index. */
function writeTree(
  dir: string,
  base: string | null,
  set: [string, string, string][],
  remove: string[]
): string {
  const scratch = mkdtempSync(path.join(tmpdir(), 'standin-index-'))
  const env = { GIT_INDEX_FILE: path.join(scratch, 'index') }
  try {
    git(dir, base ? ['read-tree', base] : ['read-tree', '--empty'], { env })
    // Mode 0 removes a path; --index-info needs no work tree (a bare repository has none).
    const lines = [...remove.map((p): [string, string, string] => ['0', ZERO, p]), ...set]
    const info = lines.map(([mode, sha, p]) => `${mode} ${sha}\t${p}\n`).join('')
    if (info) git(dir, ['update-index', '--add', '--index-info'], { env, input: info })
    return git(dir, ['write-tree'], { env })
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

function commitTree(
  dir: string,
  deps: GitDataDeps,
  tree: string,
  parents: string[],
  message: string
): string {
  const who = deps.user
  const env = {
    GIT_AUTHOR_NAME: who.login,
    GIT_AUTHOR_EMAIL: `${who.id}+${who.login}@users.noreply.github.com`,
    GIT_COMMITTER_NAME: WEB_FLOW.name,
    GIT_COMMITTER_EMAIL: WEB_FLOW.email
  }
  const args = ['commit-tree', tree, ...parents.flatMap(p => ['-p', p]), '-F', '-']
  const sha = git(dir, args, { env, input: message })
  deps.verified.push(sha)
  return sha
}

const objectUrl = (full: string, kind: string, sha: string): string =>
  `https://api.github.com/repos/${full}/git/${kind}/${sha}`

/** REST handlers of the git data API, keyed by operation id. */
export function gitDataHandlers(
  deps: GitDataDeps
): Record<string, (c: { full: string; body: Json }) => Reply> {
  const dirOf = (full: string): string | undefined => deps.gitDir(full)
  const missing: Reply = {
    status: 404,
    body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' }
  }
  const invalid = (message: string): Reply => ({
    status: 422,
    body: { message, documentation_url: 'https://docs.github.com/rest' }
  })
  return {
    'git/create-blob': ({ full, body }) => {
      const dir = dirOf(full)
      if (!dir) return missing
      const content = Buffer.from(
        typeof body.content === 'string' ? body.content : '',
        body.encoding === 'base64' ? 'base64' : 'utf8'
      )
      const sha = git(dir, ['hash-object', '-w', '--stdin'], { input: content })
      return { status: 201, body: { url: objectUrl(full, 'blobs', sha), sha } }
    },
    'git/create-tree': ({ full, body }) => {
      const dir = dirOf(full)
      if (!dir) return missing
      const base = typeof body.base_tree === 'string' ? body.base_tree : null
      if (base && tryGit(dir, ['cat-file', '-t', base]) !== 'tree')
        return invalid('base_tree is not a valid tree oid')
      const entries = (Array.isArray(body.tree) ? body.tree : []) as Json[]
      const set: [string, string, string][] = []
      const remove: string[] = []
      for (const e of entries) {
        const p = String(e.path)
        if (e.sha === null) remove.push(p)
        else if (typeof e.sha === 'string') set.push([String(e.mode), e.sha, p])
        else
          set.push([
            String(e.mode),
            git(dir, ['hash-object', '-w', '--stdin'], {
              input: typeof e.content === 'string' ? e.content : ''
            }),
            p
          ])
      }
      const sha = writeTree(dir, base, set, remove)
      return { status: 201, body: { sha, url: objectUrl(full, 'trees', sha), tree: [], truncated: false } }
    },
    'git/create-commit': ({ full, body }) => {
      const dir = dirOf(full)
      if (!dir) return missing
      const tree = String(body.tree)
      if (tryGit(dir, ['cat-file', '-t', tree]) !== 'tree') return invalid('Tree SHA does not exist')
      const parents = (Array.isArray(body.parents) ? body.parents : []).map(String)
      // A custom author or committer is not GitHub's to sign: such commits are not modelled.
      if (body.author || body.committer || body.signature)
        return invalid('custom identities are not modelled by the stand-in')
      const sha = commitTree(dir, deps, tree, parents, typeof body.message === 'string' ? body.message : '')
      const commit = {
        sha,
        node_id: `C_${sha}`,
        url: objectUrl(full, 'commits', sha),
        html_url: '',
        message: String(body.message)
      }
      return {
        status: 201,
        body: {
          ...commit,
          tree: { sha: tree, url: objectUrl(full, 'trees', tree) },
          parents: parents.map(p => ({ sha: p, url: objectUrl(full, 'commits', p), html_url: '' })),
          verification: { verified: true, reason: 'valid', signature: null, payload: null, verified_at: null }
        }
      }
    },
    'git/create-ref': ({ full, body }) => {
      const dir = dirOf(full)
      if (!dir) return missing
      const ref = String(body.ref)
      const sha = String(body.sha)
      if (!/^refs\/[^/]+\/.+/.test(ref)) return invalid('Reference name is not valid')
      if (tryGit(dir, ['update-ref', ref, sha, ZERO]) === null) return invalid('Reference already exists')
      const object = { type: 'commit', sha, url: objectUrl(full, 'commits', sha) }
      return { status: 201, body: { ref, node_id: `REF_${ref}`, url: objectUrl(full, 'refs', ref), object } }
    }
  }
}

/** GraphQL root fields `createCommitOnBranch` and `updateRefs`. */
export function gitDataMutations(deps: GitDataDeps): GraphqlRoot {
  return {
    createCommitOnBranch: args => {
      const input = args.input as {
        branch: { repositoryNameWithOwner?: string; branchName?: string }
        expectedHeadOid: string
        message: { headline: string; body?: string }
        fileChanges?: { additions?: { path: string; contents: string }[]; deletions?: { path: string }[] }
      }
      const full = input.branch.repositoryNameWithOwner ?? ''
      const dir = deps.gitDir(full)
      if (!dir || !input.branch.branchName)
        throw new GraphqlDomainError(
          'NOT_FOUND',
          `Could not resolve to a Repository with the name '${full}'.`
        )
      const ref = `refs/heads/${input.branch.branchName}`
      const head = tryGit(dir, ['rev-parse', '--verify', '-q', ref])
      if (head !== input.expectedHeadOid)
        throw new GraphqlDomainError(
          'STALE_DATA',
          `Expected branch to point to "${input.expectedHeadOid}" but it did not. Pull and try again.`
        )
      const set = (input.fileChanges?.additions ?? []).map((a): [string, string, string] => [
        '100644',
        git(dir, ['hash-object', '-w', '--stdin'], { input: Buffer.from(a.contents, 'base64') }),
        a.path
      ])
      const remove = (input.fileChanges?.deletions ?? []).map(d => d.path)
      const tree = writeTree(dir, `${head}^{tree}`, set, remove)
      const message = input.message.body
        ? `${input.message.headline}\n\n${input.message.body}`
        : input.message.headline
      const sha = commitTree(dir, deps, tree, [head], `${message}\n`)
      if (tryGit(dir, ['update-ref', ref, sha, head]) === null)
        throw new GraphqlDomainError('STALE_DATA', 'The branch moved while the commit was created.')
      return { commit: { oid: sha, url: `https://github.com/${full}/commit/${sha}`, tree: { oid: tree } } }
    },
    updateRefs: args => {
      const input = args.input as {
        repositoryId: string
        refUpdates: { name: string; afterOid: string; beforeOid?: string; force?: boolean }[]
      }
      const full = deps.repoOfNode(input.repositoryId) ?? ''
      const dir = deps.gitDir(full)
      if (!dir)
        throw new GraphqlDomainError(
          'NOT_FOUND',
          `Could not resolve to a node with the global id of '${input.repositoryId}'`
        )
      for (const u of input.refUpdates) {
        const now = tryGit(dir, ['rev-parse', '--verify', '-q', u.name]) ?? ZERO
        if (u.beforeOid !== undefined && u.beforeOid !== now)
          throw new GraphqlDomainError(
            'STALE_DATA',
            `${u.name} is at ${now}, not at the expected ${u.beforeOid}.`
          )
        if (
          !u.force &&
          now !== ZERO &&
          tryGit(dir, ['merge-base', '--is-ancestor', now, u.afterOid]) === null
        )
          throw new GraphqlDomainError('UNPROCESSABLE', `${u.name}: the update is not a fast-forward.`)
        const r =
          u.afterOid === ZERO
            ? tryGit(dir, ['update-ref', '-d', u.name, now])
            : tryGit(dir, ['update-ref', u.name, u.afterOid, now])
        if (r === null) throw new GraphqlDomainError('STALE_DATA', `${u.name} moved during the update.`)
      }
      return { clientMutationId: null }
    }
  }
}
