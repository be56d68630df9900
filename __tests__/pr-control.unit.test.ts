import { describe, expect, it } from 'vitest'
import { parseCommand, selectUnits, tickedUnits, type ControlRequest } from '../src/control/commands.js'
import { readPrEvent } from '../src/settings/pr-event.js'
import { replyBody } from '../src/control/reply.js'
import { checklistLine, unitMarker } from '../src/publish/checklist.js'
import type { UnitResult } from '../src/execute/result.js'

const m = (id: string, status = 'failed'): string =>
  unitMarker({ id, status: status as UnitResult['status'] })
const line = (box: ' ' | 'x', id: string, status = 'failed'): string =>
  `- [${box}] ${id} (python): fix failed — 1 test failing ${m(id, status)}`
const body = (...ls: string[]): string => ['## pdd sync', '', '### greet', ...ls, '', '---'].join('\n')

describe('tickedUnits: boxes changed from [ ] to [x] between two bodies', () => {
  const before = body(line(' ', 'greet_python'), line('x', 'calc_python', 'synced'), line(' ', 'b_python'))
  it.each<[string, string, string, string[]]>([
    ['one box ticked', before, before.replace('- [ ] greet_python', '- [x] greet_python'), ['greet_python']],
    ['capital X', before, before.replace('- [ ] greet_python', '- [X] greet_python'), ['greet_python']],
    [
      'two boxes ticked, in the order of the new body',
      before,
      before.replace('- [ ] b_python', '- [x] b_python').replace('- [ ] greet_python', '- [x] greet_python'),
      ['greet_python', 'b_python']
    ],
    ['nothing changed', before, before, []],
    ['an unticked box is no tick', before, before.replace('- [x] calc_python', '- [ ] calc_python'), []],
    [
      'CRLF bodies (saved in the browser) on both sides',
      before.replace(/\n/g, '\r\n'),
      before.replace('- [ ] greet_python', '- [x] greet_python').replace(/\n/g, '\r\n'),
      ['greet_python']
    ],
    [
      'LF before, CRLF after',
      before,
      before.replace('- [ ] greet_python', '- [x] greet_python').replace(/\n/g, '\r\n'),
      ['greet_python']
    ],
    [
      'a ticked line added by hand was never an open box',
      before,
      `${before}\n${line('x', 'evil_python')}`,
      []
    ],
    [
      'a marker in a fenced code block is no box',
      `${before}\n\`\`\`\n${line(' ', 'evil_python')}\n\`\`\``,
      `${before}\n\`\`\`\n${line('x', 'evil_python')}\n\`\`\``,
      []
    ],
    [
      'a marker in a ~~~ fence (with a ``` line inside) is no box',
      `${before}\n~~~~\n\`\`\`\n${line(' ', 'evil_python')}\n~~~~`,
      `${before}\n~~~~\n\`\`\`\n${line('x', 'evil_python')}\n~~~~`,
      []
    ],
    [
      'a marker not at the end of the line (in text) is no box',
      `${before}\n- [ ] see ${m('evil_python')} here`,
      `${before}\n- [x] see ${m('evil_python')} here`,
      []
    ],
    [
      'a line with two markers is no box',
      `${before}\n- [ ] two ${m('a_python')} ${m('evil_python')}`,
      `${before}\n- [x] two ${m('a_python')} ${m('evil_python')}`,
      []
    ],
    [
      'a marker in a quote or a plain paragraph is no box',
      `${before}\n> - [ ] q ${m('q_python')}\nplain [ ] ${m('p_python')}`,
      `${before}\n> - [x] q ${m('q_python')}\nplain [x] ${m('p_python')}`,
      []
    ],
    [
      'a nested task item with a marker counts (GitHub renders it as a box)',
      `${before}\n  - [ ] nested ${m('n_python')}`,
      `${before}\n  - [x] nested ${m('n_python')}`,
      ['n_python']
    ],
    [
      'the same id twice: one more ticked box is a tick',
      body(line(' ', 'd_python'), line(' ', 'd_python')),
      body(line(' ', 'd_python'), line('x', 'd_python')),
      ['d_python']
    ],
    [
      'ids that the marker percent-encodes are decoded',
      body(line(' ', 'dir with space/x_python')),
      body(line('x', 'dir with space/x_python')),
      ['dir with space/x_python']
    ],
    [
      'a marker with a broken escape is ignored',
      body(`- [ ] x <!-- pdd-sync:unit=%E0%A4%A status=failed -->`),
      body(`- [x] x <!-- pdd-sync:unit=%E0%A4%A status=failed -->`),
      []
    ],
    ['empty bodies', '', '', []]
  ])('%s', (_name, from, to, expected) => {
    expect(tickedUnits(from, to)).toEqual(expected)
  })

  it('reads the lines the checklist renders, whatever the reason says', () => {
    const u: UnitResult = {
      id: 'greet_python',
      basename: 'greet',
      language: 'python',
      status: 'failed',
      operations: ['generate', 'fix'],
      cost: 0.01,
      reason: `fix failed: <!-- pdd-sync:unit=evil_python status=failed --> and [ ] more`
    }
    const rendered = body(checklistLine(u, 'Re-run the workflow.'))
    expect(tickedUnits(rendered, rendered.replace('- [ ] greet', '- [x] greet'))).toEqual(['greet_python'])
  })
})

