import { chmodSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { Git } from '../src/adapters/git.js'
import { BOT } from '../src/execute/execute.js'
import {
  backoffDelay,
  isRetryablePushError,
  mergeNoteText,
  writeRunRecord,
  type WriteRunRecordResult
} from '../src/publish/notes-writer.js'
import { parseNote, type RunRecord } from '../src/state/record.js'
import { cloneOf, git, gitEnv, makeRepo } from './helpers/git-repo.js'
import { record, unitKey } from './helpers/notes.js'

const REF = 'refs/notes/pdd-sync'

function rec(runId: string): RunRecord {
  return record(runId, '2026-01-01T00:00:00Z', [
    {
      id: 'a_python',
      basename: 'a',
      language: 'python',
      status: 'synced',
      operations: ['generate'],
      cost: 0.1,
      duration: 1,
      reason: '',
      fingerprint: null,
      runReport: null
    }
  ])
}

/** A short real wait, so concurrent writers interleave without slowing the test down. */
const quick = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, Math.ceil(ms / 25)))

/** The note of `key` on the bare origin, or '' when it has none. */
function remoteNote(origin: string, key: string): string {
  try {
    return git(origin, 'notes', `--ref=${REF}`, 'show', key)
  } catch {
    return ''
  }
}

async function writer(dir: string): Promise<Git> {
  return Git.open(dir, gitEnv())
}

describe('pure helpers', () => {
  it('builds a note of sorted unique non-blank lines', () => {
    expect(mergeNoteText(null, '{"b":1}')).toBe('{"b":1}\n')
    expect(mergeNoteText('{"c":1}\n\n{"a":1}\n{"c":1}\n', '{"b":1}')).toBe('{"a":1}\n{"b":1}\n{"c":1}\n')
  })

  it('grows its jittered waits and classifies push errors', () => {
    for (const r of [0, 0.5, 0.999]) {
      const waits = [1, 2, 3, 4].map(a => backoffDelay(a, () => r))
      expect(waits).toEqual([...waits].sort((a, b) => a - b))
      expect(new Set(waits).size).toBe(4)
    }
    expect(backoffDelay(1, () => 0.5)).toBe(50)
    expect(backoffDelay(9, () => 0.5)).toBe(5000)
    expect(isRetryablePushError('! [rejected] refs/notes/x -> refs/notes/x (fetch first)')).toBe(true)
    expect(isRetryablePushError("cannot lock ref 'refs/notes/x': is at 1 but expected 2")).toBe(true)
    expect(isRetryablePushError("fatal: '/nowhere' does not appear to be a git repository")).toBe(false)
  })
})

