/**
 * The environment a command-line run starts in. A temporary folder (TMPDIR; RUNNER_TEMP in Actions) that is
 * missing or is a file: before the fix `run` got as far as asking pdd its version and stopped on
 * "ENOENT … mkdtemp '/nonexistent/pdd-version-XXXXXX'"; now every command stops first with a message naming the
 * variable and the folder (src/adapters/temp.ts `scratchRootProblem`).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { scratchRootProblem } from '../src/adapters/temp.js'
import { buildPlan } from '../src/plan/plan.js'
import { runCliAsync } from './helpers/bundles.js'
import { tempDir } from './helpers/git-repo.js'
import { appendRecord, record, unitKey } from './helpers/notes.js'
import { planOptionsFor } from './helpers/plan-options.js'
import { changes, pddStarts, sandbox, SECRETS, snapshot } from './helpers/reliability.js'

const FILES = { 'prompts/calc_python.prompt': 'Write a calculator.\n' }

describe.concurrent('a temporary folder that cannot hold scratch folders', () => {
  const aFile = (): string => {
    const f = path.join(tempDir(), 'not-a-folder')
    writeFileSync(f, 'x')
    return f
  }

  it.each([
    [
      'missing',
      (): string => '/nonexistent/pdd-sync-tmp',
      /TMPDIR\) \/nonexistent\/pdd-sync-tmp does not exist/
    ],
    ['a file', aFile, /TMPDIR\) \S+not-a-folder is not a folder/]
  ])('cli run: %s', async (_name, tmp, message) => {
    const s = sandbox(FILES)
    const before = snapshot(s)
    const env = { ...process.env, TMPDIR: tmp(), OPENAI_API_KEY: SECRETS.openai }
    const r = await runCliAsync(
      ['run', '--repo', s.dir, '--pdd-command', s.pddCommand, '--no-fetch'],
      env,
      s.dir
    )
    expect(r.stderr).toMatch(message)
    expect(r.stderr).toMatch(/set it to a writable folder\./)
    expect(r.stderr).not.toMatch(/mkdtemp/)
    expect(r.status).toBe(1)
    expect(pddStarts(s)).toEqual([])
    expect(changes(before, snapshot(s), {})).toEqual([])
  })

  it('cli plan says the same', async () => {
    const s = sandbox(FILES)
    const env = { ...process.env, TMPDIR: '/nonexistent/pdd-sync-tmp' }
    const r = await runCliAsync(['plan', '--repo', s.dir, '--no-fetch'], env, s.dir)
    expect(r.stderr).toMatch(/the temporary folder \(TMPDIR\) \/nonexistent\/pdd-sync-tmp does not exist/)
    expect(r.status).toBe(1)
  })

  it('RUNNER_TEMP is named when it chose the folder; a writable folder is fine', () => {
    expect(scratchRootProblem({ RUNNER_TEMP: '/nonexistent/runner-temp' })).toBe(
      'RUNNER_TEMP /nonexistent/runner-temp does not exist: set it to a writable folder.'
    )
    expect(scratchRootProblem({ RUNNER_TEMP: tempDir() })).toBeNull()
  })
})

describe('a git read that fails while discovery runs', () => {
  // Reading the notes starts before discovery and is awaited after it. Before the fix its failure (here: no
  // folder for `git cat-file`'s files) was an unhandled rejection that killed `pdd-sync plan` with a raw stack.
  it('is the plan’s error, not an unhandled rejection', async () => {
    const s = sandbox(FILES)
    appendRecord(s.dir, record('r1', '2026-01-02T00:00:00Z', []), unitKey(s.dir, 'calc_python'))
    const quiet = {
      info: () => undefined,
      notice: () => undefined,
      warning: () => undefined,
      error: () => undefined,
      group: <T>(_n: string, f: () => Promise<T>): Promise<T> => f()
    }
    const saved = process.env.RUNNER_TEMP
    process.env.RUNNER_TEMP = '/nonexistent/pdd-sync-runner-temp'
    try {
      await expect(buildPlan(planOptionsFor(s.dir), quiet)).rejects.toThrow(/ENOENT.*pdd-sync-cat-/)
    } finally {
      if (saved === undefined) delete process.env.RUNNER_TEMP
      else process.env.RUNNER_TEMP = saved
    }
    // A tick for a stray rejection to surface (vitest fails the file on one).
    await new Promise(resolve => setTimeout(resolve, 50))
  })
})

describe.concurrent('a .pddrc above the folder where worktrees are made', () => {
  // PDD searches every parent folder for .pddrc; before the fix a `.pddrc` above TMPDIR (`/tmp/.pddrc` on a
  // shared machine) configured every sync of a project without one, and the plan never saw it.
  const scratchUnder = (): { scratch: string; pddrc: string } => {
    const top = tempDir('stray-pddrc-')
    const pddrc = path.join(top, '.pddrc')
    writeFileSync(
      pddrc,
      'contexts:\n  default:\n    defaults:\n      generate_output_path: /tmp/elsewhere/\n'
    )
    const scratch = path.join(top, 'scratch')
    mkdirSync(scratch)
    return { scratch, pddrc }
  }

  it('cli run refuses before pdd starts, naming the file and the units', async () => {
    const s = sandbox(FILES)
    const { scratch, pddrc } = scratchUnder()
    const env = { ...process.env, TMPDIR: scratch, OPENAI_API_KEY: SECRETS.openai }
    const r = await runCliAsync(
      ['run', '--repo', s.dir, '--pdd-command', s.pddCommand, '--no-fetch'],
      env,
      s.dir
    )
    expect(r.stderr).toContain(`${pddrc} lies above the folder where the run makes its worktrees`)
    expect(r.stderr).toMatch(/configure the sync of calc_python \(whose project has no \.pddrc\)/)
    expect(r.status).toBe(1)
    expect(pddStarts(s)).toEqual([])
  })

  it('a project with its own .pddrc is not affected (PDD finds that one first)', async () => {
    const s = sandbox({ ...FILES, '.pddrc': 'contexts:\n  default:\n    paths: ["**"]\n' })
    const { scratch } = scratchUnder()
    const env = { ...process.env, TMPDIR: scratch, OPENAI_API_KEY: SECRETS.openai }
    const r = await runCliAsync(
      ['run', '--repo', s.dir, '--pdd-command', s.pddCommand, '--no-fetch'],
      env,
      s.dir
    )
    expect(r.stderr).not.toMatch(/lies above the folder/)
    expect(pddStarts(s).some(a => a.includes('sync'))).toBe(true)
  })

  it('an architecture.json above it is refused the same way', async () => {
    const s = sandbox(FILES)
    const top = tempDir('stray-arch-')
    writeFileSync(path.join(top, 'architecture.json'), '[]\n')
    const scratch = path.join(top, 'scratch')
    mkdirSync(scratch)
    const env = { ...process.env, TMPDIR: scratch, OPENAI_API_KEY: SECRETS.openai }
    const r = await runCliAsync(
      ['run', '--repo', s.dir, '--pdd-command', s.pddCommand, '--no-fetch'],
      env,
      s.dir
    )
    expect(r.stderr).toContain(`${path.join(top, 'architecture.json')} lies above the folder`)
    expect(r.stderr).toMatch(/pdd looks for architecture\.json in every parent folder/)
    expect(pddStarts(s)).toEqual([])
  })
})
