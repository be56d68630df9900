/**
 * Fan-out benchmark (`npx tsx bench/fanout.ts`, part of `npm run bench`): N fresh units (BENCH_FANOUT_UNITS,
 * default 40) synced by the pdd stand-in at a fixed latency (withStandIn), then by the real pdd-cli against the scripted LLM server answering at once (an instant LLM, no
 * added latency), first as one job (`pdd-sync run --push`), then fanned out: `plan --shards S` (BENCH_FANOUT_SHARDS,
 * default 4), S `run --shard K --push` processes at once (each in its own clone, as matrix jobs are), then
 * `finalize --push`. Prints both wall times, their ratio, and the load average before and after: on one machine
 * the shards share its cores (a matrix gives each its own runner), so the ratio here is bounded by the cores,
 * not by the number of shards. Uses BENCH_DIST (default dist) for the CLI bundle. Without a PDD venv: skipped.
 */
import { execFileSync, spawn } from 'node:child_process'
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { start, type UnitScript } from '../__tests__/helpers/llm-server.js'
import { preparePddProject, realPdd } from '../__tests__/helpers/pdd-project.js'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const UNITS = Number(process.env.BENCH_FANOUT_UNITS ?? 40)
const SHARDS = Number(process.env.BENCH_FANOUT_SHARDS ?? 4)
const CLI = path.resolve(root, process.env.BENCH_DIST ?? 'dist', 'cli.js')
const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }
const who = ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com']
const git = (dir: string, ...args: string[]): string =>
  execFileSync('git', [...who, ...args], { cwd: dir, env: gitEnv, encoding: 'utf8' })

/**
 * One unit's prompt and scripted answers. Every answer ends in text naming the unit: the scripted LLM server
 * attributes a request that quotes an earlier answer's ending to that answer's unit (llm-server.ts rule 2), so
 * with identical answers (`return 2 * x` for all) and 8 pdd processes at once it could answer one unit's request
 * with another unit's example or test (importing a module the worktree lacks): the crash and fix steps then
 * failed 17 of 40 units of the fan-out (0 with these answers), which a count of synced units showed as missing.
 */
function unitOf(name: string): { prompt: string; script: UnitScript } {
  return {
    prompt: `Write a Python module ${name} with double(x) returning 2 * x.\n`,
    script: {
      code: `def double(x):\n    return 2 * x\n\n\nUNIT = '${name}'\n`,
      example: `import sys\nfrom pathlib import Path\n\nsys.path.insert(0, str(Path(__file__).resolve().parents[1]))\nfrom ${name} import double\n\nprint(double(2))  # ${name}\n`,
      test: `from ${name} import double\n\n\ndef test_double():\n    assert double(2) == 4  # ${name}\n`
    }
  }
}

/** Runs the CLI; resolves with its stdout, throws on a failing exit. */
function cli(args: string[], env: NodeJS.ProcessEnv, ok: number[] = [0]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env })
    let out = ''
    let err = ''
    child.stdout.on('data', (b: Buffer) => (out += b.toString()))
    child.stderr.on('data', (b: Buffer) => (err += b.toString()))
    child.on('close', code =>
      ok.includes(code ?? -1)
        ? resolve(out)
        : reject(new Error(`${args[0]} exited ${code}:\n${err.slice(-3000)}`))
    )
  })
}

const clone = (origin: string, base: string, name: string): string => {
  const dir = path.join(base, name)
  git(base, 'clone', '-q', `file://${origin}`, dir)
  return dir
}
const load = (): string =>
  loadavg()
    .map(n => n.toFixed(1))
    .join(' ')

interface Synced {
  ms: number
  spent: number
  synced: number
  /** Units in the result, whatever their status (every unit of the run should be there). */
  units: number
}

const syncedOf = (json: string): Synced => {
  const r = JSON.parse(json) as { spent: number; units: { id: string; status: string; reason: string }[] }
  for (const u of r.units.filter(x => x.status !== 'synced'))
    console.log(`  not synced: ${u.id} ${u.status}: ${u.reason.slice(0, 200)}`)
  const synced = r.units.filter(u => u.status === 'synced').length
  return { ms: 0, spent: r.spent, synced, units: r.units.length }
}

async function oneJob(origin: string, base: string, env: NodeJS.ProcessEnv, pdd: string): Promise<Synced> {
  const dir = clone(origin, base, 'single')
  const t0 = performance.now()
  const out = await cli(
    ['run', '--repo', dir, '--pdd-command', pdd, '--budget', '100', '--json', '--push'],
    env
  )
  return { ...syncedOf(out), ms: performance.now() - t0 }
}

async function fanOut(origin: string, base: string, env: NodeJS.ProcessEnv, pdd: string): Promise<Synced> {
  const t0 = performance.now()
  const planDir = clone(origin, base, 'plan')
  const planFile = path.join(base, 'plan.json')
  await cli(
    [
      'plan',
      '--repo',
      planDir,
      '--json',
      '--output',
      planFile,
      '--shards',
      String(SHARDS),
      '--budget',
      '100'
    ],
    env
  )
  const plan = JSON.parse(readFileSync(planFile, 'utf8')) as {
    baseSha: string
    matrix: { include: { shard: string; units: string; budget: string }[] }
  }
  const legs = plan.matrix.include
  await Promise.all(
    legs.map(l =>
      cli(
        [
          ...['run', '--repo', clone(origin, base, `shard-${l.shard}`), '--pdd-command', pdd, '--json'],
          ...['--shard', l.shard, '--units', l.units, '--budget', l.budget, '--base-sha', plan.baseSha],
          ...['--run-key', 'bench', '--push']
        ],
        env
      )
    )
  )
  const fin = clone(origin, base, 'finalize')
  const out = await cli(
    ['finalize', '--repo', fin, '--matrix', planFile, '--run-key', 'bench', '--push', '--json'],
    env
  )
  return { ...syncedOf(out), ms: performance.now() - t0 }
}

