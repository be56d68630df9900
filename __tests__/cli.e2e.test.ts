import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Plan } from '../src/types.js'
import { runCli } from './helpers/bundles.js'
import { EXAMPLE, exampleRepo } from './helpers/example-repo.js'
import { cloneOf, git, tempDir, writeFiles } from './helpers/git-repo.js'
import { appendRecord, record, unitKey } from './helpers/notes.js'
import { createHash } from 'node:crypto'

const sha = (s: string | Buffer): string => createHash('sha256').update(s).digest('hex')

function planOf(args: string[]): Plan {
  const r = runCli(['plan', ...args, '--json'])
  expect(r.stderr).not.toMatch(/^error/m)
  expect(r.status).toBe(0)
  return JSON.parse(r.stdout) as Plan
}

describe('pdd-sync --version', () => {
  it('prints the package version and exits 0; an unknown word still exits 2 with the usage', () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string
    }
    for (const flag of ['--version', '-V']) {
      const r = runCli([flag])
      expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
        status: 0,
        stdout: `pdd-sync ${version}\n`,
        stderr: ''
      })
    }
    const bad = runCli(['--versions'])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/^Unknown command "--versions"\.[\s\S]*'pdd-sync --version'/)
  })
})

describe('pdd-sync plan (bundled CLI) on the example repository', () => {
  it('prints a table with every unit, its operation, reason and estimate, and the total', () => {
    const r = runCli(['plan', '--repo', EXAMPLE, '--no-fetch'])
    expect(r.status).toBe(0)
    const lines = r.stdout.split('\n')
    expect(lines[0]).toMatch(/^UNIT\s+LANGUAGE\s+OPERATION\s+ESTIMATE\s+REASON$/)
    expect(r.stdout).toMatch(/^calculator_python\s+python\s+nothing\s+\$0\.0000/m)
    expect(r.stdout).toMatch(/^calculator_typescript\s+typescript\s+generate\s+\$\d/m)
    expect(r.stdout).toMatch(/^backend\/report_python\s+python\s+auto-deps/m)
    expect(r.stdout).toMatch(/3 unit\(s\) planned, 2 with work; estimated cost \$\d+\.\d{4}/)
  })

  it('prints the Plan JSON contract of docs/architecture.md', () => {
    const plan = planOf(['--repo', EXAMPLE, '--no-fetch'])
    expect(plan.version).toBe(1)
    for (const u of plan.units) {
      expect(Object.keys(u)).toEqual(
        expect.arrayContaining([
          'id',
          'basename',
          'language',
          'context',
          'paths',
          'operation',
          'reason',
          'estimatedCost',
          'dependsOn'
        ])
      )
      expect(u.id).toBe(`${u.basename}_${u.language}`)
      expect(u.language).toBe(u.language.toLowerCase())
      for (const p of Object.values(u.paths)) expect(p).not.toMatch(/^\/|\\/)
    }
    const byId = Object.fromEntries(plan.units.map(u => [u.id, u]))
    expect(byId['calculator_python']?.paths).toEqual({
      prompt: 'prompts/calculator_python.prompt',
      code: 'src/calculator.py',
      example: 'examples/calculator_example.py',
      test: 'tests/test_calculator.py'
    })
    expect(byId['backend/report_python']?.context).toBe('backend')
    expect(byId['backend/report_python']?.dependsOn).toEqual(['calculator_python'])
    const ids = plan.units.map(u => u.id)
    expect(ids.indexOf('calculator_python')).toBeLessThan(ids.indexOf('backend/report_python'))
    const sum = plan.units.reduce((a, u) => a + u.estimatedCost, 0)
    expect(plan.estimatedCost).toBeCloseTo(sum, 4)
    expect(byId['calculator_python']?.estimatedCost).toBe(0)
  })

  it('writes the plan to --output and adds a matrix with --max-shards', () => {
    const out = path.join(tempDir(), 'plan.json')
    const r = runCli([
      'plan',
      '--repo',
      EXAMPLE,
      '--no-fetch',
      '--json',
      '--output',
      out,
      '--max-shards',
      '4'
    ])
    expect(r.status).toBe(0)
    const written = JSON.parse(readFileSync(out, 'utf8')) as {
      matrix: { include: { units: string }[] }
      baseSha: string
    }
    // calculator_typescript and backend/report_python are independent groups: two legs.
    expect(written.matrix.include.map(s => s.units).sort()).toEqual([
      'backend/report_python',
      'calculator_typescript'
    ])
    expect(written.baseSha).toMatch(/^[0-9a-f]{40}$/)
  })

  it.each([
    [['plan', '--bogus'], /Unknown option '--bogus'/],
    [['plan', '--target-coverage', 'lots'], /--target-coverage must be a decimal number/],
    [['frobnicate'], /Unknown command "frobnicate"/],
    [['run', '--budget-policy', 'greedy'], /--budget-policy must be fit or ordered/],
    [['run', '--budget', 'lots'], /--budget must be a decimal number/],
    [['plan', '--shards', '2.5'], /--shards must be a whole number from 1 to 256; got "2\.5"/],
    [['run', '--concurrency', '1.5'], /--concurrency must be a whole number/]
  ])('%j exits 2 with a clear message', (args, message) => {
    const r = runCli(args)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(message)
  })
})

