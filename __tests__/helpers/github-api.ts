/**
 * A local, stateful stand-in for the GitHub REST API (node:http on 127.0.0.1, no other network). Every request is
 * checked against GitHub's OpenAPI description ({@link validateRequest}) and every status the server chooses against
 * the operation's documented responses ({@link validateResponse}); mismatches, unauthenticated and unrouted requests
 * are collected in `problems`, which tests should assert is empty. Faults injected with `fail()` are exempt from the
 * status check (429 and most 500s are undocumented on purpose).
 *
 * Behaviour copied from github.com: `pulls.list` ignores a `head` filter without an `owner:` prefix; deleting a
 * branch closes the open PRs whose head it is; labels added to an issue are created when missing; bodies longer
 * than 65,536 code points are rejected with 422. Creating a PR treats a same-repo head branch as pushed. Only a
 * user token's `repos/get` carries `permissions` (semantic-release/github `lib/verify.js` relies on the same).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { gitDataHandlers, gitDataMutations } from './git-data-api.js'
import { answerGraphql, GraphqlDomainError, type GraphqlCall, type GraphqlRoot } from './graphql-api.js'
import { completeResponse, operationFor, validateRequest, validateResponse } from './openapi.js'

/** A user as GitHub serialises it (only what consumers read). */
export interface GitHubUser {
  login: string
  id: number
  type: 'Bot' | 'User'
}
/** A repository label. */
export interface Label {
  id: number
  node_id: string
  url: string
  name: string
  color: string
  default: boolean
  description: string | null
}
/** A branch end of a PR (`head` / `base`). */
export interface PullRef {
  ref: string
  sha: string
  label: string
  repo: { full_name: string; name: string; owner: { login: string } }
}
/** A pull request as served (and stored) by the stand-in. */
export interface PullRequest {
  id: number
  node_id: string
  number: number
  url: string
  html_url: string
  issue_url: string
  state: 'open' | 'closed'
  title: string
  body: string | null
  draft: boolean
  merged: boolean
  maintainer_can_modify: boolean
  head: PullRef
  base: PullRef
  user: GitHubUser
  labels: Label[]
  /** Set by `issues/add-assignees`, `pulls/request-reviewers` and `issues/update` (milestone). */
  assignees?: GitHubUser[]
  requested_reviewers?: GitHubUser[]
  requested_teams?: { id: number; slug: string; name: string }[]
  milestone?: { number: number; title: string } | null
  created_at: string
  updated_at: string
  closed_at: string | null
}
/** An issue (or PR) comment as served (and stored). */
export interface IssueComment {
  id: number
  node_id: string
  url: string
  html_url: string
  issue_url: string
  body: string
  user: GitHubUser
  author_association: string
  created_at: string
  updated_at: string
}
/** One repository's in-memory state. `refs` maps fully qualified ref names (`refs/heads/main`) to SHAs. */
export interface RepoState {
  owner: string
  name: string
  full_name: string
  default_branch: string
  private: boolean
  refs: Record<string, string>
  labels: Label[]
  pulls: PullRequest[]
  comments: Record<number, IssueComment[]>
  nextNumber: number
  /** False: creating a draft PR or converting one answers "Draft pull requests are not supported". */
  draftsSupported: boolean
  /** Numbers of the repository's open milestones. */
  milestones: number[]
}
/** The whole in-memory state, keyed by `owner/repo`. */
export interface ApiState {
  repos: Record<string, RepoState>
}
/** One recorded request. The authorization value is never stored, only its presence and scheme. */
export interface RecordedRequest {
  method: string
  /** Percent-decoded path without the query string. */
  path: string
  query: Record<string, string>
  /** Parsed JSON body, or undefined when there was none. */
  body: unknown
  headers: Record<string, string>
  auth: { present: boolean; scheme?: string }
  operationId?: string
  /** The status served (0 while in flight). */
  status: number
}
/** A fault to inject: matching requests get this response instead of the real one. */
export interface FaultRule {
  /** Default: any method. */
  method?: string
  /** Exact decoded path, or a RegExp tested against it. */
  path: string | RegExp
  status: number
  /** How many matching requests fail (default 1). */
  times?: number
  /** Default `{message}` with a GitHub-like message for the status. */
  body?: unknown
  /** e.g. `{ 'retry-after': '1' }` or `{ 'x-ratelimit-remaining': '0' }`. */
  headers?: Record<string, string>
  /** Carry the request out first, then answer with the fault (the write happened; the client cannot tell). */
  after?: boolean
}
/** Options of {@link startGitHubApi}. */
export interface GitHubApiOptions {
  /** The login the token belongs to (author of created PRs and comments). Default `github-actions[bot]`. */
  login?: string
  /** Called before a ref is deleted (`ref` like `heads/pdd/sync`), e.g. to delete it in a bare git repo too. */
  onDeleteRef?: (ref: string, repo: string) => Promise<void>
  /**
   * The token's access as `repos/get` reports it in `permissions`. As on github.com, an installation token (a
   * `[bot]` login, like GITHUB_TOKEN) gets no `permissions` and may list its repositories
   * (`GET /installation/repositories`); a user token (PAT) gets `permissions` and a 403 there. Default: write.
   */
  push?: boolean
  /**
   * Roles of people on the repository (`admin`, `maintain`, `write`, `triage`, `read`), as
   * `GET /repos/{owner}/{repo}/collaborators/{username}/permission` reports them; anyone else reads as `read`
   * (a public repository) and the token's own login as `write`.
   */
  roles?: Record<string, string>
  /** The bare repository behind `owner/repo`: the git data API and GraphQL commit mutations write to it. */
  gitDir?: (fullName: string) => string | undefined
}
/** The running stand-in. */
export interface GitHubApi {
  /** `http://127.0.0.1:PORT`: pass as Octokit `baseUrl` or `GITHUB_API_URL`. */
  url: string
  requests: RecordedRequest[]
  /** Every `POST /graphql`: the root fields it selected, its variables, the errors served. */
  graphql: GraphqlCall[]
  /** SHAs of the commits the API created and signed (see git-data-api.ts). */
  verified: string[]
  problems: string[]
  state: ApiState
  fail(rule: FaultRule): void
  /** Creates the repo if missing (default branch `main`) and registers `branches` (sha optional). */
  ensureRepo(owner: string, repo: string, opts?: EnsureRepoOptions): RepoState
  /** All PRs (of `repo` = `owner/name` when given). */
  pulls(repo?: string): PullRequest[]
  /** Comments on one issue/PR; `repo` may be omitted when only one repo exists. */
  comments(issueNumber: number, repo?: string): IssueComment[]
  close(): Promise<void>
}
/** Options of {@link GitHubApi.ensureRepo}. */
export interface EnsureRepoOptions {
  defaultBranch?: string
  branches?: string[] | Record<string, string>
  private?: boolean
  /** Default true. */
  draftsSupported?: boolean
  milestones?: number[]
}

