// Reads a PDD_SYNC_TIMELINE file (src/execute/group-timing.ts) and prints, per run (a run ends at its "exit"
// mark): the fixed costs before the first pdd spawn and after the last pdd exit, the idle time of the slots between
// one pdd's exit and the next one's spawn, and the median ms of each group step. Usage: node bench/timeline.mjs FILE
import { readFileSync } from 'node:fs'

const lines = readFileSync(process.argv[2], 'utf8')
  .split('\n')
  .filter(Boolean)
  .map(l => JSON.parse(l))
const runs = [[]]
for (const e of lines) {
  runs[runs.length - 1].push(e)
  if (e.ev === 'exit') runs.push([])
}
const med = xs => (xs.length === 0 ? NaN : [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)])
const r = x => Math.round(x)

function analyse(events) {
  const run = Object.fromEntries(events.filter(e => !e.group).map(e => [e.ev, e.t]))
  const groups = new Map()
  for (const e of events.filter(e => e.group)) {
    const g = groups.get(e.group) ?? []
    g.push(e)
    groups.set(e.group, g)
  }
  const spans = [...groups.values()].map(g => Object.fromEntries(g.map(e => [e.ev, e.t])))
  const spawns = spans
    .map(s => s.spawn)
    .filter(t => t !== undefined)
    .sort((a, b) => a - b)
  const exits = spans
    .map(s => s.pdd)
    .filter(t => t !== undefined)
    .sort((a, b) => a - b)
  // Pdd's busy time, and the time slots spent with no pdd running while the run had groups left to start.
  const busy = spans.reduce((a, s) => a + (s.pdd - s.spawn), 0)
  const c = Number(process.env.C ?? maxOverlap(spans))
  const first = spawns[0]
  const last = exits[exits.length - 1]
  const steps = {}
  const order = [
    'admitted',
    'worktree',
    'restore',
    'spawn',
    'pdd',
    'paid',
    'stragglers',
    'verdict',
    'commit',
    'land',
    'released'
  ]
  for (let i = 1; i < order.length; i++)
    steps[`${order[i - 1]}→${order[i]}`] = r(
      med(spans.map(s => s[order[i]] - s[order[i - 1]]).filter(x => !Number.isNaN(x)))
    )
  // Hand-off: from the k-th pdd exit to the spawn that took its slot (the (c+k)-th), while groups were left.
  const handoffs = exits.slice(0, Math.max(0, spawns.length - c)).map((t, k) => spawns[c + k] - t)
  return {
    groups: spans.length,
    medianHandoffMs: r(med(handoffs)),
    meanHandoffMs: r(handoffs.reduce((a, b) => a + b, 0) / Math.max(1, handoffs.length)),
    concurrency: c,
    run: Object.fromEntries(Object.entries(run).map(([k, v]) => [k, r(v)])),
    firstSpawnMs: r(first),
    lastExitMs: r(last),
    afterLastExitMs: r((run.exit ?? NaN) - last),
    pddBusyMs: r(busy),
    // Slot-ms between the first spawn and the last exit in which no pdd ran: c × span − busy.
    idleSlotMsInside: r(c * (last - first) - busy),
    idlePerGroupMs: r((c * (last - first) - busy) / spans.length),
    medianStepMs: steps
  }
}

/** The most pdds that ran at once. */
function maxOverlap(spans) {
  const ev = spans
    .flatMap(s => [
      [s.spawn, 1],
      [s.pdd, -1]
    ])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
  let n = 0
  let max = 0
  for (const [, d] of ev) max = Math.max(max, (n += d))
  return max
}

console.log(JSON.stringify(runs.filter(r => r.some(e => e.group)).map(analyse), null, 2))
