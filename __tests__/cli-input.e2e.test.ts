import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Plan } from '../src/types.js'
import { runCli } from './helpers/bundles.js'
import { tempDir, writeFiles } from './helpers/git-repo.js'

function plan(dir: string, ...extra: string[]): { plan: Plan; stderr: string; status: number | null } {
  const r = runCli(['plan', '--repo', dir, '--json', '--no-notes', ...extra])
  return { plan: JSON.parse(r.stdout) as Plan, stderr: r.stderr, status: r.status }
}

describe('pdd-sync plan on bad input: clear messages naming the file, the other units still planned', () => {
  it('a malformed .pddrc is named with line and column; PDD then uses defaults, and so do we', () => {
    const dir = tempDir()
    writeFiles(dir, {
      'prompts/calc_python.prompt': 'x\n',
      '.pddrc': 'contexts:\n  default:\n    defaults: [1, 2\n'
    })
    const r = plan(dir)
    expect(r.status).toBe(0)
    expect(r.plan.units.map(u => u.id)).toEqual(['calc_python'])
    expect(r.plan.problems).toHaveLength(1)
    expect(r.plan.problems[0]?.file).toBe('.pddrc')
    expect(r.plan.problems[0]?.message).toMatch(/\.pddrc:4:1: YAML syntax error/)
    expect(r.stderr).toMatch(/error: \.pddrc: .*line 4, column 1/)
  })

  it('an unknown --context fails the command, naming the context (no plan of zero units)', () => {
    const dir = tempDir()
    writeFiles(dir, {
      'prompts/calc_python.prompt': 'x\n',
      '.pddrc': 'contexts:\n  default:\n    defaults: {}\n'
    })
    const r = runCli(['plan', '--repo', dir, '--json', '--no-notes', '--context', 'nope'])
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/Unknown context 'nope' \(contexts in \.pddrc: default\)/)
  })

  it.each([
    [
      'escapes the repository',
      'generate_output_path: "../escape/"',
      false,
      /calc_python: unsafe code output path '\.\.\/escape\/'/
    ],
    [
      'goes through a symlink out of it',
      'generate_output_path: "src/"',
      true,
      /calc_python: unsafe code output path 'src\/'.*symlink that leaves the project/
    ]
  ])(
    'an output path that %s is refused and named (PDD refuses every unit it applies to)',
    (_n, setting, link, message) => {
      const dir = tempDir()
      writeFiles(dir, {
        'prompts/calc_python.prompt': 'x\n',
        '.pddrc': `contexts:\n  default:\n    defaults:\n      ${setting}\n`
      })
      if (link) symlinkSync(tempDir(), path.join(dir, 'src'))
      const r = plan(dir)
      expect(r.status).toBe(0)
      expect(r.plan.problems.map(p => p.message).join('\n')).toMatch(message)
      expect(r.plan.problems[0]?.file).toBe('.pddrc')
      expect(r.plan.units).toEqual([])
    }
  )

  it('a unit whose output path is not a regular file is refused; the other units are planned', () => {
    const dir = tempDir()
    writeFiles(dir, { 'prompts/calc_python.prompt': 'x\n', 'prompts/other_python.prompt': 'x\n' })
    mkdirSync(path.join(dir, 'calc.py'))
    const r = plan(dir)
    expect(r.plan.units.map(u => u.id)).toEqual(['other_python'])
    expect(r.plan.problems).toEqual([
      {
        file: 'prompts/calc_python.prompt',
        message: "calc_python: unsafe code output path 'calc.py': exists and is not a regular file",
        units: ['calc_python']
      }
    ])
  })

  it('prompt names with spaces, quotes and $ are data: listed as skipped (pdd sync refuses them); non-ASCII is planned', () => {
    const dir = tempDir()
    writeFiles(dir, {
      'prompts/calc_python.prompt': 'x\n',
      'prompts/my calc_python.prompt': 'x\n',
      'prompts/q"uote_python.prompt': 'x\n',
      "prompts/it's_python.prompt": 'x\n',
      'prompts/d$(touch pwned)_python.prompt': 'x\n',
      'prompts/café_python.prompt': 'x\n',
      'prompts/greeting_llm.prompt': 'x\n',
      'prompts/thing_klingon.prompt': 'x\n'
    })
    mkdirSync(path.join(dir, 'prompts', 'dir_python.prompt'))
    const r = plan(dir)
    expect(r.status).toBe(0)
    expect(r.plan.units.map(u => u.id)).toEqual(['café_python', 'calc_python'])
    const skipped = Object.fromEntries(r.plan.skipped.map(s => [s.path, s.reason]))
    expect(skipped['prompts/my calc_python.prompt']).toMatch(/dangerous character ' '/)
    expect(skipped['prompts/q"uote_python.prompt']).toMatch(/dangerous character '"'/)
    expect(skipped['prompts/d$(touch pwned)_python.prompt']).toMatch(/dangerous character/)
    expect(skipped["prompts/it's_python.prompt"]).toMatch(/dangerous character/)
    expect(skipped['prompts/greeting_llm.prompt']).toMatch(/runtime LLM prompt/)
    expect(skipped['prompts/thing_klingon.prompt']).toMatch(/unknown language suffix 'klingon'/)
    expect(skipped['prompts/dir_python.prompt']).toMatch(/not a regular file/)
    // Nothing was run through a shell.
    expect(runCli(['plan', '--repo', dir]).stdout).not.toMatch(/pwned$/m)
  })

  describe('named pipes (FIFOs) in the tree never block the plan (a read of one waits for a writer for ever)', () => {
    /** The plan, killed after 30 s: a blocked read shows as a status of null. */
    const planOf = (dir: string) => {
      const r = runCli(['plan', '--repo', dir, '--json', '--no-notes'], {}, undefined, 30_000)
      expect(r.status).toBe(0)
      return { plan: JSON.parse(r.stdout) as Plan, stderr: r.stderr }
    }
    const fifo = (dir: string, ...rels: string[]): void => {
      for (const rel of rels) execFileSync('mkfifo', [path.join(dir, rel)])
    }

    it('state files, .pddrc, a prompt and a link to a pipe: the state is unreadable (as absent), the prompt skipped', () => {
      const dir = tempDir()
      writeFiles(dir, { 'prompts/calc_python.prompt': 'x\n', 'prompts/greet_python.prompt': 'y\n' })
      mkdirSync(path.join(dir, '.pdd', 'meta'), { recursive: true })
      fifo(
        dir,
        '.pdd/meta/calc_python.json',
        '.pdd/meta/calc_python_run.json',
        '.pddrc',
        'prompts/pipe_python.prompt'
      )
      symlinkSync('calc_python.json', path.join(dir, '.pdd', 'meta', 'greet_python.json'))
      const r = planOf(dir)
      expect(r.plan.units.map(u => [u.id, u.operation])).toEqual([
        ['calc_python', 'generate'],
        ['greet_python', 'generate']
      ])
      const skipped = Object.fromEntries(r.plan.skipped.map(s => [s.path, s.reason]))
      expect(skipped['prompts/pipe_python.prompt']).toMatch(/not a regular file/)
    })

    it('architecture.json as a pipe is a problem naming it, for every unit', () => {
      const dir = tempDir()
      writeFiles(dir, { 'prompts/calc_python.prompt': 'x\n' })
      fifo(dir, 'architecture.json')
      const r = planOf(dir)
      expect(r.plan.problems.map(p => [p.file, p.message])).toEqual([
        ['architecture.json', expect.stringMatching(/architecture\.json is not a regular file/)]
      ])
      expect(r.stderr).toMatch(/architecture\.json is not a regular file/)
    })
  })

  it('a directory that is not a PDD project plans nothing, without failing', () => {
    const r = plan(tempDir())
    expect(r.status).toBe(0)
    expect(r.plan.units).toEqual([])
  })

  it('a --repo that does not exist is an error naming it', () => {
    const r = runCli(['plan', '--repo', '/nonexistent/project'])
    expect(r.status).not.toBe(0)
    expect(r.stderr).toMatch(/\/nonexistent\/project/)
  })
  it.each([
    [
      'a word no trigger is',
      'pull_request',
      /--trigger "pull_request" is not one of push, workflow_dispatch, schedule/
    ],
    ['a line break', 'push\nschedule', /--trigger "push\nschedule" is not one of/],
    ['empty', '', /--trigger "" is not one of/]
  ])(
    '--trigger %s is a usage error (exit 2) naming the triggers, before anything is planned',
    (_n, value, message) => {
      const dir = tempDir()
      writeFiles(dir, { 'prompts/calc_python.prompt': 'x\n' })
      execFileSync('git', ['init', '-q'], { cwd: dir })
      const r = runCli(['plan', '--repo', dir, '--no-notes', '--trigger', value])
      expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 2, stdout: '' })
      expect(r.stderr).toMatch(message)
    }
  )

  it.each([
    [
      'whose folder does not exist',
      (d: string) => path.join(d, 'missing', 'plan.json'),
      /its folder .*missing does not exist/
    ],
    ['that is a folder', (d: string) => d, /is a directory/]
  ])('--output %s is a usage error (exit 2) before anything is planned', (_n, target, message) => {
    const dir = tempDir()
    writeFiles(dir, { 'prompts/calc_python.prompt': 'x\n' })
    execFileSync('git', ['init', '-q'], { cwd: dir })
    const out = target(tempDir())
    const r = runCli(['plan', '--repo', dir, '--no-notes', '--output', out])
    expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 2, stdout: '' })
    expect(r.stderr).toMatch(/--output .* cannot be written: /)
    expect(r.stderr).toMatch(message)
  })

  it('--output in an existing folder gets the Plan JSON the --json output prints', () => {
    const dir = tempDir()
    writeFiles(dir, { 'prompts/calc_python.prompt': 'x\n' })
    execFileSync('git', ['init', '-q'], { cwd: dir })
    const out = path.join(tempDir(), 'plan.json')
    const r = runCli(['plan', '--repo', dir, '--no-notes', '--json', '--output', out])
    expect(r.status).toBe(0)
    expect(readFileSync(out, 'utf8')).toBe(r.stdout)
  })
})