type Json = Record<string, unknown>
interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}
interface Ctx {
  repo: RepoState
  params: Record<string, string>
  query: Record<string, string>
  body: Json
  raw: unknown
  rawPath: string
}

const DOCS = 'https://docs.github.com/rest'
const MAX_BODY = 65536
const MESSAGES: Record<number, string> = {
  401: 'Requires authentication',
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Validation Failed',
  429: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  500: 'Server Error',
  502: 'Server Error',
  503: 'Service Unavailable'
}
const NO_DRAFTS_MESSAGE = 'Draft pull requests are not supported in this repository.'
const NO_DRAFTS = { resource: 'PullRequest', code: 'custom', message: NO_DRAFTS_MESSAGE }
const now = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
const fakeSha = (seed: string): string => Buffer.from(seed.padEnd(20, '.')).toString('hex').slice(0, 40)
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)
const error = (status: number, message = MESSAGES[status] ?? 'Error', extra: Json = {}): Reply => ({
  status,
  body: { message, documentation_url: DOCS, ...extra }
})
const invalid = (e: Json, message = 'Validation Failed'): Reply =>
  error(422, message, Object.keys(e).length > 0 ? { errors: [e] } : {})
const person = (login: string): GitHubUser => ({ login, id: 5000 + login.length, type: 'User' })
/** A PR as the issues API serves it. */
const issueOf = (p: PullRequest): Json => ({
  id: p.id,
  node_id: `I_${p.number}`,
  number: p.number,
  url: p.issue_url,
  html_url: p.html_url,
  title: p.title,
  body: p.body,
  state: p.state,
  user: p.user,
  labels: p.labels,
  assignees: p.assignees ?? [],
  milestone: p.milestone ?? null,
  pull_request: { url: p.url, html_url: p.html_url, diff_url: null, patch_url: null },
  created_at: p.created_at,
  updated_at: p.updated_at,
  closed_at: p.closed_at
})
const tooLong = (body: unknown, resource: string): Reply | undefined =>
  typeof body === 'string' && [...body].length > MAX_BODY
    ? invalid({
        resource,
        code: 'custom',
        field: 'body',
        message: `body is too long (maximum is ${MAX_BODY} characters)`
      })
    : undefined

