import { readdirSync } from 'node:fs'
import path from 'node:path'
import { isSuccessfulRunRecord, parseFingerprint, parseRunReport } from './meta-files.js'
import type { CurrentHashes, Fingerprint, RunReport, StateSource, Unit } from '../types.js'
import { SIZE_LIMITS, sizeProblem } from '../discover/bounded.js'
import { FileCache, hashWithDependencies } from './files.js'
import type { History } from './history.js'
import { fromHistory, type Restored } from './history-match.js'

export { matchScore } from './history-match.js'

/** Everything the decision needs to know about one unit, read from files and history. */
export interface UnitState {
  fingerprint: Fingerprint | null
  runReport: RunReport | null
  hashes: CurrentHashes
  exists: { prompt: boolean; code: boolean; example: boolean; test: boolean }
  promptText: string | null
  /** Bytes of the prompt plus the files it includes (0 when the prompt is missing); scales cost estimates. */
  promptBytes: number
  /** Some `<b>_<l>_run*.json` in the meta dir has exit code 0 (PDD's `_check_example_success_history`). */
  hasSuccessfulRunHistory: boolean
  source: StateSource
  /** For notes: whether every hash of the restored fingerprint matches the current files. */
  match?: 'exact' | 'partial'
  /** The run the restored fingerprint came from. */
  fromRun?: string
}

/** `.pdd/meta` file name stem of a unit: PDD's `_safe_basename` (`/` → `_`) plus the language. */
export function metaStem(unit: Pick<Unit, 'basename' | 'language'>): string {
  const b = unit.basename
  return `${b.includes('/') ? b.replaceAll('/', '_') : b}_${unit.language.toLowerCase()}`
}

/**
 * Loads the state of every unit. The repository's own `.pdd/meta` files win; otherwise the newest recorded
 * fingerprint that matches the unit's current files is restored from history (content-addressed).
 * Synchronous file reads: see {@link FileCache}.
 */
export function loadStates(
  root: string,
  units: readonly Unit[],
  history: History,
  warn: (message: string) => void = () => undefined,
  /** Files already read below `root` (discovery's prompts), with `SIZE_LIMITS.include` as its limit. */
  files = new FileCache(root, SIZE_LIMITS.include),
  /** The names in a folder below `root` (null: cannot be listed), when the caller has listed it already. */
  listed?: (dir: string) => Names | null
): UnitState[] {
  const listings = new Map<string, Names>()
  const listing = (dir: string): Names => {
    let names = listings.get(dir)
    if (!names) {
      try {
        names = (listed ? listed(dir) : new Set(readdirSync(path.join(root, dir)))) ?? new Set()
      } catch {
        names = new Set()
      }
      listings.set(dir, names)
    }
    return names
  }
  const reading: Reading = { files, warn }
  const states = units.map(unit => loadOne(reading, unit, listing(unit.metaDir), history))
  for (const [rel, size] of files.oversized)
    warn(sizeProblem(rel, size, SIZE_LIMITS.include) ?? `${rel} is too large; not read`)
  return states
}

/** A folder's names: a `Set` of them, or a `Map` keyed by them. */
type Names = Pick<ReadonlySet<string>, 'has' | 'keys'>

/** The file cache and where to say what could not be used. */
interface Reading {
  files: FileCache
  warn: (message: string) => void
}

