/**
 * Input `working-directory` must stay inside the workspace (README "Inputs", "Bad input"). Before: with the
 * checkout nested in another git repository (a self-hosted runner's work folder), `..`, an absolute path or a
 * link in the checkout planned — and in `mode: run` synced, committed and pushed — that other repository, which
 * the workflow never checked out.
 */
import { symlinkSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runActionAsync } from './helpers/action-runner.js'
import { git, makeRepo } from './helpers/git-repo.js'

/** A checkout of a one-prompt repository at `<outer>/ws`, where `<outer>` is a git repository of its own. */
function nestedCheckout(): { workspace: string; outer: string } {
  const outer = makeRepo({ 'prompts/outer_python.prompt': 'outer\n' })
  const inner = makeRepo({ 'prompts/calc_python.prompt': 'calc\n' })
  const workspace = path.join(outer.dir, 'ws')
  git(outer.dir, 'clone', '-q', inner.origin, workspace)
  return { workspace, outer: outer.dir }
}

describe.concurrent('working-directory outside the workspace', () => {
  it.each([
    ['..', (_outer: string): string => '..'],
    ['an absolute path', (outer: string): string => outer],
    ['a link in the checkout', (outer: string, ws?: string): string => link(ws as string, outer)]
  ])('%s is refused, naming the input, before planning', async (_, value) => {
    const { workspace, outer } = nestedCheckout()
    const dir = value(outer, workspace)
    const r = await runActionAsync(
      { mode: 'plan', 'working-directory': dir },
      { workspace, event: 'workflow_dispatch' }
    )
    expect(r.stdout).toContain(`::error::Input "working-directory" (${JSON.stringify(dir)})`)
    expect(r.stdout).toContain('lies outside the workspace')
    expect(r.status).toBe(1)
    expect(r.outputs.units).toBeUndefined()
  })

  // Before: `prompts` planned the prompts at its top as units of a project pdd, started there, would not find,
  // while the command line refused the same folder as --repo (trust4a-repo-dir.e2e).
  it('a folder of the checkout that is not a PDD project is refused, naming the project folder', async () => {
    const { workspace } = nestedCheckout()
    const inputs = { mode: 'plan', 'working-directory': 'prompts' }
    const r = await runActionAsync(inputs, { workspace, event: 'workflow_dispatch' })
    expect(r.stdout).toContain('::error::Input "working-directory" ("prompts")')
    expect(r.stdout).toContain('not its top level, and holds no .pddrc or prompts/ folder')
    expect(r.stdout).toContain('Set working-directory to "."')
    expect(r.status).toBe(1)
    expect(r.outputs.units).toBeUndefined()
  })

  it('a folder inside the workspace still plans', async () => {
    const { workspace } = nestedCheckout()
    const r = await runActionAsync(
      { mode: 'plan', 'working-directory': '.' },
      { workspace, event: 'workflow_dispatch' }
    )
    expect(r.status, r.stdout).toBe(0)
    expect(r.outputs.units).toBe('["calc_python"]')
  })
})

function link(workspace: string, target: string): string {
  symlinkSync(target, path.join(workspace, 'project'))
  return 'project'
}
