import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { INPUTS } from '../src/settings/inputs.js'
import type { InputSpec } from '../src/settings/readers.js'
import { ROOT } from './helpers/bundles.js'

interface ActionYml {
  runs: { using: string; main: string }
  inputs: Record<
    string,
    { description: string; default?: string; required?: boolean; deprecationMessage?: string }
  >
  outputs: Record<string, { description: string }>
}

const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYml
// The files that set the step's outputs: main (every mode), its outputs helper and the run modes' part.
const main = ['main.ts', 'outputs.ts', 'run-mode.ts']
  .map(f => readFileSync(path.join(ROOT, 'src', 'action', f), 'utf8'))
  .join('\n')
const rows = Object.entries(INPUTS) as [string, InputSpec<unknown>][]
const aliases = rows.flatMap(([, spec]) => (spec.alias === undefined ? [] : [spec.alias]))

describe('action.yml', () => {
  it('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('declares exactly the inputs of the table (and their old names), each with a description', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...rows.map(([name]) => name), ...aliases].sort())
    for (const [name, input] of Object.entries(action.inputs))
      expect(input.description.length, name).toBeGreaterThan(20)
  })

  it('declares the default the code falls back to', () => {
    for (const [name, spec] of rows)
      expect(action.inputs[name]?.default, name).toBe(spec.expression ?? spec.default)
  })

  it('marks as deprecated exactly the old names and the removed inputs, naming what replaces them', () => {
    const deprecated = Object.keys(action.inputs).filter(n => action.inputs[n]?.deprecationMessage)
    const removed = rows.filter(([, spec]) => spec.kind === 'removed').map(([name]) => name)
    expect(deprecated.sort()).toEqual([...aliases, ...removed].sort())
    for (const [name, spec] of rows) {
      if (spec.alias === undefined) continue
      expect(action.inputs[spec.alias]?.default ?? '', spec.alias).toBe('')
      expect(action.inputs[spec.alias]?.deprecationMessage, spec.alias).toContain(name)
    }
    for (const name of removed) expect(action.inputs[name]?.default, name).toBeUndefined()
  })

  it('lists every choice of a choice input in its description', () => {
    for (const [name, spec] of rows)
      for (const c of spec.choices ?? []) expect(action.inputs[name]?.description, name).toContain(c)
  })

  it('gives no default to inputs that are not implemented, so that setting one can fail loudly', () => {
    const later = rows.filter(([, spec]) => spec.kind === 'not-implemented').map(([name]) => name)
    expect(later).toEqual([])
    for (const name of later)
      expect(action.inputs[name]?.description, name).toMatch(/^Not yet implemented \(fails when set\)/)
  })

  it('declares every output main sets', () => {
    const set = [...main.matchAll(/setOutput\(\s*'([a-z-]+)'/g)].map(m => m[1])
    expect(set.length).toBeGreaterThan(0)
    expect(Object.keys(action.outputs).sort()).toEqual([...new Set(set)].sort())
  })
})
