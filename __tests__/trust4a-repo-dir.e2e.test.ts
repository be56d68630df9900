/**
 * `--repo` must name where pdd finds the project (bundled CLI, pdd stand-in): a folder inside the repository that
 * is neither its top level nor a PDD project (no `.pddrc`, no `prompts/`) is refused before anything runs,
 * naming the input and the folder to pass instead; a PDD project inside a repository (a monorepo) still runs.
 */
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './helpers/bundles.js'
import { FAKE_PROVIDER_ENV, installFakePdd } from './helpers/fake-pdd.js'
import { git, makeRepo, tempDir } from './helpers/git-repo.js'

describe('--repo that is not the project root', () => {
  it.each([
    ['the prompts folder', 'prompts', '.'],
    ['a folder below the prompts', 'prompts/sub', '.'],
    ['a source folder', 'src', '.'],
    ['a folder inside a monorepo project', 'backend/prompts', 'backend'],
    ['a folder below a project with a .pddrc', 'tools/x', 'tools']
  ])('%s (%s) is refused for plan and run, naming the root; nothing runs', (_, sub, root) => {
    const repo = makeRepo({
      'prompts/calc_python.prompt': 'calc\n',
      'prompts/sub/deep_python.prompt': 'deep\n',
      'src/calc.py': 'x = 1\n',
      'backend/prompts/api_python.prompt': 'api\n',
      'tools/.pddrc': 'contexts:\n  default:\n    paths: ["**"]\n',
      'tools/x/readme.md': 'x\n'
    })
    const log = path.join(tempDir(), 'calls.jsonl')
    const [pdd] = installFakePdd(path.join(tempDir(), 'bin'), { log })
    const dir = path.join(repo.dir, sub)
    mkdirSync(dir, { recursive: true })
    const want = `--repo "${dir}" is a folder inside the git repository ${repo.dir}, not its top level`
    const plan = runCli(['plan', '--repo', dir, '--no-fetch'])
    expect(plan.status).toBe(2)
    expect(plan.stderr).toContain(want)
    expect(plan.stderr).toContain(`Pass --repo ${path.relative(process.cwd(), path.join(repo.dir, root))}`)
    const run = runCli(
      ['run', '--repo', dir, '--no-fetch', '--pdd-command', pdd as string],
      FAKE_PROVIDER_ENV
    )
    expect(run.status).toBe(2)
    expect(run.stderr).toContain(want)
    expect(existsSync(log)).toBe(false)
    expect(git(repo.dir, 'branch', '--list', 'pdd-sync/*').trim()).toBe('')
  })

  it('a PDD project inside the repository (its own prompts/) still plans and runs', () => {
    const repo = makeRepo({ 'backend/prompts/api_python.prompt': 'api\n', 'README.md': 'mono\n' })
    const [pdd] = installFakePdd(path.join(tempDir(), 'bin'))
    const dir = path.join(repo.dir, 'backend')
    const run = runCli(
      ['run', '--repo', dir, '--no-fetch', '--pdd-command', pdd as string],
      FAKE_PROVIDER_ENV
    )
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/synced\s+api_python/)
  })
})
