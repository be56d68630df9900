import { afterEach, describe, expect, it, vi } from 'vitest'
import { failOnStrayErrors } from '../src/action/main.js'
import { Redactor } from '../src/trust/redact.js'

const TOKEN = 'ghs_strayErrorToken0123456789'

describe('an error nothing awaited fails the step with one redacted line', () => {
  const before = {
    rejection: process.listeners('unhandledRejection'),
    exception: process.listeners('uncaughtException')
  }
  afterEach(() => {
    for (const l of process.listeners('unhandledRejection'))
      if (!before.rejection.includes(l)) process.off('unhandledRejection', l)
    for (const l of process.listeners('uncaughtException'))
      if (!before.exception.includes(l)) process.off('uncaughtException', l)
    process.exitCode = 0
    vi.restoreAllMocks()
  })

  it.each([
    [
      'unhandledRejection',
      new Error(`push to https://x-access-token:${TOKEN}@github.com failed\n    at stack`)
    ],
    ['uncaughtException', new Error(`boom ${TOKEN}\nsecond line`)]
  ])('%s', (event, error) => {
    const written: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array): boolean => {
      written.push(String(chunk))
      return true
    })
    failOnStrayErrors(() => new Redactor([TOKEN]))
    process.emit(event as 'uncaughtException', error)
    const failed = written.filter(l => l.startsWith('::error::'))
    expect(failed).toHaveLength(1)
    expect(failed[0]).toMatch(/^::error::pdd-sync stopped on an unexpected error: /)
    expect(failed[0]).not.toMatch(/\n.+/)
    expect(written.join('')).not.toContain(TOKEN)
    expect(process.exitCode).toBe(1)
  })
})
