/**
 * `pdd-command` / `--pdd-command` with a space in the executable's path. Before the fix the value was split on
 * whitespace, so `/opt/my tools/pdd` ran `/opt/my` (not found). Now (src/settings/command-words.ts) a value that
 * names an existing file is taken whole, a JSON array is the argv, and anything else is split on whitespace.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { commandProblem, commandWords } from '../src/settings/command-words.js'
import { INPUTS, readInputs, type InputSource } from '../src/settings/inputs.js'
import { runSettings } from '../src/settings/run-inputs.js'

const dir = path.join(mkdtempSync(path.join(tmpdir(), 'pdd-sync-cmd-')), 'my tools')
mkdirSync(dir)
const exe = path.join(dir, 'pdd')
writeFileSync(exe, '#!/bin/sh\n', { mode: 0o755 })

const source = (given: Record<string, string>): InputSource => ({
  get: name => given[name] ?? '',
  warning: () => undefined,
  setSecret: () => undefined
})

describe('commandWords', () => {
  it.each<[string, string[]]>([
    [exe, [exe]],
    [` ${exe}\n`, [exe]],
    ['uvx --from pdd-cli pdd', ['uvx', '--from', 'pdd-cli', 'pdd']],
    ['pdd', ['pdd']],
    [JSON.stringify([exe, '--quiet']), [exe, '--quiet']],
    ['["python3", "-m", "pdd.cli"]', ['python3', '-m', 'pdd.cli']],
    // A folder is not an executable: the words are split as before.
    [dir, dir.split(/\s+/)]
  ])('%j → %j', (raw, argv) => {
    expect(commandProblem(raw)).toBeNull()
    expect(commandWords(raw)).toEqual(argv)
  })

  it.each(['[', '[]', '["pdd", 3]', '[""]', '   '])('%j is refused', raw => {
    expect(commandProblem(raw)).not.toBeNull()
  })

  it('the action input keeps a path with a space whole, and refuses a broken JSON array by name', () => {
    const v = readInputs(source({ 'pdd-command': exe }))
    expect(runSettings(v).pddCommand).toEqual([exe])
    expect(runSettings(readInputs(source({}))).pddCommand).toBeUndefined()
    expect(() => readInputs(source({ 'pdd-command': '["pdd",' }))).toThrow(
      /Input "pdd-command" \(\["pdd",\) starts with "\[" but is not a JSON array/
    )
    expect(INPUTS['pdd-command'].kind).toBe('text')
  })
})
