import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { parseFingerprint, parseRunReport } from '../plan/decide.js'
import type { CurrentHashes, Fingerprint, RunReport, StateSource, Unit } from '../types.js'
import { FileCache, mapLimit, sha256 } from './files.js'
import type { History, UnitHistoryEntry } from './history.js'

/** Everything the decision needs to know about one unit, read from files and history. */
export interface UnitState {
  fingerprint: Fingerprint | null
  runReport: RunReport | null
  hashes: CurrentHashes
  exists: { prompt: boolean; code: boolean; example: boolean; test: boolean }
  promptText: string | null
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
  return `${unit.basename.replace(/\//g, '_')}_${unit.language.toLowerCase()}`
}

/**
 * Loads the state of every unit. The repository's own `.pdd/meta` files win; otherwise the newest recorded
 * fingerprint that matches the unit's current files is restored from history (content-addressed).
 */
export async function loadStates(root: string, units: readonly Unit[], history: History): Promise<UnitState[]> {
  const files = new FileCache(root)
  const metaListings = new Map<string, Promise<Set<string>>>()
  const listing = (dir: string): Promise<Set<string>> => {
    let p = metaListings.get(dir)
    if (!p) {
      p = readdir(path.join(root, dir)).then(
        names => new Set(names),
        () => new Set<string>()
      )
      metaListings.set(dir, p)
    }
    return p
  }
  return mapLimit(units, 64, async unit => loadOne(files, unit, await listing(unit.metaDir), history))
}

async function loadOne(files: FileCache, unit: Unit, metaNames: Set<string>, history: History): Promise<UnitState> {
  const [prompt, code, example, test] = await Promise.all([
    files.read(unit.paths.prompt),
    files.hash(unit.paths.code),
    files.hash(unit.paths.example),
    files.hash(unit.paths.test)
  ])
  const testFiles: Record<string, string> = {}
  for (const tf of unit.testFiles) {
    const h = await files.hash(tf)
    if (h) testFiles[path.posix.basename(tf)] = h
  }
  const base = {
    exists: { prompt: prompt !== null, code: code !== null, example: example !== null, test: test !== null },
    promptText: prompt ? prompt.toString('utf8') : null
  }
  const hashesWith = async (fp: Fingerprint | null): Promise<CurrentHashes> => ({
    prompt: prompt ? await promptHash(files, prompt, unit.includes, fp) : null,
    code,
    example,
    test,
    testFiles
  })
  const stem = metaStem(unit)
  if (metaNames.has(`${stem}.json`)) {
    const fingerprint = parseFingerprint(await readJson(files, `${unit.metaDir}/${stem}.json`))
    if (fingerprint) {
      const runReport = metaNames.has(`${stem}_run.json`)
        ? parseRunReport(await readJson(files, `${unit.metaDir}/${stem}_run.json`))
        : null
      const hasSuccessfulRunHistory = await runHistory(files, unit.metaDir, stem, metaNames)
      return { ...base, fingerprint, runReport, hashes: await hashesWith(fingerprint), hasSuccessfulRunHistory, source: 'repository' }
    }
  }
  return { ...base, ...(await fromHistory(history.forUnit(unit.id), hashesWith)) }
}

type Restored = Pick<UnitState, 'fingerprint' | 'runReport' | 'hashes' | 'hasSuccessfulRunHistory' | 'source' | 'match' | 'fromRun'>

/** Picks the newest exact match, else the newest entry matching the most files (at least one). */
async function fromHistory(
  entries: readonly UnitHistoryEntry[],
  hashesWith: (fp: Fingerprint | null) => Promise<CurrentHashes>
): Promise<Restored> {
  let best: { entry: UnitHistoryEntry; hashes: CurrentHashes; score: number } | null = null
  for (const entry of entries) {
    const fp = entry.unit.fingerprint
    if (!fp) continue
    const hashes = await hashesWith(fp)
    const score = matchScore(fp, hashes)
    if (score === 4) return restored(entry, hashes, 'exact')
    if (score > 0 && (!best || score > best.score)) best = { entry, hashes, score }
  }
  if (best) return restored(best.entry, best.hashes, 'partial')
  return {
    fingerprint: null,
    runReport: null,
    hashes: await hashesWith(null),
    hasSuccessfulRunHistory: false,
    source: 'none'
  }
}

function restored(entry: UnitHistoryEntry, hashes: CurrentHashes, match: 'exact' | 'partial'): Restored {
  const runReport = entry.unit.runReport ? parseRunReport(entry.unit.runReport) : null
  return {
    fingerprint: parseFingerprint(entry.unit.fingerprint),
    runReport,
    hashes,
    hasSuccessfulRunHistory: runReport?.exit_code === 0,
    source: 'notes',
    match,
    fromRun: entry.runId
  }
}

/** How many of the four artifact hashes a fingerprint shares with the files (a missing file matches null). */
export function matchScore(fp: Fingerprint, h: CurrentHashes): number {
  let n = 0
  if ((fp.prompt_hash ?? null) === h.prompt) n++
  if ((fp.code_hash ?? null) === h.code) n++
  if ((fp.example_hash ?? null) === h.example) n++
  if ((fp.test_hash ?? null) === h.test) n++
  // A fingerprint that only agrees on files that are all missing says nothing about this unit.
  return n > 0 && [h.prompt, h.code, h.example, h.test].some(x => x !== null) ? n : 0
}

/**
 * PDD's v1 prompt hash (`calculate_prompt_hash`): sha256 of the prompt bytes followed by the bytes of each
 * include dependency. Without live include references, the fingerprint's stored `include_deps` keys are used
 * (sorted, stripped), so that changes in files whose tags auto-deps removed are still seen.
 */
async function promptHash(files: FileCache, prompt: Buffer, includes: readonly string[], fp: Fingerprint | null): Promise<string> {
  let deps: readonly string[] = includes
  if (deps.length === 0 && fp?.include_deps && !hasIncludeReference(prompt.toString('utf8'))) {
    deps = [...new Set(Object.keys(fp.include_deps).map(k => k.trim()))].sort()
  }
  const parts: Buffer[] = [prompt]
  for (const d of deps) {
    const b = await files.read(d)
    if (b) parts.push(b)
  }
  return sha256(...parts)
}

function hasIncludeReference(text: string): boolean {
  // PDD's `_legacy_include_references`: `.` does not cross a newline there either.
  return /<include\b[^>]*>.*?<\/include>/.test(text) || /```<[^>]*?>```/.test(text)
}

async function readJson(files: FileCache, rel: string): Promise<unknown> {
  const b = await files.read(rel)
  if (!b) return null
  try {
    return JSON.parse(b.toString('utf8')) as unknown
  } catch {
    return null
  }
}

async function runHistory(files: FileCache, dir: string, stem: string, names: Set<string>): Promise<boolean> {
  for (const name of names) {
    if (!name.startsWith(`${stem}_run`) || !name.endsWith('.json')) continue
    const v = await readJson(files, `${dir}/${name}`)
    if (typeof v === 'object' && v !== null && (v as { exit_code?: unknown }).exit_code === 0) return true
  }
  return false
}
