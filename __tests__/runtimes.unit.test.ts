/** What PDD runs per language, what the action provides, and the reason a unit without its runtime gets. */
import { describe, expect, it } from 'vitest'
import { missingRuntime, npxToolsFor, runtimeNeeds, setupFor } from '../src/preflight/runtimes.js'
import { bestLine, stepErrors } from '../src/execute/step-error.js'

describe('runtime needs from PDD language table', () => {
  it.each<[string, string[]]>([
    ['python', []],
    ['typescript', ['npx (tsx)']],
    ['typescriptreact', ['npx (tsx)']],
    ['javascript', ['node']],
    ['go', ['go']],
    ['rust', ['cargo']],
    ['java', ['java']],
    ['c#', ['dotnet']],
    ['html', []],
    ['nolanguage', []]
  ])('%s → %j', (language, expected) => {
    expect(
      runtimeNeeds(language).map(n => (n.npxTool ? `${n.executable} (${n.npxTool})` : n.executable))
    ).toEqual(expected)
  })

  it('lists the npm tools the action installs for the planned languages, once', () => {
    expect(npxToolsFor(['python', 'typescript', 'typescriptreact', 'go'])).toEqual(['tsx'])
    expect(npxToolsFor(['python', 'javascript'])).toEqual([])
  })

  it('names the missing executable, the command PDD runs and the setup action', () => {
    const none = (): boolean => false
    expect(missingRuntime('go', none)).toBe(
      '`go` is not on PATH: PDD runs `go run {file}` for go; add actions/setup-go before this action'
    )
    expect(missingRuntime('rust', none)).toContain('add dtolnay/rust-toolchain')
    expect(missingRuntime('java', none)).toContain('add actions/setup-java')
    expect(missingRuntime('typescript', none)).toContain('`npx` is not on PATH')
    expect(missingRuntime('python', none)).toBeNull()
    expect(missingRuntime('go', exe => exe === 'go')).toBeNull()
    expect(setupFor('frobnicate')).toBe('a setup step that installs `frobnicate`')
  })
})

describe('what PDD printed for a failed step', () => {
  it.each<[string, string[], string]>([
    [
      'npx may not install',
      [
        'PDD_PHASE: crash',
        'npm error npx canceled due to missing packages and no YES option: ["tsx@4.23.15"]'
      ],
      'npx canceled due to missing packages and no YES option: ["tsx@4.23.15"]'
    ],
    ['a command not found', ['PDD_PHASE: crash', '/bin/sh: 1: go: not found'], 'go: not found'],
    [
      'agentic step without an agent',
      [
        'PDD_PHASE: verify',
        'Non-Python target detected. Triggering agentic fallback...',
        'Agentic verify fallback failed: No agent providers are available (check CLI installation and API keys)'
      ],
      'Agentic verify fallback failed: No agent providers are available (check CLI installation and API keys)'
    ],
    [
      'the failing assertion of a test',
      ['PDD_PHASE: test', 'E   AssertionError: assert 3 == 4', 'FAILED tests/test_x.py::test_add'],
      'AssertionError: assert 3 == 4'
    ],
    ['only an earlier step failed', ['PDD_PHASE: generate', 'TypeError: x', 'PDD_PHASE: example', 'ok'], '']
  ])('%s', (_name, lines, expected) => {
    expect(stepErrors(lines, [])['typescript'] ?? stepErrors(lines, [])[''] ?? '').toBe(expected)
  })

  it('keeps each language of a multi-language sync apart', () => {
    const out = stepErrors(
      [
        '🚀 Syncing for language: python...',
        'PDD_PHASE: test',
        'E   AssertionError: python broke',
        '🚀 Syncing for language: typescript...',
        'PDD_PHASE: crash',
        'npm error npx canceled due to missing packages and no YES option: ["tsx@4"]',
        '                PDD Sync Complete',
        '│ typescript │ Failed │ $0.01 │ Sync failed: TypeError: not this │'
      ],
      []
    )
    expect(out).toEqual({
      python: 'AssertionError: python broke',
      typescript: 'npx canceled due to missing packages and no YES option: ["tsx@4"]'
    })
  })

  it('reads the line inside a Rich panel', () => {
    expect(bestLine(['│ Error: something went wrong   │'])).toBe('Error: something went wrong')
  })
})

describe('the pinned tsx', () => {
  it('is the version this repository develops with (devDependency), so the demo can use it offline', async () => {
    const { PINNED_TSX_VERSION } = await import('../src/adapters/runtime-install.js')
    const { readFileSync } = await import('node:fs')
    const pkg = JSON.parse(readFileSync('node_modules/tsx/package.json', 'utf8')) as { version: string }
    expect(pkg.version).toBe(PINNED_TSX_VERSION)
  })
})
