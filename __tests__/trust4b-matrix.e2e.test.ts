/**
 * One unit in two legs of the job matrix. A leg's `units` are unit ids, but a shard planned them as globs matched
 * against id, basename and prompt path too: the id `calc_python` is also the basename of
 * `calc_python_python.prompt`, which the plan job put in another leg, so both shard jobs paid for that unit and
 * raced on its files. A shard now runs exactly the units of its leg.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runActionAsync } from './helpers/action-runner.js'
import { git } from './helpers/git-repo.js'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'
import { pddStarts, sandbox, SECRETS } from './helpers/reliability.js'

const ENV = { ...process.env, OPENAI_API_KEY: SECRETS.openai }

let api: GitHubApi
beforeAll(async () => {
  api = await startGitHubApi()
  api.ensureRepo('acme', 'calc', { defaultBranch: 'main' })
})
afterAll(async () => api.close())

describe('a shard runs exactly the units of its leg', () => {
  it.each([
    [
      "an id that is another unit's basename",
      { 'prompts/calc_python.prompt': 'A.\n', 'prompts/calc_python_python.prompt': 'B.\n' },
      'calc_python',
      ['calc_python']
    ],
    [
      'a leg given as a glob still selects by it',
      { 'prompts/calc_python.prompt': 'A.\n', 'prompts/greet_python.prompt': 'B.\n' },
      'g*',
      ['greet_python']
    ],
    [
      'an id that is the basename of a unit in another language',
      { 'prompts/calc_python.prompt': 'A.\n', 'prompts/calc_python_typescript.prompt': 'B.\n' },
      'calc_python',
      ['calc_python']
    ]
  ])('%s', async (_n, files, units, expected) => {
    const s = sandbox(files)
    const r = await runActionAsync(
      {
        mode: 'shard',
        shard: '0',
        units,
        'pdd-command': s.pddCommand,
        token: SECRETS.token,
        'base-sha': git(s.dir, 'rev-parse', 'HEAD').trim()
      },
      { workspace: s.dir, event: 'workflow_dispatch', apiUrl: api.url, env: ENV }
    )
    expect(JSON.parse(r.outputs.units ?? '[]'), r.stdout.slice(-2000)).toEqual(expected)
  })

  it('a shard without "units": refused before pdd starts (before, it ran every unit)', async () => {
    const s = sandbox({ 'prompts/calc_python.prompt': 'A.\n', 'prompts/greet_python.prompt': 'B.\n' })
    const r = await runActionAsync(
      {
        mode: 'shard',
        shard: '1',
        'pdd-command': s.pddCommand,
        token: SECRETS.token,
        'base-sha': git(s.dir, 'rev-parse', 'HEAD').trim()
      },
      { workspace: s.dir, event: 'workflow_dispatch', apiUrl: api.url, env: ENV }
    )
    expect(r.stdout).toMatch(/::error::mode "shard" needs input "units"/)
    expect(r.status).toBe(1)
    expect(pddStarts(s)).toEqual([])
  })
})
