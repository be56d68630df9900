/**
 * Joins the two measurement logs of a test run into one table per test file: its CPU (helpers/cpu-log.ts,
 * `PDD_SYNC_TEST_CPU_LOG`), how many real `pdd` processes it started and the CPU of the Pythons it started
 * (helpers/python/sitecustomize.py, `SYNC_TEST_PY_LOG`), found through the worker pid among each Python's
 * ancestors and the file's start and end on that worker.
 *
 *   npx tsx __tests__/helpers/py-log-report.ts <cpu.tsv> <py.tsv>
 */
import { readFileSync } from 'node:fs'

interface FileRow {
  file: string
  self: number
  children: number
  pid: string
  start: number
  end: number
  pdd: number
  pddCpu: number
  other: number
  otherCpu: number
}

function rows(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(l => l.split('\t'))
}

/** A real pdd start: the venv's `pdd` entry point (or a wrapper that runs it), not pytest, examples or deciders. */
function isPdd(argv: string): boolean {
  const first = argv.split(' ')[0] ?? ''
  return /(^|\/)pdd$/.test(first)
}

function main(cpuLog: string, pyLog: string): void {
  const files: FileRow[] = rows(cpuLog).map(([file, self, children, pid, start, end]) => ({
    file: file ?? '',
    self: Number(self),
    children: Number(children),
    pid: pid ?? '',
    start: Number(start),
    end: Number(end),
    pdd: 0,
    pddCpu: 0,
    other: 0,
    otherCpu: 0
  }))
  let unmatched = 0
  for (const [start, , , chain, cpu, , argv] of rows(pyLog)) {
    const t = Number(start)
    const pids = new Set((chain ?? '').split(','))
    const f = files.find(r => pids.has(r.pid) && r.start <= t && t <= r.end)
    if (!f) {
      unmatched++
      continue
    }
    if (isPdd(argv ?? '')) {
      f.pdd++
      f.pddCpu += Number(cpu)
    } else {
      f.other++
      f.otherCpu += Number(cpu)
    }
  }
  files.sort((a, b) => b.self + b.children - (a.self + a.children))
  const out = ['file\tcpu\tworker\tchildren\tpdd-starts\tpdd-cpu\tother-py\tother-py-cpu']
  const sum = (k: 'self' | 'children' | 'pdd' | 'pddCpu' | 'other' | 'otherCpu'): number =>
    files.reduce((s, r) => s + r[k], 0)
  for (const r of files)
    out.push(
      [r.file.replace('__tests__/', ''), r.self + r.children, r.self, r.children]
        .map(v => (typeof v === 'number' ? v.toFixed(1) : v))
        .concat([String(r.pdd), r.pddCpu.toFixed(1), String(r.other), r.otherCpu.toFixed(1)])
        .join('\t')
    )
  const total = [sum('self') + sum('children'), sum('self'), sum('children')].map(v => v.toFixed(1))
  out.push(['TOTAL', ...total, String(sum('pdd')), sum('pddCpu').toFixed(1)].join('\t'))
  out.push(
    `${String(sum('other'))} other Pythons (${sum('otherCpu').toFixed(1)} CPU-s); unmatched: ${unmatched}`
  )
  console.log(out.join('\n'))
}

main(process.argv[2] ?? '', process.argv[3] ?? '')
