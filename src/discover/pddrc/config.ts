/**
 * `.pddrc`: parsing and validating it, as PDD does (`pdd/construct_paths.py` `_load_pddrc_config`,
 * `_validate_pddrc_keys`, `_get_context_config`; `pdd/core/cli.py` `--context` validation). Finding it
 * (`_find_pddrc_file`) is `Project.findPddrc`; choosing a context is in `contexts.ts`.
 */
import * as path from 'node:path'
import type { Tags } from 'yaml'
import { yamlPackage } from './yaml.js'
import type { ContextDefaults } from '../../types.js'

/** One context of a `.pddrc`, in file order. */
export interface PddrcContext {
  name: string
  /** `paths` globs (relative to the `.pddrc` directory). */
  paths: string[]
  /** The raw `defaults` mapping (nested mappings as plain objects). */
  defaults: Record<string, unknown>
}

/** A parsed, validated `.pddrc`. */
export interface PddrcConfig {
  /** Absolute path of the file. */
  file: string
  /** Absolute directory holding it (PDD's project root for this config). */
  dir: string
  contexts: PddrcContext[]
}

/** A `.pddrc` that PDD cannot use; the message names the file (and line:column for YAML errors). */
export class PddrcError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
    readonly column?: number
  ) {
    super(message)
    this.name = 'PddrcError'
  }
}

const ROOT_KEYS = new Set(['version', 'contexts', 'checkup', 'ci'])
const CHECKUP_KEYS = new Set(['prompt_gate'])
const CI_KEYS = new Set(['external_setup_fail_open', 'manual_trigger_comment', 'manual_triggers'])
const CONTEXT_KEYS = new Set(['paths', 'defaults'])
const DEFAULTS_KEYS = new Set([
  'generate_output_path',
  'test_output_path',
  'example_output_path',
  'prompts_dir',
  'default_language',
  'target_coverage',
  'strength',
  'temperature',
  'budget',
  'max_attempts',
  'compressed_context',
  'outputs',
  'auto_deps_csv_path',
  'context_compression',
  'compress_examples',
  'compress_test_context',
  'compression_fallback',
  'test_token_budget',
  'test_ranking_weights',
  'test_dedup_threshold'
])

// PyYAML (YAML 1.1) does not treat y/n as booleans; the `yaml` package's 1.1 schema does.
const PY_TRUE = /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/
const PY_FALSE = /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/
function pyyamlTags(tags: Tags): Tags {
  return tags.map(t => {
    if (typeof t === 'string' || t.tag !== 'tag:yaml.org,2002:bool' || !('test' in t)) return t
    const test = (t as { test?: unknown }).test
    return test instanceof RegExp ? { ...t, test: test.test('yes') ? PY_TRUE : PY_FALSE } : t
  }) as Tags
}

/**
 * Parses and validates `.pddrc` text (`_load_pddrc_config`). Unknown keys become warnings, as in PDD. Needs
 * `loadYaml()` first (else throws `YamlNotLoaded`).
 */
export function parsePddrc(text: string, file: string): { config: PddrcConfig; warnings: string[] } {
  const doc = yamlPackage().parseDocument(text, { version: '1.1', uniqueKeys: false, customTags: pyyamlTags })
  const bad = [...doc.errors, ...doc.warnings.filter(w => w.code === 'TAG_RESOLVE_FAILED')][0]
  if (bad !== undefined) {
    const pos = bad.linePos?.[0]
    const where = pos === undefined ? '' : `:${pos.line}:${pos.col}`
    const first = bad.message.split('\n')[0] ?? bad.message
    throw new PddrcError(file, `${file}${where}: YAML syntax error in .pddrc: ${first}`, pos?.line, pos?.col)
  }
  const js: unknown = doc.toJS({ mapAsMap: true })
  const root = plain(js)
  if (!isRecord(root)) fail(file, 'Invalid .pddrc format: expected dictionary at root level')
  if (!('contexts' in root)) fail(file, "Invalid .pddrc format: missing 'contexts' section")
  // Context order matters (PDD's first-match rules); plain objects would move integer-like names first.
  const contextsMap = [...(js as Map<unknown, unknown>)].find(([k]) => String(k) === 'contexts')?.[1]
  if (!(contextsMap instanceof Map)) fail(file, "'contexts' must be a mapping of context names to settings")
  const contexts = [...contextsMap].map(([name, value]) => toContext(file, String(name), plain(value)))
  return {
    config: { file, dir: path.dirname(file), contexts },
    warnings: unknownKeyWarnings(file, root, contexts)
  }
}

