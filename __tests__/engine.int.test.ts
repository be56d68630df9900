import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { wantsLargerBudget } from '../src/adapters/engine.js'

describe('wantsLargerBudget: only V8 without a mid-tier compiler (Node 20, 21)', () => {
  it.each([
    ['11.3.244.8-node.33', true], // Node 20
    ['11.8.172.17-node.19', true], // Node 21
    ['12.4.254.21-node.33', false], // Node 22: Maglev
    ['13.6.233.17-node.63', false], // Node 24
    ['10.2.154.26-node.36', false], // Node 18: not supported, its flags are not vouched for
    ['', false],
    ['v11', false]
  ])('%s → %s', (version, want) => {
    expect(wantsLargerBudget(version)).toBe(want)
  })
})

/**
 * How many calls of a small hot function pass before V8 optimizes it, in a fresh Node, with or without
 * `tuneEngine` called first (compiles on the main thread, so the count does not depend on the machine's load).
 */
function callsToOptimize(tune: boolean): { tuned: boolean; calls: number } {
  const engine = path.resolve('src/adapters/engine.ts')
  const script = `
    const { tuneEngine } = await import(${JSON.stringify(engine)})
    const tuned = ${tune} ? tuneEngine() : false
    function hot(a) { let s = 0; for (let i = 0; i < 8; i++) s += (a ^ i) & 7; return s }
    let n = 0
    for (; n < 400000; n++) { hot(n); if (n % 50 === 0 && (%GetOptimizationStatus(hot) & 16)) break }
    console.log(JSON.stringify({ tuned, calls: n }))`
  const out = execFileSync(
    process.execPath,
    [
      '--allow-natives-syntax',
      '--no-concurrent-recompilation',
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      script
    ],
    { encoding: 'utf8' }
  )
  return JSON.parse(out) as { tuned: boolean; calls: number }
}

describe('tuneEngine in a fresh process', () => {
  it('raises the budget before functions are optimized on this Node, and only where it wants to', () => {
    const plain = callsToOptimize(false)
    const tuned = callsToOptimize(true)
    expect(plain.calls).toBeLessThan(400000)
    if (wantsLargerBudget(process.versions.v8)) {
      expect(tuned.tuned).toBe(true)
      // ~13× on Node 20 (300 → 3,850 calls): the budget is 15× V8's default.
      expect(tuned.calls).toBeGreaterThan(plain.calls * 5)
    } else {
      expect(tuned.tuned).toBe(false)
      expect(tuned.calls).toBeLessThan(plain.calls * 2 + 100)
    }
  })
})
