import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Plan } from '../src/types.js'
import { runActionAsync, type ActionRun } from './helpers/action-runner.js'
import { exampleRepo } from './helpers/example-repo.js'
import { git, gitEnv, tempDir } from './helpers/git-repo.js'
import { serveGitHttp, type GitHttpServer } from './helpers/git-http.js'
import { appendRecord, record, syncedEntry, unitKey } from './helpers/notes.js'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

/**
 * A private origin and a checkout without persisted credentials (`actions/checkout` with
 * `persist-credentials: false`): every fetch the planner makes (the run records in notes, a push's `before`
 * commit in a shallow clone) authenticates with the action's token per command, and nothing is written to the
 * repository's git config. The origin is git's own `git http-backend` behind basic auth.
 */
const TOKEN = 'ghs_privateOriginToken0123456789abcdef'
const BASIC = Buffer.from(`x-access-token:${TOKEN}`).toString('base64')

let server: GitHttpServer
beforeAll(async () => {
  // The served root is `/`: each test's bare origin (a temp folder of its own) is at its absolute path.
  server = await serveGitHttp('/', TOKEN)
})
afterAll(() => server.close())

/** A clone over HTTP made with the header on the command line only, as checkout leaves it without persisting. */
/** The example repository with a costed run record on origin's notes, and a later commit changing one prompt. */
function privateRepo(): { origin: string; before: string; after: string } {
  const repo = exampleRepo()
  // A planner that read this record no longer calibrates.
  const entry = syncedEntry('calculator_python', 0.02)
  appendRecord(
    repo.dir,
    record('r1', '2026-01-01T00:00:00Z', [entry]),
    unitKey(repo.dir, 'calculator_python')
  )
  git(repo.dir, 'push', '-q', 'origin', 'refs/notes/pdd-sync')
  const before = git(repo.dir, 'rev-parse', 'HEAD').trim()
  const prompt = readFileSync(path.join(repo.dir, 'prompts', 'calculator_typescript.prompt'), 'utf8')
  const after = repo.commit({
    'prompts/calculator_typescript.prompt': prompt + '\nAlso: round to 2 places.\n'
  })
  return { origin: repo.origin, before, after }
}

async function httpClone(origin: string, depth?: number): Promise<string> {
  const dir = path.join(tempDir('private-'), 'clone')
  // Not execFileSync: the server answers from this process.
  await promisify(execFile)(
    'git',
    [
      '-c',
      `http.extraheader=AUTHORIZATION: basic ${BASIC}`,
      'clone',
      '-q',
      ...(depth ? ['--depth', String(depth)] : []),
      server.urlOf(origin.replace(/^\//, '')),
      dir
    ],
    { env: gitEnv() }
  )
  return dir
}

function planOf(run: ActionRun): Plan {
  return JSON.parse(readFileSync(run.outputs.plan ?? '', 'utf8')) as Plan
}

function expectNoToken(run: ActionRun, clone: string): void {
  // `::add-mask::` lines are commands to the runner (they make it hide the value), never shown.
  const stdout = run.stdout.replace(/^::add-mask::.*$/gm, '')
  for (const text of [stdout, run.stderr, run.summary, JSON.stringify(run.outputs)]) {
    expect(text).not.toContain(TOKEN)
    expect(text).not.toContain(BASIC)
  }
  // Nothing persisted: the clone's config holds no header, before or after.
  expect(git(clone, 'config', '--list', '--local')).not.toMatch(/extraheader|AUTHORIZATION/i)
}

describe('private origin, checkout without persisted credentials', () => {
  it('the clone itself cannot fetch without a token (the origin really is private)', async () => {
    const clone = await httpClone(privateRepo().origin)
    const fetch = promisify(execFile)('git', ['fetch', '-q', 'origin'], {
      cwd: clone,
      env: { ...gitEnv(), GIT_TERMINAL_PROMPT: '0' }
    })
    await expect(fetch).rejects.toThrow(/Authentication failed|401|could not read Username/)
    expect(server.requests.some(r => !r.authorized)).toBe(true)
  })

  it('mode plan reads the run records from origin with the token, sending exactly one header', async () => {
    const clone = await httpClone(privateRepo().origin)
    const seen = server.requests.length
    const run = await runActionAsync(
      { mode: 'plan', token: TOKEN },
      { workspace: clone, event: 'schedule', serverUrl: server.url }
    )
    expect(run.stdout).not.toMatch(/::error::/)
    expect(run.status).toBe(0)
    expect(run.stdout).not.toMatch(/Could not fetch refs\/notes\/pdd-sync/)
    expect(planOf(run).calibrating).toBe(false)
    const mine = server.requests.slice(seen)
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.every(r => r.authorized && r.authorization.length === 1)).toBe(true)
    expectNoToken(run, clone)
  })

  it('without a token it warns and plans from local history (it cannot read the private notes)', async () => {
    const clone = await httpClone(privateRepo().origin)
    const run = await runActionAsync(
      { mode: 'plan', token: '' },
      { workspace: clone, event: 'schedule', serverUrl: server.url }
    )
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(
      /Could not fetch refs\/notes\/pdd-sync from origin; planning with local history only/
    )
    expect(planOf(run).calibrating).toBe(true)
  })

  it("a push to a shallow clone fetches the push's before commit with the token and plans only the change", async () => {
    const { origin, before, after } = privateRepo()
    const clone = await httpClone(origin, 1)
    expect(() => git(clone, 'cat-file', '-e', `${before}^{commit}`)).toThrow()
    const run = await runActionAsync(
      { mode: 'plan', token: TOKEN },
      { workspace: clone, event: 'push', serverUrl: server.url, payload: { before, after } }
    )
    expect(run.stdout).not.toMatch(/::error::|::warning::.*fetch/)
    expect(run.status).toBe(0)
    expect(JSON.parse(run.outputs.units ?? '[]')).toEqual(['calculator_typescript'])
    expectNoToken(run, clone)
  })
})
