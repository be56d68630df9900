/**
 * A prompt stored in Git LFS and checked out without its object (actions/checkout's default `lfs: false`) is a
 * three-line pointer. Before the fix it was planned as a new prompt and pdd paid to generate code from the
 * pointer's text; now it is skipped with a reason naming the fix (src/discover/lfs-pointer.ts).
 */
import { describe, expect, it } from 'vitest'
import { lfsPointerReason } from '../src/discover/lfs-pointer.js'
import { runCliAsync } from './helpers/bundles.js'
import { makeRepo } from './helpers/git-repo.js'

const OID = 'a'.repeat(64)
const POINTER = `version https://git-lfs.github.com/spec/v1\noid sha256:${OID}\nsize 1234\n`

describe('a Git LFS pointer in place of a prompt', () => {
  it('cli plan skips it with the reason and plans the other prompts', async () => {
    const repo = makeRepo({
      'prompts/calc_python.prompt': POINTER,
      'prompts/other_python.prompt': 'Write x.\n'
    })
    const r = await runCliAsync(['plan', '--repo', repo.dir, '--json', '--no-fetch'], {}, repo.dir)
    expect(r.status).toBe(0)
    const plan = JSON.parse(r.stdout) as {
      units: { id: string }[]
      skipped: { path: string; reason: string }[]
    }
    expect(plan.units.map(u => u.id)).toEqual(['other_python'])
    expect(plan.skipped.map(k => k.path)).toEqual(['prompts/calc_python.prompt'])
    expect(plan.skipped[0]?.reason).toMatch(/^a Git LFS pointer, not the prompt/)
    expect(r.stderr).toMatch(/prompts\/calc_python\.prompt.*Git LFS pointer.*lfs: true/)
  })

  it.each([
    ['a pointer', POINTER, true],
    ['with CRLF line ends', POINTER.replace(/\n/g, '\r\n'), true],
    [
      'with an extension line',
      `version https://git-lfs.github.com/spec/v1\next-0-foo sha256:${'b'.repeat(64)}\noid sha256:${OID}\nsize 9\n`,
      true
    ],
    ['a prompt that quotes a pointer', `Explain this file:\n${POINTER}`, false],
    ['a short oid', 'version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 1\n', false],
    ['a long prompt that starts like one', POINTER + 'x'.repeat(2000), false]
  ])('%s', (_name, text, pointer) => {
    expect(lfsPointerReason(text) !== null).toBe(pointer)
  })
})
