import type { Unit } from '../types.js'

/**
 * Dependency edges: unit id → ids of the units whose files its prompt includes (other basenames only), whether
 * the file exists (`includes`) or is still to be generated (`pendingIncludes`).
 */
export function dependencyEdges(units: readonly Unit[]): Map<string, string[]> {
  const owner = ownersOfIncluded(units)
  const edges = new Map<string, string[]>()
  const deps: Dependencies = { of: units[0] as Unit, ids: [], seen: null }
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as Unit
    deps.of = u
    deps.ids = []
    deps.seen = null
    addOwners(deps, owner, u.includes)
    if (u.pendingIncludes !== undefined) addOwners(deps, owner, u.pendingIncludes)
    edges.set(u.id, deps.ids.length > 1 ? deps.ids.sort() : deps.ids)
  }
  return edges
}

/**
 * File → the units owning it (one entry for most files: no list until a second owner comes), for the files some
 * prompt includes: only those can make an edge (most of a unit's files are not indexed).
 */
function ownersOfIncluded(units: readonly Unit[]): Map<string, Unit | Unit[]> {
  const wanted = new Set<string>()
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as Unit
    for (let j = 0; j < u.includes.length; j++) wanted.add(u.includes[j] as string)
    const pending = u.pendingIncludes
    if (pending !== undefined) for (let j = 0; j < pending.length; j++) wanted.add(pending[j] as string)
  }
  const owner = new Map<string, Unit | Unit[]>()
  if (wanted.size === 0) return owner
  const own = (f: string, u: Unit): void => {
    if (!wanted.has(f)) return
    const l = owner.get(f)
    if (l === undefined) owner.set(f, u)
    else if (Array.isArray(l)) l.push(u)
    else owner.set(f, [l, u])
  }
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as Unit
    own(u.paths.code, u)
    own(u.paths.example, u)
    own(u.paths.test, u)
    own(u.paths.prompt, u)
    for (let j = 0; j < u.testFiles.length; j++) own(u.testFiles[j] as string, u)
  }
  return owner
}

/** The dependencies of one unit being collected (a set only for a prompt with many of them). */
interface Dependencies {
  of: Unit
  ids: string[]
  seen: Set<string> | null
}

function addOwners(
  deps: Dependencies,
  owner: ReadonlyMap<string, Unit | Unit[]>,
  files: readonly string[]
): void {
  for (let i = 0; i < files.length; i++) {
    const o = owner.get(files[i] as string)
    if (o === undefined) continue
    if (Array.isArray(o)) for (let j = 0; j < o.length; j++) addDependency(deps, o[j] as Unit)
    else addDependency(deps, o)
  }
}

/** Languages of one basename are one group, ordered by PDD itself (Python first): no edge inside a group. */
function addDependency(deps: Dependencies, o: Unit): void {
  if (o.basename === deps.of.basename) return
  if (deps.seen === null && deps.ids.length >= 16) deps.seen = new Set(deps.ids)
  if (deps.seen !== null ? deps.seen.has(o.id) : deps.ids.includes(o.id)) return
  deps.ids.push(o.id)
  deps.seen?.add(o.id)
}

/** Strongly connected components with more than one unit: dependency cycles (Tarjan, iterative). */
export function findCycles(
  ids: readonly string[],
  edges: ReadonlyMap<string, readonly string[]>
): string[][] {
  // Without any edge every unit is its own component: no walk needed.
  if (!hasEdges(edges)) return []
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
  // Without any edge every unit is ready at once: the heap would give them in code-unit order.
  if (!hasEdges(edges)) return [...ids].sort()
  const inCycle = new Map<string, number>()
  cycles.forEach((c, i) => c.forEach(id => inCycle.set(id, i)))
  const indeg = new Map<string, number>()
  for (let i = 0; i < ids.length; i++) indeg.set(ids[i] as string, 0)
  const dependents = new Map<string, string[]>()
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as string
    const deps = edges.get(id)
    if (deps === undefined) continue
    for (let j = 0; j < deps.length; j++) {
      const d = deps[j] as string
      if (!indeg.has(d) || (inCycle.has(id) && inCycle.get(id) === inCycle.get(d))) continue
      indeg.set(id, (indeg.get(id) ?? 0) + 1)
      const l = dependents.get(d)
      if (l) l.push(id)
      else dependents.set(d, [id])
    }
  }
  // The smallest ready id first, from a binary heap: a sorted array with shift and splice moved every waiting
  // id per step, quadratic when thousands of units are ready at once.
  const ready = new MinHeap()
  for (let i = 0; i < ids.length; i++) if (indeg.get(ids[i] as string) === 0) ready.push(ids[i] as string)
  const out: string[] = []
  while (ready.size > 0) {
    const id = ready.pop()
    out.push(id)
    const waiting = dependents.get(id)
    if (waiting === undefined) continue
    for (let j = 0; j < waiting.length; j++) {
      const n = waiting[j] as string
      const k = (indeg.get(n) ?? 0) - 1
      indeg.set(n, k)
      if (k === 0) ready.push(n)
    }
  }
  return out
}

function hasEdges(edges: ReadonlyMap<string, readonly string[]>): boolean {
  for (const deps of edges.values()) if (deps.length > 0) return true
  return false
}

/** A binary min-heap of strings in code-unit order (as `Array.prototype.sort` orders them). */
class MinHeap {
  private readonly items: string[] = []

  get size(): number {
    return this.items.length
  }

  push(v: string): void {
    const a = this.items
    let i = a.length
    a.push(v)
    while (i > 0) {
      const parent = (i - 1) >> 1
      if ((a[parent] as string) <= v) break
      a[i] = a[parent] as string
      i = parent
    }
    a[i] = v
  }

  pop(): string {
    const a = this.items
    const top = a[0] as string
    const last = a.pop() as string
    if (a.length === 0) return top
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      if (l >= a.length) break
      const r = l + 1
      const c = r < a.length && (a[r] as string) < (a[l] as string) ? r : l
      if ((a[c] as string) >= last) break
      a[i] = a[c] as string
      i = c
    }
    a[i] = last
    return top
  }
}