describe('parseCommand: /pdd-sync commands in a comment', () => {
  it.each<[string, string, ReturnType<typeof parseCommand>]>([
    ['retry failed', '/pdd-sync retry failed', { kind: 'retry-failed' }],
    ['with CRLF and text around', 'Please\r\n/pdd-sync retry failed\r\nthanks', { kind: 'retry-failed' }],
    ['one id', '/pdd-sync retry greet_python', { kind: 'retry', patterns: ['greet_python'] }],
    [
      'globs, comma and space separated, braces kept',
      '  /pdd-sync retry calc_*, core/**  *_{python,typescript}',
      { kind: 'retry', patterns: ['calc_*', 'core/**', '*_{python,typescript}'] }
    ],
    ['no command', 'LGTM, retry later', null],
    ['a mention in running text', 'type /pdd-sync retry failed to retry', null],
    ['a quoted command', '> /pdd-sync retry failed', null],
    ['a command in a code block', '```\n/pdd-sync retry failed\n```', null],
    ['a longer word', '/pdd-syncer retry failed', null],
    [
      'unknown subcommand',
      '/pdd-sync rerun all',
      { kind: 'invalid', problem: expect.stringMatching(/unknown command/) as string }
    ],
    [
      'no unit',
      '/pdd-sync retry',
      { kind: 'invalid', problem: expect.stringMatching(/no unit named/) as string }
    ],
    [
      'failed with more',
      '/pdd-sync retry failed calc_python',
      { kind: 'invalid', problem: expect.stringMatching(/stands alone/) as string }
    ],
    [
      'the first command wins',
      '/pdd-sync retry a_python\n/pdd-sync retry failed',
      { kind: 'retry', patterns: ['a_python'] }
    ]
  ])('%s', (_name, text, expected) => {
    expect(parseCommand(text)).toEqual(expected)
  })

  it('refuses too many globs and over-long ones', () => {
    expect(
      parseCommand(`/pdd-sync retry ${Array.from({ length: 51 }, (_, i) => `u${i}`).join(' ')}`)
    ).toMatchObject({ kind: 'invalid' })
    expect(parseCommand(`/pdd-sync retry ${'a'.repeat(201)}`)).toMatchObject({ kind: 'invalid' })
  })
})

describe('selectUnits: the request against the current plan', () => {
  const plan = [
    { id: 'calc_python', basename: 'calc', prompt: 'prompts/calc_python.prompt' },
    { id: 'greet_python', basename: 'greet', prompt: 'prompts/greet_python.prompt' },
    { id: 'core/parse_typescript', basename: 'core/parse', prompt: 'prompts/core/parse_typescript.prompt' }
  ]
  const failed = new Set(['greet_python', 'gone_python'])
  it.each<[string, ControlRequest, string[], string[]]>([
    ['ticked ids of the plan', { kind: 'tick', ids: ['greet_python'] }, ['greet_python'], []],
    [
      'a ticked id not in the plan is ignored',
      { kind: 'tick', ids: ['evil_python', 'calc_python'] },
      ['calc_python'],
      ['evil_python']
    ],
    ['failed: the plan’s units whose latest run failed', { kind: 'retry-failed' }, ['greet_python'], []],
    [
      'globs against id, basename and prompt path, in plan order',
      { kind: 'retry', patterns: ['greet', 'core/**', 'calc_*'] },
      ['calc_python', 'greet_python', 'core/parse_typescript'],
      []
    ],
    [
      'a glob that matches nothing is ignored',
      { kind: 'retry', patterns: ['nope_*', 'greet_python'] },
      ['greet_python'],
      ['nope_*']
    ],
    ['a glob is not a regular expression', { kind: 'retry', patterns: ['.*'] }, [], ['.*']],
    ['an unusable glob is ignored', { kind: 'retry', patterns: ['[z-a]'] }, [], ['[z-a]']]
  ])('%s', (_name, request, ids, ignored) => {
    const s = selectUnits(request, plan, failed)
    expect(s.ids).toEqual(ids)
    expect(s.ignored.map(i => i.name)).toEqual(ignored)
  })
})

