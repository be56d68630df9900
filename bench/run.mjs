// Planner benchmark (npm run bench): each state layout of generate.mjs at 1,000, 5,000 and 20,000 units.
// Per layout and size: the plan's wall time, CPU (user+sys of the process and its children, from its rusage via
// /usr/bin/time) and peak memory, next to the floor on the same files (read + sha256 of every file the planner
// reads, + one cat-file --batch over the same notes), each in a fresh process, plan and floor alternated, medians.
// The ratio is the median of the per-pair ratios, so it holds when a shared machine's speed drifts; absolute
// times depend on the machine's load. Then the growth factor of the plan from 5,000 to 20,000 units.
// BENCH_SIZES=1000,5000 BENCH_LAYOUTS=meta BENCH_RUNS=5 BENCH_DIST=dist narrow it.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { generate, LAYOUTS } from './generate.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.dirname(here)
const list = (v, d) => (v ?? d).split(',').filter(Boolean)
const SIZES = list(process.env.BENCH_SIZES, '1000,5000,20000').map(Number)
const LAYOUT_LIST = list(process.env.BENCH_LAYOUTS, LAYOUTS.join(','))
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const CLI = path.resolve(root, process.env.BENCH_DIST ?? 'dist', 'cli.js')
const TIME = '/usr/bin/time'
const hasTime = existsSync(TIME)

/** One fresh process: wall ms, CPU ms (user+sys, children included with /usr/bin/time), peak RSS MiB. */
function timed(args) {
  const node = [process.execPath, '--import', path.join(here, 'rss-hook.mjs'), ...args]
  const argv = hasTime ? [TIME, '-f', 'BENCH_TIME %U %S %M', ...node] : node
  const t0 = process.hrtime.bigint()
  const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', maxBuffer: 1 << 30 })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`)
  const t = /BENCH_TIME ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr)
  const cpuMs = t ? (Number(t[1]) + Number(t[2])) * 1000 : Number(/BENCH_CPU_US=(\d+)/.exec(r.stderr)?.[1]) / 1000
  const rssKb = t ? Number(t[3]) : Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(r.stderr)?.[1])
  return { ms, cpuMs, rssMiB: rssKb / 1024, stdout: r.stdout }
}
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

function measure(dir, layout, units) {
  const repo = path.join(dir, `${layout}-${units}`)
  const g0 = performance.now()
  const { files, notes } = generate(repo, { units, layout })
  const listFile = path.join(dir, `${layout}-${units}.json`)
  writeFileSync(listFile, JSON.stringify({ files, notes: notes > 0 }))
  const genS = ((performance.now() - g0) / 1000).toFixed(1)
  const plans = []
  const floors = []
  for (let i = 0; i < RUNS; i++) {
    floors.push(timed([path.join(here, 'floor.mjs'), repo, listFile]))
    plans.push(timed([CLI, 'plan', '--repo', repo, '--json', '--no-fetch']))
  }
  const plan = JSON.parse(plans.at(-1).stdout)
  const ops = {}
  for (const u of plan.units) ops[u.operation] = (ops[u.operation] ?? 0) + 1
  const m = (xs, k) => median(xs.map(x => x[k]))
  const ratio = k => median(plans.map((p, i) => p[k] / floors[i][k]))
  const row = {
    layout, units: plan.units.length, files: files.length, notes,
    planMs: Math.round(m(plans, 'ms')), planCpuMs: Math.round(m(plans, 'cpuMs')), planPeakMiB: Math.round(m(plans, 'rssMiB')),
    floorMs: Math.round(m(floors, 'ms')), floorCpuMs: Math.round(m(floors, 'cpuMs')), floorPeakMiB: Math.round(m(floors, 'rssMiB')),
    wallRatio: Number(ratio('ms').toFixed(2)), cpuRatio: Number(ratio('cpuMs').toFixed(2)), operations: ops
  }
  console.error(`${layout} ${units}: generated ${files.length} files, ${notes} notes in ${genS} s; ${JSON.stringify(row)}`)
  rmSync(repo, { recursive: true, force: true, maxRetries: 5 })
  return row
}

const dir = mkdtempSync(path.join(tmpdir(), 'pdd-sync-bench-'))
try {
  const rows = []
  for (const layout of LAYOUT_LIST) for (const units of SIZES) rows.push(measure(dir, layout, units))
  const growth = {}
  for (const layout of LAYOUT_LIST) {
    const at = n => rows.find(r => r.layout === layout && r.units === n)
    if (at(5000) && at(20000)) growth[layout] = { wall: Number((at(20000).planMs / at(5000).planMs).toFixed(2)), cpu: Number((at(20000).planCpuMs / at(5000).planCpuMs).toFixed(2)) }
  }
  console.log('| layout | units | plan wall | plan CPU | plan peak | floor wall | floor CPU | floor peak | wall ÷ floor | CPU ÷ floor |')
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
  for (const r of rows) {
    console.log(`| ${r.layout} | ${r.units} | ${r.planMs} ms | ${r.planCpuMs} ms | ${r.planPeakMiB} MiB | ${r.floorMs} ms | ${r.floorCpuMs} ms | ${r.floorPeakMiB} MiB | ${r.wallRatio}× | ${r.cpuRatio}× |`)
  }
  for (const [layout, g] of Object.entries(growth)) console.log(`${layout}: 5k → 20k factor ${g.wall} (wall), ${g.cpu} (CPU)`)
  const at5k = rows.filter(r => r.units === 5000)
  const targets = {
    'plan <= 3x floor at 5k': at5k.every(r => r.wallRatio <= 3),
    'plan < 2 s at 5k': at5k.every(r => r.planMs < 2000),
    '5k -> 20k factor <= 4.5': Object.values(growth).every(g => g.wall <= 4.5)
  }
  console.log(JSON.stringify({ runs: RUNS, rows, growth, targets }, null, 2))
} finally {
  rmSync(dir, { recursive: true, force: true })
}
