/**
 * `pdd-sync run` (bundled CLI) checks before spending: `--result` and `--repo` before planning, the provider
 * credential after `pdd --version` and before the first sync.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './helpers/bundles.js'
import { installFakePdd } from './helpers/fake-pdd.js'
import { git, makeRepo, tempDir } from './helpers/git-repo.js'

const KEY = 'PDD_SYNC_TEST_PROVIDER_KEY'
const CATALOG =
  'provider,model,input,output,coding_arena_elo,model_rank_score,model_rank_source,base_url,api_key,max_reasoning_tokens,structured_output,reasoning_type,location,interactive_only,context_limit\n' +
  `Anthropic,claude-test,1.0,2.0,1500,1500,static,,${KEY},0,True,none,,False,\n`

function setup(): { repo: string; pdd: string; log: string } {
  const repo = makeRepo({ 'prompts/calc_python.prompt': 'calc\n', '.pdd/llm_model.csv': CATALOG })
  const bin = path.join(tempDir(), 'bin')
  const log = path.join(bin, 'invocations.jsonl')
  const [pdd] = installFakePdd(bin, { log })
  return { repo: repo.dir, pdd: pdd as string, log }
}

describe('pdd-sync run: checks before spending', () => {
  it.each([
    [
      'in a folder that does not exist',
      (d: string) => path.join(d, 'no', 'such', 'r.json'),
      /its folder .* does not exist/
    ],
    ['naming a folder', (d: string) => d, /is a directory/]
  ])('--result %s is a usage error before planning', (_n, result, message) => {
    const { repo, pdd, log } = setup()
    const r = runCli([
      'run',
      '--repo',
      repo,
      '--pdd-command',
      pdd,
      '--result',
      result(tempDir()),
      '--no-fetch'
    ])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/^pdd-sync: --result .* cannot be written: /)
    expect(r.stderr).toMatch(message)
    expect(existsSync(log)).toBe(false)
  })

  it('--no-force is a plan option: run refuses it (the run always passes --force) before starting pdd', () => {
    const { repo, pdd, log } = setup()
    const r = runCli(['run', '--repo', repo, '--pdd-command', pdd, '--no-force', '--no-fetch'])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/--no-force is a 'pdd-sync plan' option: 'run' always runs 'pdd --force sync'/)
    expect(existsSync(log)).toBe(false)
  })

  it('--repo that does not exist is a usage error, not "git was not found"', () => {
    const r = runCli(['run', '--repo', path.join(tempDir(), 'gone'), '--no-fetch'])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/--repo must be a readable folder of a git repository: .*gone does not exist/)
  })

  it('no provider key: one clear error naming the variable, and no sync is started', () => {
    const { repo, pdd, log } = setup()
    const r = runCli(['run', '--repo', repo, '--pdd-command', pdd, '--no-fetch'], {
      [KEY]: '',
      HOME: tempDir('home-')
    })
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(new RegExp(`No provider credential that pdd can use is set.*Set ${KEY}`))
    expect(existsSync(log)).toBe(false)
    expect(git(repo, 'branch', '--list', 'pdd-sync/*').trim()).toBe('')
  })

  it('with the key, the run syncs', () => {
    const { repo, pdd, log } = setup()
    const out = path.join(tempDir(), 'result.json')
    const r = runCli(['run', '--repo', repo, '--pdd-command', pdd, '--result', out, '--no-fetch'], {
      [KEY]: 'k',
      HOME: tempDir('home-')
    })
    expect(r.stderr).toMatch(/Provider credential: pdd will use claude-test \(Anthropic/)
    expect(r.status).toBe(0)
    expect(readFileSync(log, 'utf8')).toMatch(/"sync"/)
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({
      units: [{ id: 'calc_python', status: 'synced' }]
    })
  })
})