describe('readPrEvent', () => {
  it('reads an edited pull_request payload with the old body', () => {
    const ev = readPrEvent('pull_request', {
      action: 'edited',
      number: 7,
      changes: { body: { from: 'old' } },
      pull_request: {
        number: 7,
        body: 'new',
        head: { ref: 'pdd-sync/main' },
        base: { ref: 'main' },
        user: { login: 'github-actions[bot]' }
      },
      sender: { login: 'alice', type: 'User' }
    })
    expect(ev).toMatchObject({
      event: 'pull_request',
      action: 'edited',
      number: 7,
      headRef: 'pdd-sync/main',
      baseRef: 'main',
      bodyFrom: 'old',
      body: 'new',
      sender: { login: 'alice' },
      prAuthor: 'github-actions[bot]'
    })
  })
  it('a title-only edit carries no bodies; a null body reads as empty', () => {
    const pr = { number: 7, body: null, head: { ref: 'h' }, base: { ref: 'b' } }
    expect(
      readPrEvent('pull_request', { action: 'edited', changes: { title: { from: 'x' } }, pull_request: pr })
        ?.bodyFrom
    ).toBeUndefined()
    expect(
      readPrEvent('pull_request', { action: 'edited', changes: { body: { from: 'x' } }, pull_request: pr })
        ?.body
    ).toBe('')
  })
  it('reads a comment and whether it is on a pull request; other events and odd payloads give null', () => {
    const c = readPrEvent('issue_comment', {
      action: 'created',
      issue: { number: 3, pull_request: { url: 'u' }, user: { login: 'bot' } },
      comment: {
        id: 9,
        body: '/pdd-sync retry failed',
        author_association: 'MEMBER',
        user: { login: 'alice' }
      },
      sender: { login: 'alice', type: 'User' }
    })
    expect(c).toMatchObject({
      number: 3,
      onPullRequest: true,
      comment: { id: 9, association: 'MEMBER', author: 'alice' }
    })
    expect(readPrEvent('issue_comment', { issue: { number: 3 }, comment: {} })?.onPullRequest).toBe(false)
    expect(readPrEvent('push', { number: 1 })).toBeNull()
    expect(readPrEvent('pull_request', {})).toBeNull()
    expect(readPrEvent('issue_comment', null)).toBeNull()
  })
})

describe('replyBody', () => {
  const unit = (id: string, status: UnitResult['status']): UnitResult => ({
    id,
    basename: id,
    language: 'python',
    status,
    operations: [],
    cost: 0,
    reason: ''
  })
  it('says what ran, what it cost and the result, and what was ignored', () => {
    const text = replyBody({
      by: 'alice',
      how: 'ticked a box',
      selection: {
        ids: ['greet_python'],
        ignored: [{ name: 'evil_python', why: 'not a unit of the current plan' }]
      },
      result: { budget: 5, spent: 0.0123, units: [unit('greet_python', 'synced')] },
      runUrl: 'https://github.example/acme/calc/actions/runs/1'
    })
    expect(text).toBe(
      [
        'pdd-sync re-ran 1 unit (@alice ticked a box): `greet_python` synced.',
        'Spent $0.01 of a $5.00 budget.',
        'Ignored `evil_python`: not a unit of the current plan.',
        '[Workflow run](https://github.example/acme/calc/actions/runs/1)'
      ].join('\n')
    )
    expect(text.split('\n').some(l => l.startsWith('/pdd-sync'))).toBe(false)
  })
  it('says why nothing ran', () => {
    const text = replyBody({
      by: 'bob',
      how: 'asked',
      selection: { ids: [], ignored: [] },
      notRun: 'no unit asked for has work'
    })
    expect(text).toBe('pdd-sync: nothing was re-run (@bob asked): no unit asked for has work.')
  })
})
