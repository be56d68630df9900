/**
 * A run plans from the work tree but syncs the commit (src/preflight/uncommitted.ts). Before the fix, an
 * untracked prompt was planned, pdd was started in a worktree without it ("No prompt files found", its
 * reservation booked as spent), and an edited prompt was synced as committed. Now the run stops before pdd
 * starts, naming the files and units; files no unit with work reads do not stop it.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { uncommittedMessage, uncommittedOf } from '../src/preflight/uncommitted.js'
import type { PlanWithState } from '../src/plan/plan.js'
import type { PlannedUnit, Unit } from '../src/types.js'
import { runActionAsync } from './helpers/action-runner.js'
import { runCliAsync } from './helpers/bundles.js'
import { git, tempDir, writeFiles } from './helpers/git-repo.js'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'
import {
  changes,
  leakedSecrets,
  pddStarts,
  repositoryText,
  sandbox,
  SECRETS,
  snapshot,
  withoutMaskCommands,
  type Sandbox
} from './helpers/reliability.js'

const FILES = {
  'prompts/calc_python.prompt': 'Write a calculator.\n<include>context/style.md</include>\n',
  'prompts/other_python.prompt': 'Write something else.\n',
  'context/style.md': 'Be terse.\n'
}
const ENV = { ...process.env, OPENAI_API_KEY: SECRETS.openai }
const REFUSED = /Uncommitted changes that the run would not see \(each group syncs commit [0-9a-f]{12}/

/** `pdd-sync run` in `dir` with the sandbox's recording stand-in. */
function cli(s: Sandbox, extra: string[] = [], repo = s.dir): ReturnType<typeof runCliAsync> {
  return runCliAsync(
    ['run', '--repo', repo, '--pdd-command', s.pddCommand, '--no-fetch', ...extra],
    ENV,
    s.dir
  )
}

let api: GitHubApi
beforeAll(async () => {
  api = await startGitHubApi()
  api.ensureRepo('acme', 'calc', { defaultBranch: 'main' })
})
afterAll(async () => api.close())

describe.concurrent('a run refuses uncommitted files it would plan from but not sync', () => {
  it.each([
    [
      'an untracked prompt',
      { 'prompts/fresh_python.prompt': 'new\n' },
      'prompts/fresh_python.prompt (fresh_python)'
    ],
    [
      'an edited prompt',
      { 'prompts/other_python.prompt': 'edited\n' },
      'prompts/other_python.prompt (other_python)'
    ],
    ['an edited include', { 'context/style.md': 'Be verbose.\n' }, 'context/style.md (calc_python)'],
    [
      'a new .pddrc',
      { '.pddrc': 'contexts:\n  default:\n    paths: ["**"]\n' },
      '.pddrc (calc_python, other_python)'
    ]
  ])('cli run: %s', async (_name, files, named) => {
    const s = sandbox(FILES)
    writeFiles(s.dir, files)
    const before = snapshot(s)
    const r = await cli(s)
    expect(r.stderr).toMatch(REFUSED)
    expect(r.stderr).toContain(named)
    expect(r.stderr).toMatch(/Commit or stash them, or leave those units out with units\./)
    expect(r.status).toBe(1)
    expect(pddStarts(s)).toEqual([])
    expect(changes(before, snapshot(s), {})).toEqual([])
  })

  it('cli run: a dirty file no unit with work reads does not stop it', async () => {
    const s = sandbox(FILES)
    writeFiles(s.dir, { 'README.md': 'notes\n', 'prompts/fresh_python.prompt': 'new\n' })
    const r = await cli(s, ['--units', 'calc_python'])
    expect(r.stderr).not.toMatch(REFUSED)
    expect(pddStarts(s).some(a => a.includes('sync'))).toBe(true)
  })

  it('cli run: --repo below the top level names the file from the top level', async () => {
    const s = sandbox(Object.fromEntries(Object.entries(FILES).map(([k, v]) => [`proj/${k}`, v])))
    writeFiles(s.dir, { 'proj/prompts/other_python.prompt': 'edited\n' })
    const r = await cli(s, [], path.join(s.dir, 'proj'))
    expect(r.stderr).toContain('proj/prompts/other_python.prompt (other_python)')
    expect(pddStarts(s)).toEqual([])
  })

  it('cli run: a repository with no commit yet says so before pdd starts', async () => {
    const s = sandbox(FILES)
    const empty = path.join(tempDir(), 'empty')
    mkdirSync(path.join(empty, 'prompts'), { recursive: true })
    git(empty, 'init', '-q', '-b', 'main')
    writeFileSync(path.join(empty, 'prompts', 'a_python.prompt'), 'a\n')
    const r = await cli(s, [], empty)
    expect(r.stderr).toMatch(/has no commit to start from: commit the prompts first/)
    expect(r.stderr).not.toMatch(/ls-tree/)
    expect(r.status).toBe(1)
    expect(pddStarts(s)).toEqual([])
  })

  it('action run: an untracked prompt fails the step before pdd is installed or started', async () => {
    const s = sandbox(FILES)
    writeFiles(s.dir, { 'prompts/fresh_python.prompt': 'new\n' })
    const before = snapshot(s)
    const r = await runActionAsync(
      { mode: 'run', 'pdd-command': s.pddCommand, token: SECRETS.token, 'push-token': SECRETS.pushToken },
      { workspace: s.dir, event: 'workflow_dispatch', apiUrl: api.url, env: ENV }
    )
    expect(r.stdout).toMatch(/::error::Uncommitted changes that the run would not see/)
    expect(r.stdout).toContain('prompts/fresh_python.prompt (fresh_python)')
    expect(r.status).toBe(1)
    expect(r.outputs.status).toBe('error')
    expect(pddStarts(s)).toEqual([])
    expect(changes(before, snapshot(s), {})).toEqual([])
    // The refusal names files only: no token or key in the log, the summary, the outputs or the repositories.
    const published = [withoutMaskCommands(r.stdout), r.stderr, r.summary, JSON.stringify(r.outputs)].join(
      '\n'
    )
    expect(leakedSecrets(published)).toEqual([])
    expect(leakedSecrets(repositoryText(s))).toEqual([])
  })
})

