/**
 * PDD's model catalog (`llm_model.csv`) and the candidate models it yields, ported from `pdd/llm_invoke.py`
 * 0.0.310: `_load_model_data` (parsing, defaults), `_select_model_candidates` (filters, base model, strength
 * order) and `_alternative_base_lookups`. Pure: no file system, no process.
 */
import { readCsvLikePandas } from '../pycompat/csv.js'

/** One catalog row, as far as model selection and credentials need it. */
export interface CatalogRow {
  provider: string
  model: string
  /** Environment variable name(s), `|`-separated; empty = no key check. */
  apiKey: string
  /** (input + output) / 2 dollars per million tokens (`avg_cost`). */
  avgCost: number
  /** `model_rank_score`, else `coding_arena_elo`, else 0. */
  rank: number
  interactiveOnly: boolean
  /** The `location` column (Vertex AI region), trimmed. */
  location: string
}

/** A catalog PDD reads, or why it cannot: `unreadable` makes PDD fall back to its packaged catalog. */
export type ParsedCatalog =
  | { kind: 'ok'; rows: CatalogRow[] }
  | { kind: 'invalid'; reason: string }
  | { kind: 'unreadable'; reason: string }

/** Columns `_load_model_data` requires; a catalog without one fails every LLM call. */
const REQUIRED = [
  'provider',
  'model',
  'input',
  'output',
  'coding_arena_elo',
  'api_key',
  'structured_output',
  'reasoning_type'
]

/** The last catalog parsed (the same text is parsed once a process: see {@link parseCatalog}). */
let lastParsed: { text: string; parsed: ParsedCatalog } | undefined

/**
 * Parses a catalog as `pd.read_csv` + `_load_model_data` do (unparseable numbers are NaN, then defaults). The
 * last text's result is kept (callers do not change it), so that the command line can parse the packaged catalog
 * while pdd answers `--version` and the check before spending then finds it parsed.
 */
export function parseCatalog(text: string): ParsedCatalog {
  if (lastParsed?.text === text) return lastParsed.parsed
  const parsed = parseCatalogText(text)
  lastParsed = { text, parsed }
  return parsed
}

function parseCatalogText(text: string): ParsedCatalog {
  const table = readCsvLikePandas(text)
  if ('error' in table) return { kind: 'unreadable', reason: table.error }
  const col = new Map(table.columns.map((h, i) => [h, i]))
  const missing = REQUIRED.find(c => !col.has(c))
  if (missing) return { kind: 'invalid', reason: `it has no "${missing}" column` }
  const rows: CatalogRow[] = table.rows.map(({ cells }) => {
    const cell = (name: string): string => cells[col.get(name) ?? -1] ?? ''
    const elo = num(cell('coding_arena_elo')) ?? 0
    const input = num(cell('input')) ?? 0
    const output = num(cell('output')) ?? 0
    return {
      provider: cell('provider'),
      model: cell('model'),
      apiKey: cell('api_key'),
      avgCost: (input + output) / 2,
      rank: num(cell('model_rank_score')) ?? elo,
      interactiveOnly: ['true', '1', 'yes'].includes(cell('interactive_only').trim().toLowerCase()),
      location: cell('location').trim()
    }
  })
  return { kind: 'ok', rows }
}

/** `pd.to_numeric(errors='coerce')`: a decimal number, else undefined (NaN). */
function num(s: string): number | undefined {
  const t = s.trim()
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : undefined
}

/** `_env_truthy`. */
export function envTruthy(env: Readonly<Record<string, string | undefined>>, name: string): boolean {
  return ['1', 'true', 'yes', 'on'].includes((env[name] ?? '').trim().toLowerCase())
}

/** The candidates in the order PDD tries them, or the error PDD raises on every LLM call. */
export type Selection = { candidates: CatalogRow[]; base: CatalogRow } | { error: string }

/** What model selection depends on besides the catalog. */
export interface SelectionInput {
  /** `--strength`, else `PDD_STRENGTH_DEFAULT`, else 1.0 (`pdd/__init__.py` DEFAULT_STRENGTH). */
  strength: number
  /** `PDD_MODEL_DEFAULT`; undefined or empty = the first available row is the base. */
  baseModel?: string
  env: Readonly<Record<string, string | undefined>>
}

