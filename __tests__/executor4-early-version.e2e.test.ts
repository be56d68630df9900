/**
 * `pdd-sync run` (bundled CLI) asks pdd's version before it plans (docs/architecture.md "Performance"), so that a
 * pdd whose `--version` is a process of its own starts beside the planning; a run that syncs nothing stops it
 * rather than wait for it. The run's timeline (`PDD_SYNC_TIMELINE`) is the witness of the order: the `pdd`
 * below appends its own line to it when asked its version.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './helpers/bundles.js'
import { FAKE_PROVIDER_ENV, installFakePdd } from './helpers/fake-pdd.js'
import { makeRepo, tempDir } from './helpers/git-repo.js'

/** A `pdd` that runs `onVersion` (shell) when asked `--version`, and is the stand-in otherwise. */
function pddWith(onVersion: string): string {
  const bin = path.join(tempDir(), 'bin')
  const [fake] = installFakePdd(bin, { costPerCall: 0.01 })
  const pdd = path.join(bin, 'pdd-wrapped')
  writeFileSync(pdd, `#!/bin/sh\nif [ "$1" = "--version" ]; then\n${onVersion}\nfi\nexec '${fake}' "$@"\n`)
  chmodSync(pdd, 0o755)
  return pdd
}

function events(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(l => (JSON.parse(l) as { ev: string }).ev)
}

describe('pdd-sync run: pdd’s version asked before the plan', () => {
  it('the version is asked before planning ends, and the run syncs as before', () => {
    const repo = makeRepo({ 'prompts/calc_python.prompt': 'calc\n' })
    const timeline = path.join(tempDir('pdd-sync-timeline-'), 'timeline.jsonl')
    const pdd = pddWith(`printf '{"t":0,"ev":"version-asked"}\\n' >> '${timeline}'`)
    const r = runCli(
      ['run', '--repo', repo.dir, '--pdd-command', pdd, '--budget', '5', '--json', '--no-fetch'],
      {
        ...FAKE_PROVIDER_ENV,
        PDD_SYNC_TIMELINE: timeline
      }
    )
    expect(r.status, r.stderr).toBe(0)
    expect((JSON.parse(r.stdout) as { units: { status: string }[] }).units.map(u => u.status)).toEqual([
      'synced'
    ])
    const ev = events(timeline)
    expect(ev.filter(e => e === 'version-asked')).toHaveLength(1)
    expect(ev.indexOf('version-asked')).toBeLessThan(ev.indexOf('planned'))
    expect(ev.indexOf('planned')).toBeLessThan(ev.indexOf('pdd-checked'))
    expect(ev.indexOf('pdd-checked')).toBeLessThan(ev.indexOf('execute'))
  })

  it.each([
    ['a run with nothing to sync', false],
    ['a run refused after the plan (an uncommitted prompt)', true]
  ])('%s stops the version it asked: it neither waits for it nor leaves it running', (_name, refused) => {
    const repo = refused
      ? makeRepo({ 'prompts/calc_python.prompt': 'calc\n' })
      : makeRepo({ 'README.md': 'no prompts here\n' })
    if (refused) writeFileSync(path.join(repo.dir, 'prompts/calc_python.prompt'), 'calc, edited\n')
    const pidFile = path.join(tempDir('pdd-sync-version-'), 'pid')
    // The version never answers: it sleeps, as a pdd that takes long to start would.
    const pdd = pddWith(`echo $$ > '${pidFile}'\nexec sleep 60`)
    const started = Date.now()
    const r = runCli(
      ['run', '--repo', repo.dir, '--pdd-command', pdd, '--budget', '5', '--json', '--no-fetch'],
      FAKE_PROVIDER_ENV,
      undefined,
      30_000
    )
    // No pid: the version was not asked at all, which is as good.
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : 0
    try {
      if (refused) expect(r.stderr).toMatch(/commit/i)
      expect(r.status, r.stderr).toBe(refused ? 1 : 0)
      expect(Date.now() - started).toBeLessThan(20_000)
      expect(alive(pid)).toBe(false)
    } finally {
      if (alive(pid)) process.kill(pid, 'SIGKILL')
    }
  })
})

/** Whether `pid` is a live process (a zombie, killed but not yet reaped, is not). */
function alive(pid: number): boolean {
  if (pid === 0) return false
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}
