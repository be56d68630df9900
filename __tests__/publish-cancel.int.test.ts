/**
 * A cancelled workflow (SIGINT to the action's node process, as the runner sends it) stops the running sync and
 * still publishes what finished. A hung `pdd` is a fault the real CLI cannot be made to show, so the stand-in
 * plays it for one basename; the other basename is synced by the same stand-in without faults.
 */
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { runActionAsync } from './helpers/action-runner.js'
import { installFakePdd } from './helpers/fake-pdd.js'
import { cloneOf, git, makeRepo, tempDir } from './helpers/git-repo.js'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'
import { runRecordsIn } from './helpers/notes.js'

let api: GitHubApi | undefined
afterEach(async () => {
  await api?.close()
})

it('a cancelled run stops the hung sync and publishes the unit that finished', async () => {
  api = await startGitHubApi()
  api.ensureRepo('acme', 'calc')
  const repo = makeRepo({
    'prompts/calc_python.prompt': 'calc\n',
    'prompts/slow_python.prompt': 'slow\n'
  })
  const bin = tempDir('fake-pdd-')
  const [pdd] = installFakePdd(bin, {})
  writeFileSync(path.join(bin, 'hang.json'), JSON.stringify({ hang: true }))
  const wrapper = path.join(bin, 'pdd-wrapper')
  // The basename is the last argument; only `slow` hangs.
  writeFileSync(
    wrapper,
    `#!/bin/bash\nif [ "\${!#}" = slow ]; then export FAKE_PDD_FAULTS="${bin}/hang.json"; fi\nexec "${pdd}" "$@"\n`
  )
  chmodSync(wrapper, 0o755)

  let out = ''
  const r = await runActionAsync(
    { mode: 'run', token: 'ghs_x', 'pdd-command': wrapper, budget: '10' },
    { workspace: cloneOf(repo.origin), event: 'workflow_dispatch', apiUrl: api.url },
    child => {
      child.stdout?.on('data', (b: Buffer) => {
        out += b.toString()
        // Group logs are printed when a group ends: calc's closed while slow (started with it) hangs.
        if (/::group::✅ calc · synced ·[\s\S]*::endgroup::/.test(out)) {
          out = ''
          child.kill('SIGINT')
        }
      })
    }
  )
  expect(r.stdout).toContain('Cancelled: stopping the running syncs')
  expect(r.outputs.synced).toBe('["calc_python"]')
  // Cancelled while running (failed) or, when calibration admits one group at a time, before it started.
  const notSynced = [r.outputs.failed, r.outputs.skipped].flatMap(o => JSON.parse(o ?? '[]') as string[])
  expect(notSynced, r.stdout.slice(-2500)).toEqual(['slow_python'])
  expect(r.outputs['pull-request-operation']).toBe('created')
  const files = git(repo.origin, 'ls-tree', '-r', '--name-only', 'refs/heads/pdd-sync/main')
  expect(files).toMatch(/calc\.py/)
  expect(files).not.toMatch(/^slow\.py$/m)
  const [record, ...more] = runRecordsIn(repo.origin)
  expect(more).toEqual([])
  // calc was published while slow still hung: a partial record of the same run, with calc synced.
  const partial = runRecordsIn(repo.origin, { raw: true }).filter(x => x.partial)
  expect(partial.map(x => x.runId)).toContain(record?.runId)
  expect(partial[0]?.units.map(u => `${u.id}:${u.status}`)).toEqual(['calc_python:synced'])
  expect(r.stdout).toMatch(/Progress published: 1 unit\(s\) finished/)
  expect(record?.units.find(u => u.id === 'slow_python')?.reason).toMatch(/cancel/i)
  expect(api.pulls()[0]?.body).toMatch(/- \[ \] slow \(python\): .*cancel/i)
  expect(api.problems).toEqual([])
  // The log artifact (the directory seam outside Actions): calc's full output, linked from the summary.
  const artifacts = path.join(r.runnerTemp, 'pdd-sync', 'artifacts')
  const [logs, ...others] = readdirSync(artifacts).filter(n => n.startsWith('pdd-sync-logs-'))
  expect(others).toEqual([])
  expect(readFileSync(path.join(artifacts, logs as string, 'calc', 'pdd-output.log'), 'utf8')).toMatch(
    /PDD_PHASE: generate[\s\S]*Overall status: Success/
  )
  expect(r.summary).toContain(`**Logs:** \`${logs}\`: each group's full pdd output`)
  expect(r.stdout).toMatch(/^\[calc\] PDD_PHASE: generate$/m)
}, 120_000)
