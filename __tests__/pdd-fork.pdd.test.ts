/**
 * The suite's pdd fork server (helpers/pdd-fork.ts) against plain exec of the venv's `pdd`: a pdd run through it
 * must be what a fresh process does. The same real sync of calc (scripted LLM) both ways: same exit code, phases,
 * files and `.pdd/meta` fingerprints, same cost CSV rows. A usage error: exit 2 and Click's message, as exec. The
 * client's process group SIGKILLed mid-sync (how the product stops a pdd that overruns): the child and its group
 * go too. Two runs at once with different HOME and PDD_* values: each sees its own (pdd's core dump records its
 * cwd, argv and PDD_* environment; its onboarding banner depends on `~/.pdd/api-env`).
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { expect, it } from 'vitest'
import { tempDir, writeFiles } from './helpers/git-repo.js'
import { start } from './helpers/llm-server.js'
import { CALC_UNIT } from './helpers/calc-units.js'
import { childrenOf, forkClient, forkServerPids } from './helpers/pdd-fork.js'
import { pddEnv, requirePddVenv } from './helpers/pdd-venv.js'
import { describeRealPdd, phases, preparePddProject, runPddSync } from './helpers/real-pdd.js'

const TIMEOUT = 300_000

/** Both ways to start pdd: the venv's entry point, and the fork client (made even with the switch off). */
function commands(): { exec: string; fork: string } {
  const venv = requirePddVenv()
  const fork = forkClient(venv.python, venv.entryPoint, true)
  if (fork === null) throw new Error('no fork server folder: global-setup.ts makes one for every run')
  return { exec: venv.entryPoint, fork }
}

/**
 * Every file of the project (text) as sorted `[path, content]` pairs, without PDD's timestamped core dumps and
 * Python's caches. Masked: times and durations, pids, the random ids PDD names its transaction folders with.
 */
function tree(dir: string): [string, string][] {
  const out: [string, string][] = []
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name)
      if (/^(\.pdd\/core_dumps|__pycache__|\.pytest_cache)$/.test(r) || e.name === '__pycache__') continue
      if (e.isDirectory()) walk(r)
      else out.push([normal(r, dir), normal(fs.readFileSync(path.join(dir, r), 'utf8'), dir)])
    }
  }
  walk('')
  return out.sort((x, y) => (x.join('\0') < y.join('\0') ? -1 : 1))
}

/** Times, durations and the project's own path, which differ between any two runs. */
function normal(text: string, dir: string): string {
  return (
    text
      .split(dir)
      .join('<project>')
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(\+00:00|Z)?/g, '<time>')
      .replace(/"(duration|elapsed|timestamp)[a-z_]*": [\d.e-]+/g, '"$1": <n>')
      .replace(/\b[0-9a-f]{32}\b/g, '<id>')
      .replace(/"pid": \d+/g, '"pid": <pid>')
      // Digests in PDD's transaction journals of files that hold times (.pdd/meta): those files are compared.
      .replace(/"(desired_digest|digest)": "[0-9a-f]{64}"/g, '"$1": <digest>')
  )
}

/**
 * Syncs calc with `pdd`, in the same project folder and HOME (emptied first) as the other way, against the same
 * LLM server: PDD derives ids from paths (`.pdd/last_run.json`, lock names) and the catalog names the port.
 */
async function syncCalc(world: { dir: string; home: string; url: string }, pdd: string) {
  const { dir, home } = world
  for (const d of [dir, home]) {
    fs.rmSync(d, { recursive: true, force: true })
    fs.mkdirSync(d)
  }
  writeFiles(dir, {
    'prompts/calc_python.prompt': 'Write a Python module calc with add(a, b) and sub(a, b).\n'
  })
  const env = preparePddProject(dir, { url: world.url }, { home })
  const run = await runPddSync(dir, 'calc', { env, pdd, maxAttempts: 2, timeoutMs: 240_000 })
  return { run, files: tree(dir) }
}

/** A process's group and cwd from /proc (null once it is gone). */
function proc(pid: number): { pgrp: number; cwd: string } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2])
    return { pgrp, cwd: fs.readlinkSync(`/proc/${pid}/cwd`) }
  } catch {
    return null
  }
}

function groupMembers(pgrp: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter(e => /^\d+$/.test(e))
    .map(Number)
    .filter(pid => proc(pid)?.pgrp === pgrp)
}

async function until(what: string, ok: () => boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise(r => setTimeout(r, 50))
  }
}

