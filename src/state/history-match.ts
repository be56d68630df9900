/**
 * Restoring a unit's state from its run history (git notes): the newest record whose fingerprint matches the
 * unit's current files, exactly, else on the most files (docs/architecture.md "The steps of a run", plan).
 */
import { isSuccessfulRunRecord, parseFingerprint, parseRunReport } from './meta-files.js'
import type { CurrentHashes, Fingerprint, RunReport, StateSource } from '../types.js'
import type { UnitHistoryEntry } from './history.js'

/** What a unit's state takes from its run history in the notes (the same fields of UnitState, load.ts). */
export interface Restored {
  fingerprint: Fingerprint | null
  runReport: RunReport | null
  hashes: CurrentHashes
  hasSuccessfulRunHistory: boolean
  source: StateSource
  /** Whether every hash of the restored fingerprint matches the current files. */
  match?: 'exact' | 'partial'
  /** The run the restored fingerprint came from. */
  fromRun?: string
}

/**
 * Picks the newest exact match, else the newest entry matching the most files (at least one). An entry of a run
 * that did not sync the unit (failed, conflict) counts only when it matches exactly: its outputs were never
 * committed to the base, so a partial match (the prompt alone) would restore a state whose files are not there,
 * e.g. a run report whose failing tests send PDD to `test` without the code (a re-run of a failed unit).
 */
export function fromHistory(
  entries: readonly UnitHistoryEntry[],
  hashesWith: (fp: Fingerprint | null) => CurrentHashes
): Restored {
  let best: { entry: UnitHistoryEntry; hashes: CurrentHashes; score: number } | null = null
  for (const entry of entries) {
    const fp = entry.unit.fingerprint
    if (!fp) continue
    const hashes = hashesWith(fp)
    const score = matchScore(fp, hashes)
    if (score === 4) return restored(entry, hashes, 'exact')
    const synced = entry.unit.status === 'synced' || entry.unit.status === 'unchanged'
    if (synced && score > 0 && (!best || score > best.score)) best = { entry, hashes, score }
  }
  if (best) return restored(best.entry, best.hashes, 'partial')
  return {
    fingerprint: null,
    runReport: null,
    hashes: hashesWith(null),
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
    hasSuccessfulRunHistory: runReport ? isSuccessfulRunRecord(entry.unit.runReport) : false,
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