/** `_select_model_candidates` (plus the explicit unranked Claude 5 check of `llm_invoke`). */
export function selectCandidates(rows: readonly CatalogRow[], o: SelectionInput): Selection {
  const base = o.baseModel || undefined
  let available = [...rows]
  if (o.env.PDD_SKIP_LOCAL_MODELS)
    available = available.filter(r => !['lm_studio', 'ollama'].includes(r.provider.toLowerCase()))
  if (!envTruthy(o.env, 'PDD_ALLOW_INTERACTIVE'))
    available = available.filter(r => !r.interactiveOnly || r.model === base)
  if (rows.length === 0) return { error: 'the model catalog has no rows' }
  if (available.length === 0) return { error: 'no model of the catalog is available (all filtered out)' }
  const found = findBase(rows, available, base)
  if ('error' in found) return found
  const candidates = order(available, found.row, o.strength)
  const claude = unrankedClaude(base)
  if (claude) {
    const exact = candidates.filter(c => c.model.trim().toLowerCase() === claude)
    if (exact.length === 0) return { error: `"${claude}" was selected but the catalog has no such row` }
    return { base: found.row, candidates: [...exact, ...candidates.filter(c => !exact.includes(c))] }
  }
  return { base: found.row, candidates }
}

function findBase(
  rows: readonly CatalogRow[],
  available: readonly CatalogRow[],
  base: string | undefined
): { row: CatalogRow } | { error: string } {
  const exact = available.find(r => r.model === base)
  if (exact) return { row: exact }
  for (const [name, provider] of alternativeBases(base)) {
    const alt = available.find(r => r.model === name && r.provider === provider)
    if (alt) return { row: alt }
  }
  if (base !== undefined && rows.some(r => r.model === base))
    return { error: `PDD_MODEL_DEFAULT "${base}" is in the catalog but filtered out (PDD_SKIP_LOCAL_MODELS)` }
  const prefix = PROVIDER_PREFIXES.find(([p]) => base?.startsWith(p))
  if (base !== undefined && prefix)
    return {
      error: `PDD_MODEL_DEFAULT "${base}" has no row under provider "${prefix[1]}" in the catalog, and PDD refuses a model of another provider`
    }
  return { row: available[0] as CatalogRow }
}

/** `_PROVIDER_PREFIX_TO_PROVIDER`, in its order. */
const PROVIDER_PREFIXES: readonly [string, string][] = [
  ['openai/', 'OpenAI'],
  ['azure/', 'Azure OpenAI'],
  ['chatgpt/', 'OpenAI ChatGPT'],
  ['vertex_ai/', 'Google Vertex AI'],
  ['gemini/', 'Google Gemini'],
  ['anthropic/', 'Anthropic'],
  ['azure_ai/', 'Azure AI']
]

const Z_AI_MODELS = new Set(['glm-5.2', 'glm-5-turbo', 'glm-5.1', 'glm-5', 'glm-4.7'])

/** `_alternative_base_lookups`: (model, provider) pairs tried when the base model has no exact row. */
export function alternativeBases(base: string | undefined): [string, string][] {
  if (!base) return []
  const out: [string, string][] = []
  if (Z_AI_MODELS.has(base)) out.push([`openai/${base}`, 'Z.AI Coding Plan'], [`openai/${base}`, 'Z.AI'])
  const prefixed = PROVIDER_PREFIXES.find(([p]) => base.startsWith(p))
  if (prefixed) return [...out, [base.slice(prefixed[0].length), prefixed[1]]]
  return [...out, ...PROVIDER_PREFIXES.map(([p, provider]): [string, string] => [p + base, provider])]
}

/** `_explicit_unranked_claude_5_model`. */
function unrankedClaude(base: string | undefined): string | undefined {
  const n = (base ?? '')
    .trim()
    .toLowerCase()
    .replace(/^anthropic\//, '')
  return n === 'claude-fable-5' || n === 'claude-opus-5' ? n : undefined
}

/**
 * The strength order: 0.5 → closest rank to the base (base first); below → closest average cost to a target
 * between the cheapest and the base; above → closest rank to a target between the base and the best. A stable
 * sort: pandas' default sort is not, so PDD's order among equal metrics may differ.
 */
function order(available: readonly CatalogRow[], base: CatalogRow, strength: number): CatalogRow[] {
  let metric: (r: CatalogRow) => number
  if (strength === 0.5) metric = r => Math.abs(r.rank - base.rank)
  else if (strength < 0.5) {
    const cheapest = Math.min(...available.map(r => r.avgCost))
    const target =
      base.avgCost <= cheapest
        ? cheapest + strength * (base.avgCost - cheapest)
        : cheapest + (strength / 0.5) * (base.avgCost - cheapest)
    metric = r => Math.abs(r.avgCost - target)
  } else {
    const best = Math.max(...available.map(r => r.rank))
    const target =
      best <= base.rank
        ? base.rank + (strength - 0.5) * (best - base.rank)
        : base.rank + ((strength - 0.5) / 0.5) * (best - base.rank)
    metric = r => Math.abs(r.rank - target)
  }
  const sorted = [...available].sort((a, b) => metric(a) - metric(b))
  if (strength !== 0.5) return sorted
  return [...sorted.filter(r => r.model === base.model), ...sorted.filter(r => r.model !== base.model)]
}
