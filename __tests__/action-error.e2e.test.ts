/** The action's failure path: a step that stops on an error still sets the `status` output (`error`). */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readOutputs } from './helpers/actions-files.js'
import { runAction } from './helpers/bundles.js'
import { exampleRepo } from './helpers/example-repo.js'
import { tempDir } from './helpers/git-repo.js'

function runner(workspace: string): NodeJS.ProcessEnv & { GITHUB_OUTPUT: string } {
  const dir = tempDir('runner-')
  const files = {
    out: path.join(dir, 'output'),
    summary: path.join(dir, 'summary'),
    event: path.join(dir, 'e.json')
  }
  for (const f of [files.out, files.summary]) writeFileSync(f, '')
  writeFileSync(files.event, '{}')
  return {
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.out,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: dir
  }
}

describe('the action on its failure path', () => {
  it.each<[Record<string, string>, RegExp]>([
    [{ budget: 'cheap' }, /Input "budget" must be a decimal number/],
    [{ mode: 'plan', 'notes-ref': 'refs/heads/main' }, /Input "notes-ref" must be a ref under refs\/notes\//],
    [
      { 'pdd-command': '/nonexistent/pdd', budget: '1' },
      /Input "pdd-command" \(\/nonexistent\/pdd\) does not work/
    ]
  ])('%j: the step fails with the message and status is error', (inputs, message) => {
    const repo = exampleRepo()
    const env = runner(repo.dir)
    const r = runAction(inputs, env, repo.dir)
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(message)
    expect(readOutputs(env.GITHUB_OUTPUT)).toEqual({ status: 'error' })
  })

  it.each([
    ['{"after": "abc", ', /GITHUB_EVENT_PATH .*e\.json\) is not valid JSON/],
    ['{"secret": ghp_abcdefghijklmnopqrstuvwxyz0123456789}', /is not valid JSON \(\d+ characters\)/],
    ['[1, 2]', /GITHUB_EVENT_PATH .*e\.json\) does not hold a JSON object/],
    ['null', /does not hold a JSON object/]
  ])('an event file holding %j: the step fails naming the file, status is error', (text, message) => {
    const repo = exampleRepo()
    const env = runner(repo.dir)
    writeFileSync(env.GITHUB_EVENT_PATH as string, text)
    const r = runAction({ mode: 'plan' }, env, repo.dir)
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(message)
    expect(r.stdout + r.stderr).not.toMatch(/at JSON\.parse|SyntaxError: |ghp_|"after"/)
    expect(readOutputs(env.GITHUB_OUTPUT)).toEqual({ status: 'error' })
  })

  it('a run that ends with a result does not say error', () => {
    const repo = exampleRepo()
    const env = runner(repo.dir)
    const r = runAction({ 'dry-run': 'true', budget: '1' }, env, repo.dir)
    expect(r.status, r.stdout).toBe(0)
    expect(readOutputs(env.GITHUB_OUTPUT).status).not.toBe('error')
  })
})
