/**
 * `pdd-sync run` keeps the action's log artifact as a folder: the bundled CLI with the pdd stand-in (a failed
 * group's crash logs are a fault the real CLI shows only with a live model), over real git repositories.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './helpers/bundles.js'
import { FAKE_PROVIDER_ENV, installFakePdd } from './helpers/fake-pdd.js'
import { makeRepo, tempDir } from './helpers/git-repo.js'

/** A repository whose `report` group fails (its TypeScript unit) and leaves PDD's crash logs behind. */
function failingRun(extra: string[] = []): { repo: string; status: number | null; stderr: string } {
  const repo = makeRepo({
    'prompts/calculator_python.prompt': 'calc\n',
    'prompts/report_typescript.prompt': 'report\n'
  })
  const [pdd] = installFakePdd(path.join(tempDir(), 'bin'), {
    failAt: 'generate',
    failLanguage: 'typescript',
    scratch: true
  })
  const r = runCli(
    // TypeScript verify and test need an agent CLI unless skipped.
    [
      'run',
      '--repo',
      repo.dir,
      '--pdd-command',
      pdd as string,
      '--budget',
      '10',
      '--no-fetch',
      '--skip-verify',
      '--skip-tests',
      ...extra
    ],
    FAKE_PROVIDER_ENV
  )
  return { repo: repo.dir, status: r.status, stderr: r.stderr }
}

/** The folder the `Logs: <folder> holds …` line names. */
function logsLine(stderr: string): string {
  const m = /^(?:::notice::)?Logs: (\S+) holds each group's full pdd output/m.exec(stderr)
  expect(m, stderr).not.toBeNull()
  return (m as RegExpExecArray)[1] as string
}

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? filesUnder(dir, path.join(prefix, e.name)) : [path.join(prefix, e.name)]
  )
}

describe('pdd-sync run keeps its logs', () => {
  it("in the git dir by default: every group's pdd output and the failed group's crash logs, and says where", () => {
    const r = failingRun()
    expect(r.status).toBe(0)
    const where = logsLine(r.stderr)
    const own = path.join(r.repo, '.git', 'pdd-sync')
    expect(path.dirname(where)).toBe(path.join(own, 'logs'))
    expect(path.basename(where)).toMatch(/^pdd-sync-logs-[0-9a-f-]{36}$/)
    const files = filesUnder(where).sort()
    expect(files).toContain(path.join('calculator', 'pdd-output.log'))
    expect(files).toContain(path.join('report', 'pdd-output.log'))
    expect(files).toContain(path.join('report', 'pdd-files', 'crash.log'))
    // Only the failed group's PDD files are kept.
    expect(files.filter(f => f.startsWith(path.join('calculator', 'pdd-files')))).toEqual([])
    expect(readFileSync(path.join(where, 'report', 'pdd-output.log'), 'utf8')).toMatch(/Sync failed/)
    // Nothing is left where the groups wrote while running.
    expect(readdirSync(own).filter(f => f.startsWith('logs-raw-'))).toEqual([])
    // A terminal shows PDD's lines once, live and prefixed: the closing line carries only the outcome, and what
    // follows it is not the group's lines again.
    const lines = r.stderr.split('\n')
    const said = new Set(
      lines.filter(l => /^\[(report|calculator)\] ./.test(l)).map(l => l.replace(/^\[\w+\] /, ''))
    )
    expect(
      [...said].some(l => /Sync failed/.test(l)),
      r.stderr
    ).toBe(true)
    const titles = lines.flatMap((l, i) => (/^== (✅|❌|⚠️) /.test(l) ? [i] : []))
    expect(titles).toHaveLength(2)
    for (const i of titles) expect(said.has(lines[i + 1] ?? ''), r.stderr).toBe(false)
  })

  it('in the folder --logs names, a new folder per run', () => {
    const dir = path.join(tempDir(), 'kept')
    const first = logsLine(failingRun(['--logs', dir]).stderr)
    const second = logsLine(failingRun(['--logs', dir]).stderr)
    expect(path.dirname(first)).toBe(dir)
    expect(second).not.toBe(first)
    expect(readdirSync(dir).sort()).toEqual([path.basename(first), path.basename(second)].sort())
  })

  it('writes nothing when no group ran', () => {
    const repo = makeRepo({ 'prompts/calculator_python.prompt': 'calc\n' })
    const r = runCli(
      ['run', '--repo', repo.dir, '--pdd-command', '/nonexistent/pdd', '--budget', '0', '--no-fetch'],
      FAKE_PROVIDER_ENV
    )
    expect(r.stderr).not.toMatch(/Logs: /)
    expect(existsSync(path.join(repo.dir, '.git', 'pdd-sync', 'logs'))).toBe(false)
  })
})
