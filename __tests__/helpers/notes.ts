import { execFileSync } from 'node:child_process'
import { latestPerRun, parseNote, type RunRecord } from '../../src/state/record.js'
import { git, gitEnv } from './git-repo.js'

/** The 40-hex key of a unit's notes: `git hash-object` of `pdd-sync:<unit id>` (docs/architecture.md step 3). */
export function unitKey(dir: string, unitId: string): string {
  return execFileSync('git', ['hash-object', '--stdin'], {
    cwd: dir,
    env: gitEnv(),
    input: `pdd-sync:${unitId}`
  })
    .toString()
    .trim()
}

/** Appends a record line to the note on `target` (a commit or any 40-hex key) in `ref`. */
export function appendRecord(
  dir: string,
  record: RunRecord,
  target: string,
  ref = 'refs/notes/pdd-sync'
): void {
  git(dir, 'notes', `--ref=${ref}`, 'append', '-m', JSON.stringify(record), target)
}

/** A minimal valid run record for one unit. */
/** A unit entry of a run record: synced by `generate` at `cost`, with no state. */
export function syncedEntry(id: string, cost: number): RunRecord['units'][number] {
  return {
    id,
    basename: id.replace(/_python$/, ''),
    language: 'python',
    status: 'synced',
    operations: ['generate'],
    cost,
    duration: 1,
    reason: '',
    fingerprint: null,
    runReport: null
  }
}

export function record(runId: string, createdAt: string, units: RunRecord['units']): RunRecord {
  return {
    schema: 1,
    runId,
    trigger: 'schedule',
    baseSha: '0'.repeat(40),
    createdAt,
    budget: 5,
    spent: 0,
    units
  }
}

/**
 * Writes many notes at once with `git fast-import` (one commit on `ref`, on top of its current tip):
 * key (40-hex) → note text. Much faster than one `git notes add` per note, for large histories.
 */
export function bulkNotes(
  dir: string,
  notes: ReadonlyMap<string, string>,
  ref = 'refs/notes/pdd-sync'
): void {
  const parts: Buffer[] = []
  let mark = 0
  const marks: [number, string][] = []
  for (const [key, text] of notes) {
    const data = Buffer.from(text)
    mark++
    marks.push([mark, key])
    parts.push(Buffer.from(`blob\nmark :${mark}\ndata ${data.length}\n`), data, Buffer.from('\n'))
  }
  let parent = ''
  try {
    parent = execFileSync('git', ['rev-parse', '-q', '--verify', ref], { cwd: dir, env: gitEnv() })
      .toString()
      .trim()
  } catch {
    parent = ''
  }
  parts.push(
    Buffer.from(`commit ${ref}\ncommitter Test <test@example.com> 1767225600 +0000\ndata 5\nnotes\n`)
  )
  if (parent) parts.push(Buffer.from(`from ${parent}\n`))
  for (const [m, key] of marks) parts.push(Buffer.from(`M 100644 :${m} ${key}\n`))
  parts.push(Buffer.from('\n'))
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, env: gitEnv(), input: Buffer.concat(parts) })
}

/**
 * Every run record in a repository's notes ref, one per run (a run's partial records, pushed after each group,
 * collapse into its final one, as every reader of records sees them); `raw` keeps them all.
 */
export function runRecordsIn(dir: string, opts: { raw?: boolean; ref?: string } = {}): RunRecord[] {
  const ref = opts.ref ?? 'refs/notes/pdd-sync'
  const list = execFileSync('git', ['notes', `--ref=${ref}`, 'list'], { cwd: dir, env: gitEnv() })
    .toString()
    .trim()
  if (!list) return []
  const all = list.split('\n').flatMap(line => {
    const object = line.split(' ')[1] ?? ''
    return parseNote(git(dir, 'notes', `--ref=${ref}`, 'show', object)).records
  })
  return opts.raw ? all : latestPerRun(all)
}
