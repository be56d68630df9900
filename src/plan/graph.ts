import { bisectLeft } from '../pycompat/pyfn.js'
import type { Unit } from '../types.js'

/**
 * Dependency edges: unit id → ids of the units whose files its prompt includes (other basenames only), whether
 * the file exists (`includes`) or is still to be generated (`pendingIncludes`).
 */
export function dependencyEdges(units: readonly Unit[]): Map<string, string[]> {
  const owner = new Map<string, string[]>()
  for (const u of units) {
    for (const f of [u.paths.code, u.paths.example, u.paths.test, u.paths.prompt, ...u.testFiles]) {
      const l = owner.get(f)
      if (l) l.push(u.id)
      else owner.set(f, [u.id])
    }
  }
  const basenameOf = new Map(units.map(u => [u.id, u.basename]))
  const edges = new Map<string, string[]>()
  for (const u of units) {
    const deps = new Set<string>()
    // Languages of one basename are one group, ordered by PDD itself (Python first): no edge inside a group.
    const add = (inc: string): void => {
      for (const id of owner.get(inc) ?? []) if (basenameOf.get(id) !== u.basename) deps.add(id)
    }
    u.includes.forEach(add)
    u.pendingIncludes?.forEach(add)
    edges.set(u.id, [...deps].sort())
  }
  return edges
}

/** Strongly connected components with more than one unit: dependency cycles (Tarjan, iterative). */
export function findCycles(
  ids: readonly string[],
  edges: ReadonlyMap<string, readonly string[]>
): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const cycles: string[][] = []
  let counter = 0
  for (const start of ids) {
    if (index.has(start)) continue
    const work: { id: string; i: number }[] = [{ id: start, i: 0 }]
    index.set(start, counter)
    low.set(start, counter++)
    stack.push(start)
    onStack.add(start)
    while (work.length > 0) {
      const top = work[work.length - 1] as { id: string; i: number }
      const next = (edges.get(top.id) ?? [])[top.i++]
      if (next !== undefined) {
        if (!index.has(next)) {
          index.set(next, counter)
          low.set(next, counter++)
          stack.push(next)
          onStack.add(next)
          work.push({ id: next, i: 0 })
        } else if (onStack.has(next)) low.set(top.id, Math.min(low.get(top.id) ?? 0, index.get(next) ?? 0))
        continue
      }
      work.pop()
      const parent = work[work.length - 1]
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) ?? 0, low.get(top.id) ?? 0))
      if (low.get(top.id) === index.get(top.id)) {
        const scc: string[] = []
        let x: string | undefined
        do {
          x = stack.pop()
          if (x === undefined) break
          onStack.delete(x)
          scc.push(x)
        } while (x !== top.id)
        if (scc.length > 1) cycles.push(scc.sort())
      }
    }
  }
  return cycles.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''))
}

/**
 * Dependency order: every unit after the units it depends on; ties by id. Edges inside a cycle are ignored
 * for ordering (the cycle is reported, not looped on).
 */
export function topoOrder(
  ids: readonly string[],
  edges: ReadonlyMap<string, readonly string[]>,
  cycles: string[][]
): string[] {
  const inCycle = new Map<string, number>()
  cycles.forEach((c, i) => c.forEach(id => inCycle.set(id, i)))
  const known = new Set(ids)
  const indeg = new Map<string, number>(ids.map(id => [id, 0]))
  const dependents = new Map<string, string[]>()
  for (const id of ids) {
    for (const d of edges.get(id) ?? []) {
      if (!known.has(d) || (inCycle.has(id) && inCycle.get(id) === inCycle.get(d))) continue
      indeg.set(id, (indeg.get(id) ?? 0) + 1)
      const l = dependents.get(d)
      if (l) l.push(id)
      else dependents.set(d, [id])
    }
  }
  const ready = ids.filter(id => indeg.get(id) === 0).sort()
  const out: string[] = []
  while (ready.length > 0) {
    const id = ready.shift() as string
    out.push(id)
    for (const n of dependents.get(id) ?? []) {
      const k = (indeg.get(n) ?? 0) - 1
      indeg.set(n, k)
      if (k === 0) insertSorted(ready, n)
    }
  }
  return out
}

function insertSorted(list: string[], v: string): void {
  list.splice(bisectLeft(list, v), 0, v)
}
