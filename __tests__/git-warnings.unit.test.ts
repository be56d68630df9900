/**
 * The git adapter's warnings (git-lfs missing before a push of LFS files) are redacted by the adapter before the
 * sink the run gives (`Git.withWarnings`: its reporter, which redacts again) or stderr sees them. The path from a
 * run to an annotation is `trust4a-lfs-push.e2e`.
 */
import { describe, expect, it, vi } from 'vitest'
import { GitCommand } from '../src/adapters/git/command.js'

const TOKEN = 'ghs_0123456789abcdefghijklmnopqrstuvwxyzAB'
const MESSAGE = `pushing to https://x-access-token:${TOKEN}@github.example/acme/calc`

describe('git adapter warnings', () => {
  it('reach the sink once, without the token', () => {
    const said: string[] = []
    new GitCommand('/nowhere', {}, [TOKEN], m => said.push(m)).warn(MESSAGE)
    expect(said).toHaveLength(1)
    expect(said[0]).not.toContain(TOKEN)
    expect(said[0]).toContain('***')
  })

  it('without a sink, go to stderr as `warning: …`, without the token', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    try {
      new GitCommand('/nowhere', {}, [TOKEN]).warn(MESSAGE)
      const out = write.mock.calls.map(c => String(c[0])).join('')
      expect(out).toMatch(/^warning: pushing to /)
      expect(out).not.toContain(TOKEN)
    } finally {
      write.mockRestore()
    }
  })
})
