import { describe, expect, it } from 'vitest'
import { Git } from '../src/adapters/git.js'
import { inScope, resolveScope } from '../src/plan/scope.js'
import type { Unit } from '../src/types.js'
import { cloneOf, git, makeRepo } from './helpers/git-repo.js'

function unit(b: string, includes: string[] = []): Unit {
  return {
    id: `${b}_python`,
    basename: b,
    language: 'python',
    context: 'default',
    paths: {
      prompt: `prompts/${b}_python.prompt`,
      code: `${b}.py`,
      example: `examples/${b}_example.py`,
      test: `test_${b}.py`
    },
    projectRoot: '.',
    metaDir: '.pdd/meta',
    testFiles: [],
    includes
  }
}
const units = [unit('a'), unit('b', ['docs/spec.md']), unit('c')]
const selected = (scope: Awaited<ReturnType<typeof resolveScope>>): string[] =>
  units.filter(u => inScope(scope, u, `${u.basename}_python`)).map(u => u.id)

describe('resolveScope (real git)', () => {
  it('push: units whose prompt, code, example, test, included file or state changed', async () => {
    const repo = makeRepo({ 'prompts/a_python.prompt': 'a', 'docs/spec.md': 's', 'c.py': 'c' })
    const before = git(repo.dir, 'rev-parse', 'HEAD').trim()
    const after = repo.commit({ 'docs/spec.md': 's2', 'c.py': 'c2', 'unrelated.txt': 'x' })
    const scope = await resolveScope(await Git.open(repo.dir), { trigger: 'push', before, after })
    expect(scope.mode).toBe('changed')
    expect(selected(scope)).toEqual(['b_python', 'c_python'])
  })

  it('push: a change of .pdd/meta state selects the unit', async () => {
    const repo = makeRepo({ 'x.txt': '1' })
    const before = git(repo.dir, 'rev-parse', 'HEAD').trim()
    const after = repo.commit({ '.pdd/meta/a_python.json': '{}' })
    expect(
      selected(await resolveScope(await Git.open(repo.dir), { trigger: 'push', before, after }))
    ).toEqual(['a_python'])
  })

  it.each([
    ['new branch (zero before)', '0000000000000000000000000000000000000000', /created the branch/],
    ['unknown before (force push)', 'deadbeef'.repeat(5), /unknown/]
  ])('push: %s → all units with a notice', async (_n, before, notice) => {
    const repo = makeRepo({ 'x.txt': '1' })
    const scope = await resolveScope(await Git.open(repo.dir), { trigger: 'push', before, after: 'HEAD' })
    expect(scope.mode).toBe('all')
    expect(scope.notice).toMatch(notice)
    expect(selected(scope)).toHaveLength(3)
  })

  it('push with units: the changed units the globs name', async () => {
    const repo = makeRepo({ 'a.py': '1', 'b.py': '1', 'c.py': '1' })
    const before = git(repo.dir, 'rev-parse', 'HEAD').trim()
    const after = repo.commit({ 'a.py': '2', 'b.py': '2' })
    const scope = await resolveScope(await Git.open(repo.dir), {
      trigger: 'push',
      before,
      after,
      units: ['b*', 'c*']
    })
    expect(scope.mode).toBe('changed')
    expect(selected(scope)).toEqual(['b_python'])
  })

  it.each([[undefined], [['a_python']]])(
    'push that deleted the branch (zero after), units %j → nothing selected, with a notice',
    async globs => {
      const repo = makeRepo({ 'x.txt': '1' })
      const before = git(repo.dir, 'rev-parse', 'HEAD').trim()
      const scope = await resolveScope(await Git.open(repo.dir), {
        trigger: 'push',
        before,
        after: '0'.repeat(40),
        ...(globs ? { units: globs } : {})
      })
      expect(scope.notice).toMatch(/deleted the branch/)
      expect(selected(scope)).toEqual([])
    }
  )

  it('push with units that plans everything (new branch): still only the units the globs name', async () => {
    const repo = makeRepo({ 'x.txt': '1' })
    const scope = await resolveScope(await Git.open(repo.dir), {
      trigger: 'push',
      before: '0'.repeat(40),
      after: 'HEAD',
      units: ['a_python']
    })
    expect(scope.mode).toBe('globs')
    expect(scope.notice).toMatch(/created the branch/)
    expect(selected(scope)).toEqual(['a_python'])
  })

  it('push: a .pddrc change selects all units', async () => {
    const repo = makeRepo({ 'x.txt': '1' })
    const before = git(repo.dir, 'rev-parse', 'HEAD').trim()
    const after = repo.commit({ '.pddrc': 'contexts: {}\n' })
    const scope = await resolveScope(await Git.open(repo.dir), { trigger: 'push', before, after })
    expect(scope.mode).toBe('all')
    expect(scope.notice).toMatch(/\.pddrc changed/)
  })

  it('push in a shallow clone: fetches the before commit to compute the change', async () => {
    const repo = makeRepo({ 'a.py': '1' })
    const before = git(repo.dir, 'rev-parse', 'HEAD').trim()
    repo.commit({ 'x.txt': '2' })
    const after = repo.commit({ 'a.py': '3' })
    const clone = cloneOf(repo.origin, 1)
    expect(git(clone, 'cat-file', '-t', after).trim()).toBe('commit')
    const scope = await resolveScope(await Git.open(clone), { trigger: 'push', before, after })
    expect(scope.mode).toBe('changed')
    expect(selected(scope)).toEqual(['a_python'])
  })

  it.each([
    ['schedule', {}, ['a_python', 'b_python', 'c_python']],
    ['workflow_dispatch without units', { units: [] }, ['a_python', 'b_python', 'c_python']],
    ['workflow_dispatch with globs', { units: ['a_*', 'prompts/c_*'] }, ['a_python', 'c_python']],
    ['workflow_dispatch by basename', { units: ['b'] }, ['b_python']],
    // `units` narrows every trigger, not only workflow_dispatch.
    ['schedule with globs', { units: ['a_*', 'c'] }, ['a_python', 'c_python']],
    ['pull_request with globs', { units: ['b_python'] }, ['b_python']],
    ['issue_comment with globs', { units: ['prompts/a_*'] }, ['a_python']],
    ['repository_dispatch with globs', { units: ['c*'] }, ['c_python']]
  ])('%s', async (trigger, extra, expected) => {
    const repo = makeRepo({ 'x.txt': '1' })
    const scope = await resolveScope(await Git.open(repo.dir), {
      trigger: trigger.split(' ')[0] as string,
      ...extra
    })
    expect(selected(scope)).toEqual(expected)
  })
})
