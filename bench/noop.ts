/**
 * No-op benchmark (`npx tsx bench/noop.ts`; part of `npm run bench`): the action bundle in `mode: run` on a
 * repository where every unit is in sync with its run records in the notes of `origin`, against the GitHub REST
 * stand-in. Prints the wall time, how many `pdd` processes started (a counting stand-in as `pdd-command`) and
 * the REST calls it made; then the action's cold start (load `dist/index.js` and read the inputs, ended by an
 * invalid `mode`) next to a bare `node -e ''`. BENCH_NOOP_UNITS (default 200), BENCH_RUNS (5), BENCH_DIST (dist).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startGitHubApi } from '../__tests__/helpers/github-api.js'
import { generate } from './generate.mjs'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const DIST = path.resolve(root, process.env.BENCH_DIST ?? 'dist')
const UNITS = Number(process.env.BENCH_NOOP_UNITS ?? 200)
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
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
  const input = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]))
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

/** Runs the bundle asynchronously (the API stand-in answers from this process meanwhile). */
async function runBundle(
  env: NodeJS.ProcessEnv,
  cwd: string
): Promise<{ ms: number; code: number | null; out: string }> {
  const { spawn } = await import('node:child_process')
  const t0 = performance.now()
  const child = spawn(process.execPath, [path.join(DIST, 'index.js')], { cwd, env })
  let out = ''
  child.stdout.on('data', (b: Buffer) => (out += b.toString()))
  child.stderr.on('data', (b: Buffer) => (out += b.toString()))
  const code = await new Promise<number | null>(resolve => child.on('close', resolve))
  return { ms: performance.now() - t0, code, out }
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
  const inputs = { mode: 'run', token: 'ghs_x', 'pdd-command': pdd, budget: '10', 'state-store': 'notes' }
  const noop: number[] = []
  let last = { ms: 0, code: null as number | null, out: '' }
  let calls = 0
  for (let i = 0; i < RUNS + 1; i++) {
    const dir = mkdtempSync(path.join(base, 'run-'))
    git(dir, 'clone', '-q', origin, 'ws')
    const before = api.requests.length
    last = await runBundle(runnerEnv(dir, inputs, api.url), path.join(dir, 'ws'))
    if (last.code !== 0) throw new Error(`the no-op run failed:\n${last.out}`)
    calls = api.requests.length - before
    if (i > 0) noop.push(last.ms) // the first run is a warm-up
  }
  const cold: number[] = []
  const bare: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const env = runnerEnv(base, { ...inputs, mode: 'not-a-mode' }, api.url)
    const t0 = performance.now()
    const r = spawnSync(process.execPath, [path.join(DIST, 'index.js')], { cwd: base, env, encoding: 'utf8' })
    cold.push(performance.now() - t0)
    if (!/mode/i.test(r.stdout + r.stderr))
      throw new Error(`cold start did not fail on the input:\n${r.stdout}`)
    const t1 = performance.now()
    spawnSync(process.execPath, ['-e', ''])
    bare.push(performance.now() - t1)
  }
  const pddStarts = existsSync(counter) ? readFileSync(counter, 'utf8').split('\n').filter(Boolean).length : 0
  const result = {
    units: UNITS,
    noopRunMs: Math.round(median(noop)),
    pddProcesses: pddStarts,
    restCalls: calls,
    rest: api.requests.slice(-calls).map(r => `${r.method} ${r.path}`),
    coldStartMs: Math.round(median(cold)),
    bareNodeMs: Math.round(median(bare)),
    targets: {
      'no-op < 3 s': median(noop) < 3000,
      '0 pdd': pddStarts === 0,
      '<= 3 REST calls': calls <= 3,
      'cold start < 300 ms': median(cold) < 300
    }
  }
  console.log(JSON.stringify(result, null, 2))
} finally {
  await api.close()
  rmSync(base, { recursive: true, force: true })
}
