/**
 * The process runner with real child processes (small Node scripts, and the pdd stand-in for `--version`).
 */
import { chmodSync, existsSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PddExecutableError, pddVersion, runPdd, type RunPddOptions } from '../src/adapters/pdd-process.js'
import { installFakePdd } from './helpers/fake-pdd.js'
import { tempDir } from './helpers/git-repo.js'

const node = (code: string): string[] => [process.execPath, '-e', code]
const run = (code: string, over: Partial<RunPddOptions> = {}): ReturnType<typeof runPdd> =>
  runPdd({ argv: node(code), cwd: tempDir(), env: process.env, timeoutMs: 20_000, ...over })

/** A grandchild that sleeps; its pid is printed as `GRANDCHILD <pid>`. */
const SPAWN_GRANDCHILD = `
  const { spawn } = require('node:child_process')
  const c = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e9)'], { stdio: 'ignore' })
  console.log('GRANDCHILD ' + c.pid)
`

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** A killed grandchild is reaped by init a moment later; until then kill(pid, 0) still succeeds. */
async function gone(pid: number, withinMs = 3_000): Promise<boolean> {
  const end = Date.now() + withinMs
  while (Date.now() < end) {
    if (!alive(pid)) return true
    await new Promise(r => setTimeout(r, 25))
  }
  return !alive(pid)
}

function grandchildPid(stdout: string): number {
  const m = /GRANDCHILD (\d+)/.exec(stdout)
  if (!m?.[1]) throw new Error(`no grandchild pid in: ${stdout}`)
  return Number(m[1])
}

describe('runPdd output', () => {
  it('streams lines as they come, splitting \\r, \\r\\n and \\n, and keeps the last partial line', async () => {
    const seen: [string, string, number][] = []
    const started = Date.now()
    const r = await run(
      `process.stdout.write('first\\n'); setTimeout(() => {
         process.stdout.write('a\\r\\nb\\rc\\n\\nd'); process.stderr.write('oops\\r\\n') }, 400)`,
      { onLine: (stream, line) => seen.push([stream, line, Date.now() - started]) }
    )
    expect(r.code).toBe(0)
    expect(seen.filter(s => s[0] === 'stdout').map(s => s[1])).toEqual(['first', 'a', 'b', 'c', '', 'd'])
    expect(seen.filter(s => s[0] === 'stderr').map(s => s[1])).toEqual(['oops'])
    // 'first' arrived while the process was still running, not when it ended.
    expect(seen[0]?.[2]).toBeLessThan(r.durationMs - 250)
    expect(r.stdout).toBe('first\na\nb\nc\n\nd')
    expect(r.stderrTail).toEqual(['oops'])
  })

  it('joins a \\r\\n split across two writes into one line end', async () => {
    const r = await run(
      `process.stdout.write('x\\r'); setTimeout(() => process.stdout.write('\\ny\\n'), 100)`
    )
    expect(r.stdout).toBe('x\ny')
  })

  it('keeps a tail of each stream and all of stdout', async () => {
    const r = await run(
      `for (let i = 1; i <= 100; i++) console.log('line ' + i); console.error('e1'); console.error('e2')`,
      {
        tailLines: 3
      }
    )
    expect(r.stdoutTail).toEqual(['line 98', 'line 99', 'line 100'])
    expect(r.stderrTail).toEqual(['e1', 'e2'])
    expect(r.stdout.split('\n')).toHaveLength(100)
  })

  it('drops the oldest stdout lines beyond maxStdoutChars', async () => {
    const r = await run(`for (let i = 1; i <= 100; i++) console.log('line ' + i)`, { maxStdoutChars: 40 })
    expect(r.stdout.length).toBeLessThanOrEqual(40)
    expect(r.stdout.endsWith('line 100')).toBe(true)
  })

  it('returns a non-zero exit code instead of rejecting', async () => {
    const r = await run(`console.error('bad'); process.exit(3)`)
    expect(r).toMatchObject({ code: 3, signal: null, timedOut: false, cancelled: false, stderrTail: ['bad'] })
  })

  it('runs argv without a shell', async () => {
    const r = await runPdd({
      argv: [process.execPath, '-e', 'console.log(process.argv[1])', '$HOME; echo hi'],
      cwd: tempDir(),
      env: process.env,
      timeoutMs: 10_000
    })
    expect(r.stdout).toBe('$HOME; echo hi')
  })
})

