import { Redactor } from '../../trust/redact.js'

/** The oldest git the adapter runs with. */
export const MIN_GIT: [number, number] = [2, 25]
/** `GIT_CONFIG_COUNT` (per-command config through the environment, used by `Git.withAuth`) needs 2.31. */
export const MIN_GIT_ENV_CONFIG: [number, number] = [2, 31]

/** Whether `[major, minor]` is at least `min`. */
export function atLeast(version: readonly [number, number], min: readonly [number, number]): boolean {
  return version[0] > min[0] || (version[0] === min[0] && version[1] >= min[1])
}

/**
 * The `GIT_CONFIG_*` variables that make git send `AUTHORIZATION: basic base64(x-access-token:<token>)` to
 * `serverUrl`, appended after any `GIT_CONFIG_COUNT` entries `env` already has. The header key is
 * URL-specific (`http.<origin>/.extraheader`) and is first set to the empty value: an empty value resets the
 * multi-valued header list, which drops the header `actions/checkout` persisted (under the same key, through
 * `includeIf`) so that exactly one Authorization header is sent. A url-less `http.extraheader=` would NOT do:
 * git ignores a less specific URL match once a more specific one was seen (verified with git 2.39.5).
 */
export function authConfigEnv(
  env: NodeJS.ProcessEnv,
  token: string,
  serverUrl: string
): Record<string, string> {
  const key = `http.${new URL(serverUrl).origin}/.extraheader`
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64')
  const n = Number(env.GIT_CONFIG_COUNT ?? '0')
  const start = Number.isInteger(n) && n > 0 ? n : 0
  const out: Record<string, string> = {}
  const entries: [string, string][] = [
    [key, ''],
    [key, `AUTHORIZATION: basic ${basic}`]
  ]
  entries.forEach(([k, v], i) => {
    out[`GIT_CONFIG_KEY_${start + i}`] = k
    out[`GIT_CONFIG_VALUE_${start + i}`] = v
  })
  out.GIT_CONFIG_COUNT = String(start + entries.length)
  return out
}

/** The strings `Git.withAuth` redacts from error messages: the token and its basic-auth encoding. */
export function tokenSecrets(token: string): string[] {
  return [token, Buffer.from(`x-access-token:${token}`).toString('base64')].filter(s => s !== '')
}

/** Replaces every occurrence of each secret, in every form the redactor knows, with `***`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  return new Redactor(secrets).redact(text)
}
