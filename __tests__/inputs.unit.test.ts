import { describe, expect, it } from 'vitest'
import { INPUTS, readInputs, readTable, type InputSource } from '../src/settings/inputs.js'
import { removed, type InputSpec } from '../src/settings/readers.js'

/** A runner stand-in: the inputs given, and what reading them warned and masked. */
function source(given: Record<string, string>): InputSource & { warnings: string[]; secrets: string[] } {
  const warnings: string[] = []
  const secrets: string[] = []
  return {
    warnings,
    secrets,
    get: name => given[name] ?? '',
    warning: m => warnings.push(m),
    setSecret: v => secrets.push(v)
  }
}

describe('readInputs (the input table)', () => {
  it('falls back to each default, and every default is a valid value', () => {
    const v = readInputs(source({}))
    expect(v.mode).toBe('run')
    expect(v.budget).toBe(5)
    expect(v.concurrency).toBe(2)
    expect(v['notes-ref']).toBe('refs/notes/pdd-sync')
    expect(v.labels).toEqual(['pdd-sync'])
    expect(v['draft-on-failure']).toBe(true)
    expect(v['target-coverage']).toBeUndefined()
    expect(v['timeout-minutes-per-group']).toBeUndefined()
    expect(v.token).toBe('')
  })

  it.each<[Record<string, string>, Partial<Record<keyof typeof INPUTS, unknown>>]>([
    [{ concurrency: '3.7' }, { concurrency: 3 }],
    [{ budget: ' 0.5 ' }, { budget: 0.5 }],
    [{ 'skip-tests': 'YES' }, { 'skip-tests': true }],
    [
      { units: 'calc_{python,typescript}, backend/*\nfoo' },
      { units: ['calc_{python,typescript}', 'backend/*', 'foo'] }
    ],
    [{ labels: 'a,\n b ,' }, { labels: ['a', 'b'] }],
    [{ base: 'refs/heads/main' }, { base: 'main' }],
    [{ 'pdd-command': 'uvx --from pdd-cli pdd' }, { 'pdd-command': 'uvx --from pdd-cli pdd' }],
    [{ 'state-store': 'both' }, { 'state-store': 'both' }]
  ])('reads %j', (given, want) => {
    expect(readInputs(source(given))).toMatchObject(want)
  })

  it.each<[Record<string, string>, RegExp]>([
    [{ concurrency: '17' }, /Input "concurrency" must be a decimal number from 1 to 16 .*got "17"/],
    [{ budget: '0x10' }, /Input "budget" must be a decimal number/],
    [{ mode: 'sideways' }, /Input "mode" must be one of plan, run, shard, finalize; got "sideways"/],
    [{ 'dry-run': 'maybe' }, /Input "dry-run" must be true or false; got "maybe"/],
    [{ 'notes-ref': 'refs/heads/x' }, /Input "notes-ref" must be a ref under refs\/notes\//],
    [{ branch: 'a..b' }, /Input "branch" must be a branch name/],
    [{ 'python-version': '2.7' }, /Input "python-version" must look like 3.12/],
    [{ 'pdd-version': '; rm' }, /Input "pdd-version" must be a pdd-cli version/],
    [{ title: 'x'.repeat(257) }, /Input "title" must be at most 256 characters; got 257/],
    [{ shard: '256' }, /Input "shard" must be a shard index from 0 to 255; got "256"/],
    [{ shard: '-1' }, /Input "shard" must be a shard index/],
    [{ 'base-sha': 'main' }, /Input "base-sha" must be a full commit id/]
  ])('refuses %j', (given, message) => {
    expect(() => readInputs(source(given))).toThrow(message)
  })

  it('never echoes a refused withhold-env entry (it may be a pasted secret)', () => {
    expect(() => readInputs(source({ 'withhold-env': 'AWS_*, sk-live secret' }))).toThrow(
      /Input "withhold-env" must list environment variable names .*entry 2 is not one\.$/
    )
    try {
      readInputs(source({ 'withhold-env': 'sk-live secret' }))
    } catch (e) {
      expect((e as Error).message).not.toContain('sk-live')
    }
  })

  it('masks both tokens as soon as they are read', () => {
    const s = source({ token: 'ghs_aaa', 'push-token': 'ghp_bbb' })
    const v = readInputs(s)
    expect(s.secrets).toEqual(['ghs_aaa', 'ghp_bbb'])
    expect([v.token, v['push-token']]).toEqual(['ghs_aaa', 'ghp_bbb'])
  })

  describe('an old name (timeout-minutes-per-unit)', () => {
    it('is read with a warning when the new name is not given', () => {
      const s = source({ 'timeout-minutes-per-unit': '45' })
      expect(readInputs(s)['timeout-minutes-per-group']).toBe(45)
      expect(s.warnings).toEqual([
        'Input "timeout-minutes-per-unit" is deprecated: use "timeout-minutes-per-group" (same meaning).'
      ])
    })

    it.each(['-Infinity', 'ten', '0x10'])('names itself when its value %j is bad', bad => {
      expect(() => readInputs(source({ 'timeout-minutes-per-unit': bad }))).toThrow(
        /Input "timeout-minutes-per-unit" must be/
      )
      expect(() => readInputs(source({ 'timeout-minutes-per-group': bad }))).toThrow(
        /Input "timeout-minutes-per-group" must be/
      )
    })

    it('agrees with the new name, or is an error', () => {
      expect(
        readInputs(source({ 'timeout-minutes-per-unit': '45', 'timeout-minutes-per-group': '45.0' }))[
          'timeout-minutes-per-group'
        ]
      ).toBe(45)
      expect(() =>
        readInputs(source({ 'timeout-minutes-per-unit': '45', 'timeout-minutes-per-group': '10' }))
      ).toThrow(/Inputs "timeout-minutes-per-group" \(10\) and "timeout-minutes-per-unit" \(45\) disagree/)
    })

    it('wins over a new name that only holds its default (which the runner fills in)', () => {
      const spec: InputSpec<number> = { ...INPUTS.budget, alias: 'old-budget' }
      const table = { budget: spec }
      expect(readWith(table, { budget: '5', 'old-budget': '9' })).toEqual({ budget: 9 })
    })
  })

  it('warns when a removed input is still given, and not otherwise', () => {
    const table = { gone: removed('Input "gone" does nothing: remove it.') }
    const s = source({ gone: 'false' })
    expect(readWith(table, { gone: 'false' }, s)).toEqual({ gone: undefined })
    expect(s.warnings).toEqual(['Input "gone" does nothing: remove it.'])
    const quiet = source({})
    readWith(table, {}, quiet)
    expect(quiet.warnings).toEqual([])
  })
})

/** Reads a table of one's own through the same loop (the loop is what is tested, not the rows). */
function readWith(
  table: Record<string, InputSpec<unknown>>,
  given: Record<string, string>,
  s: InputSource = source(given)
): Readonly<Record<string, unknown>> {
  return readTable(table, s)
}
