import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { Redactor } from '../trust/redact.js'

/** A pull request, as far as publishing needs it. */
export interface PullRequest {
  number: number
  /** GraphQL node id (the draft mutations take it). */
  nodeId: string
  url: string
  state: 'open' | 'closed'
  title: string
  body: string
  draft: boolean
  headRef: string
  baseRef: string
  labels: string[]
  /** Login of the account that opened it. */
  author: string
}

/** An issue or PR comment. */
export interface Comment {
  id: number
  body: string
  author: string
}

/** Options of {@link GitHub}. */
export interface GitHubOptions {
  token: string
  /** `owner/repo`. */
  repository: string
  /** REST base URL: `GITHUB_API_URL` (GitHub Enterprise Server, or a test server); default api.github.com. */
  baseUrl?: string
  /** Base of the retry back-off in ms (plugin-retry waits (n+1)² × base); default 1000. */
  retryBaseMs?: number
  /** Throttle requests as GitHub's secondary limits ask (default true). */
  throttle?: boolean
  /** Called with a line when a rate limit makes a request wait. */
  log?: (line: string) => void
  /** Every title, body, label and error message passes it: no request can carry a secret the job knows. */
  redactor?: Redactor
}

/** An API error with the HTTP status and GitHub's message, and nothing of the request's headers. */
export class GitHubError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly route: string
  ) {
    super(message)
    this.name = 'GitHubError'
  }
}

/** The Octokit instance the adapters share. */
export type Octokit = ReturnType<typeof getOctokit>

/**
 * The GitHub REST API as the publish step needs it: Octokit built once with the retry and throttling plugins
 * (`@actions/github` has neither) and an explicit base URL, returning small records.
 */
export class GitHub {
  readonly owner: string
  readonly repo: string
  private readonly octokit: Octokit
  private readonly redactor: Redactor

  constructor(o: GitHubOptions) {
    this.redactor = o.redactor ?? new Redactor()
    const [owner, repo] = o.repository.split('/')
    if (!owner || !repo) throw new Error(`GITHUB_REPOSITORY must be owner/repo; got "${o.repository}".`)
    this.owner = owner
    this.repo = repo
    const log = o.log ?? ((): void => undefined)
    this.octokit = getOctokit(
      o.token,
      {
        baseUrl: (o.baseUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
        retry: { retryAfterBaseValue: o.retryBaseMs ?? 1000 },
        throttle:
          o.throttle === false
            ? { enabled: false }
            : {
                onRateLimit: (
                  after: number,
                  opts: { method: string; url: string },
                  _o: unknown,
                  n: number
                ) => {
                  log(`GitHub rate limit on ${opts.method} ${opts.url}: waiting ${after} s (retry ${n + 1}).`)
                  return n < 3
                },
                onSecondaryRateLimit: (after: number, opts: { method: string; url: string }) => {
                  log(`GitHub secondary rate limit on ${opts.method} ${opts.url}: waiting ${after} s.`)
                  return true
                }
              }
      },
      retry,
      throttling
    )
  }

  private get base(): { owner: string; repo: string } {
    return { owner: this.owner, repo: this.repo }
  }

  /**
   * Runs `fn` with the Octokit instance, errors turned into redacted {@link GitHubError}s naming `route`: for the
   * adapters next to this one (github-lifecycle.ts, github-git.ts). Bodies must pass {@link redact} first.
   */
  async request<T>(
    route: string,
    fn: (octokit: Octokit, base: { owner: string; repo: string }) => Promise<T>
  ): Promise<T> {
    return this.call(route, () => fn(this.octokit, this.base))
  }

  /** A GraphQL request; `what` names it in errors (e.g. `GraphQL markPullRequestReadyForReview`). */
  async graphql<T>(what: string, query: string, variables: Record<string, unknown>): Promise<T> {
    return this.call(what, () => this.octokit.graphql<T>(query, variables))
  }

  /** `text` with every secret the job knows masked. */
  redact(text: string): string {
    return this.clean(text)
  }

  private async call<T>(route: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn()
    } catch (e) {
      const err = toGitHubError(e, route)
      err.message = this.clean(err.message)
      throw err
    }
  }

  private clean(text: string): string {
    return this.redactor.redact(text)
  }

  /** The repository's default branch. */
  async defaultBranch(): Promise<string> {
    const r = await this.call('GET /repos/{owner}/{repo}', () => this.octokit.rest.repos.get(this.base))
    return r.data.default_branch
  }

  /**
   * `permissions.push` of the repository for this token's identity. Undefined when the API does not say: an
   * installation token (`GITHUB_TOKEN`, a GitHub App's) gets no `permissions`, or a `push: false` that means
   * nothing (see {@link isInstallationToken}).
   */
  async pushPermission(): Promise<boolean | undefined> {
    const r = await this.call('GET /repos/{owner}/{repo}', () => this.octokit.rest.repos.get(this.base))
    return r.data.permissions?.push
  }

  /** True when the token is a GitHub App installation's (`GET /installation/repositories` answers). */
  async isInstallationToken(): Promise<boolean> {
    try {
      await this.octokit.rest.apps.listReposAccessibleToInstallation({ per_page: 1 })
      return true
    } catch {
      return false
    }
  }

