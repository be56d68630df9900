/**
 * `pdd-sync run` (the bundled CLI) remembers what it paid for: it writes the run record to the local notes, so
 * after its bot branch is merged (fast-forward or squash) the next run starts no pdd at all and pays nothing.
 * The real pdd-cli runs against the scripted LLM server behind a wrapper that logs every start. One run
 * without `--push` is shared by the checks of that run, by both merge modes and by the `--push` run, each on its
 * own copy of the repository (the `--push` run after a merge and a reworded prompt, so it pays for one unit, not
 * for a second first run of both: issue 15).
 */
import { cpSync } from 'node:fs'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import type { RunResult } from '../src/execute/result.js'
import { runCliAsync } from './helpers/bundles.js'
import { CALC_UNIT, GREET_UNIT, PROMPTS } from './helpers/calc-units.js'
import { git, tempDir, writeFiles } from './helpers/git-repo.js'
import { runRecordsIn } from './helpers/notes.js'
import { realRepo, type RealRepo } from './helpers/real-execute.js'
import { recordingPdd, type RecordingPdd } from './helpers/pdd-wrapper.js'
import { describeRealPdd, realPdd } from './helpers/real-pdd.js'

const NOTES = 'refs/notes/pdd-sync'
const TIMEOUT = 300_000

/** The two-unit repository and its scripted server (the caller closes it). */
function calcRepo(): Promise<RealRepo> {
  return realRepo({ units: { calc: CALC_UNIT, greet: GREET_UNIT } }, { ...PROMPTS.calc, ...PROMPTS.greet })
}

async function cliRun(
  repo: RealRepo,
  command: string,
  more: string[] = [],
  dir = repo.dir
): Promise<RunResult> {
  const r = await runCliAsync(
    ['run', '--repo', dir, '--pdd-command', command, '--json', '--max-attempts', '2', ...more],
    repo.env
  )
  expect(r.status, r.stderr).toBe(0)
  return JSON.parse(r.stdout) as RunResult
}

const merges: Record<string, (dir: string) => void> = {
  'fast-forward': dir => git(dir, 'merge', '-q', '--ff-only', 'pdd-sync/main'),
  squash: dir => {
    git(dir, 'merge', '-q', '--squash', 'pdd-sync/main')
    git(dir, 'commit', '-q', '-m', 'squashed pdd sync')
  }
}

interface FirstRun {
  repo: RealRepo
  pdd: RecordingPdd
  first: RunResult
}

/**
 * The run without `--push` both merge modes start from, made once for the file (its two syncs are the costly
 * part): its world lives until the file ends. Each merge test works on its own copy of the repository.
 */
let firstRun: Promise<FirstRun> | undefined
let closeFirst: (() => Promise<void>) | undefined
afterAll(async () => closeFirst?.())
function sharedFirstRun(): Promise<FirstRun> {
  firstRun ??= (async () => {
    const repo = await calcRepo()
    closeFirst = () => repo.server.close()
    const pdd = recordingPdd({ consoleScript: true })
    const first = await cliRun(repo, pdd.command)
    return { repo, pdd, first }
  })()
  return firstRun
}

/** `repo.dir` copied whole (work tree, local notes, bot branch, the origin it points at). */
function copyOf(dir: string): string {
  const copy = path.join(tempDir('cli-record-copy-'), 'w')
  cpSync(dir, copy, { recursive: true, verbatimSymlinks: true })
  return copy
}