describe('writeRunRecord (real git, bare origin)', () => {
  it('creates the remote notes ref on the first write', async () => {
    const repo = makeRepo({ 'a.txt': 'a' })
    const clone = cloneOf(repo.origin, 1)
    const key = unitKey(clone, 'a_python')
    const r = await writeRunRecord({
      git: await writer(clone),
      remote: 'origin',
      ref: REF,
      object: key,
      record: rec('1'),
      identity: BOT,
      sleep: quick
    })
    expect(r).toEqual({ pushed: true, attempts: 1 })
    expect(parseNote(remoteNote(repo.origin, key)).records.map(x => x.runId)).toEqual(['1'])
    expect(git(repo.origin, 'log', '-1', '--format=%ae %ce', REF).trim()).toBe(`${BOT.email} ${BOT.email}`)
  })

  it('keeps the records of a second writer on the same object (cat_sort_uniq, no blank lines)', async () => {
    const repo = makeRepo({ 'a.txt': 'a' })
    const one = cloneOf(repo.origin)
    const two = cloneOf(repo.origin)
    const key = unitKey(one, 'a_python')
    const base = { remote: 'origin', ref: REF, object: key, identity: BOT, sleep: quick }
    // Two clones write before either fetched the other's note: the second has to merge.
    const g2 = await writer(two)
    await writeRunRecord({ ...base, git: g2, remote: null, record: rec('2') })
    expect((await writeRunRecord({ ...base, git: await writer(one), record: rec('1') })).pushed).toBe(true)
    const first = git(repo.origin, 'rev-parse', REF).trim()
    expect((await writeRunRecord({ ...base, git: g2, record: rec('3') })).pushed).toBe(true)
    const text = remoteNote(repo.origin, key)
    expect(text.split('\n').filter(l => l === '')).toEqual([''])
    expect(text.endsWith('\n')).toBe(true)
    const parsed = parseNote(text)
    expect(parsed.badLines).toBe(0)
    expect(parsed.records.map(x => x.runId).sort()).toEqual(['1', '2', '3'])
    // Never rewound: the first remote tip is an ancestor of the new one.
    git(repo.origin, 'merge-base', '--is-ancestor', first, REF)
  })

  it('loses nothing with six concurrent writers in separate clones', async () => {
    const repo = makeRepo({ 'a.txt': 'a' })
    const key = unitKey(repo.dir, 'a_python')
    const seed = cloneOf(repo.origin)
    await writeRunRecord({
      git: await writer(seed),
      remote: 'origin',
      ref: REF,
      object: key,
      record: rec('0'),
      identity: BOT
    })
    const before = git(repo.origin, 'rev-parse', REF).trim()
    const gits = await Promise.all([1, 2, 3, 4, 5, 6].map(() => writer(cloneOf(repo.origin))))
    const results = await Promise.all(
      gits.map(async (g, i): Promise<WriteRunRecordResult[]> => {
        const out: WriteRunRecordResult[] = []
        for (const n of [1, 2]) {
          out.push(
            await writeRunRecord({
              git: g,
              remote: 'origin',
              ref: REF,
              object: key,
              record: rec(`${i + 1}.${n}`),
              identity: BOT,
              attempts: 30,
              sleep: quick
            })
          )
        }
        return out
      })
    )
    const flat = results.flat()
    expect(flat.every(r => r.pushed)).toBe(true)
    expect(flat.some(r => r.attempts > 1)).toBe(true)
    const text = remoteNote(repo.origin, key)
    expect(text).not.toMatch(/\n\n/)
    const ids = parseNote(text).records.map(x => x.runId)
    const expected = ['0', ...[1, 2, 3, 4, 5, 6].flatMap(i => [`${i}.1`, `${i}.2`])]
    expect(ids.sort()).toEqual(expected.sort())
    git(repo.origin, 'merge-base', '--is-ancestor', before, REF)
    // Every writer's own records are in its local notes as well.
    for (const [i, g] of gits.entries()) {
      const local = parseNote((await g.readNote(REF, key)) ?? '').records.map(x => x.runId)
      expect(local).toEqual(expect.arrayContaining([`${i + 1}.1`, `${i + 1}.2`]))
    }
  })

  it('gives up after N rejected pushes, keeping the record in the local notes', async () => {
    const repo = makeRepo({ 'a.txt': 'a' })
    const hook = path.join(repo.origin, 'hooks', 'pre-receive')
    writeFileSync(hook, '#!/bin/sh\necho "notes are frozen" >&2\nexit 1\n')
    chmodSync(hook, 0o755)
    const clone = cloneOf(repo.origin)
    const key = unitKey(clone, 'a_python')
    const sleep = vi.fn((_ms: number) => Promise.resolve())
    const g = await writer(clone)
    const r = await writeRunRecord({
      git: g,
      remote: 'origin',
      ref: REF,
      object: key,
      record: rec('7'),
      identity: BOT,
      attempts: 4,
      sleep,
      random: () => 0.5
    })
    expect(r.pushed).toBe(false)
    expect(r.attempts).toBe(4)
    expect(r.error).toMatch(/gave up after 4 attempts: .*pre-receive hook declined/)
    expect(sleep.mock.calls.map(c => c[0])).toEqual([50, 500, 2000])
    expect(parseNote((await g.readNote(REF, key)) ?? '').records.map(x => x.runId)).toEqual(['7'])
    expect(() => git(repo.origin, 'rev-parse', '--verify', '-q', REF)).toThrow()
  })

  it('does not retry an error that is not a lost race', async () => {
    const repo = makeRepo({ 'a.txt': 'a' })
    const clone = cloneOf(repo.origin)
    git(clone, 'remote', 'add', 'nowhere', path.join(repo.origin, 'missing.git'))
    const key = unitKey(clone, 'a_python')
    const sleep = vi.fn((_ms: number) => Promise.resolve())
    const g = await writer(clone)
    const r = await writeRunRecord({
      git: g,
      remote: 'nowhere',
      ref: REF,
      object: key,
      record: rec('8'),
      identity: BOT,
      sleep
    })
    expect(r).toMatchObject({ pushed: false, attempts: 1 })
    expect(r.error).toMatch(/git fetch .*the repository exists/)
    expect(sleep).not.toHaveBeenCalled()
    expect(parseNote((await g.readNote(REF, key)) ?? '').records.map(x => x.runId)).toEqual(['8'])
  })

  it('writes the local notes only when there is no remote', async () => {
    const repo = makeRepo({ 'a.txt': 'a' })
    const g = await writer(repo.dir)
    const key = unitKey(repo.dir, 'a_python')
    const base = { git: g, remote: null, ref: REF, object: key, identity: BOT }
    expect(await writeRunRecord({ ...base, record: rec('1') })).toEqual({ pushed: false, attempts: 0 })
    await writeRunRecord({ ...base, record: rec('1') })
    await writeRunRecord({ ...base, record: rec('2') })
    expect(parseNote((await g.readNote(REF, key)) ?? '').records.map(x => x.runId)).toEqual(['1', '2'])
    expect(() => git(repo.origin, 'rev-parse', '--verify', '-q', REF)).toThrow()
    await expect(writeRunRecord({ ...base, object: 'abc', record: rec('3') })).rejects.toThrow(
      /full object id/
    )
  })
})
