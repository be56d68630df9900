/**
 * The Octokit the GitHub adapters share, built once with the retry and throttling plugins (`@actions/github` has
 * neither) and an explicit base URL, and the error its failures become.
 */
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import type { Redactor } from '../trust/redact.js'

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

/** Octokit for `o.token` at `o.baseUrl`, with retries and (unless `o.throttle` is false) throttling. */
export function buildOctokit(o: GitHubOptions): Octokit {
  const log = o.log ?? ((): void => undefined)
  return getOctokit(
    o.token,
    {
      baseUrl: (o.baseUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
      retry: { retryAfterBaseValue: o.retryBaseMs ?? 1000 },
      throttle:
        o.throttle === false
          ? { enabled: false }
          : {
              onRateLimit: (after: number, opts: { method: string; url: string }, _o: unknown, n: number) => {
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

/** An Octokit failure as a {@link GitHubError} naming `route` (GraphQL `errors` too); not yet redacted. */
export function toGitHubError(e: unknown, route: string): GitHubError {
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
