/**
 * The one redactor every text that leaves the process passes (docs/architecture.md "Trust"): the job summary, outputs,
 * annotations and log lines, pull request bodies and comments, run records, the RunResult file, commit
 * messages, the command line's output. Masking by the runner protects the log only; git, files and API bodies
 * are this redactor's job. Pure: no I/O.
 */

/** What replaces a secret. */
export const MASK = '***'

/** Values shorter than this are not treated as secrets (they would redact common words). */
export const MIN_SECRET_LENGTH = 8

/**
 * Names whose values are secrets: tokens, keys, passwords, credentials (GitHub's and Actions' own, and the
 * provider keys PDD's `llm_model.csv` names: `OPENAI_API_KEY`, `AWS_SECRET_ACCESS_KEY`, …, `PDD_JWT_TOKEN`, and
 * a project catalog's own `*_KEY`).
 */
const SECRET_NAME =
  /API_?KEY|ACCESS_KEY|SECRET|TOKEN|PASSWORD|PASSWD|PRIVATE_KEY|CREDENTIAL|(^|_)(PAT|KEY|AUTH)$/i

/** An HTTP authorization header value as git carries it in `http.extraheader` (`AUTHORIZATION: basic …`). */
const AUTH_HEADER = /authorization:\s*(?:basic|bearer|token)\s+(\S+)/gi

/** Credentials inside a URL: `https://user:password@host`. */
const URL_CREDENTIALS = /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:([^/\s@]+)@/gi

/** True when the variable `name` holds a secret by its name. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name)
}

/**
 * The secret values in an environment: values of secret-named variables (a credential *path* such as
 * `GOOGLE_APPLICATION_CREDENTIALS=/tmp/key.json` is not itself secret), authorization headers and URL passwords
 * in any variable (git's `GIT_CONFIG_VALUE_<n>`), and the values of the variables named in `withhold`.
 */
export function secretsOfEnv(env: NodeJS.ProcessEnv, withhold: readonly string[] = []): string[] {
  const out: string[] = []
  const listed = nameMatcher(withhold)
  for (const [name, value] of Object.entries(env)) {
    if (!value) continue
    const pathOnly = /CREDENTIAL/i.test(name) && /^(\/|[A-Za-z]:\\)\S*$/.test(value)
    if ((isSecretName(name) && !pathOnly) || listed(name)) out.push(value)
    for (const m of value.matchAll(AUTH_HEADER)) out.push(m[1] ?? '')
    for (const m of value.matchAll(URL_CREDENTIALS)) out.push(decodeOrSelf(m[1] ?? ''))
  }
  return out.filter(s => s.length >= MIN_SECRET_LENGTH)
}

/**
 * A matcher of environment names by exact names or globs (`*`, `?`), case-insensitive (Windows' environment is,
 * and a withheld name must never slip through by its case).
 */
export function nameMatcher(patterns: readonly string[]): (name: string) => boolean {
  const res = patterns
    .map(p => p.trim())
    .filter(Boolean)
    .map(
      p =>
        new RegExp(
          `^${p
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '.*')
            .replace(/\?/g, '.')}$`,
          'i'
        )
    )
  return name => res.some(r => r.test(name))
}

/**
 * Every form in which `secret` may appear in text: raw, JSON-escaped, URL-encoded (upper- and lower-case hex),
 * base64 and base64url whole, base64 of git's basic-auth header (`x-access-token:<secret>`), and the part of its
 * base64 that is the same wherever it sits in a longer base64 blob (one per byte alignment).
 */
export function formsOf(secret: string): string[] {
  if (secret.length < MIN_SECRET_LENGTH) return []
  const forms = new Set<string>([secret, JSON.stringify(secret).slice(1, -1)])
  const url = encodeURIComponent(secret)
  forms.add(url).add(url.replace(/%[0-9A-F]{2}/g, h => h.toLowerCase()))
  const bytes = Buffer.from(secret)
  for (const b of [bytes, Buffer.from(`x-access-token:${secret}`)]) {
    forms.add(b.toString('base64')).add(b.toString('base64url'))
  }
  for (let skip = 0; skip < 3; skip++) {
    // Bytes of the secret from `skip` on, cut to whole 3-byte groups: their base64 does not depend on the bytes
    // around the secret, so it appears verbatim in any base64 text where the secret starts at this alignment.
    const inner = bytes.subarray(skip, skip + Math.floor((bytes.length - skip) / 3) * 3)
    const stable = inner.toString('base64')
    if (stable.length >= MIN_SECRET_LENGTH) forms.add(stable).add(inner.toString('base64url'))
  }
  return [...forms].filter(f => f.length >= MIN_SECRET_LENGTH)
}

/** Replaces every known secret, in every form of {@link formsOf}, with `***`. Immutable. */
export class Redactor {
  private readonly forms: readonly string[]

  constructor(readonly secrets: readonly string[] = []) {
    const unique = [...new Set(secrets.filter(s => s.length >= MIN_SECRET_LENGTH))]
    this.forms = [...new Set(unique.flatMap(formsOf))]
  }

  /** A redactor that also knows `more`. */
  with(more: readonly string[]): Redactor {
    return new Redactor([...this.secrets, ...more])
  }

  /** True when `text` holds a known secret in some form. */
  finds(text: string): boolean {
    return this.forms.some(f => text.includes(f))
  }

  /**
   * `text` with every occurrence of every form masked. Overlapping or adjacent occurrences (two secrets that
   * share characters) become one mask, so no fragment of either is left between two masks.
   */
  redact(text: string): string {
    if (this.forms.length === 0 || text === '') return text
    const spans: [number, number][] = []
    for (const f of this.forms) {
      for (let i = text.indexOf(f); i !== -1; i = text.indexOf(f, i + 1)) spans.push([i, i + f.length])
    }
    if (spans.length === 0) return text
    spans.sort((a, b) => a[0] - b[0])
    let out = ''
    let at = 0
    let [start, end] = spans[0] as [number, number]
    for (const [s, e] of spans.slice(1)) {
      if (s <= end) end = Math.max(end, e)
      else {
        out += text.slice(at, start) + MASK
        at = end
        ;[start, end] = [s, e]
      }
    }
    return out + text.slice(at, start) + MASK + text.slice(end)
  }

  /** A copy of `value` with every string inside it (keys included) redacted, for JSON written out. */
  redactJson<T>(value: T): T {
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') return this.redact(v)
      if (Array.isArray(v)) return v.map(walk)
      if (v && typeof v === 'object')
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [this.redact(k), walk(x)]))
      return v
    }
    return walk(value) as T
  }
}

function decodeOrSelf(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}