function loadOne(r: Reading, unit: Unit, metaNames: Names, history: History): UnitState {
  const files = r.files
  const prompt = files.read(unit.paths.prompt)
  const code = files.hash(unit.paths.code)
  const example = files.hash(unit.paths.example)
  const test = files.hash(unit.paths.test)
  const testFiles = testFileHashes(files, unit.testFiles)
  const exists = {
    prompt: prompt !== null,
    code: code !== null,
    example: example !== null,
    test: test !== null
  }
  const promptText = prompt ? files.readText(unit.paths.prompt) : null
  const promptBytes = prompt ? promptSize(files, prompt, unit.includes) : 0
  const promptHash = promptHasher(files, prompt, promptText ?? '', unit.includes)
  const hashesWith = (fp: Fingerprint | null): CurrentHashes => ({
    prompt: promptHash(fp),
    code,
    example,
    test,
    testFiles
  })
  const stem = metaStem(unit)
  if (metaNames.has(`${stem}.json`)) {
    const fpRel = `${unit.metaDir}/${stem}.json`
    const fingerprint = shaped(r, fpRel, metaJson(r, fpRel), parseFingerprint, 'fingerprint')
    if (fingerprint) {
      const runRel = `${unit.metaDir}/${stem}_run.json`
      const report = metaNames.has(`${stem}_run.json`) ? metaJson(r, runRel) : undefined
      const runReport = shaped(r, runRel, report, parseRunReport, 'run report')
      // The run report is also the first file of the run history: parsed once for both (one the report could
      // not use, e.g. over the meta size limit, is read for the history as before).
      const known = report === undefined ? null : { name: `${stem}_run.json`, json: report }
      const hasSuccessfulRunHistory = runHistory(files, unit, metaNames, known)
      const hashes = hashesWith(fingerprint)
      return {
        exists,
        promptText,
        promptBytes,
        fingerprint,
        runReport,
        hashes,
        hasSuccessfulRunHistory,
        source: 'repository'
      }
    }
  }
  return restoredState({ exists, promptText, promptBytes }, fromHistory(history.forUnit(unit.id), hashesWith))
}

/**
 * The prompt hash against a fingerprint (its `include_deps` when the prompt has no include reference). History
 * offers several fingerprints per unit, whose include lists may differ: each hash is kept (the first without a
 * map: most units ask once).
 */
function promptHasher(
  files: FileCache,
  prompt: Buffer | null,
  text: string,
  includes: readonly string[]
): (fp: Fingerprint | null) => string | null {
  let firstKey: string | null = null
  let firstHash = ''
  let more: Map<string, string> | null = null
  return fp => {
    if (!prompt) return null
    const deps = dependencies(text, includes, fp)
    const key = deps.length === 1 ? (deps[0] as string) : deps.join('\0')
    const known = key === firstKey ? firstHash : more?.get(key)
    const ph = known ?? hashWithDependencies(files, prompt, deps)
    if (firstKey === null) {
      firstKey = key
      firstHash = ph
    } else if (known === undefined) (more ??= new Map<string, string>()).set(key, ph)
    return ph
  }
}

/** A unit's state from its files and what history restored (built field by field: no object spreads). */
function restoredState(
  base: Pick<UnitState, 'exists' | 'promptText' | 'promptBytes'>,
  h: Restored
): UnitState {
  const state: UnitState = {
    exists: base.exists,
    promptText: base.promptText,
    promptBytes: base.promptBytes,
    fingerprint: h.fingerprint,
    runReport: h.runReport,
    hashes: h.hashes,
    hasSuccessfulRunHistory: h.hasSuccessfulRunHistory,
    source: h.source
  }
  if (h.match !== undefined) state.match = h.match
  if (h.fromRun !== undefined) state.fromRun = h.fromRun
  return state
}

/** Bytes of the prompt plus the files it includes. */
function promptSize(files: FileCache, prompt: Buffer, includes: readonly string[]): number {
  let n = prompt.length
  for (const d of includes) n += files.read(d)?.length ?? 0
  return n
}

/** Hashes of a unit's test files by file name (PDD's `test_files`), of those that can be read. */
function testFileHashes(files: FileCache, paths: readonly string[]): Record<string, string> {
  // Without a prototype the object starts as a dictionary: every unit's own test file name as a key of a plain
  // `{}` made V8 build a hidden class per unit (a few percent of planning at 5,000 units).
  const out = Object.create(null) as Record<string, string>
  for (let i = 0; i < paths.length; i++) {
    const tf = paths[i] as string
    const h = files.hash(tf)
    if (h) out[tf.slice(tf.lastIndexOf('/') + 1)] = h
  }
  return out
}

