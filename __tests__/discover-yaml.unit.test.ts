// The `yaml` package is loaded only for a project with a `.pddrc` (src/discover/pddrc/yaml.ts). The cases run
// in order from a process that has not loaded it; the `.unit.` files share their modules, so it is forgotten
// first and loaded again after.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contextProblem, discoverUnits, simulatePddSync } from '../src/discover/discover.js'
import { forgetYaml, loadYaml, YamlNotLoaded, yamlPackage } from '../src/discover/pddrc/yaml.js'

const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'discover-yaml-')))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))
beforeAll(forgetYaml)
afterAll(loadYaml)

function project(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name)
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    fs.writeFileSync(path.join(dir, rel), text)
  }
  return dir
}

const P = 'Prompt.\n'
// A `.pddrc` in the prompts folder only: discovery meets it after it has started without the package.
const NESTED = {
  'prompts/.pddrc': 'contexts:\n  default:\n    defaults:\n      generate_output_path: gen/\n',
  'prompts/q_python.prompt': P
}

describe('the yaml package, loaded only when a .pddrc is read', () => {
  it('a project without .pddrc is planned without loading it', async () => {
    const r = await discoverUnits({ repoRoot: project('plain', { 'prompts/a_python.prompt': P }), env: {} })
    expect(r.units.map(u => u.paths.code)).toEqual(['a.py'])
    expect(() => yamlPackage()).toThrow(YamlNotLoaded)
    expect(await simulatePddSync({ repoRoot: path.join(tmp, 'plain'), env: {} }, ['a'])).toEqual({
      a: { python: 'prompts/a_python.prompt' }
    })
    expect(() => yamlPackage()).toThrow(YamlNotLoaded)
  })

  it('a .pddrc met below the root: discovery loads it and starts again, as if it had been loaded', async () => {
    const repoRoot = project('nested', NESTED)
    const first = await discoverUnits({ repoRoot, env: {} })
    expect(() => yamlPackage()).not.toThrow()
    const again = await discoverUnits({ repoRoot, env: {} })
    expect(first).toEqual(again)
    expect(first.units.map(u => u.paths.code)).toEqual(['prompts/gen/q.py'])
    expect(first.problems).toEqual([])
  })

  it('with the package loaded, an unknown --context is still refused', async () => {
    const repoRoot = project('ctx', {
      '.pddrc': 'contexts:\n  be: {defaults: {}}\n',
      'prompts/x_python.prompt': P
    })
    expect(await contextProblem({ repoRoot, env: {}, context: 'nope' })).toMatch(/nope/)
    expect(await contextProblem({ repoRoot, env: {}, context: 'be' })).toBeNull()
  })
})
