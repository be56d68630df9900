/**
 * No-op benchmark (`npx tsx bench/noop.ts`; part of `npm run bench`): the action bundle in `mode: run` on a
 * repository where every unit is in sync with its run records in the notes of `origin`, against the GitHub REST
 * stand-in, with `state-store` notes (the default) and both. Prints the wall time, how many `pdd` processes
 * started (a counting stand-in as `pdd-command`) and the REST calls made; then the action's cold start (load
 * `dist/index.js` and read the inputs, ended by an invalid `mode`) next to a bare `node -e ''`.
 * BENCH_NOOP_UNITS (default 200), BENCH_RUNS (5), BENCH_DIST (dist).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { startGitHubApi } from '../__tests__/helpers/github-api.js'
import { generate } from './generate.mjs'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const DIST = path.resolve(root, process.env.BENCH_DIST ?? 'dist')
const UNITS = Number(process.env.BENCH_NOOP_UNITS ?? 200)
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const TIME = '/usr/bin/time'
const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', args, { cwd, env: gitEnv, encoding: 'utf8', maxBuffer: 1 << 28 })

/** The environment the runner gives the action (see __tests__/helpers/action-runner.ts). */
function runnerEnv(dir: string, inputs: Record<string, string>, apiUrl: string): NodeJS.ProcessEnv {
  const files = {
    out: path.join(dir, 'output'),
    summary: path.join(dir, 'summary'),
    event: path.join(dir, 'event.json')
  }
  writeFileSync(files.out, '')
  writeFileSync(files.summary, '')
  writeFileSync(files.event, '{}')
  const clean = Object.fromEntries(
    Object.entries(gitEnv).filter(([k]) => !k.startsWith('INPUT_') && !k.startsWith('GITHUB_'))
  )
  const input = Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v])
  )
  return {
    ...clean,
    ...input,
    GITHUB_WORKSPACE: path.join(dir, 'ws'),
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.out,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_REPOSITORY: 'acme/calc',
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_REF_NAME: 'main',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_RUN_ID: '4242',
    RUNNER_TEMP: dir,
    RUNNER_TOOL_CACHE: path.join(dir, 'tool-cache')
  }
}

/** The defaults action.yml declares, as the runner passes them when a workflow leaves an input out. */
function actionDefaults(): Record<string, string> {
  const action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>
  }
  const out: Record<string, string> = {}
  for (const [name, def] of Object.entries(action.inputs))
    if (def.default !== undefined && !String(def.default).includes('${{')) out[name] = String(def.default)
  return out
}

/** Runs the bundle asynchronously (the API stand-in answers from this process meanwhile). */
async function runBundle(
  env: NodeJS.ProcessEnv,
  cwd: string
): Promise<{ ms: number; cpuMs: number; code: number | null; out: string }> {
  const node = [process.execPath, path.join(DIST, 'index.js')]
  // With /usr/bin/time: the CPU (user+sys) of the action and every process it waited for (git).
  const argv = existsSync(TIME) ? [TIME, '-f', 'BENCH_TIME %U %S', ...node] : node
  const t0 = performance.now()
  const child = spawn(argv[0] as string, argv.slice(1), { cwd, env })
  let out = ''
  child.stdout.on('data', (b: Buffer) => (out += b.toString()))
  child.stderr.on('data', (b: Buffer) => (out += b.toString()))
  const code = await new Promise<number | null>(resolve => child.on('close', resolve))
  const t = /BENCH_TIME ([\d.]+) ([\d.]+)/.exec(out)
  const cpuMs = t ? (Number(t[1]) + Number(t[2])) * 1000 : NaN
  return { ms: performance.now() - t0, cpuMs, code, out }
}