describe('pdd-sync plan with history and change scope (real git, bare origin)', () => {
  it('restores state from run records in notes on origin, content-addressed', () => {
    const repo = exampleRepo()
    const ts = {
      'src/calculator.ts': 'export const add = (a: number, b: number): number => a + b\n',
      'examples/calculator_example.ts': "import { add } from '../src/calculator'\nconsole.log(add(1, 2))\n",
      'tests/test_calculator.ts':
        "import { add } from '../src/calculator'\nif (add(1, 2) !== 3) throw new Error('bad')\n"
    }
    repo.commit(ts, 'typescript code')
    const prompt = readFileSync(path.join(repo.dir, 'prompts/calculator_typescript.prompt'))
    const fp = {
      pdd_version: '0.0.310',
      timestamp: '2026-11-20T10:00:00+00:00',
      command: 'test',
      prompt_hash: sha(prompt),
      code_hash: sha(ts['src/calculator.ts']),
      example_hash: sha(ts['examples/calculator_example.ts']),
      test_hash: sha(ts['tests/test_calculator.ts']),
      test_files: { 'test_calculator.ts': sha(ts['tests/test_calculator.ts']) }
    }
    const rr = {
      timestamp: '2026-11-20T10:00:01+00:00',
      exit_code: 0,
      tests_passed: 1,
      tests_failed: 0,
      coverage: 100,
      test_hash: fp.test_hash,
      test_files: fp.test_files
    }
    const unit = {
      id: 'calculator_typescript',
      basename: 'calculator',
      language: 'typescript',
      status: 'synced' as const,
      operations: ['generate', 'example', 'test'],
      cost: 0.9,
      duration: 30,
      reason: ''
    }
    // An older record with other hashes, and the matching one, on the unit's stable key.
    appendRecord(
      repo.dir,
      record('1', '2026-11-01T00:00:00Z', [
        { ...unit, fingerprint: { ...fp, code_hash: sha('old') }, runReport: rr }
      ]),
      unitKey(repo.dir, unit.id)
    )
    appendRecord(
      repo.dir,
      record('2', '2026-11-20T00:00:00Z', [{ ...unit, fingerprint: fp, runReport: rr }]),
      unitKey(repo.dir, unit.id)
    )
    git(repo.dir, 'push', '-q', 'origin', 'refs/notes/pdd-sync')
    const clone = cloneOf(repo.origin, 1)
    const plan = planOf(['--repo', clone])
    const ts2 = plan.units.find(u => u.id === 'calculator_typescript')
    expect(ts2).toMatchObject({ operation: 'nothing', stateSource: 'notes' })
    // Without the notes the same unit would be regenerated.
    expect(
      planOf(['--repo', clone, '--no-notes']).units.find(u => u.id === 'calculator_typescript')?.operation
    ).toBe('generate')
    // An edit of the code after the recorded sync: the partial match still restores the fingerprint → update.
    writeFiles(clone, { 'src/calculator.ts': 'export const add = (a: number, b: number): number => b + a\n' })
    expect(planOf(['--repo', clone]).units.find(u => u.id === 'calculator_typescript')?.operation).toBe(
      'update'
    )
  })

  it('on push plans only the units whose files changed', () => {
    const repo = exampleRepo()
    const before = git(repo.dir, 'rev-parse', 'HEAD').trim()
    const after = repo.commit({
      'src/calculator.py': readFileSync(path.join(EXAMPLE, 'src/calculator.py'), 'utf8') + '\n# edited\n'
    })
    const plan = planOf(['--repo', repo.dir, '--trigger', 'push', '--before', before, '--after', after])
    // The code of calculator_python changed, and backend/report includes it.
    expect(plan.units.map(u => u.id)).toEqual(['calculator_python', 'backend/report_python'])
    expect(plan.units[0]?.operation).toBe('update')
    expect(plan.scope.mode).toBe('changed')
  })

  it('on workflow_dispatch plans the units the globs name', () => {
    const plan = planOf([
      '--repo',
      EXAMPLE,
      '--no-fetch',
      '--trigger',
      'workflow_dispatch',
      '--units',
      'calculator_*'
    ])
    expect(plan.units.map(u => u.id)).toEqual(['calculator_python', 'calculator_typescript'])
  })
})