/** The `defaults` of a context, or `{}` (`_get_context_config`). */
export function contextDefaults(config: PddrcConfig | null, name: string | null): Record<string, unknown> {
  if (config === null || name === null) return {}
  return config.contexts.find(c => c.name === name)?.defaults ?? {}
}

/** The sync settings of a context's defaults (numbers only; PDD lets falsy values fall through to built-ins). */
export function syncDefaults(defaults: Record<string, unknown>): ContextDefaults {
  const out: ContextDefaults = {}
  for (let i = 0; i < SYNC_DEFAULT_KEYS.length; i++) {
    const { key, from } = SYNC_DEFAULT_KEYS[i] as (typeof SYNC_DEFAULT_KEYS)[number]
    const v = defaults[from]
    if (typeof v === 'number' && Number.isFinite(v) && v !== 0) out[key] = v
  }
  return out
}

const SYNC_DEFAULT_KEYS: Array<{ key: keyof ContextDefaults; from: string }> = [
  { key: 'targetCoverage', from: 'target_coverage' },
  { key: 'budget', from: 'budget' },
  { key: 'maxAttempts', from: 'max_attempts' },
  { key: 'strength', from: 'strength' },
  { key: 'temperature', from: 'temperature' }
]

/**
 * `--context NAME` validation (`pdd/core/cli.py`): the name must be one of the nearest `.pddrc`'s contexts, or
 * `default` when there is no `.pddrc`. Returns an error message naming the context and the file, or null.
 */
export function validateContextOverride(name: string, config: PddrcConfig | null): string | null {
  const names = config === null ? ['default'] : config.contexts.map(c => c.name).sort()
  if (names.includes(name)) return null
  const where =
    config === null ? 'no .pddrc was found, so only "default" exists' : `contexts in ${config.file}`
  return `Unknown context '${name}' (${where}: ${names.length > 0 ? names.join(', ') : 'none'})`
}

function toContext(file: string, name: string, value: unknown): PddrcContext {
  if (!isRecord(value)) fail(file, `context '${name}' must be a mapping (with 'paths' and/or 'defaults')`)
  const paths = value.paths ?? []
  if (!Array.isArray(paths) || !paths.every(p => typeof p === 'string')) {
    fail(file, `contexts.${name}.paths must be a list of glob strings`)
  }
  const defaults = value.defaults ?? {}
  if (!isRecord(defaults)) fail(file, `contexts.${name}.defaults must be a mapping`)
  return { name, paths, defaults }
}

function unknownKeyWarnings(file: string, root: Record<string, unknown>, contexts: PddrcContext[]): string[] {
  const out: string[] = []
  const warn = (key: string, at: string): void => {
    out.push(`${file}: .pddrc contains unknown key '${key}' at path '${at}', ignored (PDD warns the same)`)
  }
  for (const k of Object.keys(root)) if (!ROOT_KEYS.has(k)) warn(k, k)
  if (isRecord(root.checkup))
    for (const k of Object.keys(root.checkup)) if (!CHECKUP_KEYS.has(k)) warn(k, `checkup.${k}`)
  if (isRecord(root.ci)) for (const k of Object.keys(root.ci)) if (!CI_KEYS.has(k)) warn(k, `ci.${k}`)
  const contextsRaw = root.contexts as Record<string, Record<string, unknown>>
  for (const c of contexts) {
    for (const k of Object.keys(contextsRaw[c.name] ?? {}))
      if (!CONTEXT_KEYS.has(k)) warn(k, `contexts.${c.name}.${k}`)
    for (const k of Object.keys(c.defaults))
      if (!DEFAULTS_KEYS.has(k)) warn(k, `contexts.${c.name}.defaults.${k}`)
  }
  return out
}

function fail(file: string, message: string): never {
  throw new PddrcError(file, `${file}: ${message}`)
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Converts `mapAsMap` output into plain objects with string keys, keeping mapping order. */
function plain(v: unknown): unknown {
  if (v instanceof Map) {
    const o: Record<string, unknown> = {}
    for (const [k, val] of v) o[String(k)] = plain(val)
    return o
  }
  if (Array.isArray(v)) return v.map(plain)
  return v
}
