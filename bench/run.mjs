// Planner benchmark (npm run bench): a synthetic repository of 5,000 units and 10,000 run records in notes.
// Reports plan wall time and peak memory next to the floor (sha256 of the same files + one cat-file --batch
// over the same notes), each measured in a fresh process, median of several runs.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { generate } from './generate.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.dirname(here)
const UNITS = Number(process.env.BENCH_UNITS ?? 5000)
const RECORDS = Number(process.env.BENCH_RECORDS ?? 10000)
const RUNS = Number(process.env.BENCH_RUNS ?? 5)

function timed(args) {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(process.execPath, ['--import', path.join(here, 'rss-hook.mjs'), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30
  })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`)
  const rss = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? NaN)
  return { ms, rssMiB: rss / 1024, stdout: r.stdout }
}
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const dir = mkdtempSync(path.join(tmpdir(), 'pdd-sync-bench-'))
try {
  const g0 = performance.now()
  const files = generate(path.join(dir, 'repo'), { units: UNITS, records: RECORDS })
  const listFile = path.join(dir, 'files.json')
  writeFileSync(listFile, JSON.stringify(files))
  console.log(`generated ${UNITS} units, ${files.length} files, ${RECORDS} run records in ${((performance.now() - g0) / 1000).toFixed(1)} s`)
  const repo = path.join(dir, 'repo')
  const plans = []
  const floors = []
  let last
  for (let i = 0; i < RUNS; i++) {
    floors.push(timed([path.join(here, 'floor.mjs'), repo, listFile]))
    last = timed([path.join(root, 'dist', 'cli.js'), 'plan', '--repo', repo, '--json', '--no-fetch'])
    plans.push(last)
  }
  const plan = JSON.parse(last.stdout)
  const ops = {}
  for (const u of plan.units) ops[u.operation] = (ops[u.operation] ?? 0) + 1
  const sources = {}
  for (const u of plan.units) sources[u.stateSource] = (sources[u.stateSource] ?? 0) + 1
  const p = median(plans.map(x => x.ms))
  const f = median(floors.map(x => x.ms))
  const result = {
    units: plan.units.length,
    records: RECORDS,
    planMs: Math.round(p),
    planPeakMiB: Math.round(median(plans.map(x => x.rssMiB))),
    floorMs: Math.round(f),
    floorPeakMiB: Math.round(median(floors.map(x => x.rssMiB))),
    ratio: Number((p / f).toFixed(2)),
    operations: ops,
    stateSources: sources,
    targets: { 'plan <= 3x floor': p <= 3 * f, 'plan < 2 s': p < 2000 }
  }
  console.log(JSON.stringify(result, null, 2))
} finally {
  rmSync(dir, { recursive: true, force: true })
}
