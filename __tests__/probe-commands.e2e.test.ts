/**
 * PDD's output (and the generated tests' output it relays) is untrusted text: printed to the Actions log it must
 * never run as a workflow command (src/trust/commands.ts). The stand-in prints every form the runner reads; the
 * runner is modelled by helpers/runner-commands.ts. Before the fix, the collapsed group of a finished sync
 * printed PDD's lines as they were, so `::set-output`, `::stop-commands` and `##[…]` lines ran.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runActionAsync } from './helpers/action-runner.js'
import { runCliAsync } from './helpers/bundles.js'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'
import {
  leakedSecrets,
  pddSays,
  repositoryText,
  sandbox,
  SECRETS,
  withoutMaskCommands
} from './helpers/reliability.js'
import { runnerCommands } from './helpers/runner-commands.js'

const FILES = { 'prompts/calc_python.prompt': 'Write a calculator.\n' }

/**
 * Every command form, each with the data `INJECTED`, ending in a traceback so the sync fails with a reason. An
 * annotation of the action that quotes PDD's text (escaped, one command) has other data.
 */
const HOSTILE = [
  '::set-output name=status::INJECTED',
  '  ::warning title=INJECTED::INJECTED',
  'log ##[set-output name=status;]INJECTED',
  'progress\r::error::INJECTED',
  '::stop-commands::INJECTED',
  '::group::INJECTED',
  'Traceback (most recent call last):',
  'ValueError: ##[add-mask]INJECTED',
  ''
].join('\n')

const injected = (out: string): string[] =>
  runnerCommands(out)
    .filter(c => c.data === 'INJECTED')
    .map(c => c.line)

let api: GitHubApi
beforeAll(async () => {
  api = await startGitHubApi()
  api.ensureRepo('acme', 'calc', { defaultBranch: 'main' })
})
afterAll(async () => api.close())

describe.concurrent('untrusted output never runs as a workflow command', () => {
  it('action run: PDD prints workflow commands; the log shows them, the runner runs none', async () => {
    const s = sandbox(FILES)
    pddSays(s, HOSTILE)
    const r = await runActionAsync(
      { mode: 'run', 'pdd-command': s.pddCommand, token: SECRETS.token, 'push-token': SECRETS.pushToken },
      {
        workspace: s.dir,
        event: 'workflow_dispatch',
        apiUrl: api.url,
        env: { ...process.env, OPENAI_API_KEY: SECRETS.openai }
      }
    )
    const log = r.stdout + r.stderr
    // The sync ran and PDD's lines reached the log (live and in the collapsed group).
    expect(log).toMatch(/\[calc\] ::set-output name=status::INJECTED/)
    expect(log).toMatch(/^::set-output name=status::INJECTED$/m)
    expect(injected(log)).toEqual([])
    expect(r.outputs.status).toBe('failure')
    // The action's own commands still run after PDD's lines: its error and the end of its groups.
    const ran = runnerCommands(log).map(c => c.command)
    expect(ran).toContain('error')
    expect(ran.filter(c => c === 'group').length).toBe(ran.filter(c => c === 'endgroup').length)
    // The fences carry a random token of their own: no token or key in the log, summary, outputs or repositories.
    const published = [withoutMaskCommands(r.stdout), r.stderr, r.summary, JSON.stringify(r.outputs)].join(
      '\n'
    )
    expect(leakedSecrets(published)).toEqual([])
    expect(leakedSecrets(repositoryText(s))).toEqual([])
  })

  it('cli run as a workflow step: stderr and the --json stdout run nothing, and the JSON still parses', async () => {
    const s = sandbox(FILES)
    pddSays(s, HOSTILE)
    const env = { ...process.env, GITHUB_ACTIONS: 'true', OPENAI_API_KEY: SECRETS.openai }
    const r = await runCliAsync(
      ['run', '--repo', s.dir, '--pdd-command', s.pddCommand, '--no-fetch', '--json'],
      env,
      s.dir
    )
    expect(r.stderr).toMatch(/\[calc\] ::set-output name=status::INJECTED/)
    expect(injected(r.stderr)).toEqual([])
    expect(injected(r.stdout)).toEqual([])
    const result = JSON.parse(r.stdout) as { units: { id: string; status: string; reason: string }[] }
    expect(result.units.map(u => [u.id, u.status])).toEqual([['calc_python', 'failed']])
    expect(result.units[0]?.reason).toMatch(/##\[add-mask\]INJECTED/)
  })

  it('cli run as a workflow step: the table on stdout runs nothing', async () => {
    const s = sandbox(FILES)
    pddSays(s, HOSTILE)
    const env = { ...process.env, GITHUB_ACTIONS: 'true', OPENAI_API_KEY: SECRETS.openai }
    const r = await runCliAsync(
      ['run', '--repo', s.dir, '--pdd-command', s.pddCommand, '--no-fetch'],
      env,
      s.dir
    )
    expect(r.stdout).toMatch(/failed\s+calc_python.*##\[add-mask\]INJECTED/)
    expect(injected(r.stdout + r.stderr)).toEqual([])
  })
})
