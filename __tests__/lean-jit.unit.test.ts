import { describe, expect, it } from 'vitest'
import { optimizerFlagGiven, withLeanOptimizer } from '../src/plan/lean-jit.js'

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
    [['--no-turbo-inlining'], true],
    [['--turbo_inlining'], true],
    [['--max-inlined-bytecode-size-cumulative=300'], true],
    [['--max-lazy'], false],
    [['', '--inspect', '--no-maglev'], true]
  ])('%j → %s', (args, given) => {
    expect(optimizerFlagGiven(args)).toBe(given)
  })
})

describe('withLeanOptimizer', () => {
  it('gives the plan its result, also when plans overlap', async () => {
    let release: () => void = () => undefined
    const gate = new Promise<void>(r => (release = r))
    const slow = withLeanOptimizer(async () => {
      await gate
      return 'slow'
    })
    const fast = await withLeanOptimizer(() => Promise.resolve('fast'))
    release()
    expect([fast, await slow]).toEqual(['fast', 'slow'])
  })

  it('passes a failure through and plans again afterwards', async () => {
    await expect(withLeanOptimizer(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    await expect(withLeanOptimizer(() => Promise.resolve(42))).resolves.toBe(42)
  })
})
