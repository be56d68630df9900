/**
 * Untrusted text never runs as a workflow command (src/trust/commands.ts): every form the runner reads —
 * `::cmd::` after blanks, `##[cmd]` anywhere, a line that a lone `\r` starts — is fenced, JSON keeps its value,
 * and text with no command passes unchanged. The runner is modelled by helpers/runner-commands.ts.
 */
import { describe, expect, it } from 'vitest'
import { ConsoleReporter } from '../src/adapters/reporter.js'
import {
  escapeJsonCommands,
  fenceWorkflowCommands,
  forStdout,
  holdsWorkflowCommand
} from '../src/trust/commands.js'
import { runnerCommands } from './helpers/runner-commands.js'

const HOSTILE: [string, string][] = [
  ['set-output at the start', '::set-output name=status::success'],
  ['after blanks', '   \t::add-mask::visible'],
  ['legacy form inside a line', '[calc] test output ##[set-output name=status;]success'],
  ['after a lone carriage return', 'progress 10%\r::warning::injected'],
  ['on a later line', 'Traceback\nValueError: x\n::error title=pwn::injected'],
  ['its own stop-commands', '::stop-commands::abc\n::warning::injected\n::abc::\n::warning::again'],
  ['CRLF lines', 'ok\r\n::notice::injected\r\n'],
  ['a group it never ends', '::group::swallow the rest'],
  ['echo on', '::echo::on']
]

describe('fenceWorkflowCommands: the runner runs nothing of hostile text', () => {
  it.each(HOSTILE)('%s', (_name, text) => {
    expect(runnerCommands(text).length, 'the model must see the command unfenced').toBeGreaterThan(0)
    expect(holdsWorkflowCommand(text)).toBe(true)
    const fenced = fenceWorkflowCommands(text)
    expect(runnerCommands(fenced)).toEqual([])
    expect(fenced).toContain(text)
    // Printed after the fence, the action's own commands run again.
    expect(runnerCommands(`${fenced}\n::warning::mine`).map(c => c.line)).toEqual(['::warning::mine'])
  })

  it('each fence has its own token', () => {
    const [a, b] = [fenceWorkflowCommands('::x::'), fenceWorkflowCommands('::x::')]
    expect(a.split('\n')[0]).toMatch(/^::stop-commands::[0-9a-f-]{36}$/)
    expect(a.split('\n')[0]).not.toBe(b.split('\n')[0])
  })

  it.each([
    ['plain text', 'PDD_PHASE: generate'],
    ['a colon pair inside a line', 'see http://x::y and a::b'],
    ['one hash and a bracket', 'issue #[12]'],
    ['empty', '']
  ])('leaves %s unchanged', (_name, text) => {
    expect(holdsWorkflowCommand(text)).toBe(false)
    expect(fenceWorkflowCommands(text)).toBe(text)
  })
})

describe('JSON for stdout under a runner', () => {
  const doc = { reason: 'x ##[set-output name=status;]success \\##[add-mask]y', more: ['::warning::z'] }
  it('escapes the legacy form and parses to the same value', () => {
    const json = JSON.stringify(doc, null, 2)
    expect(runnerCommands(json).length).toBeGreaterThan(0)
    const safe = escapeJsonCommands(json)
    expect(runnerCommands(safe)).toEqual([])
    expect(JSON.parse(safe)).toEqual(doc)
  })

  it('forStdout changes nothing outside a runner, and fences text or escapes JSON under one', () => {
    const json = JSON.stringify(doc)
    expect(forStdout(json, true, {})).toBe(json)
    expect(forStdout('::warning::x', false, { GITHUB_ACTIONS: 'false' })).toBe('::warning::x')
    expect(JSON.parse(forStdout(json, true, { GITHUB_ACTIONS: 'true' }))).toEqual(doc)
    expect(runnerCommands(forStdout('::warning::x', false, { GITHUB_ACTIONS: 'true' }))).toEqual([])
  })
})

describe('ConsoleReporter under a runner', () => {
  it('fences every kind of message, and none outside a runner', () => {
    const lines: string[] = []
    const fenced = new ConsoleReporter(l => lines.push(l), false, true)
    fenced.info('::set-output name=status::success')
    fenced.warning('bad\n::add-mask::x')
    fenced.error('##[error]y')
    expect(runnerCommands(lines.join('\n'))).toEqual([])
    const plain: string[] = []
    new ConsoleReporter(l => plain.push(l), false, false).info('::set-output name=status::success')
    expect(plain).toEqual(['::set-output name=status::success'])
  })
})
