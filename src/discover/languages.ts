/**
 * PDD's language table (pdd/data/language_format.csv, generated into languages.json by
 * scripts/gen-languages.mjs) and the lookups PDD performs on it.
 */
import table from './languages.json' with { type: 'json' }
import { casefold } from '../pycompat/pyfn.js'

/** One row of `language_format.csv`. */
export interface LanguageRow {
  /** Display name as written in the CSV (`Python`, `C++`). */
  name: string
  /** `name` trimmed and lower-cased: the key PDD's extension lookup uses. */
  key: string
  comment: string
  /** With the leading dot, as in the CSV (`.py`; empty for Makefile). */
  extension: string
  runCommand: string
  runTestCommand: string
  outputs: string[]
}

interface RegistrySpec {
  id: string
  display: string
  aliases: string[]
  extensions: string[]
}

/** Where the table came from (`pdd-cli <version> pdd/data/language_format.csv`). */
export const LANGUAGE_TABLE_SOURCE: string = table.source
/** All CSV rows, in file order (duplicates such as the two YAML rows included). */
export const LANGUAGE_ROWS: readonly LanguageRow[] = table.rows
/** `sync_main.SUPPORTED_SYNC_LANGUAGES`: the languages PDD tries when expanding `outputs.prompt.path`. */
export const SYNC_LANGUAGES: readonly string[] = table.syncLanguages

const BUILTIN_EXT_MAP: Readonly<Record<string, string>> = table.builtinExtMap
const REGISTRY: readonly RegistrySpec[] = table.registry

// Lookups below are pure functions of a short string asked once or more per unit: cached per process.
const extensionCache = new Map<string, string>()
const knownCache = new Map<string, boolean>()
const byExtensionCache = new Map<string, string>()

const firstRowByKey = new Map<string, LanguageRow>()
for (const row of LANGUAGE_ROWS)
  if (row.key !== '' && !firstRowByKey.has(row.key)) firstRowByKey.set(row.key, row)

const specByAlias = new Map<string, RegistrySpec>()
const specsByExtension = new Map<string, RegistrySpec[]>()
for (const spec of REGISTRY) {
  for (const alias of spec.aliases) specByAlias.set(casefold(alias), spec)
  for (const ext of spec.extensions) specsByExtension.set(ext, [...(specsByExtension.get(ext) ?? []), spec])
}

/** The first CSV row whose lower-cased name equals `language.toLowerCase()`, as PDD's lookups pick it. */
export function rowFor(language: string): LanguageRow | undefined {
  return firstRowByKey.get(language.toLowerCase())
}

/**
 * File extension **without** the dot, exactly as `sync_determine_operation.get_extension`: the first CSV row
 * (`.yml` for YAML, `R` for R — case kept), else `construct_paths.BUILTIN_EXT_MAP`, else the raw lower-cased
 * language name (so an alias such as `c-plus-plus` yields `c-plus-plus`).
 */
export function extensionFor(language: string): string {
  let ext = extensionCache.get(language)
  if (ext === undefined) extensionCache.set(language, (ext = computeExtension(language)))
  return ext
}

function computeExtension(language: string): string {
  if (language === '') return ''
  const row = rowFor(language)
  if (row !== undefined) return row.extension.trim().replace(/^\.+/, '')
  const lower = language.toLowerCase()
  const builtin = BUILTIN_EXT_MAP[lower]
  return (builtin ?? lower).replace(/^\.+/, '')
}

/** `_dot`: `.ext`, or `''` for an extensionless language (Makefile). */
export function dotted(ext: string): string {
  return ext === '' ? '' : `.${ext}`
}

/**
 * `construct_paths._is_known_language`: the suffix resolves through PDD's language registry, whose aliases are
 * every CSV display name (case-folded), its stable id (`c-plus-plus`) and legacy aliases (`cpp`, `tsx`, `yml`).
 */
export function isKnownLanguage(suffix: string): boolean {
  let known = knownCache.get(suffix)
  if (known === undefined)
    knownCache.set(suffix, (known = suffix !== '' && specByAlias.has(casefold(suffix))))
  return known
}

/** A recognised prompt-name language suffix. */
export interface SuffixLanguage {
  /** `suffix.lower()`: the language key PDD's sync uses in unit ids, fingerprints and lookups. */
  key: string
  /** The registry's display name (`Python`). */
  display: string
  /** True for `llm`: runtime prompts that sync never processes. */
  runtimeOnly: boolean
}

/**
 * The language of a prompt-name suffix (`Python` in `calc_Python.prompt`), case-insensitively, or null when PDD
 * would not accept it (`sync_main._detect_languages`).
 */
export function languageForSuffix(suffix: string): SuffixLanguage | null {
  const spec = suffix === '' ? undefined : specByAlias.get(casefold(suffix))
  if (spec === undefined) return null
  const key = suffix.toLowerCase()
  return { key, display: spec.display, runtimeOnly: key === 'llm' }
}

/**
 * `get_language.get_language`: the display name for a file extension when exactly one language claims it, else
 * the first CSV row with that extension (`.sh` → `Shell`), else `''` (`.prompt` is never a language here).
 */
export function languageForExtension(extension: string): string {
  let name = byExtensionCache.get(extension)
  if (name === undefined) byExtensionCache.set(extension, (name = computeLanguageForExtension(extension)))
  return name
}

function computeLanguageForExtension(extension: string): string {
  let ext = casefold(extension.trim())
  if (ext === '') return ''
  if (!ext.startsWith('.')) ext = `.${ext}`
  const specs = specsByExtension.get(ext) ?? []
  if (specs.length === 1) return (specs[0] as RegistrySpec).display
  if (ext === '.prompt') return ''
  for (const row of LANGUAGE_ROWS) {
    let rowExt = casefold(row.extension.trim())
    if (rowExt !== '' && !rowExt.startsWith('.')) rowExt = `.${rowExt}`
    if (rowExt === ext) return row.name.trim()
  }
  return ''
}
