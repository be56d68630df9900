import { describe, expect, it } from 'vitest'
import { Git } from '../src/adapters/git.js'
import { History } from '../src/state/history.js'
import { NotesStore } from '../src/state/notes-store.js'
import { cloneOf, git, makeRepo } from './helpers/git-repo.js'
import { appendRecord, bulkNotes, record, syncedEntry, unitKey } from './helpers/notes.js'

const REF = 'refs/notes/pdd-sync'

describe('NotesStore (real git, bare origin)', () => {
  it('treats an absent notes ref on origin as empty history', async () => {
    const repo = makeRepo({ 'a.txt': 'a' })
    const clone = cloneOf(repo.origin)
    const store = new NotesStore(await Git.open(clone), { ref: REF, remote: 'origin' })
    expect(await store.readRecords()).toEqual({ records: [], reservations: [], warnings: [] })
  })

  it('fetches notes from origin into a shallow clone, reading notes on commits and on unit keys', async () => {
    const repo = makeRepo({ 'a.txt': 'a' })
    const first = repo.commit({ 'b.txt': 'b' })
    repo.commit({ 'c.txt': 'c' })
    appendRecord(repo.dir, record('1', '2026-01-01T00:00:00Z', [syncedEntry('a_python', 0.1)]), first)
    appendRecord(
      repo.dir,
      record('2', '2026-01-02T00:00:00Z', [syncedEntry('a_python', 0.2)]),
      unitKey(repo.dir, 'a_python')
    )
    appendRecord(
      repo.dir,
      record('3', '2026-01-03T00:00:00Z', [syncedEntry('b_python', 0.3)]),
      unitKey(repo.dir, 'a_python')
    )
    git(repo.dir, 'push', '-q', 'origin', REF)
    const clone = cloneOf(repo.origin, 1)
    expect(git(clone, 'rev-parse', '--is-shallow-repository').trim()).toBe('true')
    const store = new NotesStore(await Git.open(clone), { ref: REF, remote: 'origin' })
    const { records, warnings } = await store.readRecords()
    expect(warnings).toEqual([])
    expect(records.map(r => r.runId).sort()).toEqual(['1', '2', '3'])
    const h = new History(records)
    expect(h.forUnit('a_python').map(e => e.runId)).toEqual(['2', '1'])
    // The clone stays shallow: notes do not drag code history in.
    expect(git(clone, 'rev-parse', '--is-shallow-repository').trim()).toBe('true')
    // The local notes ref was not touched; the remote's notes went to a scratch ref.
    expect(git(clone, 'for-each-ref', '--format=%(refname)', 'refs/notes/').trim()).toBe('')
  })

  it('reads local unpushed notes together with the remote ones, once each', async () => {
    const repo = makeRepo({ 'a.txt': 'a' })
    appendRecord(repo.dir, record('1', '2026-01-01T00:00:00Z', [syncedEntry('a_python', 0.1)]), 'HEAD')
    git(repo.dir, 'push', '-q', 'origin', REF)
    const clone = cloneOf(repo.origin)
    git(clone, 'fetch', '-q', 'origin', `${REF}:${REF}`)
    appendRecord(
      clone,
      record('2', '2026-01-02T00:00:00Z', [syncedEntry('a_python', 0.2)]),
      unitKey(clone, 'a_python')
    )
    const { records } = await new NotesStore(await Git.open(clone), {
      ref: REF,
      remote: 'origin'
    }).readRecords()
    expect(records.map(r => r.runId).sort()).toEqual(['1', '2'])
  })

  it('skips a corrupt note with a warning and keeps the good records', async () => {
    const repo = makeRepo({ 'a.txt': 'a' })
    appendRecord(repo.dir, record('1', '2026-01-01T00:00:00Z', [syncedEntry('a_python', 0.1)]), 'HEAD')
    git(repo.dir, 'notes', `--ref=${REF}`, 'add', '-m', '{"schema": 1, broken', unitKey(repo.dir, 'x'))
    const { records, warnings } = await new NotesStore(await Git.open(repo.dir), {
      ref: REF,
      remote: null
    }).readRecords()
    expect(records.map(r => r.runId)).toEqual(['1'])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/not run records; skipped/)
  })

  it('warns and goes on with local notes when origin cannot be reached', async () => {
    const repo = makeRepo({ 'a.txt': 'a' })
    appendRecord(repo.dir, record('1', '2026-01-01T00:00:00Z', [syncedEntry('a_python', 0.1)]), 'HEAD')
    git(repo.dir, 'remote', 'set-url', 'origin', '/nonexistent/origin.git')
    const { records, warnings } = await new NotesStore(await Git.open(repo.dir), {
      ref: REF,
      remote: 'origin'
    }).readRecords()
    expect(records.map(r => r.runId)).toEqual(['1'])
    expect(warnings[0]).toMatch(/Could not fetch refs\/notes\/pdd-sync from origin/)
  })

  it('reads thousands of notes with one cat-file process', async () => {
    const repo = makeRepo({ 'a.txt': 'a' })
    const notes = new Map<string, string>()
    for (let i = 0; i < 2000; i++) {
      const key = (i + 1).toString(16).padStart(40, '0')
      notes.set(
        key,
        JSON.stringify(record(String(i), '2026-01-01T00:00:00Z', [syncedEntry(`u${i}_python`, 0.1)]))
      )
    }
    bulkNotes(repo.dir, notes)
    const { records } = await new NotesStore(await Git.open(repo.dir), {
      ref: REF,
      remote: null
    }).readRecords()
    expect(records).toHaveLength(2000)
  })
})
