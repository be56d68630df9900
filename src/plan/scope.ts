import type { Git } from '../adapters/git.js'
import type { Unit } from '../types.js'
import { compileGlob, matchesAny } from './glob.js'

/** What started the run and what it names. */
export interface ScopeRequest {
  /** `push`, `workflow_dispatch`, `schedule`, or anything else (treated like `schedule`: all units). */
  trigger: string
  /** `push`: the commit before the push (`github.event.before`). */
  before?: string
  /** `push`: the commit after the push; HEAD by default. */
  after?: string
  /** `workflow_dispatch`: unit globs (matched against id, basename and prompt path); empty = all. */
  units?: readonly string[]
}

/** The selected part of the repository. */
export interface Scope {
  mode: 'all' | 'changed' | 'globs'
  /** Why the scope is wider than asked, for the log and summary. */
  notice?: string
  /** Changed paths (mode `changed`). */
  changed?: ReadonlySet<string>
  globs?: readonly RegExp[]
  /** Mode `globs`: the patterns as given, parallel to `globs`. */
  patterns?: readonly string[]
  /** Problems with the request itself (an unusable glob, `units` on a trigger that ignores it). */
  warnings?: string[]
}

const ZERO = /^0+$/
/** Files whose change can move every unit's paths or settings. */
const GLOBAL_FILES = /(^|\/)(\.pddrc|architecture\.json)$/

/** Resolves the scope of a run; git is asked only for `push` (null: no repository). */
export async function resolveScope(git: Git | null, req: ScopeRequest): Promise<Scope> {
  if (req.trigger === 'workflow_dispatch' && req.units && req.units.length > 0) return globScope(req.units)
  const scope = await resolveTriggerScope(git, req)
  if (req.units && req.units.length > 0)
    scope.warnings = [
      `"units" (${req.units.join(', ')}) is ignored on a ${req.trigger} trigger; only workflow_dispatch selects units by name.`
    ]
  return scope
}

function globScope(units: readonly string[]): Scope {
  const globs: RegExp[] = []
  const patterns: string[] = []
  const warnings: string[] = []
  for (const u of units) {
    const g = compileGlob(u)
    if (g instanceof RegExp) {
      globs.push(g)
      patterns.push(u)
    } else warnings.push(`"units": ${g.error}; ignored.`)
  }
  return { mode: 'globs', globs, patterns, warnings }
}

/** The globs of a `globs` scope that select none of `units`. */
export function unmatchedPatterns(scope: Scope, units: readonly Unit[]): string[] {
  if (scope.mode !== 'globs') return []
  const names = units.flatMap(u => [u.id, u.basename, u.paths.prompt])
  return (scope.patterns ?? []).filter((_p, i) => !names.some(n => scope.globs?.[i]?.test(n)))
}

async function resolveTriggerScope(git: Git | null, req: ScopeRequest): Promise<Scope> {
  if (req.trigger !== 'push') return { mode: 'all' }
  if (git === null) return { mode: 'all', notice: 'Not a git repository: planning all units.' }
  const before = req.before?.trim() ?? ''
  if (before === '' || ZERO.test(before)) {
    return { mode: 'all', notice: 'The push created the branch (no "before" commit): planning all units.' }
  }
  const after = (await git.commitOf(req.after?.trim() || 'HEAD')) ?? null
  if (!after)
    return {
      mode: 'all',
      notice: `The pushed commit ${req.after ?? 'HEAD'} is unknown here: planning all units.`
    }
  if (!(await git.commitOf(before)) && (await git.isShallow()) && (await git.hasRemote('origin'))) {
    await git.fetchCommit('origin', before)
  }
  if (!(await git.commitOf(before))) {
    return {
      mode: 'all',
      notice: `The commit before the push (${before.slice(0, 12)}) is unknown (force push or missing history): planning all units.`
    }
  }
  const changed = new Set(await git.changedFiles(before, after))
  const global = [...changed].find(p => GLOBAL_FILES.test(p))
  if (global) return { mode: 'all', notice: `${global} changed: planning all units.` }
  return { mode: 'changed', changed }
}

/** Repository-relative files whose change affects a unit (its own files, included files, its state). */
export function unitFiles(unit: Unit, metaStem: string): string[] {
  const p = unit.paths
  return [
    p.prompt,
    p.code,
    p.example,
    p.test,
    ...unit.testFiles,
    ...unit.includes,
    `${unit.metaDir}/${metaStem}.json`,
    `${unit.metaDir}/${metaStem}_run.json`
  ]
}

/** Whether the scope selects a unit. */
export function inScope(scope: Scope, unit: Unit, metaStem: string): boolean {
  if (scope.mode === 'all') return true
  if (scope.mode === 'globs')
    return matchesAny(scope.globs ?? [], [unit.id, unit.basename, unit.paths.prompt])
  const changed = scope.changed ?? new Set<string>()
  return unitFiles(unit, metaStem).some(f => changed.has(f))
}
