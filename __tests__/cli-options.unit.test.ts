/**
 * `pdd-sync run`'s counts (`--concurrency`, `--max-attempts`, `--shard`) are whole numbers: a fraction is refused
 * before anything runs, naming the option and the value, like any other bad number. Through the command's own
 * readers (parseRunArgs, runRequestOf, shardOf).
 */
import { describe, expect, it } from 'vitest'
import { optionalWhole, UsageError } from '../src/cli/options.js'
import { parseRunArgs, runRequestOf, shardOf } from '../src/cli/run-options.js'

const request = (...args: string[]) => runRequestOf(parseRunArgs(['--repo', '.', ...args]))

describe('pdd-sync run: whole-number options', () => {
  it.each([
    [['--concurrency', '2.5'], /--concurrency must be a whole number from 1 to 16; got "2\.5"/],
    [['--concurrency', '1.0001'], /--concurrency must be a whole number/],
    [['--max-attempts', '1.5'], /--max-attempts must be a whole number from 1 to 20; got "1\.5"/],
    [['--concurrency', '0'], /--concurrency must be a decimal number from 1 to 16/],
    [['--max-attempts', '1e2'], /--max-attempts must be a decimal number/]
  ])('%j is refused: %s', (args, message) => {
    expect(() => request(...args)).toThrow(UsageError)
    expect(() => request(...args)).toThrow(message)
  })

  it.each([
    [['--concurrency', '3'], 3, 3],
    [['--concurrency', '4.0', '--max-attempts', '1'], 4, 1],
    [[], 2, 3]
  ])('%j is accepted: concurrency %i, max-attempts %i', (args, concurrency, maxAttempts) => {
    const r = request(...args)
    expect(r.settings.concurrency).toBe(concurrency)
    expect(r.settings.maxAttempts).toBe(maxAttempts)
  })

  it('--shard: a fraction is refused, a whole number kept', () => {
    const values = { units: 'calc_python', 'run-key': 'k1' }
    expect(() => shardOf({ ...values, shard: '1.5' })).toThrow(
      /--shard must be a whole number from 0 to 255; got "1\.5"/
    )
    expect(shardOf({ ...values, shard: '2' })?.shard).toBe(2)
  })

  it('optionalWhole: undefined without a value', () => {
    expect(optionalWhole('--x', undefined, 1, 2)).toBeUndefined()
  })
})