// Concurrent: their waits overlap. The timeouts leave a loaded machine time to start the child and let it print
// (node's start-up alone took over 400 ms at load 7); the abort waits for the child's line instead of a clock.
describe.concurrent('runPdd stopping', () => {
  it('on timeout kills the whole process group, grandchildren included', async () => {
    const r = await run(`${SPAWN_GRANDCHILD}; setInterval(() => {}, 1e9)`, {
      timeoutMs: 3_000,
      graceMs: 2_000
    })
    expect(r).toMatchObject({ timedOut: true, cancelled: false, code: null, signal: 'SIGTERM' })
    expect(await gone(grandchildPid(r.stdout))).toBe(true)
  })

  it('escalates to SIGKILL after the grace period when SIGTERM is ignored', async () => {
    const r = await run(
      `process.on('SIGTERM', () => console.log('ignored')); console.log('ready'); setInterval(() => {}, 1e9)`,
      {
        timeoutMs: 3_000,
        graceMs: 600
      }
    )
    expect(r).toMatchObject({ timedOut: true, signal: 'SIGKILL' })
    expect(r.stdoutTail).toContain('ignored')
    expect(r.durationMs).toBeGreaterThanOrEqual(3_600)
  })

  it('on abort stops the group and reports cancelled', async () => {
    const ac = new AbortController()
    const r = await run(`${SPAWN_GRANDCHILD}; setInterval(() => {}, 1e9)`, {
      signal: ac.signal,
      onLine: (_stream, line) => {
        if (line.startsWith('GRANDCHILD ')) ac.abort()
      }
    })
    expect(r).toMatchObject({ cancelled: true, timedOut: false, signal: 'SIGTERM' })
    expect(await gone(grandchildPid(r.stdout))).toBe(true)
  })

  it('does not start at all when already aborted', async () => {
    const ac = new AbortController()
    ac.abort()
    const marker = path.join(tempDir(), 'started')
    const r = await run(`require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`, { signal: ac.signal })
    expect(r).toMatchObject({ cancelled: true, code: null })
    await new Promise(res => setTimeout(res, 300))
    expect(existsSync(marker)).toBe(false)
  })

  it('kills helpers left behind after a normal exit instead of waiting for their pipes', async () => {
    const code = `
      const { spawn } = require('node:child_process')
      const c = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e9)'], { stdio: 'inherit' })
      console.log('GRANDCHILD ' + c.pid)
      process.exit(0)`
    const r = await run(code, { timeoutMs: 10_000 })
    expect(r).toMatchObject({ code: 0, timedOut: false })
    expect(r.durationMs).toBeLessThan(5_000)
    expect(await gone(grandchildPid(r.stdout))).toBe(true)
  })
})

describe('runPdd heartbeat and errors', () => {
  it('calls the heartbeat at its interval while running, then stops', async () => {
    const beats: number[] = []
    const r = await run(`setTimeout(() => {}, 500)`, { heartbeatMs: 100, onHeartbeat: ms => beats.push(ms) })
    expect(r.code).toBe(0)
    expect(beats.length).toBeGreaterThanOrEqual(3)
    expect(beats).toEqual([...beats].sort((a, b) => a - b))
    const count = beats.length
    await new Promise(res => setTimeout(res, 300))
    expect(beats).toHaveLength(count)
  })

  it('names a missing executable', async () => {
    const missing = path.join(tempDir(), 'no-such-pdd')
    const p = runPdd({ argv: [missing, 'sync'], cwd: tempDir(), env: process.env, timeoutMs: 1_000 })
    await expect(p).rejects.toBeInstanceOf(PddExecutableError)
    await expect(p).rejects.toThrow(`pdd executable not found: ${missing}`)
  })

  it('names an executable without the exec bit', async () => {
    const file = path.join(tempDir(), 'pdd')
    writeFileSync(file, '#!/bin/sh\necho hi\n')
    chmodSync(file, 0o644)
    const p = runPdd({ argv: [file], cwd: tempDir(), env: process.env, timeoutMs: 1_000 })
    await expect(p).rejects.toThrow(`pdd executable is not executable: ${file}`)
  })
})

describe('pddVersion', () => {
  it('reads "pdd, version X"', async () => {
    expect(await pddVersion(installFakePdd(tempDir()), process.env)).toBe('0.0.310')
  })

  /** A command whose `--version` runs this script (`node -e` would read `--version` itself). */
  function script(code: string): string[] {
    const file = path.join(tempDir(), 'pdd.cjs')
    writeFileSync(file, code)
    return [process.execPath, file]
  }

  it('fails clearly when the command does not answer in time', async () => {
    await expect(pddVersion(script('setInterval(() => {}, 1e9)'), process.env, 500)).rejects.toThrow(
      /--version` did not answer within 0.5 s/
    )
  })

  it('fails clearly when the answer is not a pdd version', async () => {
    await expect(pddVersion(script('console.log("Python 3.12")'), process.env)).rejects.toThrow(
      /did not print "pdd, version X" \(exit code 0\): Python 3.12/
    )
  })

  it('fails clearly when the executable is missing', async () => {
    await expect(pddVersion(['/nonexistent/pdd'], process.env)).rejects.toThrow(
      'pdd executable not found: /nonexistent/pdd'
    )
  })
})