/** Times one job against the fan-out on two bare copies of the repository at `dir`, and prints the table. */
async function compare(
  label: string,
  base: string,
  dir: string,
  env: NodeJS.ProcessEnv,
  pdd: string
): Promise<void> {
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'units')
  const work = mkdtempSync(path.join(base, 'compare-'))
  const origins = ['one', 'fan'].map(n => {
    const o = path.join(work, `${n}.git`)
    git(base, 'clone', '-q', '--bare', dir, o)
    mkdirSync(path.join(work, n))
    return o
  })
  console.log(`${label}: ${UNITS} units; ${cpus().length} cores; load average ${load()}`)
  const one = await oneJob(origins[0] as string, path.join(work, 'one'), env, pdd)
  console.log(`one job: ${(one.ms / 1000).toFixed(1)} s; load average ${load()}`)
  const fan = await fanOut(origins[1] as string, path.join(work, 'fan'), env, pdd)
  console.log(`${SHARDS} shards + finalize: ${(fan.ms / 1000).toFixed(1)} s; load average ${load()}`)
  console.log('| run | wall | units in result | synced | spent |')
  console.log('|---|---:|---:|---:|---:|')
  for (const [name, r] of [
    ['1 job (`run`)', one],
    [`plan + ${SHARDS} shards at once + finalize`, fan]
  ] as const)
    console.log(
      `| ${name} | ${(r.ms / 1000).toFixed(1)} s | ${r.units} | ${r.synced} | $${r.spent.toFixed(4)} |`
    )
  console.log(
    `Ratio (1 job ÷ fan-out), ${label}: ${(one.ms / fan.ms).toFixed(2)}× on ${cpus().length} cores.`
  )
}

/**
 * The pdd stand-in (__tests__/helpers/fake-pdd.mjs) at a fixed latency per sync (BENCH_FANOUT_LATENCY_MS, default
 * 10000): a sync that waits on its LLM, as real ones mostly do, so the shards' waits overlap even on 2 cores.
 */
async function withStandIn(base: string): Promise<void> {
  const latency = Number(process.env.BENCH_FANOUT_LATENCY_MS ?? 10000)
  const bin = path.join(base, 'stand-in')
  mkdirSync(bin, { recursive: true })
  copyFileSync(path.join(root, '__tests__', 'helpers', 'fake-pdd.mjs'), path.join(bin, 'fake-pdd.mjs'))
  chmodSync(path.join(bin, 'fake-pdd.mjs'), 0o755)
  symlinkSync('fake-pdd.mjs', path.join(bin, 'pdd'))
  writeFileSync(
    path.join(bin, 'fake-pdd-faults.json'),
    JSON.stringify({ delayMs: latency, costPerCall: 0.001 })
  )
  const dir = path.join(base, 'stand-in-repo')
  mkdirSync(path.join(dir, 'prompts'), { recursive: true })
  for (let i = 0; i < UNITS; i++)
    writeFileSync(path.join(dir, 'prompts', `fan${String(i).padStart(2, '0')}_python.prompt`), `unit ${i}\n`)
  // The run checks for a provider key before it spends; the stand-in calls no provider, so any value does.
  const env = { ...gitEnv, OPENAI_API_KEY: 'bench-stand-in' }
  await compare(`stand-in pdd, ${latency} ms a sync`, base, dir, env, path.join(bin, 'pdd'))
}

/** The real pdd-cli against the scripted LLM server answering at once. */
async function withRealPdd(base: string): Promise<void> {
  const venv = realPdd()
  if (!venv) {
    console.log(
      'bench/fanout.ts: no PDD venv (set PDD_VENV or run scripts/setup-pdd-venv.sh); real pdd skipped.'
    )
    return
  }
  const names = Array.from({ length: UNITS }, (_, i) => `fan${String(i).padStart(2, '0')}`)
  const server = await start(
    { units: Object.fromEntries(names.map(n => [n, unitOf(n).script])) },
    { quiet: true }
  )
  try {
    const dir = path.join(base, 'repo')
    mkdirSync(path.join(dir, 'prompts'), { recursive: true })
    for (const n of names) writeFileSync(path.join(dir, 'prompts', `${n}_python.prompt`), unitOf(n).prompt)
    mkdirSync(path.join(base, 'home'), { recursive: true })
    const env = preparePddProject(dir, server, { home: path.join(base, 'home') })
    writeFileSync(path.join(dir, '.gitignore'), '.pdd/*\n!.pdd/llm_model.csv\n')
    await compare(`real pdd ${venv.version}, instant LLM`, base, dir, env, path.join(venv.binDir, 'pdd'))
  } finally {
    await server.close()
  }
}

/** BENCH_FANOUT_PDD: `stand-in`, `real` or `both` (default). */
async function main(): Promise<void> {
  const which = process.env.BENCH_FANOUT_PDD ?? 'both'
  const base = mkdtempSync(path.join(tmpdir(), 'pdd-bench-fanout-'))
  try {
    if (which !== 'real') await withStandIn(base)
    if (which !== 'stand-in') await withRealPdd(base)
  } finally {
    rmSync(base, { recursive: true, force: true, maxRetries: 5 })
  }
}

await main()