describe('uncommittedOf', () => {
  const unit = (id: string, over: Partial<Unit> = {}): Unit => ({
    id,
    basename: id.replace(/_python$/, ''),
    language: 'python',
    context: 'default',
    paths: { prompt: `prompts/${id}.prompt`, code: `${id}.py`, example: '', test: `test_${id}.py` },
    projectRoot: '.',
    metaDir: '.pdd/meta',
    testFiles: [],
    includes: [],
    ...over
  })
  const planOf = (units: [Unit, PlannedUnit['operation']][]): Pick<PlanWithState, 'plan' | 'units'> => ({
    plan: { units: units.map(([u, operation]) => ({ ...u, operation })) } as unknown as PlanWithState['plan'],
    units: new Map(units.map(([u]) => [u.id, { unit: u }])) as unknown as PlanWithState['units']
  })
  const planned = planOf([
    [unit('a_python', { includes: ['shared/x.md'], testFiles: ['tests/test_a_more.py'] }), 'update'],
    [unit('b_python', { includes: ['shared/x.md'] }), 'generate'],
    [unit('c_python', { includes: ['shared/x.md'] }), 'nothing']
  ])

  it.each([
    ['nothing dirty', [], []],
    ['an unrelated file', ['README.md', 'docs/x.md'], []],
    ['an in-sync unit’s own file', ['c_python.py'], []],
    ['a shared include: the units with work only', ['shared/x.md'], ['shared/x.md (a_python, b_python)']],
    [
      'a test file and the meta state',
      ['tests/test_a_more.py', '.pdd/meta/a_python_run.json'],
      ['tests/test_a_more.py (a_python)', '.pdd/meta/a_python_run.json (a_python)']
    ],
    ['architecture.json', ['architecture.json'], ['architecture.json (a_python, b_python)']]
  ])('%s', (_name, dirty, expected) => {
    const found = uncommittedOf(dirty, planned, '')
    expect(found.map(f => `${f.file} (${f.units.join(', ')})`)).toEqual(expected)
  })

  it('with a prefix, and the message lists ten and counts the rest', () => {
    expect(uncommittedOf(['sub/a_python.py'], planned, 'sub').map(f => f.file)).toEqual(['sub/a_python.py'])
    const many = Array.from({ length: 12 }, (_, i) => ({ file: `f${i}`, units: ['a_python'] }))
    const m = uncommittedMessage(many, 'a'.repeat(40)) ?? ''
    expect(m).toMatch(/commit aaaaaaaaaaaa in its own worktree\): f0 \(a_python\),/)
    expect(m).toContain('f9 (a_python), and 2 more.')
    expect(m).not.toContain('f10')
    expect(uncommittedMessage([], 'a'.repeat(40))).toBeNull()
  })
})
