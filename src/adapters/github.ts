import { Redactor } from '../trust/redact.js'
import {
  buildOctokit,
  GitHubError,
  toGitHubError,
  type GitHubOptions,
  type Octokit
} from './github-octokit.js'
import { toPullRequest, type Comment, type PullRequest } from './github-records.js'

/**
 * Per request: plugin-retry must not send a write that is not idempotent again on a 5xx, since GitHub may have
 * carried it out (a proxy's 502 after the pull request was made); {@link GitHub.writeOnce} looks first.
 */
const NO_RETRY = { request: { retries: 0 } }
const sleep = (ms: number): Promise<void> => new Promise(r => setTimeout(r, ms))

export { GitHubError, type GitHubOptions, type Octokit } from './github-octokit.js'
export type { Comment, PullRequest } from './github-records.js'

/**
 * The GitHub REST API as the publish step needs it: Octokit built once with the retry and throttling plugins
 * (`@actions/github` has neither) and an explicit base URL, returning small records.
 */
export class GitHub {
  readonly owner: string
  readonly repo: string
  private readonly octokit: Octokit
  private readonly redactor: Redactor
  private readonly retryBaseMs: number
  private readonly log: (line: string) => void

  constructor(o: GitHubOptions) {
    this.redactor = o.redactor ?? new Redactor()
    this.retryBaseMs = o.retryBaseMs ?? 1000
    this.log = o.log ?? ((): void => undefined)
    const [owner, repo] = o.repository.split('/')
    if (!owner || !repo) throw new Error(`GITHUB_REPOSITORY must be owner/repo; got "${o.repository}".`)
    this.owner = owner
    this.repo = repo
    this.octokit = buildOctokit(o)
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

  /**
   * A write that is not idempotent, sent with plugin-retry off. When its outcome is unknown (a 5xx, no answer),
   * `made` looks for what it would have made: found, that is the answer; else it is sent again (3 times in all,
   * waiting as plugin-retry waits). Every other error is thrown as it is.
   */
  async writeOnce<T>(
    route: string,
    send: (octokit: Octokit, base: { owner: string; repo: string }, noRetry: typeof NO_RETRY) => Promise<T>,
    made: () => Promise<T | null>
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.call(route, () => send(this.octokit, this.base, NO_RETRY))
      } catch (e) {
        if (!(e instanceof GitHubError && e.unknownOutcome)) throw e
        const found = await made()
        if (found !== null) {
          this.log(
            `${route}: the answer was lost (${e.message}), but the write was made; not sending it again.`
          )
          return found
        }
        if (attempt >= 3) throw e
        await sleep(attempt * attempt * this.retryBaseMs)
      }
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
    return this.writeOnce(
      'POST /repos/{owner}/{repo}/pulls',
      async o => {
        const r = await o.rest.pulls.create({
          ...this.base,
          ...p,
          title: this.clean(p.title),
          body: this.clean(p.body),
          maintainer_can_modify: false,
          ...NO_RETRY
        })
        return toPullRequest(r.data)
      },
      () => this.findOpenPullRequest(p.head, p.base)
    )
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

  /** Every comment of an issue or pull request (paginated); `since`: only those updated at or after it. */
  async listComments(number: number, since?: Date): Promise<Comment[]> {
    const all = await this.call('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', () =>
      this.octokit.paginate(this.octokit.rest.issues.listComments, {
        ...this.base,
        issue_number: number,
        per_page: 100,
        ...(since ? { since: since.toISOString().replace(/\.\d{3}Z$/, 'Z') } : {})
      })
    )
    return all.map(c => ({ id: c.id, body: c.body ?? '', author: c.user?.login ?? '' }))
  }

  /** Adds a comment. */
  async createComment(number: number, body: string): Promise<Comment> {
    const text = this.clean(body)
    // A comment the lost answer made is one with this very text, written since just before (clocks may differ).
    const since = new Date(Date.now() - 5 * 60_000)
    return this.writeOnce(
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      async o => {
        const r = await o.rest.issues.createComment({
          ...this.base,
          issue_number: number,
          body: text,
          ...NO_RETRY
        })
        return { id: r.data.id, body: r.data.body ?? '', author: r.data.user?.login ?? '' }
      },
      async () => (await this.listComments(number, since)).reverse().find(c => c.body === text) ?? null
    )
  }

  /** Replaces a comment's body. */
  async updateComment(id: number, body: string): Promise<void> {
    await this.call('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', () =>
      this.octokit.rest.issues.updateComment({ ...this.base, comment_id: id, body: this.clean(body) })
    )
  }
}