  /** The open pull request from `head` (a branch of this repository) into `base`, if any. */
  async findOpenPullRequest(head: string, base: string): Promise<PullRequest | null> {
    const list = await this.call('GET /repos/{owner}/{repo}/pulls', () =>
      this.octokit.rest.pulls.list({ ...this.base, head: `${this.owner}:${head}`, base, state: 'open' })
    )
    const pr = list.data.find(p => p.head.ref === head && p.base.ref === base)
    return pr ? toPullRequest(pr) : null
  }

  /** One pull request by number. */
  async getPullRequest(number: number): Promise<PullRequest> {
    const r = await this.call('GET /repos/{owner}/{repo}/pulls/{pull_number}', () =>
      this.octokit.rest.pulls.get({ ...this.base, pull_number: number })
    )
    return toPullRequest(r.data)
  }

  /**
   * A user's access to the repository: GitHub's coarse `permission` (`admin`, `write`, `read` or `none`; a
   * `maintain` role reads as `write`, `triage` as `read`) and the role's name (`maintain`, a custom role, …).
   */
  async collaboratorPermission(login: string): Promise<{ permission: string; role: string }> {
    const r = await this.call('GET /repos/{owner}/{repo}/collaborators/{username}/permission', () =>
      this.octokit.rest.repos.getCollaboratorPermissionLevel({ ...this.base, username: login })
    )
    return { permission: r.data.permission, role: r.data.role_name }
  }

  /** Opens a pull request. */
  async createPullRequest(p: {
    head: string
    base: string
    title: string
    body: string
    draft: boolean
  }): Promise<PullRequest> {
    const r = await this.call('POST /repos/{owner}/{repo}/pulls', () =>
      this.octokit.rest.pulls.create({
        ...this.base,
        ...p,
        title: this.clean(p.title),
        body: this.clean(p.body),
        maintainer_can_modify: false
      })
    )
    return toPullRequest(r.data)
  }

  /** Changes a pull request's title, body or state. */
  async updatePullRequest(
    number: number,
    p: { title?: string; body?: string; state?: 'open' | 'closed' }
  ): Promise<PullRequest> {
    const r = await this.call('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', () =>
      this.octokit.rest.pulls.update({
        ...this.base,
        pull_number: number,
        ...p,
        title: p.title === undefined ? undefined : this.clean(p.title),
        body: p.body === undefined ? undefined : this.clean(p.body)
      })
    )
    return toPullRequest(r.data)
  }

  /** Adds labels to an issue or pull request (creating missing labels needs `issues: write`). */
  async addLabels(number: number, labels: string[]): Promise<void> {
    await this.call('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', () =>
      this.octokit.rest.issues.addLabels({
        ...this.base,
        issue_number: number,
        labels: labels.map(l => this.clean(l))
      })
    )
  }

  /** Every comment of an issue or pull request (paginated). */
  async listComments(number: number): Promise<Comment[]> {
    const all = await this.call('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', () =>
      this.octokit.paginate(this.octokit.rest.issues.listComments, {
        ...this.base,
        issue_number: number,
        per_page: 100
      })
    )
    return all.map(c => ({ id: c.id, body: c.body ?? '', author: c.user?.login ?? '' }))
  }

  /** Adds a comment. */
  async createComment(number: number, body: string): Promise<Comment> {
    const r = await this.call('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', () =>
      this.octokit.rest.issues.createComment({ ...this.base, issue_number: number, body: this.clean(body) })
    )
    return { id: r.data.id, body: r.data.body ?? '', author: r.data.user?.login ?? '' }
  }

  /** Replaces a comment's body. */
  async updateComment(id: number, body: string): Promise<void> {
    await this.call('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', () =>
      this.octokit.rest.issues.updateComment({ ...this.base, comment_id: id, body: this.clean(body) })
    )
  }
}

interface ApiPull {
  number: number
  node_id: string
  html_url: string
  state: string
  title: string
  body?: string | null
  draft?: boolean
  head: { ref: string }
  base: { ref: string }
  labels?: ({ name?: string } | string)[]
  user?: { login?: string } | null
}

function toPullRequest(p: ApiPull): PullRequest {
  return {
    number: p.number,
    nodeId: p.node_id,
    url: p.html_url,
    state: p.state === 'closed' ? 'closed' : 'open',
    title: p.title,
    body: p.body ?? '',
    draft: p.draft ?? false,
    headRef: p.head.ref,
    baseRef: p.base.ref,
    labels: (p.labels ?? []).map(l => (typeof l === 'string' ? l : (l.name ?? ''))),
    author: p.user?.login ?? ''
  }
}

function toGitHubError(e: unknown, route: string): GitHubError {
  const err = e as {
    status?: unknown
    message?: unknown
    response?: { data?: unknown }
    errors?: { message?: unknown }[]
  }
  if (Array.isArray(err.errors)) {
    // A GraphqlResponseError: HTTP 200 with `errors`.
    const said = err.errors.map(x => (typeof x.message === 'string' ? x.message : '')).filter(Boolean)
    return new GitHubError(`${route} failed: ${said.join('; ') || String(err.message)}`, 0, route)
  }
  const status = typeof err.status === 'number' ? err.status : 0
  const data = err.response?.data as { message?: unknown; errors?: { message?: unknown }[] } | undefined
  const details = (data?.errors ?? [])
    .map(x => (typeof x.message === 'string' ? x.message : ''))
    .filter(Boolean)
  const base = typeof data?.message === 'string' ? data.message : String(err.message ?? e)
  const message = [base, ...details].join(': ')
  return new GitHubError(`${route} failed${status ? ` (HTTP ${status})` : ''}: ${message}`, status, route)
}