/** Starts the stand-in on 127.0.0.1 (random port). Close it with `close()`. */
export async function startGitHubApi(opts: GitHubApiOptions = {}): Promise<GitHubApi> {
  const login = opts.login ?? 'github-actions[bot]'
  const user: GitHubUser = { login, id: 41898282, type: login.endsWith('[bot]') ? 'Bot' : 'User' }
  const state: ApiState = { repos: {} }
  const requests: RecordedRequest[] = []
  const graphqlCalls: GraphqlCall[] = []
  const verified: string[] = []
  const problems: string[] = []
  const faults: FaultRule[] = []
  let nextId = 1000
  let url = ''

  const ensureRepo = (owner: string, name: string, o: EnsureRepoOptions = {}): RepoState => {
    const full = `${owner}/${name}`
    const defaultBranch = o.defaultBranch ?? 'main'
    const refs = { [`refs/heads/${defaultBranch}`]: fakeSha(defaultBranch) }
    const fresh = { owner, name, full_name: full, default_branch: defaultBranch, private: o.private ?? false }
    const repo = (state.repos[full] ??= {
      ...fresh,
      refs,
      labels: [],
      pulls: [],
      comments: {},
      nextNumber: 1,
      draftsSupported: o.draftsSupported ?? true,
      milestones: o.milestones ?? []
    })
    const branches = Array.isArray(o.branches)
      ? Object.fromEntries(o.branches.map(b => [b, fakeSha(b)]))
      : o.branches
    for (const [b, sha] of Object.entries(branches ?? {})) repo.refs[`refs/heads/${b}`] = sha
    return repo
  }
  const repoUrl = (r: RepoState): string => `${url}/repos/${r.full_name}`
  const pullRef = (r: RepoState, owner: string, ref: string): PullRef => {
    const repo = { full_name: `${owner}/${r.name}`, name: r.name, owner: { login: owner } }
    return { ref, sha: r.refs[`refs/heads/${ref}`] ?? fakeSha(ref), label: `${owner}:${ref}`, repo }
  }
  const pullOf = (c: Ctx, key: string): PullRequest | undefined =>
    c.repo.pulls.find(p => p.number === Number(c.params[key]))
  const duplicate = (r: RepoState, head: string, base: string, except?: number): Reply | undefined =>
    r.pulls.some(
      p => p.state === 'open' && p.head.label === head && p.base.ref === base && p.number !== except
    )
      ? invalid({
          resource: 'PullRequest',
          code: 'custom',
          message: `A pull request already exists for ${head}.`
        })
      : undefined
  const paginate = (c: Ctx, items: unknown[]): Reply => {
    const perPage = Math.min(Number(c.query.per_page ?? 30) || 30, 100)
    const page = Math.max(Number(c.query.page ?? 1) || 1, 1)
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const link = (n: number, rel: string): string =>
      `<${url}${c.rawPath}?${new URLSearchParams({ ...c.query, page: String(n) }).toString()}>; rel="${rel}"`
    const links = [
      ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
      ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : [])
    ]
    const body = items.slice((page - 1) * perPage, page * perPage)
    return { status: 200, body, headers: links.length > 0 ? { link: links.join(', ') } : {} }
  }
  const ensureLabel = (
    r: RepoState,
    name: string,
    color = 'ededed',
    description: string | null = null
  ): Label => {
    const found = r.labels.find(l => l.name.toLowerCase() === name.toLowerCase())
    if (found) return found
    const id = nextId++
    const label = { id, node_id: `LA_${id}`, url: `${repoUrl(r)}/labels/${encodeURIComponent(name)}` }
    const created: Label = { ...label, name, color, default: false, description }
    r.labels.push(created)
    return created
  }

  const handlers: Record<string, (c: Ctx) => Reply | Promise<Reply>> = {
    'repos/get': ({ repo: r }) => ({
      status: 200,
      body: {
        id: 1,
        node_id: `R_${r.full_name}`,
        name: r.name,
        full_name: r.full_name,
        owner: { login: r.owner, type: 'User' },
        private: r.private,
        html_url: `https://github.com/${r.full_name}`,
        url: repoUrl(r),
        default_branch: r.default_branch,
        fork: false,
        archived: false,
        ...(user.type === 'User'
          ? {
              permissions: {
                admin: false,
                maintain: false,
                push: opts.push ?? true,
                triage: true,
                pull: true
              }
            }
          : {})
      }
    }),
    'repos/get-collaborator-permission-level': ({ params }) => {
      const login = params.username ?? ''
      const role = opts.roles?.[login] ?? (login === user.login ? 'write' : 'read')
      // GitHub's coarse permission: maintain reads as write, triage as read.
      const permission = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role
      const u = `${url}/users/${login}`
      const links = ['events', 'followers', 'following', 'gists', 'organizations', 'received_events', 'repos']
      const collaborator = {
        login,
        id: 5000 + login.length,
        node_id: `U_${login}`,
        avatar_url: `https://avatars.example/${login}`,
        gravatar_id: '',
        url: u,
        html_url: `https://github.com/${login}`,
        ...Object.fromEntries(links.map(k => [`${k}_url`, `${u}/${k}`])),
        starred_url: `${u}/starred{/owner}{/repo}`,
        subscriptions_url: `${u}/subscriptions`,
        type: login.endsWith('[bot]') ? 'Bot' : 'User',
        site_admin: false,
        role_name: role
      }
      return { status: 200, body: { permission, role_name: role, user: collaborator } }
    },
    'pulls/list': c => {
      const { state: s = 'open', head, base, direction, sort = 'created' } = c.query
      const list = c.repo.pulls
        .filter(p => (s === 'all' || p.state === s) && (!head?.includes(':') || p.head.label === head))
        .filter(p => !base || p.base.ref === base)
        .sort(
          (a, b) => (sort === 'updated' && b.updated_at.localeCompare(a.updated_at)) || b.number - a.number
        )
      return paginate(c, (direction === 'asc' ? list.reverse() : list).map(simplePull))
    },
    'pulls/create': ({ repo: r, body: b }) => {
      const head = str(b.head) ?? ''
      const base = str(b.base) ?? ''
      if (!head || !base)
        return invalid({ resource: 'PullRequest', code: 'missing_field', field: head ? 'base' : 'head' })
      if (!str(b.title) && b.issue === undefined)
        return invalid({ resource: 'PullRequest', code: 'missing_field', field: 'title' })
      if (!r.refs[`refs/heads/${base}`])
        return invalid({ resource: 'PullRequest', code: 'invalid', field: 'base' })
      if (b.draft === true && !r.draftsSupported) return invalid(NO_DRAFTS)
      const [headOwner, branch] = head.includes(':')
        ? (head.split(/:(.*)/s) as [string, string])
        : [r.owner, head]
      const fail = tooLong(b.body, 'Issue') ?? duplicate(r, `${headOwner}:${branch}`, base)
      if (fail) return fail
      if (headOwner === r.owner) r.refs[`refs/heads/${branch}`] ??= fakeSha(branch)
      const number = r.nextNumber++
      const t = now()
      const pull: PullRequest = {
        id: nextId++,
        node_id: `PR_${number}`,
        number,
        url: `${repoUrl(r)}/pulls/${number}`,
        html_url: `https://github.com/${r.full_name}/pull/${number}`,
        issue_url: `${repoUrl(r)}/issues/${number}`,
        state: 'open',
        title: str(b.title) ?? '',
        body: str(b.body) ?? null,
        draft: b.draft === true,
        merged: false,
        maintainer_can_modify: b.maintainer_can_modify === true,
        head: pullRef(r, headOwner, branch),
        base: pullRef(r, r.owner, base),
        user,
        labels: [],
        created_at: t,
        updated_at: t,
        closed_at: null
      }
      r.pulls.push(pull)
      return { status: 201, body: pull }
    },
    'pulls/get': c => {
      const pull = pullOf(c, 'pull_number')
      return pull ? { status: 200, body: pull } : error(404)
    },
    'pulls/update': c => {
      const { repo: r, body: b } = c
      const pull = pullOf(c, 'pull_number')
      if (!pull) return error(404)
      const base = str(b.base)
      if (base && !r.refs[`refs/heads/${base}`])
        return invalid({ resource: 'PullRequest', code: 'invalid', field: 'base' })
      const reopen = b.state === 'open' && pull.state === 'closed'
      const fail =
        tooLong(b.body, 'Issue') ??
        (reopen ? duplicate(r, pull.head.label, pull.base.ref, pull.number) : undefined)
      if (fail) return fail
      if (str(b.title) !== undefined) pull.title = str(b.title) ?? ''
      if (b.body !== undefined) pull.body = str(b.body) ?? null
      if (base) pull.base = pullRef(r, r.owner, base)
      if (typeof b.maintainer_can_modify === 'boolean') pull.maintainer_can_modify = b.maintainer_can_modify
      if (b.state === 'open' || b.state === 'closed') {
        pull.closed_at = b.state === 'closed' ? (pull.closed_at ?? now()) : null
        pull.state = b.state
      }
      pull.updated_at = now()
      return { status: 200, body: pull }
    },
    'issues/add-labels': c => {
      const pull = pullOf(c, 'issue_number')
      if (!pull) return error(404)
      const items = Array.isArray(c.raw)
        ? (c.raw as unknown[])
        : Array.isArray(c.body.labels)
          ? c.body.labels
          : []
      const names = items.map(i => str(i) ?? str((i as Json | null)?.name)).filter((n): n is string => !!n)
      if (names.length === 0) return invalid({ resource: 'Label', code: 'missing_field', field: 'labels' })
      for (const label of names.map(n => ensureLabel(c.repo, n))) {
        if (!pull.labels.includes(label)) pull.labels.push(label)
      }
      return { status: 200, body: pull.labels }
    },
    'issues/remove-label': c => {
      const pull = pullOf(c, 'issue_number')
      const at =
        pull?.labels.findIndex(l => l.name.toLowerCase() === (c.params.name ?? '').toLowerCase()) ?? -1
      if (!pull || at === -1) return error(404, 'Label does not exist')
      pull.labels.splice(at, 1)
      return { status: 200, body: pull.labels }
    },
    'issues/add-assignees': c => {
      const pull = pullOf(c, 'issue_number')
      if (!pull) return error(404)
      const logins = Array.isArray(c.body.assignees) ? c.body.assignees.map(String) : []
      pull.assignees = [...(pull.assignees ?? []), ...logins.map(login => person(login))]
      return { status: 201, body: issueOf(pull) }
    },
    'issues/update': c => {
      const pull = pullOf(c, 'issue_number')
      if (!pull) return error(404)
      const m = c.body.milestone
      if (typeof m === 'number' && !c.repo.milestones.includes(m))
        return invalid({ resource: 'Issue', code: 'invalid', field: 'milestone', value: m })
      if (typeof m === 'number') pull.milestone = { number: m, title: `Milestone ${m}` }
      return { status: 200, body: issueOf(pull) }
    },
    'pulls/request-reviewers': c => {
      const pull = pullOf(c, 'pull_number')
      if (!pull) return error(404)
      const users = Array.isArray(c.body.reviewers) ? c.body.reviewers.map(String) : []
      const teams = Array.isArray(c.body.team_reviewers) ? c.body.team_reviewers.map(String) : []
      if (users.includes(login)) return invalid({}, 'Review cannot be requested from pull request author.')
      pull.requested_reviewers = [...(pull.requested_reviewers ?? []), ...users.map(u => person(u))]
      pull.requested_teams = [
        ...(pull.requested_teams ?? []),
        ...teams.map(slug => ({ id: nextId++, slug, name: slug }))
      ]
      return { status: 201, body: simplePull(pull) }
    },
    'issues/create-label': ({ repo: r, body: b }) => {
      const name = str(b.name)
      if (!name) return invalid({ resource: 'Label', code: 'missing_field', field: 'name' })
      if (r.labels.some(l => l.name.toLowerCase() === name.toLowerCase())) {
        return invalid({ resource: 'Label', code: 'already_exists', field: 'name' })
      }
      return { status: 201, body: ensureLabel(r, name, str(b.color), str(b.description) ?? null) }
    },
    'issues/list-comments': c => {
      if (!pullOf(c, 'issue_number')) return error(404)
      const since = c.query.since
      const all = c.repo.comments[Number(c.params.issue_number)] ?? []
      return paginate(c, since ? all.filter(x => x.updated_at >= since) : all)
    },
    'issues/create-comment': c => {
      const { repo: r, body: b } = c
      const pull = pullOf(c, 'issue_number')
      if (!pull) return error(404)
      const text = str(b.body)
      if (text === undefined)
        return invalid({ resource: 'IssueComment', code: 'missing_field', field: 'body' })
      const fail = tooLong(text, 'IssueComment')
      if (fail) return fail
      const id = nextId++
      const t = now()
      const comment: IssueComment = {
        id,
        node_id: `IC_${id}`,
        url: `${repoUrl(r)}/issues/comments/${id}`,
        html_url: `${pull.html_url}#issuecomment-${id}`,
        issue_url: pull.issue_url,
        body: text,
        user,
        author_association: 'NONE',
        created_at: t,
        updated_at: t
      }
      ;(r.comments[pull.number] ??= []).push(comment)
      return { status: 201, body: comment }
    },
    'issues/update-comment': ({ repo: r, params, body: b }) => {
      const comment = Object.values(r.comments)
        .flat()
        .find(x => x.id === Number(params.comment_id))
      if (!comment) return error(404)
      const text = str(b.body)
      if (text === undefined)
        return invalid({ resource: 'IssueComment', code: 'missing_field', field: 'body' })
      const fail = tooLong(text, 'IssueComment')
      if (fail) return fail
      Object.assign(comment, { body: text, updated_at: now() })
      return { status: 200, body: comment }
    },
    'git/get-ref': ({ repo: r, params }) => {
      const ref = `refs/${params.ref ?? ''}`
      const sha = r.refs[ref]
      if (!sha) return error(404)
      const object = { type: 'commit', sha, url: `${repoUrl(r)}/git/commits/${sha}` }
      return { status: 200, body: { ref, node_id: `REF_${ref}`, url: `${repoUrl(r)}/git/${ref}`, object } }
    },
    'git/delete-ref': async ({ repo: r, params }) => {
      const ref = params.ref ?? ''
      if (!r.refs[`refs/${ref}`]) return error(422, 'Reference does not exist')
      await opts.onDeleteRef?.(ref, r.full_name)
      delete r.refs[`refs/${ref}`]
      const branch = ref.replace(/^heads\//, '')
      for (const p of r.pulls) {
        if (p.state === 'open' && p.head.repo.full_name === r.full_name && p.head.ref === branch) {
          Object.assign(p, { state: 'closed', closed_at: now(), updated_at: now() })
        }
      }
      return { status: 204 }
    }
  }

  const pullByNode = (id: unknown): { pull: PullRequest; repo: RepoState } => {
    for (const repo of Object.values(state.repos)) {
      const pull = repo.pulls.find(p => p.node_id === id)
      if (pull) return { pull, repo }
    }
    throw new GraphqlDomainError(
      'NOT_FOUND',
      `Could not resolve to a node with the global id of '${String(id)}'`
    )
  }
  const gqlPull = (p: PullRequest): Json => ({
    id: p.node_id,
    number: p.number,
    isDraft: p.draft,
    url: p.html_url
  })
  const setDraft =
    (draft: boolean) =>
    (args: Json): Json => {
      const { pull, repo } = pullByNode((args.input as Json).pullRequestId)
      if (draft && !repo.draftsSupported) throw new GraphqlDomainError('UNPROCESSABLE', NO_DRAFTS_MESSAGE)
      if (pull.state !== 'open') throw new GraphqlDomainError('UNPROCESSABLE', 'Pull request is closed.')
      pull.draft = draft
      pull.updated_at = now()
      return { pullRequest: gqlPull(pull) }
    }
  const gitDeps = {
    gitDir: (full: string) => opts.gitDir?.(full),
    user,
    verified,
    repoOfNode: (id: string) => (state.repos[id.replace(/^R_/, '')] ? id.replace(/^R_/, '') : undefined)
  }
  const gitData = gitDataHandlers(gitDeps)
  const graphqlRoot: GraphqlRoot = {
    markPullRequestReadyForReview: setDraft(false),
    convertPullRequestToDraft: setDraft(true),
    ...gitDataMutations(gitDeps)
  }

  const rateLimit = (): Reply => {
    const core = { limit: 1000, used: requests.length, remaining: 1000 - requests.length, reset: 4102444800 }
    const search = { limit: 30, used: 0, remaining: 30, reset: 4102444800 }
    return { status: 200, body: { resources: { core, search, graphql: core }, rate: core } }
  }

  /** `GET /installation/repositories`: an installation token's repositories; a user token gets 403. */
  const installationRepos = (): Reply =>
    user.type === 'Bot'
      ? {
          status: 200,
          body: {
            total_count: Object.keys(state.repos).length,
            repositories: Object.values(state.repos).map(r => ({
              id: 1,
              name: r.name,
              full_name: r.full_name
            }))
          }
        }
      : error(403, 'This endpoint requires you to be authenticated as an installation.')

  const send = (res: http.ServerResponse, rec: RecordedRequest, reply: Reply): void => {
    rec.status = reply.status
    const headers: Record<string, string> = {
      'x-github-request-id': `STANDIN:${requests.length}`,
      'x-ratelimit-limit': '1000',
      'x-ratelimit-remaining': '999',
      'x-ratelimit-reset': '4102444800',
      'x-ratelimit-resource': 'core'
    }
    const hasBody = reply.status !== 204 && reply.body !== undefined
    if (hasBody) headers['content-type'] = 'application/json; charset=utf-8'
    res.writeHead(reply.status, { ...headers, ...reply.headers })
    res.end(hasBody ? JSON.stringify(reply.body) : undefined)
  }

  /** The reply with unmodelled required fields filled in, its status and body checked against the description. */
  const checked = (method: string, rawPath: string, reply: Reply): Reply => {
    const body = completeResponse(method, rawPath, reply.status, reply.body)
    problems.push(...validateResponse(method, rawPath, reply.status, body))
    return { ...reply, body }
  }

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    const u = new URL(req.url ?? '/', 'http://127.0.0.1')
    const method = (req.method ?? 'GET').toUpperCase()
    const rawPath = u.pathname
    const path = decodeURIComponent(rawPath)
    const query = Object.fromEntries(u.searchParams)
    const headers: Record<string, string> = {}
    for (const [k, v] of Object.entries(req.headers))
      if (k !== 'authorization' && v !== undefined) headers[k] = String(v)
    const authorization = req.headers.authorization
    const auth = {
      present: !!authorization,
      ...(authorization ? { scheme: authorization.split(' ')[0] } : {})
    }
    const rec: RecordedRequest = { method, path, query, body: undefined, headers, auth, status: 0 }
    requests.push(rec)
    const where = `${method} ${path}`
    if (text) {
      try {
        rec.body = JSON.parse(text) as unknown
      } catch {
        problems.push(`${where}: body is not JSON`)
        return send(res, rec, error(400, 'Problems parsing JSON'))
      }
    }
    if (!authorization) {
      problems.push(`${where}: no authorization header`)
      return send(res, rec, error(401))
    }
    const isGraphql = method === 'POST' && rawPath === '/graphql'
    const match = isGraphql ? null : operationFor(method, rawPath)
    rec.operationId = isGraphql ? 'graphql' : match?.operationId
    if (match) problems.push(...validateRequest({ method, path: rawPath, query, body: rec.body }))
    const fault = faults.find(f => (!f.method || f.method.toUpperCase() === method) && matches(f.path, path))
    const faulty: Reply | undefined = fault && {
      ...error(fault.status),
      ...(fault.body !== undefined ? { body: fault.body } : {}),
      headers: fault.headers
    }
    if (fault) {
      fault.times = (fault.times ?? 1) - 1
      if (fault.times <= 0) faults.splice(faults.indexOf(fault), 1)
      if (!fault.after) return send(res, rec, faulty as Reply)
    }
    // `after`: the request is carried out, then answered with the fault (a 502 from a proxy behind which it worked).
    const answer = (reply: Reply): void => send(res, rec, faulty ?? reply)
    if (isGraphql) return answer(await answerGraphql(rec.body, graphqlRoot, problems, graphqlCalls))
    if (match?.operationId === 'apps/list-repos-accessible-to-installation') {
      return answer(checked(method, rawPath, installationRepos()))
    }
    const data = match && gitData[match.operationId]
    if (match && data) {
      const reply = data({
        full: `${match.params.owner}/${match.params.repo}`,
        body: (rec.body ?? {}) as Json
      })
      return answer(checked(method, rawPath, reply))
    }
    const handler = match && handlers[match.operationId]
    if (!match || (!handler && match.operationId !== 'rate-limit/get')) {
      problems.push(`unrouted request ${where} (${match?.operationId ?? 'not in the OpenAPI description'})`)
      return answer(error(404))
    }
    const repo = state.repos[`${match.params.owner}/${match.params.repo}`]
    const body =
      rec.body && typeof rec.body === 'object' && !Array.isArray(rec.body) ? (rec.body as Json) : {}
    const reply = !handler
      ? rateLimit()
      : repo
        ? await handler({ repo, params: match.params, query, body, raw: rec.body, rawPath })
        : error(404)
    answer(checked(method, rawPath, reply))
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      problems.push(`internal error on ${req.method} ${req.url}: ${String(err)}`)
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: 'Server Error' }))
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const repoFor = (repo?: string): RepoState[] =>
    repo ? [state.repos[repo]].filter((r): r is RepoState => !!r) : Object.values(state.repos)
  return {
    url,
    requests,
    graphql: graphqlCalls,
    verified,
    problems,
    state,
    fail: rule => void faults.push({ ...rule }),
    ensureRepo,
    pulls: repo => repoFor(repo).flatMap(r => r.pulls),
    comments: (n, repo) => {
      const repos = repoFor(repo)
      if (!repo && repos.length > 1) throw new Error('comments(): several repos exist, pass `owner/repo`')
      return repos[0]?.comments[n] ?? []
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close(err => (err ? reject(err) : resolve()))
      })
  }
}

/**
 * A PR as `pulls/list` serves it (`pull-request-simple`): `merged_at` for `merged`, without `maintainer_can_modify`, and label
 * descriptions as strings (that schema does not allow null there).
 */
function simplePull(p: PullRequest): Json {
  const { merged: _m, maintainer_can_modify: _c, ...rest } = p
  // `merged_at` is what the list tells a merged pull request by (its close time, as on github.com).
  return {
    ...rest,
    merged_at: p.merged ? (p.closed_at ?? p.updated_at) : null,
    labels: p.labels.map(l => ({ ...l, description: l.description ?? '' }))
  }
}

function matches(pattern: string | RegExp, path: string): boolean {
  return typeof pattern === 'string' ? pattern === path : pattern.test(path)
}
