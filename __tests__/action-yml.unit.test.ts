import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { IMPLEMENTED_INPUTS, NOT_YET_IMPLEMENTED } from '../src/settings/inputs.js'
import { ROOT } from './helpers/bundles.js'

interface ActionYml {
  runs: { using: string; main: string }
  inputs: Record<string, { description: string; default?: string; required?: boolean }>
  outputs: Record<string, { description: string }>
}

const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYml
// The settings modules without the list of names itself: what remains must read each input.
const source = ['inputs.ts', 'run-inputs.ts']
  .map(f => readFileSync(path.join(ROOT, 'src', 'settings', f), 'utf8'))
  .join('\n')
  .replace(/export const IMPLEMENTED_INPUTS = \[[^\]]*\]/, '')
const main = readFileSync(path.join(ROOT, 'src', 'action', 'main.ts'), 'utf8')

describe('action.yml', () => {
  it('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('declares exactly the inputs the settings know, each with a description', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...IMPLEMENTED_INPUTS, ...NOT_YET_IMPLEMENTED].sort())
    for (const [name, input] of Object.entries(action.inputs))
      expect(input.description.length, name).toBeGreaterThan(20)
  })

  it('gives no default to inputs that are not implemented, so that setting one can fail loudly', () => {
    for (const name of NOT_YET_IMPLEMENTED) {
      expect(action.inputs[name]?.default, name).toBeUndefined()
      expect(action.inputs[name]?.description, name).toMatch(/^Not yet implemented \(fails when set\)/)
    }
  })

  it('reads every implemented input in the settings module', () => {
    for (const name of IMPLEMENTED_INPUTS)
      expect(source, name).toMatch(new RegExp(`[A-Za-z]*Input\\('${name}'`))
  })

  it('declares every output main sets', () => {
    const set = [...main.matchAll(/setOutput\(\s*'([a-z-]+)'/g)].map(m => m[1])
    expect(set.length).toBeGreaterThan(0)
    expect(Object.keys(action.outputs).sort()).toEqual([...new Set(set)].sort())
  })
})
