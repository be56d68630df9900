/**
 * A prompt with no text — empty, or only blanks and line ends — is skipped at plan time with a reason
 * (src/discover/blank-prompt.ts). pdd-cli 0.0.310 refuses to generate from it before any LLM call ("Prompt must
 * be a non-empty string", pinned against the real pdd by probe7-blank-prompt.pdd): before, it was planned as a
 * new prompt (`generate`), pdd was installed and started, and the unit failed after the run admitted its
 * estimate. A prompt holding any text, a byte order mark included (Python keeps it), is planned as before.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { blankPromptReason } from '../src/discover/blank-prompt.js'
import type { RunResult } from '../src/execute/result.js'
import { runCliAsync } from './helpers/bundles.js'
import { FAKE_PROVIDER_ENV, installFakePdd } from './helpers/fake-pdd.js'
import { makeRepo, tempDir } from './helpers/git-repo.js'

const FILES = {
  'prompts/empty_python.prompt': '',
  'prompts/blank_python.prompt': ' \r\n\t\n\u3000\n',
  'prompts/calc_python.prompt': 'Write calc(a, b) returning a + b.\n'
}

describe.concurrent('a prompt with no text', () => {
  it('plan skips it with the reason and plans the others', async () => {
    const repo = makeRepo(FILES)
    const r = await runCliAsync(['plan', '--repo', repo.dir, '--json', '--no-fetch'], {}, repo.dir)
    expect(r.status, r.stderr).toBe(0)
    const plan = JSON.parse(r.stdout) as {
      units: { id: string }[]
      skipped: { path: string; reason: string }[]
    }
    expect(plan.units.map(u => u.id)).toEqual(['calc_python'])
    const why = new Map(plan.skipped.map(k => [k.path, k.reason]))
    expect([...why.keys()].sort()).toEqual(['prompts/blank_python.prompt', 'prompts/empty_python.prompt'])
    expect(why.get('prompts/blank_python.prompt')).toMatch(/^the prompt is blank: pdd refuses to generate/)
    expect(why.get('prompts/empty_python.prompt')).toMatch(/^the prompt is empty: pdd refuses to generate/)
    expect(r.stderr).toMatch(/Skipped prompts\/empty_python\.prompt: the prompt is empty/)
  })

  it('run never starts pdd for it (nor at all when no other prompt has work)', async () => {
    const repo = makeRepo({
      'prompts/empty_python.prompt': FILES['prompts/empty_python.prompt'],
      'prompts/blank_python.prompt': FILES['prompts/blank_python.prompt']
    })
    const bin = tempDir('fake-pdd-')
    const log = path.join(bin, 'calls.jsonl')
    const [pdd] = installFakePdd(bin, { log })
    const out = path.join(bin, 'result.json')
    const args = ['run', '--repo', repo.dir, '--pdd-command', pdd as string, '--no-fetch', '--result', out]
    const r = await runCliAsync(args, { ...FAKE_PROVIDER_ENV }, repo.dir)
    expect(r.status, r.stderr.slice(-2000)).toBe(0)
    expect(existsSync(log) ? readFileSync(log, 'utf8') : '').toBe('')
    const result = JSON.parse(readFileSync(out, 'utf8')) as RunResult
    expect(result.units).toEqual([])
    expect(result.spent).toBe(0)
  })

  it.each([
    ['empty', '', true],
    ['blanks and line ends', ' \t\r\n\n', true],
    ["Python's other blanks", '\x1c\x1d\x1e\x1f\x85\xa0\u2003\u2028\u3000', true],
    ['a byte order mark (Python keeps it as text)', '\ufeff', false],
    ['one word', '\n  x\n', false],
    ['a long blank file', ' '.repeat(100_000), true],
    ['a long prompt that ends in text', ' '.repeat(100_000) + 'x', false]
  ])('%s', (_name, text, blank) => {
    expect(blankPromptReason(text) !== null).toBe(blank)
  })
})
