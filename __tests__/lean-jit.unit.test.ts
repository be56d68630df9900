import { describe, expect, it } from 'vitest'
import { optimizerFlagGiven, withoutOptimizer } from '../src/plan/lean-jit.js'

describe('optimizerFlagGiven', () => {
  it.each([
    [[], false],
    [['--max-old-space-size=4096', '--enable-source-maps'], false],
    [['--optimize-for-size'], false],
    [['--opt'], true],
    [['--no-opt'], true],
    [['--turbofan'], true],
    [['--no-turbofan'], true],
    [['--always-opt'], true],
    [['--jitless'], true],
    [['--maglev'], true],
    [['', '--inspect', '--no-maglev'], true]
  ])('%j → %s', (args, given) => {
    expect(optimizerFlagGiven(args)).toBe(given)
  })
})

describe('withoutOptimizer', () => {
  it('gives the plan its result, also when plans overlap', async () => {
    let release: () => void = () => undefined
    const gate = new Promise<void>(r => (release = r))
    const slow = withoutOptimizer(async () => {
      await gate
      return 'slow'
    })
    const fast = await withoutOptimizer(() => Promise.resolve('fast'))
    release()
    expect([fast, await slow]).toEqual(['fast', 'slow'])
  })

  it('passes a failure through and plans again afterwards', async () => {
    await expect(withoutOptimizer(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    await expect(withoutOptimizer(() => Promise.resolve(42))).resolves.toBe(42)
  })
})
