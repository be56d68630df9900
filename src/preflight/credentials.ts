/**
 * Whether PDD can use a catalog row with the environment it gets: a port of `_ensure_api_key`
 * (`pdd/llm_invoke.py` 0.0.310) in a non-interactive run (`PDD_FORCE` set, so a missing key skips the model
 * instead of prompting), with `resolve_api_key_from_env` / `api_key_aliases` (`pdd/provider_manager.py`).
 * Pure.
 */
import type { CatalogRow } from './catalog.js'

type Env = Readonly<Record<string, string | undefined>>

const GOOGLE_ALIASES = ['GOOGLE_API_KEY', 'GEMINI_API_KEY']
const INVOKE_PREFIX = 'PDD_LLM_INVOKE_'

/** The variable names of a row's `api_key` cell (`parse_api_key_vars`). */
export function keyVariables(apiKey: string): string[] {
  return apiKey
    .split('|')
    .map(v => v.trim())
    .filter(Boolean)
}

/** Variables any of which satisfies a single-key row (`_resolution_aliases` with the llm_invoke aliases). */
function aliases(name: string): string[] {
  const base = name.startsWith(INVOKE_PREFIX) ? name.slice(INVOKE_PREFIX.length) : name
  const names = GOOGLE_ALIASES.includes(base) ? GOOGLE_ALIASES : [base]
  return [...names, ...names.map(n => INVOKE_PREFIX + n)]
}

const set = (env: Env, name: string): boolean => (env[name] ?? '').trim() !== ''

/** `_vertex_project_value`. */
function vertexProject(env: Env): boolean {
  return ['VERTEXAI_PROJECT', 'VERTEX_PROJECT', 'GOOGLE_CLOUD_PROJECT'].some(n => set(env, n))
}

/**
 * True when PDD would use `row` rather than skip it for a missing credential. Rows with an empty `api_key`
 * (or `EXISTING_KEY`) need none. `chatgpt/` and `github_copilot/` rows also need a login file PDD looks for;
 * they count as usable here, so that the check never blocks a run PDD could do.
 */
export function rowUsable(row: CatalogRow, env: Env): boolean {
  const field = row.apiKey
  if (field.trim() === '' || field === 'EXISTING_KEY') return true
  const vars = keyVariables(field)
  if (vars.length > 1) {
    // Multi-credential rows: any non-empty value counts (`os.getenv`), whitespace included.
    const missing = vars.filter(v => !env[v])
    if (missing.length === 0) return true
    const location = row.location !== '' || set(env, 'VERTEXAI_LOCATION') || set(env, 'VERTEX_LOCATION')
    if (!vars.includes('GOOGLE_APPLICATION_CREDENTIALS') || !vertexProject(env) || !location) return false
    const vertex = ['GOOGLE_APPLICATION_CREDENTIALS', 'VERTEXAI_PROJECT', 'VERTEXAI_LOCATION']
    return missing.every(v => vertex.includes(v))
  }
  const name = vars[0] as string
  if (aliases(name).some(a => set(env, a))) return true
  return name === 'VERTEX_CREDENTIALS' && vertexProject(env)
}

/** How a row's credential is named in a message: `OPENAI_API_KEY`, `AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY`. */
export function credentialLabel(row: CatalogRow): string {
  return keyVariables(row.apiKey).join(' + ')
}
