/**
 * A reason PDD printed (a generated test's output, an LLM's words) goes into the pull request body, the job
 * summary and keep-partial commit messages. Before the fix `fixes #12` there closed issue 12 when the PR was
 * merged, and every `#12` / `GH-12` / `acme/calc#12` put a cross-reference into that issue's timeline. Now each
 * reference is broken by a zero-width space (src/markdown.ts `defuseReferences`) and reads the same.
 */
import { describe, expect, it } from 'vitest'
import { renderCommitMessage } from '../src/execute/commit-message.js'
import type { UnitResult } from '../src/execute/result.js'
import { defuseReferences, escapeInline, mdCell } from '../src/markdown.js'
import { checklistLine } from '../src/publish/checklist-line.js'

/** What GitHub would read as an issue reference or a closing keyword before an issue URL. */
const ACTS = [
  /(^|[^\w])#\d/,
  /\bGH-\d/i,
  /[\w.-]+\/[\w.-]+#\d/,
  /\b(close[sd]?|fix(e[sd])?|resolve[sd]?):?\s+https?:\/\/\S+\/(issues|pull)\/\d/i
]
const acts = (s: string): boolean => ACTS.some(re => re.test(s))
const visible = (s: string): string => s.replace(/\u200b/g, '')

const HOSTILE: [string, string][] = [
  ['a closing keyword', 'AssertionError: fixes #12'],
  ['closes with a colon', 'Closes: #7'],
  ['another repository', 'resolved acme/other#3'],
  ['GH- form', 'see GH-42 for details'],
  ['an issue URL after a keyword', 'fixes https://github.com/acme/calc/issues/5'],
  ['a pull URL after a keyword', 'Resolves: https://github.com/acme/calc/pull/9'],
  ['a bare reference', 'expected #1 but got #2']
]

describe('defuseReferences', () => {
  it.each(HOSTILE)('%s', (_name, text) => {
    expect(acts(text), 'the pattern must see the reference').toBe(true)
    const out = defuseReferences(text)
    expect(acts(out)).toBe(false)
    expect(visible(out)).toBe(text)
    expect(acts(escapeInline(text))).toBe(false)
    expect(acts(mdCell(text))).toBe(false)
  })

  it.each([
    'fix failed: 1 test failing',
    'Fixed the parser; see the log',
    'a#b, #x, C# and F#',
    'https://github.com/acme/calc/issues/5 without a keyword',
    'colour #fff'
  ])('leaves %j alone', text => {
    expect(defuseReferences(text)).toBe(text)
  })
})

describe('where PDD’s reasons are published', () => {
  const failed: UnitResult = {
    id: 'calc_python',
    basename: 'calc',
    language: 'python',
    status: 'failed',
    operations: ['generate', 'test'],
    cost: 0.1,
    reason:
      'test failed: AssertionError: fixes #12 (GH-3, acme/calc#4); closes https://github.com/acme/calc/issues/5'
  }

  it('the checklist line of the pull request body', () => {
    const line = checklistLine(failed)
    expect(acts(line)).toBe(false)
    expect(visible(line)).toContain('fixes #12 (GH-3, acme/calc#4)')
  })

  it('a keep-partial commit message', () => {
    const message = renderCommitMessage({
      basename: 'calc',
      units: [{ id: 'calc_python', language: 'python', operations: ['test'], partialReason: failed.reason }],
      runId: 'r1',
      cost: 0.1
    })
    expect(acts(message)).toBe(false)
    expect(visible(message)).toContain('AssertionError: fixes #12')
  })
})
