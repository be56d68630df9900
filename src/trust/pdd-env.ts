/**
 * The environment `pdd`, and everything it runs (generated examples and tests), gets: the job's environment
 * without any GitHub or Actions credential (docs/architecture.md "Trust"). PDD needs provider keys (`OPENAI_API_KEY`, …),
 * `PDD_*`, `PATH`, `HOME` and the language toolchains' settings; it never needs to talk to GitHub or to the
 * Actions service, so a generated test that prints its environment can show no token. Pure: no I/O.
 */
import { isSecretName, MIN_SECRET_LENGTH, nameMatcher } from './redact.js'

/**
 * Variables withheld by name: every action input (`INPUT_TOKEN`, `INPUT_PUSH-TOKEN`, …), everything that
 * reaches the Actions service (`ACTIONS_RUNTIME_TOKEN`, `ACTIONS_ID_TOKEN_REQUEST_*`, cache and results URLs),
 * the GitHub CLI's and git's credentials, and the ways to an SSH agent or a credential prompt.
 */
const WITHHELD_NAME =
  /^(INPUT_.*|ACTIONS_.*|(GITHUB|GH|GITHUB_ENTERPRISE|GH_ENTERPRISE)_(.*_)?(TOKEN|PAT|SECRET|PASSWORD|KEY|AUTH)(_.*)?|GIT_CONFIG_PARAMETERS|GIT_ASKPASS|SSH_ASKPASS|SSH_AUTH_SOCK|GCM_.*|GIT_CREDENTIAL.*)$/i

/** A git config key that carries a credential (`http.<url>.extraheader`, a credential helper, a URL rewrite). */
const CREDENTIAL_CONFIG_KEY =
  /(^|\.)extraheader$|^credential\.|\.insteadof$|\.pushinsteadof$|^http\..*(cookiefile|proxyauth)/i

/** A value that is a GitHub token whatever its name (`ghp_…`, `ghs_…`, `github_pat_…`). */
const GITHUB_TOKEN_VALUE = /\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/

/** Why a variable was left out of pdd's environment. */
export interface Withheld {
  name: string
  why: 'credential' | 'withhold-env' | 'copy-of-credential' | 'git-credential-config'
}

/** Options of {@link buildPddEnv}. */
export interface PddEnvOptions {
  /** Names or globs (input `withhold-env`, `--withhold-env`) withheld as well. */
  withhold?: readonly string[]
  /** Secret values known otherwise (the tokens given as inputs): a variable holding one is withheld too. */
  secrets?: readonly string[]
}

/** What {@link buildPddEnv} decided. */
export interface PddEnv {
  env: Record<string, string>
  withheld: Withheld[]
}

/**
 * pdd's environment from the job's: every variable except the credentials of GitHub and Actions (by name, and by
 * value: a copy of one under another name, or a GitHub-token-shaped value), the names in `withhold`, and the
 * `GIT_CONFIG_<n>` entries that carry a credential (the rest renumbered). Provider keys and `PDD_*` stay.
 */
export function buildPddEnv(env: NodeJS.ProcessEnv, o: PddEnvOptions = {}): PddEnv {
  const listed = nameMatcher(o.withhold ?? [])
  const withheld: Withheld[] = []
  const out: Record<string, string> = {}
  const credentials = new Set((o.secrets ?? []).filter(s => s.length >= MIN_SECRET_LENGTH))
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || /^GIT_CONFIG_(COUNT|KEY_\d+|VALUE_\d+)$/.test(name)) continue
    if (listed(name)) withheld.push({ name, why: 'withhold-env' })
    else if (WITHHELD_NAME.test(name) || GITHUB_TOKEN_VALUE.test(value))
      withheld.push({ name, why: 'credential' })
    else {
      out[name] = value
      continue
    }
    // Only a withheld *secret* marks its copies: the value of `INPUT_WORKING-DIRECTORY` may well be `$PWD`.
    if (isSecretName(name) || GITHUB_TOKEN_VALUE.test(value)) credentials.add(value)
  }
  for (const [name, value] of Object.entries(out)) {
    if ([...credentials].some(c => c.length >= MIN_SECRET_LENGTH && value.includes(c))) {
      delete out[name]
      withheld.push({ name, why: 'copy-of-credential' })
    }
  }
  Object.assign(out, gitConfigWithout(env, withheld))
  return { env: out, withheld }
}

/** The `GIT_CONFIG_COUNT/KEY_<n>/VALUE_<n>` entries of `env` without credentials, renumbered from 0. */
function gitConfigWithout(env: NodeJS.ProcessEnv, withheld: Withheld[]): Record<string, string> {
  const count = Number(env.GIT_CONFIG_COUNT ?? '0')
  if (!Number.isInteger(count) || count <= 0) return {}
  const kept: [string, string][] = []
  for (let i = 0; i < count; i++) {
    const key = env[`GIT_CONFIG_KEY_${i}`] ?? ''
    const value = env[`GIT_CONFIG_VALUE_${i}`] ?? ''
    if (CREDENTIAL_CONFIG_KEY.test(key) || /authorization:|:\/\/[^/\s@]*:[^/\s@]+@/i.test(value))
      withheld.push({ name: `GIT_CONFIG_KEY_${i}`, why: 'git-credential-config' })
    else kept.push([key, value])
  }
  const out: Record<string, string> = {}
  if (kept.length === 0) return out
  kept.forEach(([k, v], i) => {
    out[`GIT_CONFIG_KEY_${i}`] = k
    out[`GIT_CONFIG_VALUE_${i}`] = v
  })
  out.GIT_CONFIG_COUNT = String(kept.length)
  return out
}