const base = mkdtempSync(path.join(tmpdir(), 'pdd-sync-noop-'))
const api = await startGitHubApi()
try {
  api.ensureRepo('acme', 'calc')
  const src = path.join(base, 'src')
  generate(src, { units: UNITS, layout: 'notes', edited: false })
  const origin = path.join(base, 'origin.git')
  git(base, 'clone', '-q', '--bare', src, origin)
  git(src, 'push', '-q', origin, 'refs/notes/pdd-sync')
  const counter = path.join(base, 'pdd-starts')
  const pdd = path.join(base, 'pdd')
  writeFileSync(pdd, `#!/bin/sh\necho "$@" >> '${counter}'\nexit 3\n`)
  chmodSync(pdd, 0o755)
  const inputs = { ...actionDefaults(), mode: 'run', token: 'ghs_x', 'pdd-command': pdd, budget: '10' }
  const noop: Record<string, { ms: number; cpuMs: number; restCalls: number; rest: string[] }> = {}
  for (const store of ['notes', 'both']) {
    const times: number[] = []
    const cpu: number[] = []
    let calls: string[] = []
    for (let i = 0; i < RUNS + 1; i++) {
      const dir = mkdtempSync(path.join(base, 'run-'))
      git(dir, 'clone', '-q', origin, 'ws')
      const before = api.requests.length
      const r = await runBundle(
        runnerEnv(dir, { ...inputs, 'state-store': store }, api.url),
        path.join(dir, 'ws')
      )
      if (r.code !== 0) throw new Error(`the no-op run failed:\n${r.out}`)
      calls = api.requests.slice(before).map(q => `${q.method} ${q.path}`)
      if (i > 0) times.push(r.ms) // the first run is a warm-up
      if (i > 0) cpu.push(r.cpuMs)
    }
    noop[store] = {
      ms: Math.round(median(times)),
      cpuMs: Math.round(median(cpu)),
      restCalls: calls.length,
      rest: calls
    }
  }
  const cold = { ms: [] as number[], cpuMs: [] as number[] }
  const bare = { ms: [] as number[], cpuMs: [] as number[] }
  const timedSync = (args: string[], env: NodeJS.ProcessEnv, into: typeof cold): string => {
    const argv = existsSync(TIME)
      ? [TIME, '-f', 'BENCH_TIME %U %S', process.execPath, ...args]
      : [process.execPath, ...args]
    const t0 = performance.now()
    const r = spawnSync(argv[0] as string, argv.slice(1), { cwd: base, env, encoding: 'utf8' })
    into.ms.push(performance.now() - t0)
    const t = /BENCH_TIME ([\d.]+) ([\d.]+)/.exec(r.stderr)
    into.cpuMs.push(t ? (Number(t[1]) + Number(t[2])) * 1000 : NaN)
    return r.stdout + r.stderr
  }
  for (let i = 0; i < RUNS; i++) {
    const env = runnerEnv(base, { ...inputs, mode: 'not-a-mode' }, api.url)
    const out = timedSync([path.join(DIST, 'index.js')], env, cold)
    if (!/mode/i.test(out)) throw new Error(`cold start did not fail on the input:\n${out}`)
    timedSync(['-e', ''], gitEnv, bare)
  }
  const pddStarts = existsSync(counter) ? readFileSync(counter, 'utf8').split('\n').filter(Boolean).length : 0
  const worst = Math.max(...Object.values(noop).map(n => n.restCalls))
  const result = {
    units: UNITS,
    noopRun: noop,
    pddProcesses: pddStarts,
    coldStart: { ms: Math.round(median(cold.ms)), cpuMs: Math.round(median(cold.cpuMs)) },
    bareNode: { ms: Math.round(median(bare.ms)), cpuMs: Math.round(median(bare.cpuMs)) },
    targets: {
      'no-op < 3 s': Object.values(noop).every(n => n.ms < 3000),
      '0 pdd': pddStarts === 0,
      '<= 3 REST calls': worst <= 3,
      'cold start < 300 ms': median(cold.ms) < 300
    }
  }
  console.log(JSON.stringify(result, null, 2))
} finally {
  await api.close()
  rmSync(base, { recursive: true, force: true })
}