describeRealPdd.concurrent('pdd-sync run records what it paid for in the local notes', () => {
  it(
    'run: syncs both units, records them (with fingerprints) in the local notes, pushes nothing without --push',
    async () => {
      const { repo, pdd, first } = await sharedFirstRun()
      expect(first.units.map(u => `${u.id}:${u.status}`).sort()).toEqual([
        'calc_python:synced',
        'greet_python:synced'
      ])
      expect(first.spent).toBeGreaterThan(0)
      // pdd started for the two syncs only: its version came from the venv's metadata (the wrapper is pip's
      // console script for pdd), and is in the record.
      expect(pdd.starts().filter(s => / sync /.test(` ${s} `))).toHaveLength(2)
      expect(pdd.starts()).toHaveLength(2)
      const [record, ...more] = runRecordsIn(repo.dir)
      expect(more).toEqual([])
      expect(record).toMatchObject({
        schema: 1,
        trigger: 'cli',
        baseSha: repo.base,
        spent: first.spent,
        pddVersion: realPdd()?.version
      })
      expect(record?.units.map(u => [u.id, u.status, u.fingerprint !== null]).sort()).toEqual([
        ['calc_python', 'synced', true],
        ['greet_python', 'synced', true]
      ])
      // Nothing was pushed without --push.
      expect(git(repo.dir, 'ls-remote', 'origin').trim()).not.toMatch(/pdd-sync/)
    },
    TIMEOUT
  )

  it.each(Object.keys(merges))(
    'run, merge the bot branch (%s), run again: the second run starts no pdd and costs nothing',
    async mode => {
      const { repo } = await sharedFirstRun()
      const dir = copyOf(repo.dir)
      merges[mode]?.(dir)
      // A wrapper of its own: the other merge mode's second run may be running meanwhile.
      const pdd = recordingPdd({ consoleScript: true })
      const seen = new Set(repo.server.calls())
      const second = await cliRun(repo, pdd.command, [], dir)
      expect(pdd.starts()).toEqual([])
      expect(repo.server.calls().filter(c => !seen.has(c))).toEqual([])
      expect(second.spent).toBe(0)
      expect(second.units.map(u => `${u.id}:${u.status}`).sort()).toEqual([
        'calc_python:unchanged',
        'greet_python:unchanged'
      ])
      // A run with nothing to do writes no record.
      expect(runRecordsIn(dir)).toHaveLength(1)
    },
    TIMEOUT
  )

  it(
    '--push pushes the bot branch and merges the record into the remote notes; a fresh clone then pays nothing',
    async () => {
      // The first run's repository, its bot branch merged, then greet's prompt reworded: the --push run pays for
      // greet only (its own sync, not a second first run of both units), against an origin of its own.
      const { repo } = await sharedFirstRun()
      const dir = copyOf(repo.dir)
      const origin = path.join(tempDir('cli-record-origin-'), 'origin.git')
      git(dir, 'clone', '-q', '--bare', git(dir, 'remote', 'get-url', 'origin').trim(), origin)
      git(dir, 'remote', 'set-url', 'origin', origin)
      merges['fast-forward']?.(dir)
      writeFiles(dir, {
        'prompts/greet_python.prompt': 'Write a Python module greet with greet(name), politely.\n'
      })
      git(dir, 'commit', '-q', '-am', 'reword greet')
      const pdd = recordingPdd({ consoleScript: true })
      // Another writer's record is already on origin's notes: it must survive the merge.
      const foreign = `{"schema":1,"runId":"other","trigger":"schedule","baseSha":"${repo.base}","createdAt":"2026-01-01T00:00:00Z","budget":1,"spent":0,"units":[]}`
      const scratch = tempDir('other-writer-')
      git(scratch, 'clone', '-q', origin, 'c')
      git(path.join(scratch, 'c'), 'notes', `--ref=${NOTES}`, 'add', '-m', foreign, repo.base)
      git(path.join(scratch, 'c'), 'push', '-q', 'origin', NOTES)

      const first = await cliRun(repo, pdd.command, ['--push'], dir)
      expect(first.units.map(u => `${u.id}:${u.status}`).sort()).toEqual([
        'calc_python:unchanged',
        'greet_python:synced'
      ])
      expect(pdd.starts()).toHaveLength(1)
      expect(first.spent).toBeGreaterThan(0)
      expect(git(origin, 'rev-parse', 'refs/heads/pdd-sync/main').trim()).toBe(first.head)
      // Every record of the local notes (the first run's and this one's) is on origin beside the other writer's.
      const local = runRecordsIn(dir)
        .map(r => r.runId)
        .filter(id => id !== 'other')
      expect(local).toHaveLength(2)
      expect(
        runRecordsIn(origin)
          .map(r => r.runId)
          .sort()
      ).toEqual([...local, 'other'].sort())

      // Another laptop: a fresh clone of origin with the branch merged plans from origin's notes.
      git(origin, 'update-ref', 'refs/heads/main', first.head as string)
      const clone = path.join(tempDir('clone-'), 'w')
      git(tempDir(), 'clone', '-q', origin, clone)
      const started = pdd.starts().length
      const r = await runCliAsync(['run', '--repo', clone, '--pdd-command', pdd.command, '--json'], repo.env)
      expect(r.status, r.stderr).toBe(0)
      expect((JSON.parse(r.stdout) as RunResult).spent).toBe(0)
      expect(pdd.starts()).toHaveLength(started)
    },
    TIMEOUT
  )
})
