/**
 * Run records come from git notes and PR comments anyone with push access (or a bug) can write: they are
 * untrusted input (docs/architecture.md, "Trust"). A unit whose id or basename is not a plain relative name is dropped, and so is
 * any path-like key or value (`include_deps`, `test_files`, `*_path`, `*_file`) that is absolute or climbs
 * with `..`; each with a warning. Pure.
 */
import type { RecordUnit, RunRecord } from './record.js'

/** Whether a repository-relative path is plain: not absolute, no `..` segment, no NUL, backslash or control. */
export function isPlainRelative(rel: string): boolean {
  if (rel === '' || rel.startsWith('/') || rel.startsWith('~') || /^[A-Za-z]:/.test(rel)) return false
  // eslint-disable-next-line no-control-regex -- control characters never belong in a path we use
  if (/[\x00-\x1f\x7f\\]/.test(rel)) return false
  return !rel.split('/').includes('..')
}

/** Why a unit id or basename from a record cannot be used, or null. */
function nameProblem(name: unknown): string | null {
  if (typeof name !== 'string') return 'is not a string'
  if (!isPlainRelative(name) || name.startsWith('-') || name.split('/').includes('.'))
    return 'is not a plain relative name (absolute, "..", "." or a leading "-")'
  return null
}

const PATH_KEY = /(^|_)(path|file|dir)s?$/

/** Removes the path-like entries of a fingerprint or run report that would leave the repository. */
function scrubPaths(obj: unknown, where: string, warnings: string[]): void {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return
  const rec = obj as Record<string, unknown>
  for (const [key, value] of Object.entries(rec)) {
    if (typeof value === 'string' && PATH_KEY.test(key) && value !== '' && !isPlainRelative(value)) {
      warnings.push(`${where}.${key}: "${shorten(value)}" is not a path inside the repository; ignored.`)
      delete rec[key]
    } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const map = value as Record<string, unknown>
      for (const k of Object.keys(map)) {
        if (isPlainRelative(k.trim())) continue
        warnings.push(`${where}.${key}: "${shorten(k)}" is not a path inside the repository; ignored.`)
        delete map[k]
      }
    }
  }
}

function shorten(s: string): string {
  // eslint-disable-next-line no-control-regex -- shown in a one-line warning
  const t = s.replace(/[\x00-\x1f\x7f]/g, '?')
  return t.length > 80 ? `${t.slice(0, 77)}...` : t
}

/** Cleans the records in place; returns the warnings (one per dropped unit or path). */
export function guardRecords(records: RunRecord[]): string[] {
  const warnings: string[] = []
  for (const r of records) {
    const kept: RecordUnit[] = []
    for (const u of r.units) {
      const bad = nameProblem(u.id) ?? (u.basename === undefined ? null : nameProblem(u.basename))
      if (bad !== null) {
        warnings.push(`Run record ${shorten(r.runId)}: unit id "${shorten(String(u.id))}" ${bad}; ignored.`)
        continue
      }
      scrubPaths(u.fingerprint, `Run record ${shorten(r.runId)}: ${u.id} fingerprint`, warnings)
      scrubPaths(u.runReport, `Run record ${shorten(r.runId)}: ${u.id} run report`, warnings)
      kept.push(u)
    }
    r.units = kept
  }
  return warnings
}
