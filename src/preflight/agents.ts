/**
 * Agent CLIs (docs/pdd-agents.md): pdd-cli 0.0.310 verifies non-Python code and writes non-Python tests only
 * through an agent CLI (`claude`, `gemini`/`agy`, `codex`, `opencode`). A unit of such a language whose planned
 * operations include verify or tests cannot sync on a runner where PDD would find no agent, or when the action
 * keeps PDD from starting one (`agentic-fallback` off): it is skipped before anything is paid. Pure.
 */
import type { Operation } from '../types.js'

/** The operations PDD 0.0.310 hands to an agent CLI for a non-Python language. */
const AGENT_OPERATIONS: ReadonlySet<Operation> = new Set(['verify', 'test', 'test_extend', 'fix'])

/** One agent provider PDD knows, in its default preference order (`_DEFAULT_PROVIDER_PREFERENCE`). */
export interface AgentProvider {
  /** PDD's provider name (`anthropic`). */
  provider: string
  /** The executables PDD looks for (`claude`; `agy` or `gemini`). */
  executables: readonly string[]
}

/** `CLI_COMMANDS` of `pdd/agentic_common.py`, with the Google provider's two binaries. */
export const AGENT_CLIS: readonly AgentProvider[] = [
  { provider: 'anthropic', executables: ['claude'] },
  { provider: 'google', executables: ['agy', 'gemini'] },
  { provider: 'openai', executables: ['codex'] },
  { provider: 'opencode', executables: ['opencode'] }
]

/** What the runner offers PDD for agent work. */
export interface AgentAvailability {
  /** Whether the action lets PDD start an agent CLI (input `agentic-fallback`). */
  allowed: boolean
  /** The providers PDD would accept on this runner (binary found, and its sign-in where PDD asks for one). */
  available: readonly string[]
}

/** The planned operations of a unit of `language` that PDD runs only through an agent CLI. */
export function agentOperations(language: string, planned: readonly Operation[]): Operation[] {
  if (language.toLowerCase() === 'python') return []
  return [...new Set(planned.filter(op => AGENT_OPERATIONS.has(op)))]
}

/**
 * Why a unit of `language` with `planned` operations cannot sync for want of an agent CLI, or null when it can
 * (Python, no verify or test planned, or an agent PDD would accept and is allowed to start).
 */
export function missingAgent(
  language: string,
  planned: readonly Operation[],
  agents: AgentAvailability
): string | null {
  const ops = agentOperations(language, planned)
  if (ops.length === 0) return null
  if (agents.allowed && agents.available.length > 0) return null
  const what = `PDD runs ${ops.join(' and ')} for ${language} only through an agent CLI`
  const ways = 'or set `skip-verify: true` and `skip-tests: true` for it'
  if (agents.available.length > 0)
    return (
      `${what}, and \`agentic-fallback\` is off (${agents.available.join(', ')} found): ` +
      `set \`agentic-fallback: true\` (agent spending is outside the budget), ${ways}`
    )
  return (
    `${what} (claude, gemini, agy, codex or opencode), and none is usable here: install and sign in one on the ` +
    `runner and set \`agentic-fallback: true\`, ${ways}`
  )
}

/** Facts about the runner that decide which providers PDD would accept (see docs/pdd-agents.md). */
export interface AgentProbe {
  /** Whether PDD finds the executable (PATH, then its common install folders). */
  found: (executable: string) => boolean
  /** The environment pdd gets. */
  env: NodeJS.ProcessEnv
  /** Whether a sign-in file exists under the home folder (`.codex/auth.json`). */
  homeFile: (relative: string) => boolean
}

/**
 * The providers `get_available_agents()` of `pdd/agentic_common.py` would return, in the order
 * `PDD_AGENTIC_PROVIDER` (or PDD's default) prefers, minus those `PDD_AGENTIC_DISABLED_PROVIDERS` names. Where PDD's sign-in test
 * reads more than this checks (OpenCode's configuration), the provider counts as available: PDD then fails with
 * its own reason rather than the action skipping a unit that might run.
 */
export function availableAgents(probe: AgentProbe): string[] {
  const { env, found, homeFile } = probe
  const out: string[] = []
  if (found('claude')) out.push('anthropic')
  const google = env.PDD_GOOGLE_CLI?.trim().toLowerCase()
  const googleBins = google === 'agy' || google === 'gemini' ? [google] : ['agy', 'gemini']
  const googleAuth =
    Boolean(env.GOOGLE_API_KEY || env.GEMINI_API_KEY || env.ANTIGRAVITY_API_KEY) ||
    (env.GOOGLE_GENAI_USE_VERTEXAI === 'true' &&
      Boolean(env.GOOGLE_APPLICATION_CREDENTIALS || env.GOOGLE_CLOUD_PROJECT || env.VERTEXAI_PROJECT)) ||
    homeFile('.gemini/oauth_creds.json') ||
    homeFile('.gemini/antigravity-cli/oauth_creds.json')
  if (googleBins.some(found) && googleAuth) out.push('google')
  const codexAuth =
    Boolean(env.OPENAI_API_KEY || env.PDD_CODEX_AUTH_AVAILABLE) || homeFile('.codex/auth.json')
  if (found('codex') && codexAuth) out.push('openai')
  if (found('opencode')) out.push('opencode')
  const preferred = (env.PDD_AGENTIC_PROVIDER ?? '')
    .split(',')
    .map(p => (p.trim() === 'antigravity' ? 'google' : p.trim()))
    .filter(Boolean)
  // `PDD_AGENTIC_DISABLED_PROVIDERS` (`provider:class,…`) drops providers from every candidate list.
  const disabled = new Set(
    (env.PDD_AGENTIC_DISABLED_PROVIDERS ?? '').split(',').map(t => (t.split(':')[0] ?? '').trim())
  )
  const ordered = preferred.length > 0 ? [...new Set(preferred)].filter(p => out.includes(p)) : out
  return ordered.filter(p => !disabled.has(p))
}
