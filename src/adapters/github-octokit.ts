/**
 * The Octokit the GitHub adapters share, built once with the retry and throttling plugins (`@actions/github` has
 * neither) and an explicit base URL, and the error its failures become.
 */
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import type { Redactor } from '../trust/redact.js'
import { ApiAnswerError, ApiTimeoutError, guardedFetch, REQUEST_TIMEOUT_MS, snippet } from './github-fetch.js'

/** Options of {@link GitHub}. */
export interface GitHubOptions {
  token: string
  /** `owner/repo`. */
  repository: string
  /** REST base URL: `GITHUB_API_URL` (GitHub Enterprise Server, or a test server); default api.github.com. */
  baseUrl?: string
  /** Base of the retry back-off in ms (plugin-retry waits (n+1)² × base); default 1000. */
  retryBaseMs?: number
  /** Deadline of one request in ms (default {@link REQUEST_TIMEOUT_MS}). */
  requestTimeoutMs?: number
  /** Longest rate-limit wait in s (default {@link MAX_RATE_LIMIT_WAIT_S}); a longer one fails the call at once. */
  maxRateLimitWaitS?: number
  /** Throttle requests as GitHub's secondary limits ask (default true). */
  throttle?: boolean
  /** Called with a line when a rate limit makes a request wait. */
  log?: (line: string) => void
  /** Every title, body, label and error message passes it: no request can carry a secret the job knows. */
  redactor?: Redactor
}

/**
 * Longest wait for a rate limit inside a job, in seconds. GitHub's primary limit resets up to an hour ahead, and
 * a job paying for LLM calls must not sleep through that: the call fails, saying when the limit resets.
 */
export const MAX_RATE_LIMIT_WAIT_S = 60

/** An API error with the HTTP status and GitHub's message, and nothing of the request's headers. */
export class GitHubError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly route: string,
    /** A rate limit refused the call (a 403 that is no permission problem). */
    readonly rateLimited = false,
    /**
     * The request may have been carried out: a 5xx, no answer in time, a cut or non-JSON answer. A write that
     * failed so must be looked up before it is sent again (a proxy's 502 after GitHub made the pull request).
     */
    readonly unknownOutcome = false
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
  const maxWait = o.maxRateLimitWaitS ?? MAX_RATE_LIMIT_WAIT_S
  // Both limits: at most 3 waits of at most maxWait each; a longer wait fails the call (toGitHubError says why).
  const onLimit =
    (kind: string) =>
    (after: number, opts: { method: string; url: string }, _o: unknown, n: number): boolean => {
      const wait = n < 3 && after <= maxWait
      log(
        `GitHub ${kind} on ${opts.method} ${opts.url}: ` +
          (wait ? `waiting ${after} s (retry ${n + 1}).` : `not waiting ${after} s inside the job.`)
      )
      return wait
    }
  const base = o.retryBaseMs ?? 1000
  return getOctokit(
    o.token,
    {
      baseUrl: (o.baseUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
      request: { fetch: guardedFetch(o.requestTimeoutMs ?? REQUEST_TIMEOUT_MS) },
      // plugin-retry's list plus 429: rate limits are the throttling plugin's, or each of its waits is retried 3×.
      retry: { retryAfterBaseValue: base, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
      throttle:
        o.throttle === false
          ? { enabled: false }
          : {
              retryAfterBaseValue: base,
              onRateLimit: onLimit('rate limit'),
              onSecondaryRateLimit: onLimit('secondary rate limit')
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
    cause?: unknown
    response?: { data?: unknown; headers?: Record<string, string | undefined> }
    errors?: { message?: unknown }[]
  }
  if (Array.isArray(err.errors)) {
    // A GraphqlResponseError: HTTP 200 with `errors`.
    const said = err.errors.map(x => (typeof x.message === 'string' ? x.message : '')).filter(Boolean)
    return new GitHubError(`${route} failed: ${said.join('; ') || String(err.message)}`, 0, route)
  }
  const own = e instanceof ApiTimeoutError || e instanceof ApiAnswerError ? e : err.cause
  if (own instanceof ApiTimeoutError || own instanceof ApiAnswerError)
    return new GitHubError(`${route} failed: ${own.message}`, 0, route, false, true)
  const status = typeof err.status === 'number' ? err.status : 0
  const data = err.response?.data
  const said = typeof data === 'object' && data !== null ? (data as ApiErrorBody) : undefined
  const details = (said?.errors ?? [])
    .map(x => (typeof x.message === 'string' ? x.message : ''))
    .filter(Boolean)
  // A string body is an HTML or text page (a proxy's, a load balancer's): a short piece of it, never all.
  const base =
    typeof said?.message === 'string'
      ? said.message
      : typeof data === 'string' && data !== ''
        ? snippet(data)
        : String(err.message ?? e)
  const limit = rateLimitNote(status, err.response?.headers ?? {}, base)
  const message = [base, ...details].join(': ') + (limit ? ` ${limit}` : '')
  return new GitHubError(
    `${route} failed${status ? ` (HTTP ${status})` : ''}: ${message}`,
    status,
    route,
    !!limit,
    status >= 500 || status === 0
  )
}

interface ApiErrorBody {
  message?: unknown
  errors?: { message?: unknown }[]
}

/** For a 403 or 429 a rate limit caused: when it lifts, and that the job did not wait for it. */
function rateLimitNote(status: number, headers: Record<string, string | undefined>, message: string): string {
  if (status !== 403 && status !== 429) return ''
  const reset = Number(headers['x-ratelimit-reset'])
  const retryAfter = Number(headers['retry-after'])
  const exhausted = headers['x-ratelimit-remaining'] === '0'
  if (!exhausted && !(retryAfter > 0) && !/rate limit/i.test(message)) return ''
  const when =
    retryAfter > 0
      ? `in ${retryAfter} s`
      : exhausted && reset > 0
        ? `at ${new Date(reset * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')}`
        : 'in a few minutes'
  return (
    `(GitHub's API rate limit for this token: it lifts ${when}. pdd-sync waits at most ` +
    `${MAX_RATE_LIMIT_WAIT_S} s for it inside a job; this is not a permission problem.)`
  )
}
