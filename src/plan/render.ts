import { codeSpan, escapeInline, flatten, mdCell } from '../markdown.js'
import { hasWork, type Plan } from '../types.js'
import type { Shard } from './shards.js'

/** Dollars as PDD prints them in the plan: `$0.4200`. */
export function money(x: number): string {
  return `$${x.toFixed(4)}`
}

/** The plan as a plain-text table for a terminal. */
export function renderPlanTable(plan: Plan): string {
  const header = ['UNIT', 'LANGUAGE', 'OPERATION', 'ESTIMATE', 'REASON']
  const rows = plan.units.map(u => [u.id, u.language, u.operation, money(u.estimatedCost), u.reason])
  const widths = header.map((h, i) => Math.min(48, Math.max(h.length, ...rows.map(r => (r[i] ?? '').length))))
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  const out = [line(header), ...rows.map(line)]
  const work = plan.units.filter(u => hasWork(u.operation)).length
  out.push('')
  out.push(
    `${plan.units.length} unit(s) planned, ${work} with work; estimated cost ${money(plan.estimatedCost)}` +
      ` (scope: ${plan.scope.mode}, trigger: ${plan.scope.trigger}).`
  )
  for (const s of plan.skipped) out.push(`skipped ${s.path}: ${s.reason}`)
  for (const p of plan.problems) out.push(`problem ${p.file}: ${p.message}`)
  for (const c of plan.cycles) out.push(`cycle: ${c.join(' -> ')}`)
  return out.join('\n')
}

/** The plan as a Markdown job summary (kept well under the 1 MiB summary limit). */
export function renderPlanMarkdown(
  plan: Plan,
  opts: { budget?: number; shards?: Shard[]; maxRows?: number } = {}
): string {
  const maxRows = opts.maxRows ?? 1000
  const out: string[] = ['## pdd-sync plan', '']
  const work = plan.units.filter(u => hasWork(u.operation))
  out.push(
    `**${plan.units.length}** unit(s) in scope (${plan.scope.mode}, trigger \`${plan.scope.trigger}\`), ` +
      `**${work.length}** with work, estimated cost **${money(plan.estimatedCost)}**` +
      (opts.budget !== undefined ? ` of a ${money(opts.budget)} budget` : '') +
      '.'
  )
  if (plan.calibrating && work.length > 0) {
    out.push(
      '',
      '> No cost is recorded in this repository yet: the estimates are PDD’s table. A run calibrates: one group ' +
        'at a time with all that is left of the budget, then estimates scaled by what it really cost.'
    )
  } else if (opts.budget !== undefined && plan.estimatedCost > opts.budget) {
    out.push('', `> The estimate exceeds the budget: some units will be skipped for budget.`)
  }
  if (plan.scope.notice) out.push('', `> ${escapeInline(flatten(plan.scope.notice))}`)
  out.push('', '| Unit | Language | Operation | Reason | Estimate |', '| --- | --- | --- | --- | ---: |')
  const shown = plan.units.slice(0, maxRows)
  for (const u of shown) {
    out.push(
      `| ${mdCell(u.id)} | ${u.language} | \`${u.operation}\` | ${mdCell(u.reason)} | ${money(u.estimatedCost)} |`
    )
  }
  if (plan.units.length > shown.length)
    out.push('', `… and ${plan.units.length - shown.length} more unit(s); see the plan file.`)
  if (opts.shards && opts.shards.length > 0) {
    out.push(
      '',
      `Matrix: ${opts.shards.length} shard(s): ` +
        opts.shards.map(s => `${s.units.length} unit(s)`).join(', ') +
        '.'
    )
  }
  const notes = [
    ...plan.skipped.map(s => `Skipped ${codeSpan(flatten(s.path))}: ${escapeInline(flatten(s.reason))}`),
    ...plan.problems.map(p => `Problem in ${codeSpan(flatten(p.file))}: ${escapeInline(flatten(p.message))}`),
    ...plan.cycles.map(c => `Dependency cycle: ${c.map(id => escapeInline(flatten(id))).join(' → ')}`)
  ]
  if (notes.length > 0) out.push('', ...notes.map(n => `- ${n}`))
  return out.join('\n') + '\n'
}