/**
 * The files PDD's v1 prompt hash (`calculate_prompt_hash`) appends to the prompt bytes: the live include
 * dependencies, or — when the prompt has no include reference — the fingerprint's stored `include_deps` keys
 * (sorted, stripped), so that changes in files whose tags auto-deps removed are still seen.
 */
function dependencies(
  promptText: string,
  includes: readonly string[],
  fp: Fingerprint | null
): readonly string[] {
  if (includes.length === 0 && fp?.include_deps && !hasIncludeReference(promptText)) {
    return [...new Set(Object.keys(fp.include_deps).map(k => k.trim()))].sort()
  }
  return includes
}

function hasIncludeReference(text: string): boolean {
  // PDD's `_legacy_include_references`: `.` does not cross a newline there either.
  return /<include\b[^>]*>.*?<\/include>/.test(text) || /```<[^>]*?>```/.test(text)
}

/**
 * The JSON of a `.pdd/meta` file, or undefined when it cannot be used (too large, not JSON): named in a warning,
 * it reads as absent, as PDD treats it. Its bytes are not kept: each file is parsed once.
 */
function metaJson(r: Reading, rel: string): unknown {
  const b = r.files.readOnce(rel)
  if (!b) return undefined
  if (b.length > SIZE_LIMITS.meta) {
    r.warn(`${sizeProblem(rel, b.length, SIZE_LIMITS.meta) ?? rel}; planned as if it were absent`)
    return undefined
  }
  try {
    return JSON.parse(b.toString('utf8')) as unknown
  } catch (e) {
    r.warn(`${rel} is not valid JSON (${(e as Error).message}); planned as if it were absent`)
    return undefined
  }
}

/** A meta file's JSON read by PDD's rules; the wrong type or fields is named in a warning and reads as absent. */
function shaped<T>(
  r: Reading,
  rel: string,
  json: unknown,
  parse: (v: unknown) => T | null,
  what: string
): T | null {
  if (json === undefined) return null
  const out = parse(json)
  if (out === null) r.warn(`${rel} is not a PDD ${what} (wrong type or fields); planned as if it were absent`)
  return out
}

function readJson(files: FileCache, rel: string): unknown {
  const b = files.readOnce(rel)
  if (!b) return null
  try {
    return JSON.parse(b.toString('utf8')) as unknown
  } catch {
    return null
  }
}

/** PDD's `_check_example_success_history` strategy 2b: any `<b>_<l>_run*.json` with exit code 0. */
function runHistory(
  files: FileCache,
  unit: Unit,
  names: Names,
  known: { name: string; json: unknown } | null
): boolean {
  // The names of PDD's history glob: `<meta stem>_run*.json` (as `isRunHistoryFileName` judges them), walked in
  // the listing sorted once, from the first name with the prefix (binary search): no list per unit.
  const prefix = `${metaStem(unit)}_run`
  const sorted = sortedNames(names)
  for (let i = firstAtLeast(sorted, prefix); i < sorted.length; i++) {
    const name = sorted[i] as string
    if (!name.startsWith(prefix)) break
    if (!name.endsWith('.json') || name.length < prefix.length + 5) continue
    const json = known?.name === name ? known.json : readJson(files, `${unit.metaDir}/${name}`)
    if (isSuccessfulRunRecord(json)) return true
  }
  return false
}

const sortedListings = new WeakMap<Names, string[]>()

/**
 * A listing's names sorted (once per listing): a meta dir holds a few files per unit, and scanning all of them
 * for every unit made planning quadratic.
 */
function sortedNames(names: Names): string[] {
  let sorted = sortedListings.get(names)
  if (!sorted) sortedListings.set(names, (sorted = [...names.keys()].sort()))
  return sorted
}

/** The first position in `sorted` whose name is not below `prefix` (binary search). */
function firstAtLeast(sorted: readonly string[], prefix: string): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((sorted[mid] as string) < prefix) lo = mid + 1
    else hi = mid
  }
  return lo
}
