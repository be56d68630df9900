/**
 * The job summary's "did nothing" note of PR control. Before the fix the whole reason went through escapeInline,
 * so the action's own reference to the event's pull request or issue ("comment on #3") lost its link (a
 * zero-width space after `#`). Now the reason is composed with `said` (src/markdown.ts): the action's words and
 * numbers stay as written, each outside value (a branch name, a login, a command's text) is escaped.
 */
import { describe, expect, it } from 'vitest'
import { decideControl } from '../src/control/decide.js'
import { said } from '../src/markdown.js'
import type { PrEvent } from '../src/settings/pr-event.js'

const ZWSP = '\u200b'

const comment = (
  o: Partial<PrEvent> & { body?: string; association?: string; author?: string }
): PrEvent => ({
  event: 'issue_comment',
  action: o.action ?? 'created',
  number: 3,
  sender: { login: o.author ?? 'ann', type: 'User' },
  comment: {
    id: 1,
    body: o.body ?? 'hello',
    association: o.association ?? 'OWNER',
    author: o.author ?? 'ann'
  },
  onPullRequest: o.onPullRequest ?? true
})

describe('the "did nothing" reason as Markdown', () => {
  it.each<[string, PrEvent, string]>([
    [
      'a comment on an issue',
      comment({ onPullRequest: false }),
      'the comment is on issue #3, not on a pull request'
    ],
    ['a comment without a command', comment({}), 'the comment on #3 holds no /pdd-sync command'],
    [
      'an outsider’s login is escaped, the text kept',
      comment({ body: '/pdd-sync rerun', association: 'NONE', author: 'eve' }),
      `@${ZWSP}eve is NONE on this repository; only people with write access may ask`
    ]
  ])('%s', async (_name, ev, markdown) => {
    const d = await decideControl(ev, { api: null })
    expect(d.kind).toBe('ignore')
    if (d.kind !== 'ignore') return
    expect(d.markdown).toBe(markdown)
    expect(d.reason).toBe(markdown.replaceAll(ZWSP, ''))
  })

  it('a branch name in an edit event is escaped, the action’s own #N stays a link', async () => {
    const ev: PrEvent = {
      event: 'pull_request',
      action: 'synchronize',
      number: 5,
      headRef: 'pdd-sync/main-fixes-#9-<b>@eve',
      sender: { login: 'ann', type: 'User' },
      onPullRequest: true
    }
    const d = await decideControl(ev, { branch: 'pdd-sync/main-fixes-#9-<b>@eve', api: null })
    expect(d.kind).toBe('ignore')
    if (d.kind !== 'ignore') return
    expect(d.markdown).toBe(
      `a "synchronize" event on the bot's pull request #5 (pdd-sync/main-fixes-#${ZWSP}9-&lt;b&gt;@${ZWSP}eve) ` +
        'asks for no run (only ticking a box does)'
    )
    expect(d.reason).toContain('pull request #5 (pdd-sync/main-fixes-#9-<b>@eve)')
  })

  it('said escapes strings, keeps numbers and nested sentences', () => {
    const inner = said`pull request #${7} (${'x#1'})`
    const s = said`${inner}: ${'fixes #2\n<!--'} at ${'@bob'}`
    expect(s.text).toBe('pull request #7 (x#1): fixes #2\n<!-- at @bob')
    expect(s.markdown).toBe(`pull request #7 (x#${ZWSP}1): fixes #${ZWSP}2 &lt;!-- at @${ZWSP}bob`)
  })
})
