import type { RecordUnit, RunRecord } from './record.js'

/** One past outcome of a unit, from a run record. */
export interface UnitHistoryEntry {
  createdAt: string
  runId: string
  unit: RecordUnit
}

/**
 * Run records indexed by unit id, newest first. Pure: built from records however they were stored
 * (git notes, a PR comment), so the planner never cares where history came from.
 */
export class History {
  private readonly byUnit = new Map<string, UnitHistoryEntry[]>()
  private readonly byLanguage = new Map<string, UnitHistoryEntry[]>()

  constructor(records: readonly RunRecord[]) {
    const seen = new Set<string>()
    for (const r of records) {
      for (const u of r.units) {
        const key = `${r.runId}\0${u.id}`
        if (seen.has(key)) continue
        seen.add(key)
        const e: UnitHistoryEntry = { createdAt: r.createdAt, runId: r.runId, unit: u }
        push(this.byUnit, u.id, e)
        push(this.byLanguage, u.language.toLowerCase(), e)
      }
    }
    for (const list of this.byUnit.values()) list.sort(newestFirst)
  }

  /** Entries of a unit, newest first. */
  forUnit(id: string): readonly UnitHistoryEntry[] {
    return this.byUnit.get(id) ?? []
  }

  /** Entries of all units of a language (any order). */
  forLanguage(language: string): readonly UnitHistoryEntry[] {
    return this.byLanguage.get(language.toLowerCase()) ?? []
  }

  /** Every entry, each once (unit by unit). */
  *entries(): IterableIterator<UnitHistoryEntry> {
    for (const list of this.byUnit.values()) yield* list
  }

  /** Number of unit entries held. */
  get size(): number {
    let n = 0
    for (const l of this.byUnit.values()) n += l.length
    return n
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k)
  if (l) l.push(v)
  else m.set(k, [v])
}

function newestFirst(a: UnitHistoryEntry, b: UnitHistoryEntry): number {
  if (a.createdAt === b.createdAt) return a.runId < b.runId ? 1 : -1
  return a.createdAt < b.createdAt ? 1 : -1
}