describeRealPdd.concurrent('the pdd fork server runs pdd as a fresh process would', () => {
  it(
    'the same sync of calc: exit code, phases, files, .pdd/meta fingerprints and cost CSV rows',
    async t => {
      const { exec, fork } = commands()
      const server = await start({ units: { calc: CALC_UNIT } }, { quiet: true })
      t.onTestFinished(() => server.close())
      const world = { dir: tempDir('pdd-fork-sync-'), home: tempDir('pdd-fork-home-'), url: server.url }
      const a = await syncCalc(world, exec)
      const callsA = server.calls().map(c => c.kind)
      const b = await syncCalc(world, fork)
      const callsB = server
        .calls()
        .map(c => c.kind)
        .slice(callsA.length)

      expect(a.run.code).toBe(0)
      expect(phases(a.run.stdout)).toEqual(['generate', 'example', 'crash', 'test', 'synced'])
      expect([b.run.code, b.run.signal]).toEqual([a.run.code, a.run.signal])
      expect(phases(b.run.stdout)).toEqual(phases(a.run.stdout))
      expect(b.files.map(([p]) => p)).toEqual(a.files.map(([p]) => p))
      expect(b.files).toEqual(a.files)
      expect(b.files.map(([p]) => p)).toContain('.pdd/meta/calc_python.json')
      expect(normal(b.run.costCsv ?? '', world.dir)).toEqual(normal(a.run.costCsv ?? '', world.dir))
      expect(callsB).toEqual(callsA)
    },
    TIMEOUT
  )

  it(
    'a usage error: exit 2 and the same message on stderr',
    () => {
      const { exec, fork } = commands()
      const dir = tempDir('pdd-fork-usage-')
      const run = (pdd: string) =>
        spawnSync(pdd, ['--force', 'sync', '--bogus', 'calc'], { cwd: dir, env: pddEnv(), encoding: 'utf8' })
      const [a, b] = [run(exec), run(fork)]

      expect(a.status).toBe(2)
      expect(a.stderr).toContain("No such option '--bogus'")
      expect([b.status, b.signal, b.stdout, b.stderr]).toEqual([a.status, a.signal, a.stdout, a.stderr])
    },
    TIMEOUT
  )

  it(
    "SIGKILL of the client's process group mid-sync: the child and its group are gone, nothing is left",
    async () => {
      const { fork } = commands()
      // An LLM endpoint that accepts and never answers: the sync waits in its first call.
      const held: net.Socket[] = []
      const hang = net.createServer(s => held.push(s))
      await new Promise<void>(r => hang.listen(0, '127.0.0.1', r))
      const port = (hang.address() as net.AddressInfo).port
      const dir = tempDir('pdd-fork-kill-')
      writeFiles(dir, { 'prompts/calc_python.prompt': 'Write a Python module calc with add(a, b).\n' })
      const env = preparePddProject(dir, { url: `http://127.0.0.1:${port}` })
      const client = spawn(fork, ['--force', '--local', 'sync', '--budget', '1', 'calc'], {
        cwd: dir,
        env,
        stdio: 'ignore',
        detached: true
      })
      const exited = new Promise(r => client.once('exit', (code, signal) => r([code, signal])))
      try {
        await until('the sync to reach the LLM', () => held.length > 0)
        const servers = forkServerPids()
        const child = servers.flatMap(childrenOf).find(pid => proc(pid)?.cwd === fs.realpathSync(dir))
        expect(child).toBeDefined()
        expect(proc(child as number)?.pgrp).toBe(child) // its own group (setsid)

        process.kill(-(client.pid as number), 'SIGKILL')

        expect(await exited).toEqual([null, 'SIGKILL'])
        await until('the child to go', () => proc(child as number) === null, 10_000)
        await until('its group to go', () => groupMembers(child as number).length === 0, 10_000)
        expect(servers.flatMap(childrenOf).filter(pid => proc(pid)?.cwd === fs.realpathSync(dir))).toEqual([])
      } finally {
        for (const s of held) s.destroy()
        hang.close()
      }
    },
    TIMEOUT
  )

  it(
    'two runs at once with different HOME and PDD_* values: each sees its own',
    async () => {
      const { fork } = commands()
      const one = (name: string, apiEnv: boolean) => {
        const dir = tempDir(`pdd-fork-env-${name}-`)
        const home = tempDir(`pdd-fork-home-${name}-`)
        writeFiles(dir, { 'prompts/x_python.prompt': 'Say hello.\n' })
        if (apiEnv) writeFiles(home, { '.pdd/api-env': '' })
        const env = { ...pddEnv({ HOME: home, PDD_FORK_PROBE: name }), PDD_SUPPRESS_SETUP_REMINDER: '' }
        const args = [
          '--force',
          '--core-dump',
          'preprocess',
          'prompts/x_python.prompt',
          '--output',
          'o.prompt'
        ]
        return new Promise<{ dir: string; stdout: string; code: number | null }>((resolve, reject) => {
          const c = spawn(fork, args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'inherit'] })
          let stdout = ''
          c.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s))
          c.once('error', reject)
          c.once('close', code => resolve({ dir, stdout, code }))
        })
      }
      const dump = (dir: string): Record<string, unknown> => {
        const d = path.join(dir, '.pdd', 'core_dumps')
        const [f] = fs.readdirSync(d)
        return JSON.parse(fs.readFileSync(path.join(d, f as string), 'utf8')) as Record<string, unknown>
      }
      const [a, b] = await Promise.all([one('a', true), one('b', false)])

      expect([a.code, b.code]).toEqual([0, 0])
      for (const [r, name] of [
        [a, 'a'],
        [b, 'b']
      ] as const) {
        expect(dump(r.dir)).toMatchObject({
          cwd: fs.realpathSync(r.dir),
          environment: expect.objectContaining({ PDD_FORK_PROBE: name }) as unknown
        })
      }
      expect(a.stdout).not.toContain('Complete onboarding')
      expect(b.stdout).toContain('Complete onboarding')
    },
    TIMEOUT
  )
})
