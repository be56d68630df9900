/**
 * Probes of the notes ref on the origin when it is not what pdd-sync wrote: a blob, a branch's commit, an
 * annotated tag, a notes commit with a stray file; and of forged records in it. Reading must warn and plan with
 * what it can read; writing must never rewind the ref or overwrite it, and must say where the record went.
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { Git } from '../src/adapters/git.js'
import { BOT } from '../src/execute/execute.js'
import { writeRunRecord } from '../src/publish/notes-writer.js'
import { isNotePath, NotesStore } from '../src/state/notes-store.js'
import { parseNote, type RunRecord } from '../src/state/record.js'
import { cloneOf, git, gitEnv, makeRepo, tempDir, type TestRepo } from './helpers/git-repo.js'
import { appendRecord, record, syncedEntry, unitKey } from './helpers/notes.js'

const REF = 'refs/notes/pdd-sync'
const good = (runId: string, cost = 0.1): RunRecord =>
  record(runId, '2026-01-01T00:00:00Z', [syncedEntry('a_python', cost)])

type Junk = 'blob' | 'branch commit' | 'tag object'
function junkOf(repo: TestRepo, kind: Junk): string {
  if (kind === 'blob') return git(repo.origin, 'hash-object', '-w', '/dev/null').trim()
  if (kind === 'tag object') {
    git(repo.dir, 'tag', '-a', '-m', 'junk', 'v1')
    git(repo.dir, 'push', '-q', 'origin', 'v1')
    return git(repo.origin, 'rev-parse', 'refs/tags/v1').trim()
  }
  return git(repo.origin, 'rev-parse', 'refs/heads/main').trim()
}

async function readIn(dir: string): Promise<{ records: RunRecord[]; warnings: string[] }> {
  return new NotesStore(await Git.open(dir, gitEnv()), { ref: REF, remote: 'origin' }).readRecords()
}

async function write(dir: string, runId: string): Promise<Awaited<ReturnType<typeof writeRunRecord>>> {
  return writeRunRecord({
    git: await Git.open(dir, gitEnv()),
    remote: 'origin',
    ref: REF,
    object: unitKey(dir, 'a_python'),
    record: good(runId),
    identity: BOT,
    sleep: () => Promise.resolve()
  })
}

describe.each<Junk>(['blob', 'branch commit', 'tag object'])('the origin notes ref is a %s', kind => {
  it('planning reads no junk as records, says so, and still reads the local notes', async () => {
    const repo = makeRepo({ 'a.txt': 'a\n', 'b/c.txt': 'not a note\n' })
    git(repo.origin, 'update-ref', REF, junkOf(repo, kind))
    const clone = cloneOf(repo.origin)
    appendRecord(clone, good('local-1'), unitKey(clone, 'a_python'))
    const r = await readIn(clone)
    expect(r.records.map(x => x.runId)).toEqual(['local-1'])
    const said = r.warnings.join('\n')
    if (kind === 'blob') expect(said).toMatch(/refs\/notes\/pdd-sync on origin is not a notes commit/)
    else
      expect(said).toMatch(
        /refs\/notes\/pdd-sync on origin holds 2 file\(s\) that are not notes \(e\.g\. a\.txt\)/
      )
    expect(said).not.toMatch(/not run records/)
  })

  it('writing never overwrites it: a blob is named with the fix, a commit is merged into the notes', async () => {
    const repo = makeRepo({ 'a.txt': 'a\n' })
    const junk = junkOf(repo, kind)
    git(repo.origin, 'update-ref', REF, junk)
    const clone = cloneOf(repo.origin)
    const r = await write(clone, 'run-1')
    const tip = git(repo.origin, 'rev-parse', REF).trim()
    if (kind === 'blob') {
      expect(r).toMatchObject({ pushed: false, attempts: 1 })
      expect(r.error).toMatch(/is not a notes commit .*git push origin :refs\/notes\/pdd-sync/)
      expect(tip).toBe(junk)
      return
    }
    expect(r.pushed).toBe(true)
    git(
      repo.origin,
      'merge-base',
      '--is-ancestor',
      git(repo.origin, 'rev-parse', `${junk}^{commit}`).trim(),
      tip
    )
    const key = unitKey(clone, 'a_python')
    expect(parseNote(git(repo.origin, 'notes', `--ref=${REF}`, 'show', key)).records).toHaveLength(1)
    expect((await readIn(cloneOf(repo.origin))).records.map(x => x.runId)).toEqual(['run-1'])
  })
})

describe('records in the notes', () => {
  it('a notes commit with a stray file: the notes are read, the file is not', async () => {
    const repo = makeRepo({ 'a.txt': 'a\n' })
    const seed = cloneOf(repo.origin)
    expect((await write(seed, 'run-1')).pushed).toBe(true)
    // Someone commits a README into the notes tree.
    const tree = git(seed, 'rev-parse', `${REF}^{tree}`).trim()
    const blob = git(seed, 'hash-object', '-w', 'a.txt').trim()
    const listing = git(seed, 'ls-tree', tree) + `100644 blob ${blob}\tREADME\n`
    const newTree = execFileSync('git', ['mktree'], { cwd: seed, env: gitEnv(), input: listing })
      .toString()
      .trim()
    const parent = git(seed, 'rev-parse', REF).trim()
    const commit = git(seed, 'commit-tree', newTree, '-p', parent, '-m', 'readme').trim()
    git(seed, 'push', '-q', 'origin', `${commit}:${REF}`)
    const r = await readIn(cloneOf(repo.origin))
    expect(r.records.map(x => x.runId)).toEqual(['run-1'])
    expect(r.warnings).toEqual([
      'refs/notes/pdd-sync on origin holds 1 file(s) that are not notes (e.g. README); they are ignored.'
    ])
  })

  it.each([
    ['a negative unit cost', { cost: -50 }],
    ['an infinite unit cost (1e400)', { cost: '1e400' }],
    ['a unit cost that is text', { cost: '"0.1"' }]
  ])('a record with %s is not a record', (_what, bad) => {
    const line = JSON.stringify(good('forged')).replace('"cost":0.1', `"cost":${String(bad.cost)}`)
    expect(line).not.toContain('"cost":0.1')
    const parsed = parseNote(`${line}\n${JSON.stringify(good('fine'))}\n`)
    expect(parsed.records.map(r => r.runId)).toEqual(['fine'])
    expect(parsed.badLines).toBe(1)
  })

  it('knows a note path from any other file', () => {
    const oid = 'ab'.repeat(20)
    expect(isNotePath(oid)).toBe(true)
    expect(isNotePath(`ab/${'cd'.repeat(19)}`)).toBe(true)
    expect(isNotePath(`ab/cd/${'ef'.repeat(18)}`)).toBe(true)
    expect(isNotePath('c'.repeat(64))).toBe(true)
    for (const p of ['README', `abc/${'d'.repeat(37)}`, `${oid}.txt`, `AB${'cd'.repeat(19)}`, 'a.txt'])
      expect(isNotePath(p)).toBe(false)
  })
})

describe('an HTTP origin that stops answering', () => {
  it('every git command of a run gets a low-speed limit of 60 s unless the job sets one', async () => {
    const repo = makeRepo({ 'a.txt': 'a\n' })
    const clone = cloneOf(repo.origin)
    // A remote helper on PATH (git runs git-remote-<scheme> for <scheme>::…) records the environment git gave it.
    const bin = tempDir()
    const seen = path.join(bin, 'seen')
    const helper = path.join(bin, 'git-remote-probe3')
    writeFileSync(
      helper,
      `#!/bin/sh\necho "$GIT_HTTP_LOW_SPEED_LIMIT/$GIT_HTTP_LOW_SPEED_TIME" > '${seen}'\nexit 1\n`
    )
    chmodSync(helper, 0o755)
    git(clone, 'remote', 'set-url', 'origin', 'probe3::nowhere')
    const env: NodeJS.ProcessEnv = { ...gitEnv(), PATH: `${bin}:${process.env.PATH ?? ''}` }
    delete env.GIT_HTTP_LOW_SPEED_LIMIT
    delete env.GIT_HTTP_LOW_SPEED_TIME
    const saved = { limit: process.env.GIT_HTTP_LOW_SPEED_LIMIT, time: process.env.GIT_HTTP_LOW_SPEED_TIME }
    delete process.env.GIT_HTTP_LOW_SPEED_LIMIT
    delete process.env.GIT_HTTP_LOW_SPEED_TIME
    try {
      await new NotesStore(await Git.open(clone, env), { ref: REF, remote: 'origin' }).readRecords()
    } finally {
      if (saved.limit !== undefined) process.env.GIT_HTTP_LOW_SPEED_LIMIT = saved.limit
      if (saved.time !== undefined) process.env.GIT_HTTP_LOW_SPEED_TIME = saved.time
    }
    expect(readFileSync(seen, 'utf8').trim()).toBe('1/60')
  })

  it('fails the notes fetch (git gives up at the low-speed limit) instead of hanging', async () => {
    const held: ServerResponse[] = []
    const server = createServer((_req, res) => void held.push(res))
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    try {
      const repo = makeRepo({ 'a.txt': 'a\n' })
      const clone = cloneOf(repo.origin)
      git(
        clone,
        'remote',
        'set-url',
        'origin',
        `http://127.0.0.1:${(server.address() as AddressInfo).port}/r.git`
      )
      // The default is 60 s; the job's own value wins, so the test asks for 1 s.
      const g = await Git.open(clone, { ...gitEnv(), GIT_HTTP_LOW_SPEED_TIME: '1' })
      const r = await new NotesStore(g, { ref: REF, remote: 'origin' }).readRecords()
      expect(r.warnings.join('\n')).toMatch(
        /Could not fetch refs\/notes\/pdd-sync from origin; .*(too slow|timed out|Operation too slow)/i
      )
      expect(held.length).toBeGreaterThan(0)
    } finally {
      for (const res of held) res.destroy()
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  })
})
