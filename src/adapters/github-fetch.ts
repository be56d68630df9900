/**
 * The `fetch` the GitHub adapters' Octokit uses: every request has a deadline (a hung API, a proxy that never
 * answers, cannot hold a paid job until its `timeout-minutes`), and a successful answer must be JSON (an HTML
 * page from a captive proxy or a wrong `GITHUB_API_URL` is an error naming what came back, not a string the
 * adapters would read fields of). See docs/architecture.md, "GitHub API faults".
 */

/** Default deadline of one REST or GraphQL request, body included (GitHub itself ends requests after 10 s). */
export const REQUEST_TIMEOUT_MS = 30_000

/** The API did not answer in time. Named `AbortError` so Octokit passes it on as it is, without retrying. */
export class ApiTimeoutError extends Error {
  override name = 'AbortError'
  readonly timedOut = true
}

/** A 2xx answer that is not JSON. Octokit wraps it (HTTP 500, retried like a network error) with it as cause. */
export class ApiAnswerError extends Error {
  override name = 'ApiAnswerError'
}

/** At most `max` characters of `text` on one line, tags of an HTML page dropped. */
export function snippet(text: string, max = 160): string {
  const flat = text
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}

/** A `fetch` with a deadline of `timeoutMs` per request that refuses a successful answer that is not JSON. */
export function guardedFetch(timeoutMs: number, base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const signal = AbortSignal.timeout(timeoutMs)
    try {
      const res = await base(input, { ...init, signal })
      if (!res.ok || res.status === 204 || res.status === 205 || init?.method === 'HEAD') return res
      const text = await res.text()
      checkJson(res, text)
      return new Response(text, { status: res.status, statusText: res.statusText, headers: res.headers })
    } catch (e) {
      if (signal.aborted) throw new ApiTimeoutError(`no answer within ${duration(timeoutMs)}`)
      throw e
    }
  }
}

function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`
}

function checkJson(res: Response, text: string): void {
  if (text === '') return
  const type = res.headers.get('content-type') ?? 'no content type'
  const what = `GitHub's API answered HTTP ${res.status} with`
  if (!/\bjson\b/i.test(type))
    throw new ApiAnswerError(
      `${what} ${type.split(';')[0]}, not JSON (a proxy in the way, or a wrong GITHUB_API_URL?): "${snippet(text)}"`
    )
  try {
    JSON.parse(text)
  } catch {
    throw new ApiAnswerError(`${what} JSON that does not parse (cut short?): "${snippet(text, 80)}"`)
  }
}
